#include <doctest/doctest.h>

#include <sstream>

#include "core/text.hpp"
#include "render/document.hpp"

using namespace careerplan;

namespace {

Document table_doc()
{
  Document doc;
  Section s;
  s.table.columns = {"ID", "NOTE", "BAR", "N"};
  s.table.rows = {{"alpha", "a short note", "#####", "1"},
                  {"beta", "a much longer note that will have to wrap on a narrow terminal", "##", "22"}};
  s.table.droppable = {2};
  s.table.wrap = 1;
  doc.sections.push_back(s);
  return doc;
}

std::size_t widest(const std::string& text)
{
  std::size_t w = 0;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    w = std::max(w, display_width(line));
  }
  return w;
}

} // namespace

TEST_CASE("a table that fits prints every column on one line per row")
{
  const std::string out = render_table(table_doc(), {200, false});
  CHECK(out.find("BAR") != std::string::npos);
  CHECK(out.find("a much longer note that will have to wrap on a narrow terminal") != std::string::npos);
}

TEST_CASE("a narrower table drops its droppable columns first, then wraps the wrap column")
{
  CHECK(render_table(table_doc(), {40, false}).find("BAR") != std::string::npos); // still fits
  const std::string out = render_table(table_doc(), {30, false});
  CHECK(out.find("BAR") == std::string::npos);
  CHECK(widest(out) <= 30);
  // The wrap column is the second; the last column stays on the row's first line.
  CHECK(out.find("  beta   a much longer      22\n") != std::string::npos);
  CHECK(out.find("22\n") != std::string::npos);
}

TEST_CASE("a table that cannot fit becomes one block of COLUMN value lines per row, every column kept")
{
  Document doc = table_doc();
  doc.sections[0].table.rows[0][0] = "an-identifier-of-thirty-chars";
  const std::string out = render_table(doc, {40, false});
  CHECK(widest(out) <= 40);
  CHECK(out.find("  ID    an-identifier-of-thirty-chars\n") != std::string::npos);
  CHECK(out.find("  BAR   #####\n") != std::string::npos);
  CHECK(out.find("\n\n  ID    beta\n") != std::string::npos); // a blank line between rows
}

TEST_CASE("two wrapping columns share the room the others leave, so a table stays a table")
{
  Document doc;
  Section s;
  s.table.columns = {"#", "TITLE", "PAY", "GAPS"};
  s.table.rows = {{"1", "Transportation, Storage, and Distribution Managers", "$102,010",
                   "Mathematics (2→4.12), Critical Thinking (3→4.00), Programming (1→2.88)"},
                  {"2", "Dancers", "—", "none"}};
  s.table.wrap = 3;
  s.table.wrap_also = {1};
  doc.sections.push_back(s);
  const std::string out = render_table(doc, {60, false});
  CHECK(widest(out) <= 60);
  CHECK(out.find("  #  TITLE") == 0); // a header line, not a block per row
  CHECK(out.find("  1  Transportation,") != std::string::npos);
  CHECK(out.find("Managers") != std::string::npos); // every word kept, on a later line
  CHECK(out.find("Programming") != std::string::npos);
  CHECK(out.find("\n  2  Dancers") != std::string::npos); // the next row starts after both have wrapped
  CHECK(render_table(doc, {200, false}).find("  1  Transportation, Storage, and Distribution Managers  $102,010") !=
        std::string::npos);
}

TEST_CASE("titles and headings wrap to the width")
{
  Document doc;
  doc.title = "A title long enough that it has to wrap at forty columns wide";
  const std::string out = render_table(doc, {40, false});
  CHECK(widest(out) <= 40);
  CHECK(out.find('\n') < out.size() - 1);
}

TEST_CASE("every renderer for people neutralises control characters from the data")
{
  Document doc;
  doc.title = "Evil \x1b]8;;http://x\x07link\x1b]8;;\x07";
  Section s;
  s.heading = "H\xc2\x9b" "2J";
  s.fields = {{"k\x1b", "v\xe2\x80\xae"}};
  s.paragraphs = {std::string("nul\0here", 8)};
  s.bullets = {"b\x1b[1m"};
  s.table.columns = {"A"};
  s.table.rows = {{"\x1b[2J"}};
  doc.sections.push_back(s);
  doc.csv.columns = {"a"};
  doc.csv.rows = {{"\x1b[2J"}};
  doc.footnotes = {"f\x1b"};
  for (const std::string& out : {render_table(doc, RenderOptions{}), render_markdown(doc), render_csv(doc)}) {
    CHECK(out.find('\x1b') == std::string::npos);
    CHECK(out.find('\0') == std::string::npos);
    CHECK(out.find("\xc2\x9b") == std::string::npos);
    CHECK(out.find("\xe2\x80\xae") == std::string::npos);
  }
  RenderOptions colour;
  colour.color = true;
  CHECK(render_table(doc, colour).find("\x1b[1m") != std::string::npos); // the renderer's own emphasis stays
}

TEST_CASE("CSV cells that a spreadsheet would run as a formula are guarded; numbers are not")
{
  CHECK(csv_escape("=HYPERLINK(\"http://x\")") == "\"'=HYPERLINK(\"\"http://x\"\")\"");
  CHECK(csv_escape("+1+1") == "'+1+1");
  CHECK(csv_escape("-2+3") == "'-2+3");
  CHECK(csv_escape("@SUM(A1)") == "'@SUM(A1)");
  CHECK(csv_escape("-12.5") == "-12.5");
  CHECK(csv_escape("185000") == "185000");
  CHECK(csv_escape("a,b") == "\"a,b\"");
  Document doc;
  doc.csv.columns = {"a"};
  doc.csv.rows = {{"\t=cmd"}, {"\r=cmd"}};
  CHECK(render_csv(doc) == "a\r\n' =cmd\r\n' =cmd\r\n");
}

TEST_CASE("Markdown text cannot open a link, an image, HTML, emphasis, a table cell or a block")
{
  Document doc;
  Section s;
  s.paragraphs = {"# not a heading", "1. not a list", "> not a quote"};
  s.bullets = {"[click](javascript:alert(1)) ![img](http://t/x.png) <script>x</script> *a* _b_ `c` a|b",
               "line\rbreak\nand more"};
  doc.sections.push_back(s);
  const std::string md = render_markdown(doc);
  CHECK(md.find("\\# not a heading") != std::string::npos);
  CHECK(md.find("1\\. not a list") != std::string::npos);
  CHECK(md.find("\\> not a quote") != std::string::npos);
  CHECK(md.find("\\[click\\](javascript:alert(1))") != std::string::npos);
  CHECK(md.find("\\!\\[img\\]") != std::string::npos);
  CHECK(md.find("\\<script\\>") != std::string::npos);
  CHECK(md.find("\\*a\\* \\_b\\_ \\`c\\` a\\|b") != std::string::npos);
  CHECK(md.find("- line break and more\n") != std::string::npos);
  CHECK(md.find('\r') == std::string::npos);
}
