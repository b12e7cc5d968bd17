#include "core/plan.hpp"

#include <algorithm>

namespace careerplan {

namespace {

bool covers(const std::vector<std::string>& skills, const std::string& skill)
{
  return std::find(skills.begin(), skills.end(), skill) != skills.end();
}

} // namespace

Plan compute_plan(const Role& role, const Catalog& catalog, const Assessment& assessment, const std::string& level)
{
  Plan p;
  p.gap = compute_gap(role, catalog, assessment, level);
  for (std::size_t i = 0; i < p.gap.skills.size(); ++i) {
    const SkillGap& g = p.gap.skills[i];
    if (g.gap <= 0) {
      continue;
    }
    PlanStep step;
    step.gap = i;
    for (const auto& t : role.tools) {
      if (covers(t.skills, g.skill)) {
        step.tools.push_back(&t);
      }
    }
    for (const auto& pr : role.projects) {
      if (covers(pr.skills, g.skill)) {
        step.projects.push_back(&pr);
      }
    }
    for (const auto& c : role.certifications) {
      if (covers(c.skills, g.skill)) {
        step.certifications.push_back(&c);
      }
    }
    p.steps.push_back(std::move(step));
  }
  std::vector<std::string> seen;
  for (const auto& m : p.gap.seniority) {
    if (m.next_level.empty() || std::find(seen.begin(), seen.end(), m.next_level) != seen.end()) {
      continue;
    }
    seen.push_back(m.next_level);
    const GapResult next = compute_gap(role, catalog, assessment, m.next_level);
    NextLevel nl{m.next_level, m.ladder, {}};
    for (const auto& g : next.skills) {
      if (g.gap > 0) {
        nl.asks.push_back(g);
      }
    }
    p.next.push_back(std::move(nl));
  }
  return p;
}

} // namespace careerplan
