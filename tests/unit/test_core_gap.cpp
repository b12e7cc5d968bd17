#include <doctest/doctest.h>

#include "core/catalog.hpp"
#include "core/gap.hpp"
#include "core/plan.hpp"

using namespace careerplan;

namespace {

// A hand-built catalog: the bundled skills and scale, and one role with the skills given.
struct Fixture
{
  Catalog cat;
  Role role;

  explicit Fixture(std::vector<std::tuple<std::string, double, double>> skills) // (skill, weight, required at mid)
  {
    cat = load_catalog({});
    role.id = "test-role";
    role.levels = {"entry", "mid"};
    for (const auto& [skill, weight, required] : skills) {
      RoleSkill rs;
      rs.skill = skill;
      rs.weight = weight;
      rs.required = {{"entry", 1}, {"mid", required}};
      role.skills.push_back(rs);
    }
  }

  GapResult gap(std::map<std::string, int> ratings, const std::string& level = "mid")
  {
    Assessment a;
    a.ratings = std::move(ratings);
    return compute_gap(role, cat, a, level);
  }
};

} // namespace

TEST_CASE("readiness by hand: weighted coverage of the required levels")
{
  Fixture f({{"python", 0.9, 4}, {"sql", 0.5, 2}});
  // python: min(2,4)=2, sql: min(3,2)=2 -> (0.9*2 + 0.5*2) / (0.9*4 + 0.5*2) = 2.8 / 4.6
  const GapResult r = f.gap({{"python", 2}, {"sql", 3}});
  CHECK(r.readiness == doctest::Approx(100.0 * 2.8 / 4.6));
  CHECK(r.met_weight == doctest::Approx(2.8));
  CHECK(r.required_weight == doctest::Approx(4.6));
  REQUIRE(r.skills.size() == 2);
  CHECK(r.skills[0].skill == "python");
  CHECK(r.skills[0].gap == 2);
  CHECK(r.skills[0].priority == doctest::Approx(1.8));
  CHECK(r.skills[1].gap == 0); // a rating above the requirement is no gap, and no credit beyond it
}

TEST_CASE("readiness is 100 exactly when every requirement is met, 0 when every rating is 0")
{
  Fixture f({{"python", 0.9, 4}, {"sql", 0.5, 2}, {"communication", 0.3, 3}});
  CHECK(f.gap({{"python", 5}, {"sql", 5}, {"communication", 5}}).readiness == 100.0);
  CHECK(f.gap({{"python", 4}, {"sql", 2}, {"communication", 3}}).readiness == 100.0);
  CHECK(f.gap({{"python", 4}, {"sql", 2}, {"communication", 2}}).readiness < 100.0);
  CHECK(f.gap({{"python", 0}, {"sql", 0}, {"communication", 0}}).readiness == 0.0);
  const GapResult none = f.gap({});
  CHECK(none.readiness == 0.0);
  CHECK_FALSE(none.skills[0].rated);
}

TEST_CASE("a role with a single skill, and weights that sum to anything")
{
  Fixture one({{"python", 1.0, 4}});
  CHECK(one.gap({{"python", 3}}).readiness == doctest::Approx(75.0));
  Fixture small({{"python", 0.1, 4}, {"sql", 0.1, 4}});
  Fixture large({{"python", 1.0, 4}, {"sql", 1.0, 4}});
  CHECK(small.gap({{"python", 4}, {"sql", 1}}).readiness == doctest::Approx(large.gap({{"python", 4}, {"sql", 1}}).readiness));
}

TEST_CASE("priority = weight x gap, ties to the heavier weight")
{
  Fixture f({{"sql", 0.5, 4}, {"python", 0.5, 3}, {"communication", 1.0, 2}});
  // sql: 0.5*4 = 2; python: 0.5*2 = 1; communication: 1.0*1 = 1 (ties python, heavier first)
  const GapResult r = f.gap({{"python", 1}, {"communication", 1}});
  REQUIRE(r.skills.size() == 3);
  CHECK(r.skills[0].skill == "sql");
  CHECK(r.skills[1].skill == "communication");
  CHECK(r.skills[2].skill == "python");
}

TEST_CASE("skills required at level 0 do not count; --level is checked")
{
  Fixture f({{"python", 1.0, 0}, {"sql", 1.0, 2}});
  CHECK(f.gap({{"sql", 2}}).readiness == 100.0);
  CHECK_THROWS_AS(f.gap({}, "principal"), UsageError);
  CHECK(f.gap({{"sql", 1}}, "ENTRY").level == "entry");
}

TEST_CASE("seniority: the level with the greatest minimum years not above yours, by each ladder")
{
  const Catalog cat = load_catalog({});
  const Role& mle = *cat.find_role("mle");
  auto levels = [&](double years) {
    std::vector<std::string> out;
    for (const auto& m : match_seniority(mle, years)) {
      out.push_back(m.ladder + ":" + m.level + ">" + m.next_level);
    }
    return out;
  };
  CHECK(levels(0) == std::vector<std::string>{"careerpath-ladder:entry>mid", "blog-ladder:entry>mid"});
  CHECK(levels(2) == std::vector<std::string>{"careerpath-ladder:mid>senior", "blog-ladder:mid>senior"});
  CHECK(levels(4.5) == std::vector<std::string>{"careerpath-ladder:senior>director", "blog-ladder:mid>senior"});
  CHECK(levels(9) == std::vector<std::string>{"careerpath-ladder:director>", "blog-ladder:staff>"});
  const auto m = match_seniority(mle, 3);
  CHECK(*m[0].years_to_next == doctest::Approx(1));
  Assessment a;
  a.years_experience = 4.5;
  CHECK(compute_gap(mle, cat, a).level == "senior"); // the primary ladder decides
}

TEST_CASE("rules count the skills at or above their level")
{
  const Catalog cat = load_catalog({});
  const Role& mle = *cat.find_role("mle");
  Assessment a;
  a.ratings = {{"python", 4}, {"sql", 4}, {"distributed-systems", 4}, {"eval-design", 3}, {"production-reliability", 2}};
  const GapResult r = compute_gap(mle, cat, a, "mid");
  REQUIRE(r.rules.size() == 2);
  CHECK(r.rules[0].met); // depth on three
  CHECK(r.rules[0].count == 3);
  CHECK_FALSE(r.rules[1].met); // competence on all five
  CHECK(r.rules[1].below == std::vector<std::string>{"production-reliability"});
}

TEST_CASE("match ranks roles and flags flat ratings and over-qualification")
{
  const Catalog cat = load_catalog({});
  Assessment a;
  for (const auto& s : cat.skills.skills) {
    a.ratings[s.id] = 5;
  }
  a.years_experience = 0;
  const MatchResult m = compute_match(cat, a);
  CHECK(m.flat_ratings);
  REQUIRE_FALSE(m.roles.empty());
  CHECK(m.roles[0].gap.readiness == 100.0);
  CHECK(m.roles[0].over_qualified);
  a.ratings["python"] = 3;
  CHECK_FALSE(compute_match(cat, a).flat_ratings);
}

TEST_CASE("plan lists only the gaps, by priority, with what covers each")
{
  const Catalog cat = load_catalog({});
  const Role& mle = *cat.find_role("mle");
  Assessment a;
  // At mid: eval-design 0.775 x 3 = 2.325 outranks production-reliability 0.7375 x 3 = 2.2125.
  a.ratings = {{"python", 4}, {"sql", 3}, {"distributed-systems", 3}, {"eval-design", 1}};
  a.years_experience = 3;
  const Plan p = compute_plan(mle, cat, a);
  REQUIRE_FALSE(p.steps.empty());
  CHECK(p.gap_of(p.steps[0]).skill == "eval-design");
  for (const auto& st : p.steps) {
    CHECK(p.gap_of(st).gap > 0);
    CHECK(p.gap_of(st).skill != "python");
  }
  CHECK_FALSE(p.steps[0].projects.empty());
  REQUIRE_FALSE(p.next.empty());
  CHECK(p.next[0].level == "senior");
}
