#include <doctest/doctest.h>

#include <string>

#include "core/assessment.hpp"
#include "core/catalog.hpp"
#include "core/plan.hpp"
#include "core/text.hpp"
#include "render/format.hpp"

#include "bundled_catalog.hpp"

using namespace careerplan;
using careerplan::test::bundled;

TEST_CASE("a plan's steps name their gap by index, so a copy of the plan stands on its own")
{
  const Role* role = bundled().find_role("machine-learning-engineer");
  REQUIRE(role != nullptr);
  Assessment a;
  a.ratings = {{"python", 1}};
  Plan copy;
  {
    const Plan original = compute_plan(*role, bundled(), a, "mid");
    REQUIRE_FALSE(original.steps.empty());
    copy = original;
  } // the original, and its gap.skills, are gone
  for (const PlanStep& step : copy.steps) {
    const SkillGap& g = copy.gap_of(step);
    CHECK(g.gap > 0);
    CHECK(&g == &copy.gap.skills[step.gap]);
  }
  // Steps come in order of priority.
  for (std::size_t i = 1; i < copy.steps.size(); ++i) {
    CHECK(copy.gap_of(copy.steps[i - 1]).priority >= copy.gap_of(copy.steps[i]).priority);
  }
}

TEST_CASE("a role's scale is the catalog's, or the 0-5 rating scale when the catalog has none")
{
  const Role* role = bundled().find_role("data-engineer");
  REQUIRE(role != nullptr);
  CHECK(&role_scale(bundled(), *role) == bundled().find_scale(role->scale));
  Role unknown = *role;
  unknown.scale = "no-such-scale";
  const Scale& fallback = role_scale(bundled(), unknown);
  CHECK(fallback.min == k_rating_min);
  CHECK(fallback.max == k_rating_max);
  CHECK(to_rating_scale(3, fallback) == doctest::Approx(3));
}

TEST_CASE("a basis kind has one id, read back to the same kind; an unknown id is none")
{
  for (const BasisKind kind : {BasisKind::published, BasisKind::derived, BasisKind::modelling_choice}) {
    CHECK(basis_kind_from_id(basis_kind_id(kind)) == kind);
  }
  CHECK(basis_kind_id(BasisKind::modelling_choice) == "modelling_choice");
  CHECK_FALSE(basis_kind_from_id("modelling choice").has_value());
  CHECK_FALSE(basis_kind_from_id("").has_value());
  CHECK(json(BasisKind::derived) == json("derived"));
  Basis b;
  b.kind = BasisKind::derived;
  CHECK(basis_text(b) == "derived");
  b.kind = BasisKind::modelling_choice;
  CHECK(basis_text(b) == "modelling choice");
}

TEST_CASE("split and join are each other's inverse")
{
  CHECK(split("a,,b", ',') == std::vector<std::string>{"a", "", "b"});
  CHECK(split("", ',') == std::vector<std::string>{""});
  CHECK(split("a,", ',') == std::vector<std::string>{"a", ""});
  CHECK(join({"a", "", "b"}, ",") == "a,,b");
  CHECK(join({}, ", ").empty());
  CHECK(join(split("x\ty\tz", '\t'), "\t") == "x\ty\tz");
}

TEST_CASE("an unknown basis kind is a data error at its path, never rendered as some other kind")
{
  const json role = json::parse(R"({
    "schema": "careerplan/role/v1", "id": "tiny", "title": "Tiny", "family": "Test",
    "summary": {"text": "t", "source": "bls-oews-2024"}, "levels": ["entry"],
    "skills": [{"skill": "python", "weight": 0.5,
                "weight_basis": {"kind": "guess", "source": "bls-oews-2024"},
                "required": {"entry": 2},
                "required_basis": {"kind": "published", "source": "bls-oews-2024"}}]
  })");
  std::vector<Problem> problems;
  const ReadContext ctx{"tiny.json", &problems};
  (void)read_role(role, ctx);
  bool found = false;
  for (const auto& p : problems) {
    found = found || p.path == "/skills/0/weight_basis/kind";
  }
  CHECK(found);
}
