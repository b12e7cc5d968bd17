#include "core/summary.hpp"

#include <algorithm>
#include <unordered_map>

namespace careerplan {

RoleSummary summarize(const Role& role)
{
  RoleSummary s;
  s.role = &role;
  // A figure for an occupation is the role's own only when the role is that occupation as
  // published (data-scientist is SOC 15-2051); otherwise it is its anchor occupation's.
  auto anchor_of = [&](const std::string& occupation) {
    if (occupation.empty()) {
      return std::string();
    }
    for (const auto& m : role.soc) {
      if (m.status == SocStatus::as_published && occupation.find("SOC " + m.code) != std::string::npos) {
        return std::string();
      }
    }
    return occupation;
  };
  for (const auto& f : role.salary) {
    if (f.scope == FigureScope::national && f.median) {
      s.national_medians.push_back(
          {*f.median, std::string(id_of(f.basis)), f.currency, std::to_string(f.year), f.id, f.source, f.year, anchor_of(f.occupation)});
    }
  }
  for (const auto& o : role.outlook) {
    if (o.metric == OutlookMetric::growth && o.value) {
      s.growth.push_back({*o.value, "", o.unit, o.period, o.id, o.source, 0, {}});
    }
  }
  // A role decoded from its digest lacks the parts only one-role commands print; the digest says
  // which of them its file has.
  auto has = [&role](const char* part, bool present) {
    if (!role.from_digest) {
      return present;
    }
    const auto& p = role.digest_parts_present;
    return std::find(p.begin(), p.end(), part) != p.end();
  };
  s.parts = {{"skills", !role.skills.empty()},
             {"ladder", !role.ladders.empty()},
             {"salary", !role.salary.empty()},
             {"outlook", !role.outlook.empty()},
             {"education", has("education", !role.education.empty())},
             {"routes", has("routes", !role.routes.empty())},
             {"certifications", has("certifications", !role.certifications.empty())},
             {"tools", has("tools", !role.tools.empty())},
             {"projects", has("projects", !role.projects.empty())}};
  return s;
}

std::vector<SourceUse> source_uses(const Catalog& catalog, const Role* only)
{
  std::vector<SourceUse> uses;
  std::unordered_map<const Source*, std::size_t> at; // hashed: a catalog may hold thousands of sources
  auto entry = [&](const Source* src) -> SourceUse& {
    if (const auto it = at.find(src); it != at.end()) {
      return uses[it->second];
    }
    at.emplace(src, uses.size());
    uses.push_back({src, {}});
    return uses.back();
  };
  if (only == nullptr) {
    for (const auto& s : catalog.sources) {
      entry(&s);
    }
  }
  for (const Role& role : catalog.all_roles()) {
    if (only != nullptr && &role != only) {
      continue;
    }
    for (const auto& s : role.sources) {
      entry(&s);
    }
    for (const auto& [path, id] : role.refs.sources) {
      if (const Source* src = catalog.find_source(&role, id)) {
        entry(src).used_by.emplace_back(&role, path);
      }
    }
  }
  return uses;
}

} // namespace careerplan
