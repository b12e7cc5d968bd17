// Markdown and CSV renderings of a Document.
#include <algorithm>
#include <string_view>

#include "core/text.hpp"
#include "render/document.hpp"

namespace careerplan {

Document printable(const Document& doc)
{
  Document out = doc;
  auto fix = [](std::string& s) { s = printable(std::string_view(s)); };
  auto fix_table = [&](Table& t) {
    for (auto& c : t.columns) {
      fix(c);
    }
    for (auto& row : t.rows) {
      for (auto& cell : row) {
        fix(cell);
      }
    }
    for (auto& legend : t.legends) {
      fix(legend.second);
    }
  };
  fix(out.title);
  for (auto& s : out.sections) {
    fix(s.heading);
    for (auto& [k, v] : s.fields) {
      fix(k);
      fix(v);
    }
    for (auto& p : s.paragraphs) {
      fix(p);
    }
    for (auto& b : s.bullets) {
      fix(b);
    }
    fix_table(s.table);
  }
  fix_table(out.csv);
  for (auto& f : out.footnotes) {
    fix(f);
  }
  return out;
}

namespace {

// Markdown text that stays text: every character that could open emphasis, code, a link, an
// image, raw HTML or a table cell is backslash-escaped (CommonMark renders "\[" as "["), and, in
// text that starts a line (a paragraph, a list item, a quote), so is a character that would
// start a block there (a heading, a quote, a list, a rule). printable() has already turned line
// breaks (CR included) into spaces, so no text starts a line of its own.
enum class At { inline_text, line_start };

std::string md_text(const std::string& s, At at = At::inline_text)
{
  std::string out;
  const std::size_t leading_digits = std::min(s.find_first_not_of("0123456789"), s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    const bool inline_mark = std::string_view("\\`*_[]<>|~!&").find(c) != std::string_view::npos;
    const bool start = at == At::line_start;
    const bool block_mark = start && i == 0 && std::string_view("#+-=>").find(c) != std::string_view::npos;
    const bool list_number = start && i > 0 && i == leading_digits && (c == '.' || c == ')'); // "1. " starts a list
    if (inline_mark || block_mark || list_number) {
      out += '\\';
    }
    out += c;
  }
  return out;
}

} // namespace

std::string render_markdown(const Document& in)
{
  const Document doc = printable(in);
  std::string out;
  if (!doc.title.empty()) {
    out += "# " + md_text(doc.title) + "\n";
  }
  for (const auto& s : doc.sections) {
    out += "\n";
    if (!s.heading.empty()) {
      out += "## " + md_text(s.heading) + "\n\n";
    }
    for (const auto& [k, v] : s.fields) {
      out += "- **" + md_text(k) + "**: " + md_text(v) + "\n";
    }
    if (!s.fields.empty() && (!s.paragraphs.empty() || !s.bullets.empty() || !s.table.columns.empty())) {
      out += "\n";
    }
    for (const auto& p : s.paragraphs) {
      out += md_text(p, At::line_start) + "\n\n";
    }
    for (const auto& b : s.bullets) {
      out += "- " + md_text(b, At::line_start) + "\n";
    }
    if (!s.bullets.empty() && !s.table.columns.empty()) {
      out += "\n";
    }
    if (!s.table.columns.empty()) {
      std::string head = "|";
      std::string rule = "|";
      for (std::size_t c = 0; c < s.table.columns.size(); ++c) {
        head += " " + md_text(s.table.columns[c]) + " |";
        const bool right = c < s.table.align.size() && s.table.align[c] == Align::right;
        rule += right ? " ---: |" : " --- |";
      }
      out += head + "\n" + rule + "\n";
      for (const auto& row : s.table.rows) {
        std::string line = "|";
        for (std::size_t c = 0; c < s.table.columns.size(); ++c) {
          line += " " + md_text(c < row.size() ? row[c] : "") + " |";
        }
        out += line + "\n";
      }
      for (const auto& legend : s.table.legends) {
        out += "\n" + md_text(legend.second, At::line_start) + "\n";
      }
    }
  }
  if (!doc.footnotes.empty()) {
    out += "\n";
    for (const auto& f : doc.footnotes) {
      out += "> " + md_text(f, At::line_start) + "\n";
    }
  }
  return out;
}

namespace {

bool plain_number(const std::string& s)
{
  std::size_t i = s[0] == '-' || s[0] == '+' ? 1 : 0;
  const std::size_t digits = i;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') {
    ++i;
  }
  if (i == digits) {
    return false;
  }
  if (i < s.size() && s[i] == '.') {
    const std::size_t frac = ++i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') {
      ++i;
    }
    if (i == frac) {
      return false;
    }
  }
  return i == s.size();
}

} // namespace

std::string csv_escape(const std::string& in)
{
  // A negative number stays a number; "-1+1" or "=HYPERLINK(...)" does not reach a spreadsheet as a formula.
  // Leading blanks are skipped as a spreadsheet may skip them (tabs and CRs arrive here as spaces).
  const std::size_t first = in.find_first_not_of(' ');
  const bool formula = first != std::string::npos && std::string_view("=+-@").find(in[first]) != std::string_view::npos &&
                       !plain_number(in);
  const std::string field = formula ? "'" + in : in;
  if (field.find_first_of(",\"\r\n") == std::string::npos) {
    return field;
  }
  std::string out = "\"";
  for (char c : field) {
    out += c == '"' ? std::string("\"\"") : std::string(1, c);
  }
  return out + "\"";
}

std::string csv_lines(const Table& t, bool header)
{
  std::string out;
  auto line = [&](const std::vector<std::string>& cells) {
    for (std::size_t c = 0; c < t.columns.size(); ++c) {
      if (c > 0) {
        out += ',';
      }
      out += csv_escape(c < cells.size() ? printable(std::string_view(cells[c])) : "");
    }
    out += "\r\n";
  };
  if (header) {
    line(t.columns);
  }
  for (const auto& row : t.rows) {
    line(row);
  }
  return out;
}

std::string render_csv(const Document& doc)
{
  return csv_lines(doc.csv, true); // the CSV is the document's csv table alone
}

} // namespace careerplan
