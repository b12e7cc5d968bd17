#pragma once
// `routes OCC`: ways into an O*NET occupation, from O*NET's Related Occupations (tier and index),
// ranked for the user's current occupation and readiness; the job-zone step; the education and
// experience the occupation typically asks for.
//
// Ranking (careerplan's, on O*NET's figures): first the user's current occupation when O*NET
// relates it to the target (either way round); then, when the assessment rates O*NET elements,
// the related occupations by the user's readiness for them (core/onet_match.hpp), unrated ones
// after; ties, and everything without ratings, keep O*NET's order (Primary-Short, Primary-Long,
// Supplemental, then O*NET's index).
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/onet.hpp"
#include "core/onet_fit.hpp"
#include "core/onet_match.hpp"

namespace careerplan {

struct OnetRoute
{
  OnetRelated related; // code, title, tier, index
  std::optional<int> job_zone;
  std::optional<int> zone_step; // target's zone - this occupation's zone
  std::optional<double> readiness, readiness_se;
  bool is_from = false; // the user's current occupation
  std::string why; // "current_occupation", "readiness", "onet_order"
};

struct OnetRoutesResult
{
  std::string code, title;
  std::optional<int> job_zone;
  std::string job_zone_name;
  std::string from_code, from_title; // "" when unknown
  std::string from_role, from_role_title; // the curated role --from named, when it was one
  std::string from_basis; // "--from", "current_role in FILE" or ""
  std::optional<int> from_zone;
  std::optional<int> zone_step; // target's zone - from's zone
  bool from_related = false; // O*NET relates the user's occupation to the target
  std::vector<OnetRoute> routes;
  std::vector<OnetShare> education; // Required Level of Education (RL), largest share first
  std::optional<long> education_n;
  std::optional<TypicalExperience> experience;
  std::optional<double> years;
  bool rated = false; // readiness comes from the assessment's O*NET ratings
};

// `from_code`: the user's O*NET occupation ("" when unknown); `ratings`: the assessment's O*NET
// ratings (may be empty).
OnetRoutesResult onet_routes(Db& db, const std::string& code, const std::string& from_code,
                             const std::map<std::string, int>& ratings, std::optional<double> years);

} // namespace careerplan
