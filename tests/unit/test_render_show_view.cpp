#include <doctest/doctest.h>

#include "core/catalog.hpp"
#include "render/show_view.hpp"

#include "bundled_catalog.hpp"

using namespace careerplan;
using careerplan::test::bundled_indexed;

TEST_CASE("show's sections: every part of the document is one of the named sections")
{
  const Role& mle = resolve_role(bundled_indexed(), "mle");
  const ShowDocument doc = show_document(mle, bundled_indexed());
  for (const auto& [part, section] : doc.sections) {
    CAPTURE(section.heading);
    CHECK(find_show_section(part) != nullptr);
  }
  const Document all = doc.select("");
  CHECK(all.sections.size() == doc.sections.size());
  const Document salary = doc.select("salary");
  REQUIRE_FALSE(salary.sections.empty());
  CHECK(salary.sections.front().heading.rfind("Salary figures", 0) == 0);
  CHECK(salary.sections.size() < all.sections.size());
  CHECK(salary.csv.columns.front() == "SCOPE");
  CHECK(doc.select("skills").csv.columns.front() == "skill");
}

TEST_CASE("section names: listed, found in any case, unknown ones not")
{
  CHECK(show_section_names().find("skills, ladders, salary") != std::string::npos);
  CHECK(find_show_section("Salary") != nullptr);
  CHECK(find_show_section("salaries") == nullptr);
}

TEST_CASE("show's JSON: the whole profile, or the part's keys with the role's id and title")
{
  const Role& mle = resolve_role(bundled_indexed(), "mle");
  const auto whole = show_json(mle, bundled_indexed(), "", nlohmann::json::object());
  CHECK(whole["schema"] == "careerplan/show/v2");
  CHECK(whole["section"].is_null());
  CHECK(whole["role"]["id"] == "machine-learning-engineer");
  CHECK(whole["role"].contains("skills"));
  CHECK(whole.contains("shared_sources"));
  const auto salary = show_json(mle, bundled_indexed(), "salary", {{"onet_occupations", nlohmann::json::array()}});
  CHECK(salary["section"] == "salary");
  CHECK(salary["role"]["title"] == "Machine Learning Engineer");
  CHECK(salary["role"].contains("salary"));
  CHECK_FALSE(salary["role"].contains("skills"));
  CHECK_FALSE(salary.contains("shared_sources"));
  CHECK_FALSE(salary.contains("onet_occupations"));
  const auto occupations = show_json(mle, bundled_indexed(), "occupations", {{"onet_occupations", nlohmann::json::array()}});
  CHECK(occupations.contains("onet_occupations"));
}
