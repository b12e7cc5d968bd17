#include <doctest/doctest.h>

#include "core/catalog.hpp"
#include "core/routes.hpp"

#include "bundled_catalog.hpp"

using namespace careerplan;
using careerplan::test::bundled;

namespace {

std::vector<std::string> order(const RoutesResult& r)
{
  std::vector<std::string> out;
  for (const auto& rr : r.routes) {
    out.push_back(rr.route->id);
  }
  return out;
}

// A role with three routes: from role a, from role b, and from outside the catalog.
struct RoutesFixture
{
  Catalog cat;

  RoutesFixture()
  {
    cat = load_catalog({});
    Role target;
    target.id = "target";
    target.levels = {"entry"};
    RoleSkill s;
    s.skill = "sql";
    s.weight = 1;
    s.required = {{"entry", 4}};
    target.skills = {s};
    for (const char* id : {"a", "b"}) {
      Role origin;
      origin.id = id;
      origin.levels = {"entry"};
      RoleSkill o;
      o.skill = std::string(id) == "a" ? "python" : "sql";
      o.weight = 1;
      o.required = {{"entry", 4}};
      origin.skills = {o};
      cat.roles.push_back(origin);
    }
    Route from_a{"from-a", "From a", {"a"}, "", {"step"}, {}, {}, std::nullopt, "src", {}, std::nullopt};
    Route from_b{"from-b", "From b", {"b"}, "", {"step"}, {}, {}, std::nullopt, "src", {"sql"}, std::nullopt};
    Route outside{"outside", "Outside", {}, "", {"step"}, {}, {}, std::nullopt, "src", {}, std::nullopt};
    target.routes = {outside, from_a, from_b};
    cat.roles.push_back(target);
  }

  const Role& target() const { return cat.roles.back(); }
};

} // namespace

TEST_CASE("routes: the current role first, then by readiness for the origin role, then the rest")
{
  RoutesFixture f;
  Assessment a;
  a.ratings = {{"python", 1}, {"sql", 3}}; // readiness 25% for a, 75% for b
  const RoutesResult r = compute_routes(f.target(), f.cat, &a, "", "");
  CHECK(order(r) == std::vector<std::string>{"from-b", "from-a", "outside"});
  CHECK(r.routes[0].why == RouteWhy::readiness);
  CHECK(r.routes[0].origin == "b");
  CHECK(*r.routes[0].origin_readiness == doctest::Approx(75));
  CHECK(*r.routes[1].origin_readiness == doctest::Approx(25));
  CHECK(r.routes[2].why == RouteWhy::no_catalog_origin);
  // The top route develops sql, where the user has a gap of one level in the target.
  REQUIRE(r.routes[0].addressed.size() == 1);
  CHECK(r.routes[0].addressed[0].skill == "sql");
  CHECK(r.routes[0].addressed[0].gap == 1);

  const RoutesResult from_a = compute_routes(f.target(), f.cat, &a, "a", "--from");
  CHECK(order(from_a) == std::vector<std::string>{"from-a", "from-b", "outside"});
  CHECK(from_a.routes[0].why == RouteWhy::current_role);
  CHECK(from_a.routes[0].addressed.empty()); // from-a says nothing of the skills it develops
}

TEST_CASE("routes without an assessment keep the profile's order after the current role")
{
  RoutesFixture f;
  const RoutesResult r = compute_routes(f.target(), f.cat, nullptr, "b", "--from");
  CHECK(order(r) == std::vector<std::string>{"from-b", "from-a", "outside"});
  CHECK(r.routes[1].why == RouteWhy::no_assessment);
  CHECK_FALSE(r.routes[1].origin_readiness);
  CHECK_FALSE(r.assessed);
}

TEST_CASE("the bundled ML engineer: software engineers and data scientists get their own route first")
{
  const Role& mle = resolve_role(bundled(), "mle");
  const RoutesResult swe = compute_routes(mle, bundled(), nullptr, "software-engineer", "--from");
  CHECK(swe.routes[0].route->id == "from-software-engineering");
  const RoutesResult ds = compute_routes(mle, bundled(), nullptr, "data-scientist", "--from");
  REQUIRE(ds.routes[0].route->id == "from-data-science");
  REQUIRE_FALSE(ds.routes[0].route->pitfalls.empty());
  CHECK(ds.routes[0].route->pitfalls[0].text.find("over-trust offline metrics") != std::string::npos);
  bool marks_catalog_roles = false;
  for (const auto& p : ds.pivots) {
    marks_catalog_roles = marks_catalog_roles || (p.link->role == "data-scientist" && p.in_catalog);
  }
  CHECK(marks_catalog_roles);
}
