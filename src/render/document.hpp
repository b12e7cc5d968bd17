#pragma once
// What a command shows a person: a list of sections, each with fields, paragraphs and tables.
// The table, markdown and CSV renderers all work from this one prepared structure; JSON is
// rendered from the core's result types instead, so its shape is a documented contract.
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace careerplan {

enum class Align { left, right };

struct Table
{
  std::vector<std::string> columns;
  std::vector<Align> align; // per column; left when missing
  std::vector<std::vector<std::string>> rows;
  // Columns left out, in this order, while the table is wider than the terminal (e.g. a bar).
  std::vector<std::size_t> droppable;
  // The column whose text wraps when the table is too wide (default: the last). A table that
  // does not fit even so prints as one block of "COLUMN  value" lines per row.
  std::optional<std::size_t> wrap;
  // Further columns whose text wraps as `wrap`'s does (e.g. a long title beside the gaps); the
  // room left by the other columns is shared between them.
  std::vector<std::size_t> wrap_also;
  // A column's legend ("LEVEL: █ met, ░ gap"): printed under the table only when the column is
  // (a legend for a column dropped on a narrow terminal would describe nothing).
  std::vector<std::pair<std::size_t, std::string>> legends;
};

struct Section
{
  std::string heading; // empty: no heading
  std::vector<std::pair<std::string, std::string>> fields; // "key: value" lines
  std::vector<std::string> paragraphs;
  std::vector<std::string> bullets;
  Table table;
};

struct Document
{
  std::string title;
  std::vector<Section> sections;
  // What `--format csv` prints: raw values (numbers unformatted), one header row.
  Table csv;
  std::vector<std::string> footnotes;
};

// Adds a section of bullets under `heading` ("Notes", "Warnings"), only when there are any.
inline void add_bullets(Document& doc, std::string heading, const std::vector<std::string>& bullets)
{
  if (!bullets.empty()) {
    Section s;
    s.heading = std::move(heading);
    s.bullets = bullets;
    doc.sections.push_back(std::move(s));
  }
}

// The format a view builds, when it builds only one (a list of ten thousand roles).
enum class ViewFormat
{
  table, // also markdown: both are rendered from the Document
  csv,
  json_document, // (`json` would hide nlohmann::json)
};

struct RenderOptions
{
  std::size_t width = 100;
  bool color = false;
};

// Every renderer for people (table, markdown, CSV) starts from the document with each text made
// printable (core/text.hpp): text from a data file never reaches a terminal or a spreadsheet raw.
Document printable(const Document& doc);
std::string render_table(const Document& doc, const RenderOptions& options);
std::string render_markdown(const Document& doc);
std::string render_csv(const Document& doc);
// The CSV lines of a table's rows, and of its columns first when `header`, each cell made
// printable: render_csv's text for the document's csv table, which a long list writes in parts.
std::string csv_lines(const Table& t, bool header);
// RFC 4180 quoting, and a cell that a spreadsheet would take for a formula (one that begins
// with '=', '+', '-' or '@', after any spaces, and is not a plain number) starts with a "'"
// (OWASP's advice on CSV injection).
std::string csv_escape(const std::string& field);
// A bar of `width` cells filled in proportion to value/max: "█████░░░░░".
std::string bar(double value, double max, std::size_t width);

} // namespace careerplan
