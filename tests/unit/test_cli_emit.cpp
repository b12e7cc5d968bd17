// emit builds only the format asked for: JSON never builds the table document, and the table,
// CSV and markdown formats never build the JSON.
#include <doctest/doctest.h>

#include "cli/context.hpp"

using namespace careerplan;

TEST_CASE("emit builds only the format asked for")
{
  Context ctx;
  int documents = 0;
  int jsons = 0;
  const Output out{[&] {
                     ++documents;
                     return Document{};
                   },
                   [&] {
                     ++jsons;
                     return nlohmann::json::object();
                   }};
  for (const char* format : {"csv", "markdown", "table"}) {
    CAPTURE(format);
    ctx.options.format = format;
    documents = jsons = 0;
    ctx.emit(out);
    CHECK(documents == 1);
    CHECK(jsons == 0);
  }
  ctx.options.format = "json";
  documents = jsons = 0;
  ctx.emit(out);
  CHECK(documents == 0);
  CHECK(jsons == 1);
}
