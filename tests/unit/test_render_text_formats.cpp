#include <doctest/doctest.h>

#include <string>

#include "render/document.hpp"

using namespace careerplan;

namespace {

Document csv_doc(std::vector<std::vector<std::string>> rows)
{
  Document doc;
  doc.csv.columns = {"id", "note"};
  doc.csv.rows = std::move(rows);
  return doc;
}

} // namespace

TEST_CASE("CSV: a header row, CRLF line ends, and RFC 4180 quoting only where needed")
{
  CHECK(render_csv(csv_doc({{"a", "plain"}})) == "id,note\r\na,plain\r\n");
  CHECK(render_csv(csv_doc({{"b", "one, two"}})) == "id,note\r\nb,\"one, two\"\r\n");
  CHECK(render_csv(csv_doc({{"c", "say \"hi\""}})) == "id,note\r\nc,\"say \"\"hi\"\"\"\r\n");
  // A short row is padded with empty cells to the header's width; extra cells are left out.
  CHECK(render_csv(csv_doc({{"d"}})) == "id,note\r\nd,\r\n");
  CHECK(render_csv(csv_doc({{"e", "x", "extra"}})) == "id,note\r\ne,x\r\n");
}

TEST_CASE("CSV: a cell a spreadsheet would take for a formula starts with a quote; a number stays a number")
{
  CHECK(csv_escape("=HYPERLINK(\"http://x\")") == "\"'=HYPERLINK(\"\"http://x\"\")\"");
  CHECK(csv_escape("+1+1") == "'+1+1");
  CHECK(csv_escape("@SUM(A1)") == "'@SUM(A1)");
  CHECK(csv_escape("  -1+1") == "'  -1+1");
  CHECK(csv_escape("-12.5") == "-12.5");
  CHECK(csv_escape("+3") == "+3");
  CHECK(csv_escape("") == "");
}

TEST_CASE("CSV: control characters from a data file never reach the output")
{
  const std::string out = render_csv(csv_doc({{"f", "bell\a and \x1b[31mred\x1b[0m"}}));
  CHECK(out.find('\a') == std::string::npos);
  CHECK(out.find('\x1b') == std::string::npos);
  // A line break inside a cell becomes a space: one record per line.
  const std::string two = render_csv(csv_doc({{"g", "line one\nline two"}}));
  CHECK(two == "id,note\r\ng,line one line two\r\n");
}

TEST_CASE("Markdown: title, section heading, fields, bullets, table and footnotes")
{
  Document doc;
  doc.title = "Gap: Data Engineer";
  Section s;
  s.heading = "Skills";
  s.fields = {{"level", "mid"}};
  s.bullets = {"learn SQL"};
  s.table.columns = {"SKILL", "GAP"};
  s.table.align = {Align::left, Align::right};
  s.table.rows = {{"sql", "2"}, {"python"}};
  doc.sections.push_back(s);
  doc.footnotes = {"Figures are BLS's."};
  const std::string md = render_markdown(doc);
  CHECK(md == "# Gap: Data Engineer\n"
              "\n"
              "## Skills\n"
              "\n"
              "- **level**: mid\n"
              "\n"
              "- learn SQL\n"
              "\n"
              "| SKILL | GAP |\n"
              "| --- | ---: |\n"
              "| sql | 2 |\n"
              "| python |  |\n"
              "\n"
              "> Figures are BLS's.\n");
}

TEST_CASE("Markdown: text from a data file cannot add markup, a table cell or a heading")
{
  Document doc;
  Section s;
  s.paragraphs = {"# not a heading", "1. not a list", "a | b *c* [link](x) <b>"};
  s.table.columns = {"A"};
  s.table.rows = {{"x | y"}};
  doc.sections.push_back(s);
  const std::string md = render_markdown(doc);
  CHECK(md.find("\\# not a heading\n") != std::string::npos);
  CHECK(md.find("1\\. not a list\n") != std::string::npos);
  CHECK(md.find("a \\| b \\*c\\* \\[link\\](x) \\<b\\>") != std::string::npos);
  CHECK(md.find("| x \\| y |") != std::string::npos);
}

TEST_CASE("Markdown: control characters are neutralised")
{
  Document doc;
  doc.title = "evil\x1b]0;title\a";
  const std::string md = render_markdown(doc);
  CHECK(md.find('\x1b') == std::string::npos);
  CHECK(md.find('\a') == std::string::npos);
}
