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

TEST_CASE("titles and headings wrap to the width")
{
  Document doc;
  doc.title = "A title long enough that it has to wrap at forty columns wide";
  const std::string out = render_table(doc, {40, false});
  CHECK(widest(out) <= 40);
  CHECK(out.find('\n') < out.size() - 1);
}
