#pragma once
// `careerplan match`: the curated roles ranked by readiness (core/gap.hpp's compute_match) and,
// when the assessment rates O*NET's skills and O*NET is imported, the O*NET occupations ranked the
// same way (core/onet_match.hpp), with every warning about what was left out or looks wrong.
#include <optional>
#include <string>
#include <vector>

#include "core/assessment.hpp"
#include "core/gap.hpp"
#include "core/onet_match.hpp"

namespace careerplan {

// Which O*NET occupations to keep (each empty or 0 when not asked for).
struct OnetMatchFilter
{
  int zone = 0; // job zone 1-5
  std::string family; // SOC major group, "15"
  std::string search; // in the title, case-insensitive
  std::optional<double> min_wage; // national median annual wage (imported BLS OEWS)
};

struct MatchReport
{
  MatchResult roles;
  bool roles_left_out = false; // the assessment rates none of the curated roles' skills
  // The O*NET ranking, when there is one: the release, and the occupations the filter kept,
  // best first, neighbours too close to call marked among them.
  std::optional<OnetRelease> onet;
  std::vector<OnetMatchEntry> occupations;
  // What was left out or looks wrong, in the order a person reads them.
  std::vector<std::string> warnings;
};

// Throws UsageError when the filter asks for wages and none are imported. `db` may be null (no store).
MatchReport run_match(const Catalog& catalog, Db* db, const Assessment& assessment, const OnetMatchFilter& filter);

} // namespace careerplan
