#pragma once
// The O*NET importer's parts, shared by onet_import.cpp (the release's core files: scales,
// occupations, elements, ratings, job zones) and onet_import_tables.cpp (education, related
// occupations, technology, alternate titles, interests). Not for use outside the import.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "core/onet_import.hpp"
#include "core/store.hpp"
#include "core/tsv.hpp"

namespace careerplan::onet_import_detail {

namespace fs = std::filesystem;

struct ScaleRange
{
  double min = 0;
  double max = 0;
};

inline std::optional<int> flag_int(std::optional<bool> b)
{
  if (!b) {
    return std::nullopt;
  }
  return *b ? 1 : 0;
}

inline void bind_flag(Stmt& s, int i, std::optional<bool> b)
{
  if (auto v = flag_int(b)) {
    s.bind(i, *v);
  } else {
    s.bind_null(i);
  }
}

inline std::optional<std::int64_t> opt_int(const std::optional<double>& d)
{
  if (!d) {
    return std::nullopt;
  }
  return static_cast<std::int64_t>(*d);
}

class Importer
{
public:
  Importer(std::string dir, Db& db, const ImportProgress& progress) : m_dir(std::move(dir)), m_db(db), m_progress(progress) {}

  OnetImportReport run(const std::string& imported_at);

private:
  std::optional<TsvFile> open(const std::string& name, bool required = false);
  void read_me();
  void scales();
  void occupations();
  void elements();
  void ratings(const std::string& file, const char* domain);
  void anchors();
  void job_zones();
  void job_zone_reference();
  void education();
  void education_categories();
  void related();
  void technology();
  void alt_titles();
  void interests();

  const std::string& known_code(const TsvFile& f, const TsvFile::Row& row, std::size_t col);
  const ScaleRange& known_scale(const TsvFile& f, const TsvFile::Row& row, std::size_t col);
  void in_range(const TsvFile& f, const TsvFile::Row& row, std::string_view scale, double v);
  void counted(const TsvFile& f) { m_report.files.emplace_back(fs::path(f.file()).filename().string(), f.rows().size()); }

  std::string m_dir;
  Db& m_db;
  const ImportProgress& m_progress;
  OnetImportReport m_report;
  std::unordered_set<std::string> m_codes;
  std::unordered_map<std::string, ScaleRange> m_scales;
  std::unordered_set<std::string> m_elements;
};

} // namespace careerplan::onet_import_detail
