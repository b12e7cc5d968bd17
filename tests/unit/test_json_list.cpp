#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "render/json_list.hpp"

using namespace careerplan;

namespace {

// What JsonListText must equal: the whole document built, then dumped as emit dumps it.
std::string whole(nlohmann::json document, const std::string& key, const nlohmann::json& items)
{
  document[key] = items;
  return document.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

} // namespace

TEST_CASE("a list written item by item is the text of the whole document")
{
  const nlohmann::json document = {{"schema", "careerplan/x/v1"}, {"warnings", {"a \"quoted\"\nline"}}, {"zeta", nullptr}};
  const nlohmann::json items = {
      {{"role", {{"id", "a"}, {"title", "Café — data\tlead"}}}, {"top_gaps", nlohmann::json::array()}, {"n", 1.5}},
      {{"role", {{"id", "b"}, {"title", "B"}}}, {"top_gaps", {{{"skill", "sql"}, {"gap", 2}}}}, {"unrated", {"x", "y"}}},
      "plain",
  };
  JsonListText list;
  for (const auto& item : items) {
    list.add(item);
  }
  CHECK(list.finish(document, "roles") == whole(document, "roles", items));
  CHECK(list.finish(document, "a_first") == whole(document, "a_first", items));
}

TEST_CASE("an empty or cleared list is []")
{
  const nlohmann::json document = {{"schema", "s"}};
  JsonListText list;
  CHECK(list.finish(document, "results") == whole(document, "results", nlohmann::json::array()));
  list.add({{"k", 1}});
  list.clear();
  CHECK(list.finish(document, "results") == whole(document, "results", nlohmann::json::array()));
}
