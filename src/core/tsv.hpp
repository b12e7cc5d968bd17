#pragma once
// Tab-separated text files with one header line, as O*NET's text release writes them: columns
// are found by header name (layouts differ between releases), a UTF-8 byte-order mark and CRLF
// line ends are accepted, and every problem names the file and line.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace careerplan {

// Larger files are refused before they are read (the largest O*NET 29.3 text file is 5.5 MB).
inline constexpr std::size_t k_max_tsv_size = 64 * 1024 * 1024;

class TsvFile
{
public:
  // Parses `text` (the contents of `file`, named in messages). Throws DataError (exit 3) for
  // invalid UTF-8, an empty file, or a row whose field count differs from the header's.
  TsvFile(std::string file, std::string text);
  // Reads and parses a regular file; IoError when it cannot be read.
  static TsvFile read(const std::string& path, const std::string& shown_name);

  const std::string& file() const { return m_file; }
  // The index of a column, or nullopt when the header has no such column.
  std::optional<std::size_t> find(std::string_view column) const;
  // The index of a required column; DataError naming the file and the missing column otherwise.
  std::size_t require(std::string_view column) const;

  struct Row
  {
    std::size_t line = 0; // 1-based line number in the file
    std::vector<std::string_view> fields;
  };
  const std::vector<Row>& rows() const { return m_rows; }

  // A DataError for a problem in a row: "FILE:LINE: message".
  [[noreturn]] void fail(std::size_t line, const std::string& message) const;

private:
  std::string m_file;
  std::string m_text;
  std::vector<std::string> m_header;
  std::vector<Row> m_rows;
};

// Field conversions that fail with the file, line and column name.
double tsv_number(const TsvFile& f, const TsvFile::Row& row, std::size_t col, std::string_view name);
// "n/a" or empty: nullopt.
std::optional<double> tsv_opt_number(const TsvFile& f, const TsvFile::Row& row, std::size_t col,
                                     std::string_view name);
// "Y" / "N"; "n/a" or empty: nullopt.
std::optional<bool> tsv_flag(const TsvFile& f, const TsvFile::Row& row, std::size_t col, std::string_view name);

} // namespace careerplan
