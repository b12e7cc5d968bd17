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

TEST_CASE("a list streamed in pieces is the same text, items or none")
{
  const nlohmann::json document = {{"current_pay", nullptr}, {"schema", "careerplan/x/v1"}};
  const nlohmann::json items = {{{"role", {{"id", "a"}}}, {"bands", nlohmann::json::array()}}, {{"n", 2}}};
  for (const nlohmann::json& list_items : {items, nlohmann::json::array()}) {
    std::string text;
    std::size_t pieces = 0;
    JsonListStream list("results", [&](std::string_view piece) {
      text += piece;
      ++pieces;
    });
    CHECK_FALSE(list.begun());
    list.begin(document);
    CHECK(list.begun());
    for (const auto& item : list_items) {
      list.add(item);
    }
    list.finish();
    CHECK(text == whole(document, "results", list_items));
    CHECK(pieces == 3 + list_items.size());
  }
}
