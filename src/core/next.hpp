#pragma once
// "Your next best step": for each skill the user could raise by one level, what the step buys.
// Each vocabulary is handled on its own, never mixed: careerplan's curated skills (0-5) against
// the curated roles, O*NET's skills and knowledge (0-7) against the imported occupations.
//
//   gain on a unit (a role or an occupation) = readiness after the step - readiness before
//     curated: readiness = 100 * sum w*min(r, req) / sum w*req (core/gap.hpp), so raising one
//              skill from r to r+1 changes one term: gain = 100 * w * (min(r+1,req) - min(r,req)) / sum w*req
//     O*NET:   readiness = 100 * sum w*min(r, LV)/LV / sum w over the rated counted elements
//              (core/onet_match.hpp): gain = 100 * w * (min(r+1,LV) - min(r,LV)) / LV / sum w
//   gain of a step   = the mean gain over the targets
//   newly in reach   = units below the threshold before the step and at or above it after
//   ranking          = by gain, then by how many units newly come within reach (counted ones),
//                      then by the best median wage among them, then by skill id
//
// A newly reached unit "counts" as a move (Nesta, "Mapping Career Causeways", 2020) when its job
// zone differs from the user's by at most `max_zone_step` (O*NET occupations only: curated roles
// have no job zone) and, when the user gave a current pay, when its median wage is at least
// `min_pay_ratio` of that pay. A unit with no known median or job zone is not judged on it.
//
// Measurement error: an O*NET gain's standard error comes from the standard error of the
// element's level LV (first order); two neighbouring steps whose gains differ by less than
// 1.96 * sqrt(se1^2 + se2^2) are too close to call. Curated figures carry no standard error: two
// neighbours are too close to call when their gains are equal.
//
// An unrated skill is never proposed as a step from 0: it is listed apart as unrated.
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/assessment.hpp"
#include "core/model.hpp"

namespace careerplan {

struct NextOptions
{
  double threshold = 80; // readiness, percent
  int max_zone_step = 1; // Nesta's rule: a job-zone difference of at most one
  double min_pay_ratio = 0.75; // Nesta's desirability threshold: destination median / current pay
  std::optional<int> current_zone; // the user's job zone, when known
  std::optional<double> current_pay; // annual, in the currency of the medians (USD)
};

// A role or an occupation, with its readiness before any step.
struct NextUnit
{
  std::string id, title;
  double readiness = 0;
  bool target = false;
  std::optional<int> job_zone;
  std::optional<double> median; // annual median wage
  std::string median_source; // "BLS OEWS May 2024, SOC 15-2051"
};

// What raising one skill one level does to one unit.
struct NextEffect
{
  std::size_t unit = 0;
  double gain = 0; // percentage points
  double se = 0; // standard error of the gain, percentage points
};

struct NextCandidate
{
  std::string skill, name;
  int from = 0, to = 0;
  std::vector<NextEffect> effects; // units whose readiness changes
};

struct NextReached
{
  std::size_t unit = 0;
  double before = 0, after = 0;
  std::optional<int> zone_step; // destination zone - current zone
  std::optional<double> pay_ratio; // median / current pay
  bool counts = true;
  std::string why_not; // why it does not count as a move
};

struct NextTargetGain
{
  std::size_t unit = 0;
  double before = 0, after = 0, gain = 0, se = 0;
};

struct NextStep
{
  std::string skill, name;
  int from = 0, to = 0;
  double gain = 0, se = 0; // mean over the targets
  std::vector<NextTargetGain> targets;
  std::vector<NextReached> reached; // counted ones first, then by median wage
  int reached_count = 0; // those that count
  std::optional<double> best_median; // among those that count
  bool too_close_to_previous = false;
};

struct NextUnrated
{
  std::string skill, name;
  std::vector<std::string> needed_by; // target ids that require it
};

struct NextRanking
{
  std::vector<NextUnit> units;
  std::vector<NextStep> steps; // best first; steps that buy nothing are left out
  std::size_t buys_nothing = 0;
  std::vector<NextUnrated> unrated;
  std::vector<std::string> at_max; // rated at the top of the scale: nothing to raise
};

// What `careerplan next` found: a ranking per vocabulary it could rank, with the rules applied
// and what was left out, in words.
struct NextResult
{
  NextOptions options;
  std::string zone_basis; // where options.current_zone came from
  std::optional<NextRanking> curated; // careerplan's skills (0-5) against the curated roles
  std::optional<NextRanking> onet; // O*NET's elements against the imported occupations
  std::string onet_source; // the O*NET release's source id, with `onet`
  std::vector<std::string> warnings;
};

// Ranks the candidates' steps over the units (the core of both vocabularies).
NextRanking rank_next_steps(std::vector<NextUnit> units, const std::vector<NextCandidate>& candidates,
                            const NextOptions& options);

// The curated vocabulary: every catalog role at the level years of experience give. `targets`
// are role ids; `median` gives a role's national median wage (nullopt when unknown) and its source.
using MedianLookup = std::function<std::optional<std::pair<double, std::string>>(const Role&)>;
NextRanking next_curated(const Catalog& catalog, const Assessment& assessment, const std::vector<std::string>& targets,
                         const NextOptions& options, const MedianLookup& median);

} // namespace careerplan

namespace careerplan {
class Db;
struct Occupation;

// The O*NET vocabulary: every imported occupation with O*NET's Skills or Knowledge ratings,
// each read once and scored by onet_readiness (core/onet_match.hpp, the same counting rule as
// `match`). `targets` are occupation codes; `median` gives an occupation's national median wage
// by its code. Only rated elements below 7 are candidates; unrated ones the targets count are
// listed as unrated.
using OccupationMedian = std::function<std::optional<std::pair<double, std::string>>(const std::string& code)>;
NextRanking next_onet(Db& db, const std::map<std::string, int>& ratings, const std::vector<std::string>& targets,
                      const NextOptions& options, const OccupationMedian& median);

} // namespace careerplan
