#include <doctest/doctest.h>

#include "core/catalog.hpp"
#include "core/compare.hpp"
#include "core/errors.hpp"

#include <algorithm>
#include <set>

using namespace careerplan;

TEST_CASE("compare: each role at its level, required levels on the 0-5 scale, the user's gaps when assessed")
{
  const Catalog cat = load_catalog({});
  const Role& mle = resolve_role(cat, "mle");
  const Role& ds = resolve_role(cat, "data-scientist");

  SUBCASE("without an assessment: the first level, no gaps")
  {
    const CompareResult r = compare_roles(cat, {&mle, &ds}, "", std::nullopt);
    REQUIRE(r.entries.size() == 2);
    CHECK(r.entries[0].role == &mle);
    CHECK(r.entries[0].level == mle.levels.front());
    CHECK_FALSE(r.entries[0].gap.has_value());
    REQUIRE(r.entries[0].skills.size() == mle.skills.size());
    const Scale& scale = role_scale(cat, mle);
    for (std::size_t i = 0; i < mle.skills.size(); ++i) {
      CHECK(r.entries[0].skills[i].skill == mle.skills[i].skill);
      CHECK(r.entries[0].skills[i].required == doctest::Approx(required_at(mle.skills[i], r.entries[0].level, scale)));
      CHECK_FALSE(r.entries[0].skills[i].gap.has_value());
    }
  }

  SUBCASE("the skill union: every skill of every role once, heaviest weight first")
  {
    const CompareResult r = compare_roles(cat, {&mle, &ds}, "", std::nullopt);
    std::set<std::string> all;
    for (const Role* role : {&mle, &ds}) {
      for (const auto& s : role->skills) {
        all.insert(s.skill);
      }
    }
    CHECK(r.skills.size() == all.size());
    auto heaviest = [&](const std::string& id) {
      double w = 0;
      for (const auto& e : r.entries) {
        if (const CompareSkill* s = find_skill(e, id)) {
          w = std::max(w, s->weight);
        }
      }
      return w;
    };
    for (std::size_t i = 1; i < r.skills.size(); ++i) {
      CHECK(heaviest(r.skills[i - 1]) >= heaviest(r.skills[i]));
    }
  }

  SUBCASE("with an assessment: the gap of each skill is the gap command's")
  {
    Assessment a;
    a.ratings = {{mle.skills.front().skill, 1}};
    const CompareResult r = compare_roles(cat, {&mle, &ds}, "mid", a);
    const GapResult g = compute_gap(mle, cat, a, "mid");
    REQUIRE(r.entries[0].gap.has_value());
    CHECK(r.entries[0].gap->readiness == doctest::Approx(g.readiness));
    const CompareSkill* s = find_skill(r.entries[0], mle.skills.front().skill);
    REQUIRE(s != nullptr);
    REQUIRE(s->gap.has_value());
    CHECK(s->gap->rating == 1);
    CHECK(find_gap(r.entries[0], "no-such-skill") == nullptr);
  }

  SUBCASE("a role given twice is a usage error")
  {
    CHECK_THROWS_AS(compare_roles(cat, {&mle, &mle}, "", std::nullopt), UsageError);
  }
}
