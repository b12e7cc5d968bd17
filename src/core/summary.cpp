#include "core/summary.hpp"

#include <algorithm>
#include <unordered_map>

namespace careerplan {

RoleSummary summarize(const Role& role)
{
  RoleSummary s;
  s.role = &role;
  for (const auto& f : role.salary) {
    if (f.scope == "national" && f.median) {
      s.national_medians.push_back({*f.median, f.basis, f.currency, std::to_string(f.year), f.id, f.source});
    }
  }
  for (const auto& o : role.outlook) {
    if (o.metric == "growth" && o.value) {
      s.growth.push_back({*o.value, "", o.unit, o.period, o.id, o.source});
    }
  }
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
