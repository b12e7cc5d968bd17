#include <doctest/doctest.h>

#include "core/catalog.hpp"
#include "core/role_template.hpp"

#include "bundled_catalog.hpp"

using namespace careerplan;
using careerplan::test::bundled;

namespace {

std::vector<Problem> template_problems(const json& j)
{
  std::vector<Problem> problems;
  const ReadContext ctx{"new.json", &problems};
  Role r = read_role(j, ctx);
  if (problems.empty()) {
    check_role(r, bundled(), problems);
  }
  return problems;
}

} // namespace

TEST_CASE("new-role's starting file is valid as written, every figure own judgement")
{
  RoleTemplate t;
  t.id = "data-platform-lead";
  t.skills = {"python", "sql", "data-pipelines"};
  t.date = "2026-12-02";
  const json j = json::parse(starter_role(t).dump());
  CHECK(j["title"] == "Data Platform Lead");
  CHECK(j["skills"].size() == 3);
  double sum = 0;
  for (const auto& s : j["skills"]) {
    sum += s["weight"].get<double>();
    CHECK(s["weight_basis"]["kind"] == "own_judgement");
    CHECK_FALSE(s["weight_basis"].contains("source"));
  }
  CHECK(sum == doctest::Approx(1.0));
  const auto problems = template_problems(j);
  for (const auto& p : problems) {
    MESSAGE(p.to_string());
  }
  CHECK(problems.empty());
}

TEST_CASE("an own_judgement basis needs no source; the others still do")
{
  json j = json::parse(starter_role({"mine", "", {"python"}, {"entry"}, "2026-12-02"}).dump());
  CHECK(template_problems(j).empty());
  j["skills"][0]["weight_basis"] = {{"kind", "published"}};
  CHECK_FALSE(template_problems(j).empty());
}

TEST_CASE("role ids and titles")
{
  CHECK(is_role_id("data-platform-lead"));
  CHECK_FALSE(is_role_id("Data"));
  CHECK_FALSE(is_role_id("1x"));
  CHECK_FALSE(is_role_id("../x"));
  CHECK_FALSE(is_role_id(""));
  CHECK(title_from_id("head-of-ai") == "Head Of Ai");
}
