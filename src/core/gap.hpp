#pragma once
// Skill gaps, readiness, rules and seniority: "how far am I from this role, what do I learn first".
//
//   gap_i       = max(0, required_i - rating_i)
//   priority_i  = weight_i * gap_i                       (ties: the heavier weight first)
//   readiness   = 100 * sum_i w_i * min(rating_i, required_i) / sum_i w_i * required_i
//
// Skills required at level 0 do not count; an unrated skill counts as 0. Readiness is 100
// exactly when every requirement is met, and 0 when every rating is 0.
#include <optional>
#include <memory>
#include <string>
#include <vector>

#include "core/assessment.hpp"
#include "core/model.hpp"

namespace careerplan {

struct SkillGap
{
  const RoleSkill* source = nullptr; // the role's entry this row computes (its weight and level bases)
  std::string skill;
  std::string name;
  double required = 0; // on the 0-5 rating scale
  int rating = 0;
  bool rated = false;
  double gap = 0;
  double weight = 0;
  double priority = 0;
};

struct RuleResult
{
  const Rule* rule = nullptr;
  int count = 0; // skills at or above min_level
  bool met = false;
  std::vector<std::string> below; // the rule's skills under min_level
  // A rule is asked at a level when the role's own requirements at that level satisfy it (the
  // ML engineer's "real depth on three" is asked from senior, where the profile itself asks depth
  // on three). Below that level it is shown, not counted as met or not met.
  bool applies = true;
  std::string applies_from; // the first level whose requirements satisfy the rule; empty: none does
};

// The first of the role's levels whose own requirements satisfy the rule (empty if none does).
std::string rule_applies_from(const Role& role, const Rule& rule);

struct LevelMatch
{
  std::string ladder;
  std::string source;
  std::string level;
  std::string title;
  std::string next_level;
  std::string next_title;
  std::optional<double> years_to_next;
};

struct GapResult
{
  const Role* role = nullptr;
  std::string level;
  std::string level_basis; // how the level was chosen
  std::vector<SkillGap> skills; // by priority, highest first
  double readiness = 0; // 0-100
  double met_weight = 0; // sum w * min(rating, required)
  double required_weight = 0; // sum w * required
  std::vector<RuleResult> rules;
  std::vector<LevelMatch> seniority;
  std::optional<double> years; // the assessment's years of experience, when it gives them
};

// Maps years of experience onto each of the role's ladders: the level with the greatest
// minimum years not above `years`, and the next level up.
std::vector<LevelMatch> match_seniority(const Role& role, double years);

// The scale a role's required levels are on: the catalog's scale named by the role, else (a
// catalog without it) the 0-5 rating scale itself. The one definition of that fallback.
const Scale& role_scale(const Catalog& catalog, const Role& role);

// A level on `scale` converted linearly to the 0-5 rating scale.
double to_rating_scale(double value, const Scale& scale);

// The required level for a skill at a level, converted to the 0-5 rating scale.
double required_at(const RoleSkill& skill, const std::string& level, const Scale& scale);

// The level to compare against: `level` when given (an id of the role, case-insensitive),
// else the seniority match on the primary ladder, else the role's first level.
std::pair<std::string, std::string> choose_level(const Role& role, const std::string& level,
                                                 std::optional<double> years);

GapResult compute_gap(const Role& role, const Catalog& catalog, const Assessment& assessment,
                      const std::string& level = {});

struct MatchEntry
{
  GapResult gap;
  bool over_qualified = false;
  double surplus = 0; // weighted mean of max(0, rating - required)
};

struct MatchResult
{
  // By readiness, highest first. Each gap's role holds the role's id and title only, and its
  // skills' `source` are null, and only the skill rows `match` prints are kept (the first three
  // with a gap, and every unrated one; no rules, no seniority): a catalog of ten thousand roles is
  // decoded one role at a time and let go (what `match` prints is in the result).
  std::vector<MatchEntry> roles;
  std::vector<std::unique_ptr<const Role>> held; // the roles' ids and titles
  bool flat_ratings = false; // every rating the same
  int rated = 0;
};

// Over-qualified: readiness 100 and a weighted mean surplus of at least this many levels.
inline constexpr double k_over_qualified_surplus = 1.0;

MatchResult compute_match(const Catalog& catalog, const Assessment& assessment);

} // namespace careerplan
