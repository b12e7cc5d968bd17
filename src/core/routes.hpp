#pragma once
// Entry routes into a role, ranked for the user's background, and where the role leads.
//
// Ranking: first the routes whose origin is the user's current role; then the routes with an
// origin in the catalog, by the user's readiness for that origin role (the best of its origins:
// the seeds' "start adjacent" advice, which adjacent role is nearest); then the routes with no
// catalog origin. Ties keep the role profile's order.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/assessment.hpp"
#include "core/gap.hpp"
#include "core/model.hpp"

namespace careerplan {

// Why a route is ranked where it is (see the ranking above).
enum class RouteWhy
{
  current_role, // it starts from the user's current role
  readiness, // ranked by the user's readiness for its origin role
  no_assessment, // it has a catalog origin, but there is no assessment to rank by
  no_catalog_origin, // it starts from no role in the catalog
};

inline std::string_view id_of(RouteWhy v)
{
  switch (v) {
    CAREERPLAN_ENUM_CASE(RouteWhy, current_role)
    CAREERPLAN_ENUM_CASE(RouteWhy, readiness)
    CAREERPLAN_ENUM_CASE(RouteWhy, no_assessment)
    CAREERPLAN_ENUM_CASE(RouteWhy, no_catalog_origin)
  }
  return {};
}
CAREERPLAN_ENUM_JSON(RouteWhy)

struct RankedRoute
{
  const Route* route = nullptr;
  RouteWhy why = RouteWhy::no_catalog_origin;
  std::string origin; // the origin role the rank rests on
  std::optional<double> origin_readiness; // the user's readiness for it, 0-100
  std::vector<SkillGap> addressed; // top route only: the user's gaps in the target that the route develops
};

struct RoleLink
{
  const Link* link = nullptr;
  bool in_catalog = false;
};

// A role the result names (the user's, a route's origin, a link's), with its catalog title when the
// catalog has it (else "").
struct NamedRole
{
  std::string id;
  std::string title;
};

struct RoutesResult
{
  const Role* role = nullptr;
  std::string from; // the user's current role, a catalog id ("" when unknown)
  std::string from_basis; // "--from", the assessment file, or ""
  bool assessed = false; // readiness and gaps come from an assessment
  std::vector<RankedRoute> routes;
  std::vector<RoleLink> progressions;
  std::vector<RoleLink> pivots;
  // The catalog title of every role id the result names; an id the catalog lacks is absent.
  std::map<std::string, std::string> titles;

  NamedRole named(const std::string& id) const
  {
    const auto it = titles.find(id);
    return {id, it == titles.end() ? std::string() : it->second};
  }
};

// `assessment` may be null (no ranking by readiness, no gaps); `from` is a catalog role id or "".
RoutesResult compute_routes(const Role& role, const Catalog& catalog, const Assessment* assessment,
                            const std::string& from, const std::string& from_basis);

} // namespace careerplan
