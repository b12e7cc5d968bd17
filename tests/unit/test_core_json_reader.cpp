#include <doctest/doctest.h>

#include "core/json_fast.hpp"
#include "core/json_reader.hpp"

using namespace careerplan;

namespace {

std::vector<Problem> parse_problems(const std::string& text)
{
  std::vector<Problem> problems;
  parse_json(text, "f.json", problems);
  return problems;
}

// The same document down to each number's type (nlohmann's == takes 1 and 1u and 1.0 as equal).
bool same(const json& a, const json& b)
{
  if (a.type() != b.type()) {
    return false;
  }
  if (a.is_object()) {
    if (a.size() != b.size()) {
      return false;
    }
    for (auto it = a.begin(), jt = b.begin(); it != a.end(); ++it, ++jt) {
      if (it.key() != jt.key() || !same(*it, *jt)) {
        return false;
      }
    }
    return true;
  }
  if (a.is_array()) {
    if (a.size() != b.size()) {
      return false;
    }
    for (std::size_t i = 0; i < a.size(); ++i) {
      if (!same(a[i], b[i])) {
        return false;
      }
    }
    return true;
  }
  return a == b;
}

} // namespace

TEST_CASE("the fast parse gives nlohmann's document, each number typed as nlohmann types it, or leaves it to nlohmann")
{
  const char* const documents[] = {
      R"({"a": 1, "b": -2, "c": 1.5, "d": 1e2, "e": 0, "f": 18446744073709551615, "g": -9223372036854775808})",
      R"({"s": "caf\u00e9 \"quoted\" \n tab\t", "u": "日本語", "t": true, "n": null, "e": [], "o": {}})",
      R"([[1, [2, [3, {"x": [4.25]}]]], "z"])",
      R"("just a string")",
      R"({"schema": "careerplan/role/v1", "skills": [{"skill": "python", "weight": 0.25, "required": {"mid": 3}}]})",
  };
  for (const char* text : documents) {
    CAPTURE(text);
    const auto fast = detail::parse_json_fast(text, k_max_json_depth);
    REQUIRE(fast.has_value());
    CHECK(same(*fast, json::parse(text)));
    std::vector<Problem> problems;
    const auto j = parse_json(text, "f.json", problems);
    CHECK(problems.empty());
    REQUIRE(j.has_value());
    CHECK(same(*j, json::parse(text)));
  }
  // Left to nlohmann's parse, which types or reports them itself.
  for (const char* text : {R"({"a": -0.0})", R"({"a": 1, "a": 2})", R"({"a": 18446744073709551616})",
                           R"({"a": 1e400})", "{\"a\": }", "", "[1, 2"}) {
    CAPTURE(text);
    CHECK_FALSE(detail::parse_json_fast(text, k_max_json_depth).has_value());
  }
  // "-0" is the integer 0 (simdjson's tree keeps no sign on it; nlohmann types it signed, which
  // no reader tells apart from unsigned).
  std::vector<Problem> problems;
  const auto minus_zero = parse_json(R"({"a": -0})", "f.json", problems);
  REQUIRE(minus_zero.has_value());
  CHECK((*minus_zero)["a"].is_number_integer());
  CHECK(*minus_zero == json::parse(R"({"a": -0})"));
  // Nesting at the limit (64 levels) is left to nlohmann's parse, which says whether it is over.
  auto nested = [](std::size_t n) { return std::string(n, '[') + std::string(n, ']'); };
  CHECK(detail::parse_json_fast(nested(k_max_json_depth - 1), k_max_json_depth).has_value());
  CHECK_FALSE(detail::parse_json_fast(nested(k_max_json_depth), k_max_json_depth).has_value());
  problems.clear();
  CHECK(parse_json(nested(k_max_json_depth), "f.json", problems).has_value());
  CHECK(problems.empty());
  CHECK_FALSE(parse_json(nested(k_max_json_depth + 1), "f.json", problems).has_value());
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].message.find("nested more than 64 levels deep") != std::string::npos);
  const std::string shallow = std::string(10, '[') + std::string(10, ']');
  CHECK(detail::parse_json_fast(shallow, k_max_json_depth).has_value());
}

TEST_CASE("malformed JSON is reported with line and column")
{
  const auto p = parse_problems("{\n  \"a\": 1,\n  \"b\": ]\n}");
  REQUIRE(p.size() == 1);
  CHECK(p[0].file == "f.json");
  CHECK(p[0].message.rfind("line 3, column 8: malformed JSON", 0) == 0);
}

TEST_CASE("empty files, BOMs, duplicate keys and invalid UTF-8 are rejected")
{
  CHECK(parse_problems("").at(0).message.find("empty") != std::string::npos);
  CHECK(parse_problems("  \n").at(0).message.find("empty") != std::string::npos);
  CHECK(parse_problems("\xEF\xBB\xBF{}").at(0).message.find("byte-order mark") != std::string::npos);
  CHECK(parse_problems("{\"a\": 1, \"a\": 2}").at(0).message.find("duplicate key 'a'") != std::string::npos);
  CHECK(parse_problems("{\"a\": {\"b\": 1}, \"b\": 2}").empty());
  // A duplicate inside a dropped duplicate (found by the fuzzer: the dropped object was freed
  // while it was still being built): the first duplicate is named, nothing is read after free.
  CHECK(parse_problems("{\"a\": 1, \"a\": {\"b\": 1, \"b\": {\"c\": [1, {\"d\": 2, \"d\": 3}]}, \"e\": \"x\"}}")
            .at(0)
            .message.find("duplicate key 'a'") != std::string::npos);
  CHECK(parse_problems("{\"a\": \"\xff\"}").at(0).message.find("malformed JSON") != std::string::npos);
  CHECK(parse_problems("{} trailing").at(0).message.find("line 1") != std::string::npos);
  CHECK(parse_problems("{\"a\": 1}").empty());
}

TEST_CASE("ObjectReader names the JSON path of every problem")
{
  std::vector<Problem> problems;
  const ReadContext ctx{"f.json", &problems};
  const json j = json::parse(R"({"name": 3, "n": 11, "i": 2.5, "list": ["a", 1], "extra": true})");
  ObjectReader o(ctx, j, "/x");
  CHECK(o.req_str("name").empty());
  CHECK_FALSE(o.opt_num("n", 0, 10).has_value());
  CHECK_FALSE(o.opt_int("i", 0, 10).has_value());
  CHECK(o.opt_str_list("list") == std::vector<std::string>{"a"});
  CHECK(o.req_str("missing").empty());
  o.finish();
  REQUIRE(problems.size() == 6);
  CHECK(problems[0].path == "/x/name");
  CHECK(problems[0].message == "expected a string, found an integer");
  CHECK(problems[1].path == "/x/n");
  CHECK(problems[1].message == "11 is out of range (0 to 10)");
  CHECK(problems[2].path == "/x/i");
  CHECK(problems[3].path == "/x/list/1");
  CHECK(problems[4].path == "/x/missing");
  CHECK(problems[4].message == "required field is missing");
  CHECK(problems[5].path == "/x/extra");
  CHECK(problems[5].message == "unknown field");
}

TEST_CASE("JSON pointers escape '~' and '/'")
{
  CHECK(pointer_append("", "a/b~c") == "/a~1b~0c");
  CHECK(pointer_append("/x", 3) == "/x/3");
  CHECK(pointer_append("/skills/12", "weight_basis") == "/skills/12/weight_basis");
  CHECK(pointer_append("", "") == "/");
  CHECK(pointer_append("/a", "~") == "/a/~0");
  CHECK(pointer_append("", 1234567890) == "/1234567890");
}

TEST_CASE("read_file refuses what is not a regular file")
{
  CHECK_THROWS_AS(read_file("/nonexistent/file.json"), IoError);
  CHECK_THROWS_AS(read_file("/tmp"), IoError);
}

TEST_CASE("ids of every kind are read as plain ids, with the JSON path of any that is not")
{
  std::vector<Problem> problems;
  const ReadContext ctx{"f.json", &problems};
  const json j = json::parse(R"J({"id": "ok-id", "level": "$(touch x)", "region": "`id`", "scale": "Upper",
                                 "levels": ["entry", "a b", "senior", "x;y", 5], "missing_ok": null})J");
  ObjectReader o(ctx, j, "");
  CHECK(o.req_id("id") == "ok-id");
  CHECK(o.opt_id("level").empty());
  CHECK(o.opt_id("region").empty());
  CHECK(o.opt_id("scale", "proficiency-0-5").empty());
  CHECK(o.opt_id("absent", "fallback") == "fallback");
  CHECK(o.opt_id_list("levels") == std::vector<std::string>{"entry", "senior"});
  std::vector<std::string> paths;
  for (const auto& p : problems) {
    paths.push_back(p.path);
  }
  CHECK(paths == std::vector<std::string>{"/level", "/region", "/scale", "/levels/1", "/levels/3", "/levels/4"});
  CHECK(problems[0].message.find("'$(touch x)' is not a plain id") == 0);
  CHECK(check_id(ctx, "/k", std::string("a\0b", 3)) == false);
  CHECK(problems.back().message.find("'a?b'") == 0); // a NUL is shown, not a cut-off message
}

TEST_CASE("nesting deeper than 64 levels is refused where it starts, whatever else is wrong with the text")
{
  const std::string ok = std::string(64, '[') + std::string(64, ']');
  CHECK(parse_problems(ok).empty());
  const std::string deep = "{\"a\":\n " + std::string(65, '[') + std::string(65, ']') + "}";
  const auto p = parse_problems(deep);
  REQUIRE(p.size() == 1);
  CHECK(p[0].message == "line 2, column 65: nested more than 64 levels deep"); // the 64th '[', in the object
  // Too deep and malformed, or with a duplicate key, before or after: too deep.
  CHECK(parse_problems("{\"x\": ], " + deep.substr(1)).at(0).message.find("nested more than 64") != std::string::npos);
  CHECK(parse_problems(deep + " trailing").at(0).message.find("nested more than 64") != std::string::npos);
  CHECK(parse_problems("{\"a\": 1, \"a\": 2, \"b\": " + deep + "}").at(0).message.find("nested more than 64") !=
        std::string::npos);
  CHECK(parse_problems("{\"x\": 1e99999, \"b\": " + deep + "}").at(0).message.find("nested more than 64") !=
        std::string::npos);
  // Brackets in strings are no nesting.
  CHECK(parse_problems("{\"a\": \"" + std::string(100, '[') + "\\\"" + "\"}").empty());
}
