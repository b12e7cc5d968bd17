#pragma once
// An ordered learning plan: the gaps by priority, with what the role profile says to learn or
// prove for each (tools, proof projects, certifications), and the next seniority level.
#include <cstddef>
#include <string>
#include <vector>

#include "core/gap.hpp"

namespace careerplan {

struct PlanStep
{
  std::size_t gap = 0; // index into the plan's gap.skills (an index, so that a Plan copies safely)
  std::vector<const Tool*> tools;
  std::vector<const Project*> projects;
  std::vector<const Certification*> certifications;
};

struct NextLevel
{
  std::string level;
  std::string ladder;
  std::vector<SkillGap> asks; // skills whose requirement there is above your rating
};

struct Plan
{
  GapResult gap;
  std::vector<PlanStep> steps; // gaps only, by priority
  std::vector<NextLevel> next; // one per ladder that has a next level

  const SkillGap& gap_of(const PlanStep& step) const { return gap.skills.at(step.gap); }
};

Plan compute_plan(const Role& role, const Catalog& catalog, const Assessment& assessment, const std::string& level = {});

} // namespace careerplan
