// OEWS text files: comma-, semicolon- or tab-separated, fields quoted as in RFC 4180, an
// optional UTF-8 byte-order mark, LF or CRLF line ends. The separator is the one of the three
// that occurs most often (outside quotes) in the header line.
#include <fmt/format.h>

#include "core/oews_internal.hpp"

namespace careerplan::oews_detail {

namespace {

char separator(std::string_view text)
{
  std::size_t comma = 0, semicolon = 0, tab = 0;
  bool quoted = false;
  for (const char c : text) {
    if (c == '"') {
      quoted = !quoted;
    } else if (!quoted && c == '\n') {
      break;
    } else if (!quoted) {
      comma += c == ',' ? 1 : 0;
      semicolon += c == ';' ? 1 : 0;
      tab += c == '\t' ? 1 : 0;
    }
  }
  if (tab >= comma && tab >= semicolon && tab > 0) {
    return '\t';
  }
  return semicolon > comma ? ';' : ',';
}

// Length of the UTF-8 sequence at s[i], or 0 when it is not valid UTF-8.
std::size_t utf8_length(std::string_view s, std::size_t i)
{
  const auto b = static_cast<unsigned char>(s[i]);
  std::size_t n = 0;
  unsigned min = 0;
  if (b < 0x80) {
    return 1;
  }
  if ((b & 0xE0) == 0xC0) {
    n = 2;
    min = 0x80;
  } else if ((b & 0xF0) == 0xE0) {
    n = 3;
    min = 0x800;
  } else if ((b & 0xF8) == 0xF0) {
    n = 4;
    min = 0x10000;
  } else {
    return 0;
  }
  if (i + n > s.size()) {
    return 0;
  }
  unsigned cp = b & (0xFF >> (n + 1));
  for (std::size_t k = 1; k < n; ++k) {
    const auto c = static_cast<unsigned char>(s[i + k]);
    if ((c & 0xC0) != 0x80) {
      return 0;
    }
    cp = (cp << 6) | (c & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
    return 0;
  }
  return n;
}

} // namespace

void read_text(std::string_view text, OewsFile& out)
{
  if (text.substr(0, 3) == "\xEF\xBB\xBF") {
    text.remove_prefix(3);
  }
  const char sep = separator(text);
  RowBuilder builder(out, "row");
  std::vector<std::string> cells;
  std::string field;
  std::size_t line = 1;
  std::size_t record_line = 1;
  bool quoted = false;
  bool was_quoted = false;
  auto end_field = [&] {
    cells.push_back(std::move(field));
    field.clear();
    was_quoted = false;
  };
  for (std::size_t i = 0; i < text.size();) {
    const char c = text[i];
    if (c == '\0') {
      builder.fail(line, "a NUL byte: a binary file, neither a workbook (.xlsx) nor text");
    }
    const std::size_t n = utf8_length(text, i);
    if (n == 0) {
      builder.fail(line, "not UTF-8 text");
    }
    if (n > 1) {
      field.append(text.substr(i, n));
      i += n;
      continue;
    }
    ++i;
    if (quoted) {
      if (c == '"') {
        if (i < text.size() && text[i] == '"') {
          field += '"';
          ++i;
        } else {
          quoted = false;
        }
      } else {
        line += c == '\n' ? 1 : 0;
        field += c;
      }
      continue;
    }
    if (c == '"' && field.find_first_not_of(" ") == std::string::npos && !was_quoted) {
      field.clear();
      quoted = true;
      was_quoted = true;
    } else if (c == sep) {
      end_field();
    } else if (c == '\n') {
      if (!field.empty() && field.back() == '\r') {
        field.pop_back();
      }
      end_field();
      builder.add(cells, record_line);
      cells.clear();
      ++line;
      record_line = line;
    } else if (c == '"') {
      builder.fail(line, "a quote inside an unquoted field");
    } else {
      field += c;
    }
  }
  if (quoted) {
    builder.fail(record_line, "a quoted field that never ends (a truncated file?)");
  }
  if (!field.empty() || !cells.empty()) {
    if (!field.empty() && field.back() == '\r') {
      field.pop_back();
    }
    end_field();
    builder.add(cells, record_line);
  }
  builder.finish();
}

} // namespace careerplan::oews_detail
