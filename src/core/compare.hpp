#pragma once
// Roles side by side (`careerplan compare`): each role at a level, its skills' required levels
// on the 0-5 rating scale, and the user's gap for each when there is an assessment.
#include <optional>
#include <string>
#include <vector>

#include "core/gap.hpp"

namespace careerplan {

// One skill of one compared role.
struct CompareSkill
{
  const RoleSkill* source = nullptr;
  std::string skill;
  double weight = 0;
  double required = 0;            // at the entry's level, on the 0-5 rating scale
  std::optional<SkillGap> gap;   // the user's gap; none without an assessment
};

// One role of a comparison: the role, and the user's gap for it when there is an assessment.
struct CompareEntry
{
  const Role* role = nullptr;
  std::string level;
  std::string level_basis;
  std::optional<GapResult> gap;
  std::vector<CompareSkill> skills; // in the role's order
};

struct CompareResult
{
  std::vector<CompareEntry> entries;
  std::vector<std::string> skills; // the union of the roles' skills, heaviest weight first
};

// The roles at `level` (default: from the assessment's years, else each role's first level).
// A UsageError for a role given twice.
CompareResult compare_roles(const Catalog& catalog, const std::vector<const Role*>& roles, const std::string& level,
                            const std::optional<Assessment>& assessment);

// The entry's gap row for `skill`; nullptr without an assessment or when the role lacks the skill.
const SkillGap* find_gap(const CompareEntry& entry, const std::string& skill);
// The entry's row for `skill`; nullptr when the role lacks it.
const CompareSkill* find_skill(const CompareEntry& entry, const std::string& skill);

} // namespace careerplan
