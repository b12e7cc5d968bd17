#include "core/routes.hpp"

#include <algorithm>

#include "core/role_digest.hpp"
#include "core/role_names.hpp"

namespace careerplan {

namespace {

int group_of(const RankedRoute& r)
{
  switch (r.why) {
  case RouteWhy::current_role:
    return 0;
  case RouteWhy::readiness:
  case RouteWhy::no_assessment:
    return 1;
  case RouteWhy::no_catalog_origin:
    return 2;
  }
  return 2;
}

std::vector<RoleLink> links(const std::vector<Link>& in, const Catalog& catalog, std::map<std::string, std::string>& titles)
{
  std::vector<RoleLink> out;
  for (const auto& l : in) {
    const auto target = l.role.empty() ? std::nullopt : find_role_name(catalog, l.role);
    if (target) {
      titles[l.role] = target->title;
    }
    out.push_back({&l, target.has_value()});
  }
  return out;
}

} // namespace

RoutesResult compute_routes(const Role& role, const Catalog& catalog, const Assessment* assessment,
                            const std::string& from, const std::string& from_basis)
{
  RoutesResult r;
  r.role = &role;
  r.from = from;
  r.from_basis = from_basis;
  r.assessed = assessment != nullptr;
  for (const auto& route : role.routes) {
    RankedRoute rr; // no_catalog_origin until an origin in the catalog is found
    rr.route = &route;
    bool placed = false;
    if (!from.empty() && std::find(route.from.begin(), route.from.end(), from) != route.from.end()) {
      rr.why = RouteWhy::current_role;
      rr.origin = from;
      placed = true;
    }
    for (const auto& origin : route.from) {
      if (assessment == nullptr) { // its id and title are enough
        if (const auto name = find_role_name(catalog, origin)) {
          r.titles[origin] = name->title;
          r.titles[name->id] = name->title;
          if (!placed) {
            rr.why = RouteWhy::no_assessment;
            rr.origin = name->id;
            placed = true;
          }
        }
        continue;
      }
      const Role* o = find_role_summary(catalog, origin); // its title and what a gap needs
      if (o == nullptr) {
        continue;
      }
      r.titles[origin] = o->title;
      r.titles[o->id] = o->title;
      const double readiness = compute_gap(*o, catalog, *assessment).readiness;
      if (rr.why != RouteWhy::current_role && (!rr.origin_readiness || readiness > *rr.origin_readiness)) {
        rr.origin = o->id;
        rr.origin_readiness = readiness;
        rr.why = RouteWhy::readiness;
        placed = true;
      } else if (rr.why == RouteWhy::current_role && o->id == from) {
        rr.origin_readiness = readiness;
      }
    }
    r.routes.push_back(std::move(rr));
  }
  std::stable_sort(r.routes.begin(), r.routes.end(), [](const RankedRoute& a, const RankedRoute& b) {
    if (group_of(a) != group_of(b)) {
      return group_of(a) < group_of(b);
    }
    if (a.why == RouteWhy::readiness && b.why == RouteWhy::readiness) {
      return *a.origin_readiness > *b.origin_readiness;
    }
    return false;
  });
  if (assessment != nullptr && !r.routes.empty()) {
    RankedRoute& top = r.routes.front();
    const GapResult gaps = compute_gap(role, catalog, *assessment);
    for (const auto& g : gaps.skills) { // already by priority
      const auto& dev = top.route->develops;
      if (g.gap > 0 && std::find(dev.begin(), dev.end(), g.skill) != dev.end()) {
        top.addressed.push_back(g);
      }
    }
  }
  r.progressions = links(role.progressions, catalog, r.titles);
  r.pivots = links(role.pivots, catalog, r.titles);
  if (!from.empty()) {
    if (const auto f = find_role_name(catalog, from)) {
      r.titles[from] = f->title;
    }
  }
  return r;
}

} // namespace careerplan
