#include <doctest/doctest.h>

#include "core/catalog.hpp"
#include "core/gap.hpp"
#include "core/next.hpp"

using namespace careerplan;

namespace {

NextUnit unit(const std::string& id, double readiness, bool target = false)
{
  NextUnit u;
  u.id = id;
  u.title = id;
  u.readiness = readiness;
  u.target = target;
  return u;
}

NextCandidate candidate(const std::string& skill, std::vector<NextEffect> effects)
{
  return NextCandidate{skill, skill, 2, 3, std::move(effects)};
}

} // namespace

TEST_CASE("next: ranked by the mean gain on the targets, ties broken by what newly comes within reach")
{
  const std::vector<NextUnit> units = {unit("t1", 50, true), unit("t2", 70, true), unit("a", 78), unit("b", 79)};
  const std::vector<NextCandidate> cands = {
      candidate("small", {{0, 1, 0}, {1, 1, 0}}),
      candidate("reach", {{0, 2, 0}, {2, 5, 0}, {3, 5, 0}}), // mean 1 on the targets, brings a and b within 80
      candidate("big", {{0, 4, 0}, {1, 2, 0}}),
      candidate("nothing", {}),
  };
  const NextRanking r = rank_next_steps(units, cands, NextOptions{});
  REQUIRE(r.steps.size() == 3);
  CHECK(r.buys_nothing == 1);
  CHECK(r.steps[0].skill == "big");
  CHECK(r.steps[0].gain == doctest::Approx(3));
  CHECK(r.steps[1].skill == "reach"); // gain 1, like "small", but two roles newly in reach
  CHECK(r.steps[1].reached_count == 2);
  CHECK(r.steps[2].skill == "small");
  CHECK(r.steps[2].too_close_to_previous); // equal gains: said, not ranked on noise
  CHECK_FALSE(r.steps[1].too_close_to_previous);
}

TEST_CASE("next: Nesta's rules, job zone within one and a median of at least 0.75 of current pay")
{
  std::vector<NextUnit> units = {unit("near", 79), unit("far", 79), unit("cheap", 79), unit("unknown", 79)};
  units[0].job_zone = 4;
  units[0].median = 100000;
  units[1].job_zone = 2;
  units[1].median = 100000;
  units[2].job_zone = 4;
  units[2].median = 70000;
  NextOptions o;
  o.current_zone = 4;
  o.current_pay = 100000;
  const NextRanking r = rank_next_steps(units, {candidate("s", {{0, 2, 0}, {1, 2, 0}, {2, 2, 0}, {3, 2, 0}})}, o);
  REQUIRE(r.steps.size() == 1);
  const auto& reached = r.steps[0].reached;
  REQUIRE(reached.size() == 4);
  CHECK(r.steps[0].reached_count == 2); // near, and unknown (not judged on what is not known)
  CHECK(reached[0].counts);
  CHECK(r.units[reached[0].unit].id == "near");
  for (const auto& x : reached) {
    if (r.units[x.unit].id == "far") {
      CHECK_FALSE(x.counts);
      CHECK(*x.zone_step == -2);
    }
    if (r.units[x.unit].id == "cheap") {
      CHECK_FALSE(x.counts);
      CHECK(*x.pay_ratio == doctest::Approx(0.7));
    }
  }
  o.max_zone_step = 2;
  o.min_pay_ratio = 0.5;
  CHECK(rank_next_steps(units, {candidate("s", {{0, 2, 0}, {1, 2, 0}, {2, 2, 0}, {3, 2, 0}})}, o).steps[0].reached_count == 4);
}

TEST_CASE("next: gains within 1.96 standard errors of the difference are too close to call")
{
  const std::vector<NextUnit> units = {unit("t", 50, true)};
  const auto r = rank_next_steps(units, {candidate("a", {{0, 5.0, 1.0}}), candidate("b", {{0, 4.0, 1.0}}),
                                         candidate("c", {{0, 1.0, 0.1}})},
                                 NextOptions{});
  REQUIRE(r.steps.size() == 3);
  CHECK(r.steps[1].too_close_to_previous); // |5 - 4| < 1.96 * sqrt(2)
  CHECK_FALSE(r.steps[2].too_close_to_previous); // |4 - 1| > 1.96 * sqrt(1.01)
}

TEST_CASE("next on the curated catalog: the incremental gain equals a full recomputation; unrated skills are not steps")
{
  const Catalog cat = load_catalog({});
  Assessment a;
  a.target_role = "machine-learning-engineer";
  a.years_experience = 6;
  a.ratings = {{"python", 4}, {"sql", 3}, {"applied-ml", 2}, {"eval-design", 1}};
  const NextRanking r = next_curated(cat, a, {"machine-learning-engineer"}, NextOptions{}, {});
  REQUIRE_FALSE(r.steps.empty());
  for (const auto& st : r.steps) {
    CHECK(a.ratings.count(st.skill) == 1); // only rated skills are raised
    Assessment raised = a;
    raised.ratings[st.skill] += 1;
    const Role* mle = cat.find_role("machine-learning-engineer");
    const double before = compute_gap(*mle, cat, a).readiness;
    const double after = compute_gap(*mle, cat, raised).readiness;
    CHECK(st.gain == doctest::Approx(after - before));
  }
  bool distributed = false;
  for (const auto& u : r.unrated) {
    distributed = distributed || u.skill == "distributed-systems";
    CHECK(a.ratings.count(u.skill) == 0);
  }
  CHECK(distributed);
}
