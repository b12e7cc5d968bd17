#include "core/onet_import.hpp"

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include <fmt/format.h>

#include "core/errors.hpp"
#include "core/onet_import_internal.hpp"
#include "core/onet_profile.hpp"
#include "core/tsv.hpp"

namespace careerplan {

namespace fs = std::filesystem;

namespace onet_import_detail {

std::optional<TsvFile> Importer::open(const std::string& name, bool required)
{
  const std::string path = m_dir + "/" + name;
  std::error_code ec;
  if (!fs::exists(path, ec)) {
    if (required) {
      throw DataError({Problem{m_dir, "",
                               fmt::format("no '{}': not an unzipped O*NET text release (db_XX_X_text)", name)}});
    }
    m_report.missing.push_back(name);
    return std::nullopt;
  }
  if (m_progress) {
    m_progress(name);
  }
  return TsvFile::read(path, path);
}

const std::string& Importer::known_code(const TsvFile& f, const TsvFile::Row& row, std::size_t col)
{
  const std::string code(row.fields[col]);
  const auto it = m_codes.find(code);
  if (it == m_codes.end()) {
    f.fail(row.line, is_onet_code(code) ? fmt::format("occupation '{}' is not in Occupation Data.txt", code)
                                        : fmt::format("'{}' is not an O*NET-SOC code (like 15-2041.00)",
                                                      code.substr(0, 40)));
  }
  return *it;
}

const ScaleRange& Importer::known_scale(const TsvFile& f, const TsvFile::Row& row, std::size_t col)
{
  const std::string id(row.fields[col]);
  const auto it = m_scales.find(id);
  if (it == m_scales.end()) {
    f.fail(row.line, fmt::format("unknown scale id '{}' (not in Scales Reference.txt)", id.substr(0, 40)));
  }
  return it->second;
}

void Importer::in_range(const TsvFile& f, const TsvFile::Row& row, std::string_view scale, double v)
{
  const ScaleRange& r = m_scales.at(std::string(scale));
  if (v < r.min || v > r.max) {
    f.fail(row.line, fmt::format("Data Value {} is outside the {} scale's range {}–{} (Scales Reference.txt)", v,
                                 scale, r.min, r.max));
  }
}

void Importer::read_me()
{
  const std::string path = m_dir + "/Read Me.txt";
  std::error_code ec;
  if (!fs::exists(path, ec)) {
    m_report.missing.push_back("Read Me.txt");
    return;
  }
  // The first two lines name the release: "O*NET 29.3 Database" and "May 2025 Release".
  std::vector<std::string> lines;
  std::ifstream in(path);
  for (std::string line; lines.size() < 2 && std::getline(in, line);) {
    if (!line.empty() && line.back() == '\r') {
      line.pop_back();
    }
    if (line.rfind("\xEF\xBB\xBF", 0) == 0) {
      line.erase(0, 3);
    }
    lines.push_back(line.substr(0, 200));
  }
  const std::string prefix = "O*NET ";
  const std::string suffix = " Database";
  if (!lines.empty() && lines[0].rfind(prefix, 0) == 0 && lines[0].size() > prefix.size() + suffix.size() &&
      lines[0].compare(lines[0].size() - suffix.size(), suffix.size(), suffix) == 0) {
    const std::string version = lines[0].substr(prefix.size(), lines[0].size() - prefix.size() - suffix.size());
    if (version.size() <= 10 && version.find_first_not_of("0123456789.") == std::string::npos) {
      m_report.version = version;
      const bool second = lines.size() > 1 && lines[1].size() < 40 &&
                          lines[1].find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789 ") ==
                              std::string::npos;
      m_report.release = "O*NET " + version + " Database" + (second && !lines[1].empty() ? ", " + lines[1] : "");
    }
  }
}

void Importer::scales()
{
  auto f = open("Scales Reference.txt");
  if (!f) {
    return;
  }
  const std::size_t id = f->require("Scale ID"), name = f->require("Scale Name"), lo = f->require("Minimum"),
                    hi = f->require("Maximum");
  Stmt ins(m_db, "INSERT INTO onet_scale VALUES (?,?,?,?)");
  for (const auto& row : f->rows()) {
    const std::string sid(row.fields[id]);
    const ScaleRange r{tsv_number(*f, row, lo, "Minimum"), tsv_number(*f, row, hi, "Maximum")};
    if (r.min > r.max) {
      f->fail(row.line, "Minimum is above Maximum");
    }
    if (!m_scales.emplace(sid, r).second) {
      f->fail(row.line, fmt::format("scale '{}' is listed twice", sid.substr(0, 40)));
    }
    ins.bind(1, sid).bind(2, row.fields[name]).bind(3, r.min).bind(4, r.max).run();
  }
  counted(*f);
}

void Importer::occupations()
{
  auto f = open("Occupation Data.txt", true);
  const std::size_t code = f->require("O*NET-SOC Code"), title = f->require("Title"),
                    desc = f->require("Description");
  Stmt ins(m_db, "INSERT INTO onet_occupation (code, title, description, slug, line) VALUES (?,?,?,?,?)");
  std::unordered_set<std::string> slugs;
  for (const auto& row : f->rows()) {
    const std::string c(row.fields[code]);
    if (!is_onet_code(c)) {
      f->fail(row.line, fmt::format("'{}' is not an O*NET-SOC code (like 15-2041.00)", c.substr(0, 40)));
    }
    if (!m_codes.insert(c).second) {
      f->fail(row.line, fmt::format("occupation {} is listed twice", c));
    }
    if (row.fields[title].empty()) {
      f->fail(row.line, "the Title is empty");
    }
    std::string slug = title_slug(row.fields[title]);
    if (slug.empty() || !slugs.insert(slug).second) {
      slug += (slug.empty() ? "" : "-") + c; // two occupations of one title: the code tells them apart
      slugs.insert(slug);
    }
    ins.bind(1, c).bind(2, row.fields[title]).bind(3, row.fields[desc]).bind(4, slug).bind(5, static_cast<std::int64_t>(row.line)).run();
  }
  if (m_codes.empty()) {
    f->fail(1, "no occupations");
  }
  m_report.occupations = m_codes.size();
  counted(*f);
}

void Importer::elements()
{
  auto f = open("Content Model Reference.txt");
  if (!f) {
    return;
  }
  const std::size_t id = f->require("Element ID"), name = f->require("Element Name"), desc = f->require("Description");
  Stmt ins(m_db, "INSERT INTO onet_element VALUES (?,?,?)");
  for (const auto& row : f->rows()) {
    if (!m_elements.emplace(row.fields[id]).second) {
      f->fail(row.line, fmt::format("element '{}' is listed twice", std::string(row.fields[id]).substr(0, 40)));
    }
    ins.bind(1, row.fields[id]).bind(2, row.fields[name]).bind(3, row.fields[desc]).run();
  }
  counted(*f);
}

void Importer::ratings(const std::string& file, const char* domain)
{
  auto f = open(file);
  if (!f) {
    return;
  }
  if (m_scales.empty()) {
    f->fail(1, "Scales Reference.txt is needed to check the values of this file, and it is missing");
  }
  const std::size_t code = f->require("O*NET-SOC Code"), el = f->require("Element ID"), name = f->require("Element Name"),
                    scale = f->require("Scale ID"), value = f->require("Data Value");
  const auto n = f->find("N"), se = f->find("Standard Error"), lo = f->find("Lower CI Bound"),
             hi = f->find("Upper CI Bound"), sup = f->find("Recommend Suppress"), nr = f->find("Not Relevant"),
             date = f->find("Date"), src = f->find("Domain Source");
  Stmt ins(m_db, "INSERT INTO onet_rating VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
  std::set<std::tuple<std::string_view, std::string_view, std::string_view>> seen;
  std::unordered_set<std::string_view> rated;
  for (const auto& row : f->rows()) {
    const std::string& c = known_code(*f, row, code);
    known_scale(*f, row, scale);
    if (!m_elements.empty() && m_elements.count(std::string(row.fields[el])) == 0) {
      f->fail(row.line, fmt::format("element '{}' is not in Content Model Reference.txt",
                                    std::string(row.fields[el]).substr(0, 40)));
    }
    if (!seen.emplace(row.fields[code], row.fields[el], row.fields[scale]).second) {
      f->fail(row.line, fmt::format("a second row for {}, element {}, scale {}", c, std::string(row.fields[el]),
                                    std::string(row.fields[scale])));
    }
    const double v = tsv_number(*f, row, value, "Data Value");
    in_range(*f, row, row.fields[scale], v);
    rated.insert(row.fields[code]);
    ins.bind(1, c).bind(2, domain).bind(3, row.fields[el]).bind(4, row.fields[name]).bind(5, row.fields[scale]).bind(6, v);
    ins.bind(7, n ? opt_int(tsv_opt_number(*f, row, *n, "N")) : std::nullopt);
    ins.bind(8, se ? tsv_opt_number(*f, row, *se, "Standard Error") : std::nullopt);
    ins.bind(9, lo ? tsv_opt_number(*f, row, *lo, "Lower CI Bound") : std::nullopt);
    ins.bind(10, hi ? tsv_opt_number(*f, row, *hi, "Upper CI Bound") : std::nullopt);
    bind_flag(ins, 11, sup ? tsv_flag(*f, row, *sup, "Recommend Suppress") : std::nullopt);
    bind_flag(ins, 12, nr ? tsv_flag(*f, row, *nr, "Not Relevant") : std::nullopt);
    ins.bind(13, date ? row.fields[*date] : std::string_view()).bind(14, src ? row.fields[*src] : std::string_view());
    ins.run();
  }
  if (std::string_view(domain) == "skill") {
    m_report.rated_occupations = rated.size();
  }
  counted(*f);
}

void Importer::anchors()
{
  auto f = open("Level Scale Anchors.txt");
  if (!f) {
    return;
  }
  const std::size_t el = f->require("Element ID"), scale = f->require("Scale ID"), value = f->require("Anchor Value"),
                    text = f->require("Anchor Description");
  Stmt ins(m_db, "INSERT INTO onet_anchor VALUES (?,?,?,?)");
  for (const auto& row : f->rows()) {
    if (!m_scales.empty()) {
      known_scale(*f, row, scale);
    }
    ins.bind(1, row.fields[el]).bind(2, row.fields[scale]).bind(3, tsv_number(*f, row, value, "Anchor Value"));
    ins.bind(4, row.fields[text]).run();
  }
  counted(*f);
}

void Importer::job_zones()
{
  auto f = open("Job Zones.txt");
  if (!f) {
    return;
  }
  const std::size_t code = f->require("O*NET-SOC Code"), zone = f->require("Job Zone");
  const auto date = f->find("Date");
  Stmt upd(m_db, "UPDATE onet_occupation SET job_zone = ?, job_zone_date = ? WHERE code = ?");
  std::unordered_set<std::string_view> seen;
  for (const auto& row : f->rows()) {
    const std::string& c = known_code(*f, row, code);
    const double z = tsv_number(*f, row, zone, "Job Zone");
    if (z != 1 && z != 2 && z != 3 && z != 4 && z != 5) {
      f->fail(row.line, "Job Zone must be 1, 2, 3, 4 or 5");
    }
    if (!seen.insert(row.fields[code]).second) {
      f->fail(row.line, fmt::format("a second job zone for {}", c));
    }
    upd.bind(1, static_cast<int>(z)).bind(2, date ? row.fields[*date] : std::string_view()).bind(3, c).run();
  }
  counted(*f);
}

void Importer::job_zone_reference()
{
  auto f = open("Job Zone Reference.txt");
  if (!f) {
    return;
  }
  const std::size_t zone = f->require("Job Zone");
  const auto name = f->find("Name"), exp = f->find("Experience"), edu = f->find("Education"),
             training = f->find("Job Training"), examples = f->find("Examples"), svp = f->find("SVP Range");
  Stmt ins(m_db, "INSERT INTO onet_job_zone VALUES (?,?,?,?,?,?,?)");
  std::set<int> seen;
  auto text = [](const TsvFile::Row& row, std::optional<std::size_t> col) {
    return col ? row.fields[*col] : std::string_view();
  };
  for (const auto& row : f->rows()) {
    const int z = static_cast<int>(tsv_number(*f, row, zone, "Job Zone"));
    if (z < 1 || z > 5 || !seen.insert(z).second) {
      f->fail(row.line, "Job Zone must be 1 to 5, each once");
    }
    ins.bind(1, z).bind(2, text(row, name)).bind(3, text(row, exp)).bind(4, text(row, edu));
    ins.bind(5, text(row, training)).bind(6, text(row, examples)).bind(7, text(row, svp)).run();
  }
  counted(*f);
}

OnetImportReport Importer::run(const std::string& imported_at)
{
  std::error_code ec;
  if (!fs::is_directory(m_dir, ec)) {
    throw IoError(fmt::format("{}: not a directory (give the unzipped O*NET text release)", m_dir));
  }
  Transaction tx(m_db);
  m_db.exec(onet_schema_sql());
  read_me();
  scales();
  occupations();
  elements();
  ratings("Skills.txt", "skill");
  ratings("Knowledge.txt", "knowledge");
  anchors();
  job_zones();
  job_zone_reference();
  education();
  education_categories();
  related();
  technology();
  alt_titles();
  interests();
  write_onet_profiles(m_db, build_onet_profiles(m_db));
  Stmt meta(m_db, "INSERT INTO onet_meta VALUES (?,?)");
  meta.bind(1, "version").bind(2, m_report.version).run();
  meta.bind(1, "release").bind(2, m_report.release).run();
  meta.bind(1, "imported_at").bind(2, imported_at).run();
  meta.bind(1, "occupations").bind(2, std::to_string(m_report.occupations)).run();
  meta.bind(1, "rated_occupations").bind(2, std::to_string(m_report.rated_occupations)).run();
  meta.bind(1, "directory").bind(2, fs::absolute(m_dir, ec).lexically_normal().string()).run();
  tx.commit();
  return m_report;
}

} // namespace onet_import_detail

OnetImportReport import_onet(const std::string& dir, Db& db, const std::string& imported_at, const ImportProgress& progress)
{
  return onet_import_detail::Importer(dir, db, progress).run(imported_at);
}

} // namespace careerplan
