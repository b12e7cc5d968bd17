// Markdown and CSV renderings of a Document.
#include "core/text.hpp"
#include "render/document.hpp"

namespace careerplan {

namespace {

std::string md_cell(const std::string& s)
{
  std::string out;
  for (char c : s) {
    if (c == '|') {
      out += "\\|";
    } else if (c == '\n') {
      out += ' ';
    } else {
      out += c;
    }
  }
  return out;
}

} // namespace

std::string render_markdown(const Document& doc)
{
  std::string out;
  if (!doc.title.empty()) {
    out += "# " + doc.title + "\n";
  }
  for (const auto& s : doc.sections) {
    out += "\n";
    if (!s.heading.empty()) {
      out += "## " + s.heading + "\n\n";
    }
    for (const auto& [k, v] : s.fields) {
      out += "- **" + k + "**: " + v + "\n";
    }
    if (!s.fields.empty() && (!s.paragraphs.empty() || !s.bullets.empty() || !s.table.columns.empty())) {
      out += "\n";
    }
    for (const auto& p : s.paragraphs) {
      out += p + "\n\n";
    }
    for (const auto& b : s.bullets) {
      out += "- " + b + "\n";
    }
    if (!s.bullets.empty() && !s.table.columns.empty()) {
      out += "\n";
    }
    if (!s.table.columns.empty()) {
      std::string head = "|";
      std::string rule = "|";
      for (std::size_t c = 0; c < s.table.columns.size(); ++c) {
        head += " " + md_cell(s.table.columns[c]) + " |";
        const bool right = c < s.table.align.size() && s.table.align[c] == Align::right;
        rule += right ? " ---: |" : " --- |";
      }
      out += head + "\n" + rule + "\n";
      for (const auto& row : s.table.rows) {
        std::string line = "|";
        for (std::size_t c = 0; c < s.table.columns.size(); ++c) {
          line += " " + md_cell(c < row.size() ? row[c] : "") + " |";
        }
        out += line + "\n";
      }
    }
  }
  if (!doc.footnotes.empty()) {
    out += "\n";
    for (const auto& f : doc.footnotes) {
      out += "> " + f + "\n";
    }
  }
  return out;
}

std::string csv_escape(const std::string& field)
{
  if (field.find_first_of(",\"\r\n") == std::string::npos) {
    return field;
  }
  std::string out = "\"";
  for (char c : field) {
    out += c == '"' ? std::string("\"\"") : std::string(1, c);
  }
  return out + "\"";
}

std::string render_csv(const Document& doc)
{
  const Table& t = doc.csv;
  std::string out;
  auto line = [&](const std::vector<std::string>& cells) {
    for (std::size_t c = 0; c < t.columns.size(); ++c) {
      if (c > 0) {
        out += ',';
      }
      out += csv_escape(c < cells.size() ? cells[c] : "");
    }
    out += "\r\n";
  };
  line(t.columns);
  for (const auto& row : t.rows) {
    line(row);
  }
  return out;
}

} // namespace careerplan
