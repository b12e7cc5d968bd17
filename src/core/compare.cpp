#include "core/compare.hpp"

#include <algorithm>
#include <map>
#include <tuple>

#include <fmt/format.h>

#include "core/errors.hpp"

namespace careerplan {

namespace {

std::vector<std::string> skill_union(const std::vector<CompareEntry>& entries)
{
  std::map<std::string, double> heaviest;
  for (const auto& e : entries) {
    for (const auto& s : e.role->skills) {
      heaviest[s.skill] = std::max(heaviest[s.skill], s.weight);
    }
  }
  std::vector<std::string> out;
  for (const auto& [id, w] : heaviest) {
    out.push_back(id);
  }
  std::stable_sort(out.begin(), out.end(), [&](const auto& a, const auto& b) { return heaviest[a] > heaviest[b]; });
  return out;
}

} // namespace

const SkillGap* find_gap(const CompareEntry& entry, const std::string& skill)
{
  if (!entry.gap) {
    return nullptr;
  }
  const auto it = std::find_if(entry.gap->skills.begin(), entry.gap->skills.end(),
                               [&](const SkillGap& g) { return g.skill == skill; });
  return it == entry.gap->skills.end() ? nullptr : &*it;
}

const CompareSkill* find_skill(const CompareEntry& entry, const std::string& skill)
{
  const auto it = std::find_if(entry.skills.begin(), entry.skills.end(),
                               [&](const CompareSkill& s) { return s.skill == skill; });
  return it == entry.skills.end() ? nullptr : &*it;
}

CompareResult compare_roles(const Catalog& catalog, const std::vector<const Role*>& roles, const std::string& level,
                            const std::optional<Assessment>& assessment)
{
  CompareResult r;
  for (const Role* role : roles) {
    if (std::any_of(r.entries.begin(), r.entries.end(), [&](const CompareEntry& e) { return e.role == role; })) {
      throw UsageError(fmt::format("role '{}' is given twice", role->id), "name each role once");
    }
    CompareEntry& e = r.entries.emplace_back();
    e.role = role;
    std::tie(e.level, e.level_basis) =
        choose_level(*role, level, assessment ? assessment->years_experience : std::nullopt);
    if (assessment) {
      e.gap = compute_gap(*role, catalog, *assessment, e.level);
    }
    const Scale& scale = role_scale(catalog, *role);
    for (const auto& rs : role->skills) {
      CompareSkill s{&rs, rs.skill, rs.weight, required_at(rs, e.level, scale), std::nullopt};
      if (const SkillGap* g = find_gap(e, rs.skill)) {
        s.gap = *g;
      }
      e.skills.push_back(std::move(s));
    }
  }
  r.skills = skill_union(r.entries);
  return r;
}

} // namespace careerplan
