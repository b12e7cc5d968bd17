#pragma once
// Readiness for O*NET occupations from a self-assessment on O*NET's own level scale (0–7).
// careerplan's formula, not O*NET's (the man page, FORMULAS, has it):
//   an element counts when O*NET gives it both an importance (IM) and a level (LV) row, neither
//   recommended for suppression, not marked Not Relevant, with LV > 0 and IM > 1;
//   its weight is w = IM − 1 (O*NET's IM scale runs from 1, "not important", to 5);
//   coverage = min(rating, LV) / LV; gap = max(0, LV − rating); priority = w × gap;
//   readiness = 100 × Σ w·coverage / Σ w over the counted elements the user rated.
// Unrated elements are left out and counted, never taken as 0. The standard error of a
// readiness comes from O*NET's standard errors of LV (first-order propagation); two neighbours
// whose difference is under 1.96 × √(se₁² + se₂²) are too close to call.
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/onet.hpp"
#include "core/onet_fit.hpp"
#include "core/onet_profile.hpp"

namespace careerplan {

inline constexpr int k_onet_rating_min = 0;
inline constexpr int k_onet_rating_max = 7;

struct OnetElementRef
{
  std::string id, name, domain; // domain: "skill" or "knowledge"
};
// The skill or knowledge element named by its id ("2.A.1.e"), or by its name as an id
// ("mathematics", "onet:mathematics") when that names one element; a UsageError with the
// nearest names otherwise.
OnetElementRef resolve_onet_element(Db& db, const std::string& key);
// Every skill and knowledge element the release rates, skills first, in O*NET's order.
std::vector<OnetElementRef> onet_elements(Db& db);

// One element of one occupation against the user's rating.
struct OnetElementScore
{
  std::string element, name, domain;
  double importance = 0, level = 0, weight = 0;
  std::optional<double> level_se;
  bool counted = false; // false: left out (why says why)
  std::string why;
  std::optional<int> rating; // nullopt: not rated
  double coverage = 0, gap = 0, priority = 0;
  std::optional<OnetAnchor> anchor;
};

struct OnetReadiness
{
  std::string code, title;
  std::optional<int> job_zone;
  std::optional<double> readiness; // nullopt: no counted element is rated
  double se = 0; // standard error of readiness, percentage points
  double weight_rated = 0, weight_unrated = 0;
  std::size_t counted_rated = 0, counted_unrated = 0;
  std::vector<OnetElementScore> elements; // highest priority first, then by weight
};

// The readiness for one occupation, element by element (for gap OCC).
OnetReadiness onet_readiness(const Occupation& occ, const std::map<std::string, int>& ratings);

struct OnetMatchEntry
{
  OnetReadiness result; // elements: only the three top gaps
  bool too_close_to_previous = false;
  std::optional<TypicalExperience> experience;
  std::optional<TypicalEducation> education;
  std::optional<NationalMedian> median; // set by add_national_medians
};
// Every rated occupation's readiness, best first, with its typical experience and education;
// occupations for which no counted element is rated come last, without a readiness.
std::vector<OnetMatchEntry> onet_match(const OnetProfiles& profiles, const std::map<std::string, int>& ratings);
// Sets too_close_to_previous between neighbours of a ranking (again after filtering it).
void mark_too_close(std::vector<OnetMatchEntry>& ranked);
// Sets each entry's national median wage (core/onet_fit.hpp).
void add_national_medians(Db& db, std::vector<OnetMatchEntry>& entries);

} // namespace careerplan
