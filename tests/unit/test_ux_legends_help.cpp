#include <doctest/doctest.h>

#include <sstream>

#include "cli/help_format.hpp"
#include "core/errors.hpp"
#include "core/text.hpp"
#include "render/document.hpp"

using namespace careerplan;

TEST_CASE("a column's legend is printed only with its column")
{
  Document doc;
  Section s;
  s.table.columns = {"ID", "NOTE", "BAR"};
  s.table.rows = {{"alpha", "a note of some length, long enough to matter", "##########################"}};
  s.table.droppable = {2};
  s.table.legends = {{2, "BAR: # done"}, {1, "NOTE: what it is"}};
  doc.sections.push_back(s);
  RenderOptions wide;
  wide.width = 120;
  const std::string all = render_table(doc, wide);
  CHECK(all.find("BAR: # done") != std::string::npos);
  RenderOptions narrow;
  narrow.width = 60;
  const std::string some = render_table(doc, narrow);
  CHECK(some.find("BAR: # done") == std::string::npos);
  CHECK(some.find("NOTE: what it is") != std::string::npos);
}

TEST_CASE("help text wraps under its column and keeps a hanging indent")
{
  const std::string item = help_item("--level LEVEL", std::string(100, 'x').replace(50, 1, " "), 26, 80);
  std::istringstream in(item);
  for (std::string line; std::getline(in, line);) {
    CHECK(display_width(line) <= 80);
  }
  const std::string text = wrap_help_text("  roles       the bundled catalog, then a data directory, then another one, "
                                          "then each --data-dir given",
                                          60);
  CHECK(text.find("\n              ") != std::string::npos); // continues under "the bundled"
}

TEST_CASE("a data error's hint names the exact validate command")
{
  const DataError one({{"bad.json", "/a", "x"}});
  CHECK(one.hint().empty());
  const DataError two({{"bad.json", "/a", "x"}, {"bad.json", "/b", "y"}});
  CHECK(two.hint() == "1 more problem(s); run 'careerplan validate bad.json' to list them");
  const DataError spaced({{"my file.json", "/a", "x"}, {"other.json", "/b", "y"}});
  CHECK(spaced.hint().find("careerplan validate 'my file.json' other.json") != std::string::npos);
}
