#include "core/tsv.hpp"

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstring>
#include <fstream>
#include <sys/stat.h>

#include <fmt/format.h>

#include "core/errors.hpp"

namespace careerplan {

namespace {

// Where the text stops being valid UTF-8 (text.size() when it is valid).
std::size_t utf8_error_at(std::string_view s)
{
  std::size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    std::size_t len = 0;
    std::uint32_t cp = 0;
    if (c < 0x80) {
      ++i;
      continue;
    }
    if ((c & 0xE0) == 0xC0) {
      len = 2;
      cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      len = 3;
      cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
      len = 4;
      cp = c & 0x07;
    } else {
      return i;
    }
    if (i + len > s.size()) {
      return i;
    }
    for (std::size_t k = 1; k < len; ++k) {
      const auto cc = static_cast<unsigned char>(s[i + k]);
      if ((cc & 0xC0) != 0x80) {
        return i;
      }
      cp = (cp << 6) | (cc & 0x3F);
    }
    const bool overlong = (len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000);
    if (overlong || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
      return i;
    }
    i += len;
  }
  return s.size();
}

std::vector<std::string_view> split_tabs(std::string_view line)
{
  std::vector<std::string_view> out;
  std::size_t start = 0;
  while (true) {
    const std::size_t tab = line.find('\t', start);
    if (tab == std::string_view::npos) {
      out.push_back(line.substr(start));
      return out;
    }
    out.push_back(line.substr(start, tab - start));
    start = tab + 1;
  }
}

} // namespace

TsvFile::TsvFile(std::string file, std::string text) : m_file(std::move(file)), m_text(std::move(text))
{
  std::string_view all = m_text;
  if (all.substr(0, 3) == "\xEF\xBB\xBF") {
    all.remove_prefix(3);
  }
  if (const std::size_t bad = utf8_error_at(all); bad != all.size()) {
    const std::size_t line = 1 + static_cast<std::size_t>(std::count(all.begin(), all.begin() + static_cast<long>(bad), '\n'));
    fail(line, "the text is not valid UTF-8");
  }
  std::size_t line_no = 0;
  std::size_t pos = 0;
  while (pos < all.size()) {
    std::size_t end = all.find('\n', pos);
    std::string_view line = all.substr(pos, end == std::string_view::npos ? std::string_view::npos : end - pos);
    pos = end == std::string_view::npos ? all.size() : end + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') {
      line.remove_suffix(1);
    }
    if (m_header.empty()) {
      if (line.empty()) {
        fail(line_no, "the header line is empty");
      }
      for (auto h : split_tabs(line)) {
        m_header.emplace_back(h);
      }
      continue;
    }
    if (line.empty()) {
      continue; // a blank line (a trailing one, typically) holds no row
    }
    Row row{line_no, split_tabs(line)};
    if (row.fields.size() != m_header.size()) {
      fail(line_no, fmt::format("{} fields where the header has {} (a truncated or malformed row)", row.fields.size(),
                                m_header.size()));
    }
    m_rows.push_back(std::move(row));
  }
  if (m_header.empty()) {
    fail(1, "the file is empty (a header line was expected)");
  }
}

TsvFile TsvFile::read(const std::string& path, const std::string& shown_name)
{
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) {
    throw IoError(fmt::format("{}: cannot read: {}", shown_name, std::strerror(errno)));
  }
  if (!S_ISREG(st.st_mode)) {
    throw IoError(fmt::format("{}: not a regular file", shown_name));
  }
  if (static_cast<std::size_t>(st.st_size) > k_max_tsv_size) {
    throw IoError(fmt::format("{}: larger than {} MiB; not an O*NET text file", shown_name, k_max_tsv_size >> 20));
  }
  std::ifstream in(path, std::ios::binary);
  std::string text(static_cast<std::size_t>(st.st_size), '\0');
  if (!in || !in.read(text.data(), static_cast<std::streamsize>(text.size()))) {
    throw IoError(fmt::format("{}: cannot read: {}", shown_name, std::strerror(errno)));
  }
  return TsvFile(shown_name, std::move(text));
}

std::optional<std::size_t> TsvFile::find(std::string_view column) const
{
  for (std::size_t i = 0; i < m_header.size(); ++i) {
    if (m_header[i] == column) {
      return i;
    }
  }
  return std::nullopt;
}

std::size_t TsvFile::require(std::string_view column) const
{
  if (auto i = find(column)) {
    return *i;
  }
  fail(1, fmt::format("no '{}' column in the header", column));
}

void TsvFile::fail(std::size_t line, const std::string& message) const
{
  throw DataError({Problem{fmt::format("{}:{}", m_file, line), "", message}});
}

double tsv_number(const TsvFile& f, const TsvFile::Row& row, std::size_t col, std::string_view name)
{
  const std::string_view s = row.fields[col];
  double v = 0;
  const auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v, std::chars_format::fixed);
  if (s.empty() || ec != std::errc() || ptr != s.data() + s.size() || !std::isfinite(v)) {
    std::string shown(s.substr(0, 40));
    for (char& c : shown) {
      if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
        c = '?';
      }
    }
    f.fail(row.line, fmt::format("{}: '{}' is not a number", name, shown));
  }
  return v;
}

std::optional<double> tsv_opt_number(const TsvFile& f, const TsvFile::Row& row, std::size_t col, std::string_view name)
{
  const std::string_view s = row.fields[col];
  if (s.empty() || s == "n/a") {
    return std::nullopt;
  }
  return tsv_number(f, row, col, name);
}

std::optional<bool> tsv_flag(const TsvFile& f, const TsvFile::Row& row, std::size_t col, std::string_view name)
{
  const std::string_view s = row.fields[col];
  if (s == "Y") {
    return true;
  }
  if (s == "N") {
    return false;
  }
  if (s.empty() || s == "n/a") {
    return std::nullopt;
  }
  f.fail(row.line, fmt::format("{}: expected Y, N or n/a", name));
}

} // namespace careerplan
