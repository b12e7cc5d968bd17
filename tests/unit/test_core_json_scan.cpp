// Reading one top-level key of a document without parsing the rest (core/json_scan.hpp): a role's
// title and aliases.
#include <doctest/doctest.h>

#include "core/json_scan.hpp"

using namespace careerplan;

TEST_CASE("scan_top_string: the top-level key's string, read up to there and no further")
{
  CHECK(scan_top_string(R"({"id": "x", "title": "Data Analyst", "rest": [1, 2]})", "title") == "Data Analyst");
  CHECK(scan_top_string(R"({"id": "x", "title": "Data Analyst", "rest": [1, )", "title") == "Data Analyst");
  CHECK(scan_top_string(R"({"nested": {"title": "no"}, "list": [{"title": "no"}], "title": "yes"})", "title") == "yes");
  CHECK(scan_top_string(R"({"title": 3, "other": "no"})", "title") == std::nullopt);
  CHECK(scan_top_string(R"({"title": ["no"], "other": "no"})", "title") == std::nullopt);
  CHECK(scan_top_string(R"({"titles": "no"})", "title") == std::nullopt);
  CHECK(scan_top_string(R"({"id": "x", "summary": )", "title") == std::nullopt); // an error before it
  CHECK(scan_top_string(R"(["title", "no"])", "title") == std::nullopt);
  CHECK(scan_top_string("", "title") == std::nullopt);
}

TEST_CASE("scan_top_strings: the strings directly in the top-level key's array")
{
  using V = std::vector<std::string>;
  CHECK(scan_top_strings(R"({"id": "x", "aliases": ["a", "B"], "title": "t"})", "aliases") == V{"a", "B"});
  CHECK(scan_top_strings(R"({"aliases": ["a", ["no"], {"k": "no"}, 3, "b"]})", "aliases") == V{"a", "b"});
  CHECK(scan_top_strings(R"({"skills": [{"aliases": ["no"]}], "aliases": ["yes"]})", "aliases") == V{"yes"});
  CHECK(scan_top_strings(R"({"aliases": "a", "other": ["no"]})", "aliases").empty());
  CHECK(scan_top_strings(R"({"aliases": ["a", "b"] garbage)", "aliases") == V{"a", "b"}); // read before the error
  CHECK(scan_top_strings(R"({"aliases": ["a", )", "aliases") == V{"a"});
  CHECK(scan_top_strings(R"({"aliases": []})", "aliases").empty());
  CHECK(scan_top_strings("{", "aliases").empty());
}
