#pragma once
// What the OEWS text and workbook readers share: both hand rows of cell text to one builder,
// which reads columns by name and turns cells into figures (src/core/oews.hpp).
#include <string>
#include <string_view>
#include <vector>

#include "core/errors.hpp"
#include "core/oews.hpp"

namespace careerplan::oews_detail {

class RowBuilder
{
public:
  // `where` is "row" for a text file, "sheet 'NAME' row" for a workbook.
  RowBuilder(OewsFile& out, std::string where) : m_out(out), m_where(std::move(where)) {}
  // The first non-empty row is the header; every later one a row of figures.
  void add(const std::vector<std::string>& cells, std::size_t line);
  // True once a header was seen that has an occupation column.
  bool has_header() const { return m_header_line != 0; }
  // After the last row: a DataError when the file had no header or no rows.
  void finish();

  [[noreturn]] void fail(std::size_t line, const std::string& message) const;

private:
  void header(const std::vector<std::string>& cells, std::size_t line);
  void row(const std::vector<std::string>& cells, std::size_t line);
  std::string cell(const std::vector<std::string>& cells, int col) const;

  OewsFile& m_out;
  std::string m_where;
  std::size_t m_header_line = 0;
  int m_area = -1, m_area_title = -1, m_area_type = -1, m_prim_state = -1, m_naics = -1;
  int m_occ_code = -1, m_occ_title = -1, m_o_group = -1, m_annual = -1, m_hourly = -1;
  std::array<int, k_oews_fields> m_fields{};
};

// Text from a file with its control characters (C0, DEL, C1) replaced by U+FFFD, so that an
// imported title cannot drive a terminal.
std::string neutralize(std::string_view text);

// Throws the one-problem DataError "FILE: WHERE: MESSAGE".
[[noreturn]] void fail(const std::string& file, const std::string& where, const std::string& message);

void read_text(std::string_view bytes, OewsFile& out);
void read_xlsx(std::string_view bytes, OewsFile& out);

} // namespace careerplan::oews_detail
