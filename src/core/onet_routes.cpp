#include "core/onet_routes.hpp"

#include <algorithm>

namespace careerplan {

namespace {

int tier_rank(const std::string& tier)
{
  return tier == "Primary-Short" ? 0 : tier == "Primary-Long" ? 1 : 2;
}

} // namespace

OnetRoutesResult onet_routes(Db& db, const std::string& code, const std::string& from_code,
                             const std::map<std::string, int>& ratings, std::optional<double> years)
{
  const Occupation occ = load_occupation(db, code);
  OnetRoutesResult out;
  out.code = occ.code;
  out.title = occ.title;
  out.years = years;
  if (occ.job_zone) {
    out.job_zone = occ.job_zone->zone;
    out.job_zone_name = occ.job_zone->name;
  }
  out.education = occ.education;
  std::stable_sort(out.education.begin(), out.education.end(),
                   [](const OnetShare& a, const OnetShare& b) { return a.percent > b.percent; });
  out.education_n = occ.education_n;
  out.experience = typical_experience(db, code);
  out.rated = !ratings.empty();
  if (!from_code.empty()) {
    const Occupation from = load_occupation(db, from_code);
    out.from_code = from.code;
    out.from_title = from.title;
    if (from.job_zone) {
      out.from_zone = from.job_zone->zone;
    }
    if (out.job_zone && out.from_zone) {
      out.zone_step = *out.job_zone - *out.from_zone;
    }
    out.from_related = std::any_of(from.related.begin(), from.related.end(),
                                   [&](const OnetRelated& r) { return r.code == occ.code; });
  }
  for (const auto& r : occ.related) {
    OnetRoute route;
    route.related = r;
    route.is_from = r.code == out.from_code;
    out.from_related = out.from_related || route.is_from;
    Occupation other;
    if (r.title.empty()) { // not in Occupation Data (the title comes from it): O*NET's code only
      route.why = "onet_order";
      out.routes.push_back(std::move(route));
      continue;
    }
    other = load_occupation(db, r.code);
    if (other.job_zone) {
      route.job_zone = other.job_zone->zone;
      if (out.job_zone) {
        route.zone_step = *out.job_zone - other.job_zone->zone;
      }
    }
    if (out.rated && !other.skills.empty()) {
      const OnetReadiness rd = onet_readiness(other, ratings);
      route.readiness = rd.readiness;
      if (rd.readiness) {
        route.readiness_se = rd.se;
      }
    }
    route.why = route.is_from ? "current_occupation" : route.readiness ? "readiness" : "onet_order";
    out.routes.push_back(std::move(route));
  }
  std::stable_sort(out.routes.begin(), out.routes.end(), [](const OnetRoute& a, const OnetRoute& b) {
    if (a.is_from != b.is_from) {
      return a.is_from;
    }
    if (a.readiness.has_value() != b.readiness.has_value()) {
      return a.readiness.has_value();
    }
    if (a.readiness && b.readiness && *a.readiness != *b.readiness) {
      return *a.readiness > *b.readiness;
    }
    if (tier_rank(a.related.tier) != tier_rank(b.related.tier)) {
      return tier_rank(a.related.tier) < tier_rank(b.related.tier);
    }
    return a.related.index < b.related.index;
  });
  return out;
}

} // namespace careerplan
