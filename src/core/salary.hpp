#pragma once
// Salary bands by level and place: "what will it pay at my level, where I live?"
//
// Published figures are shown as published. Where a place has none, an estimate is derived
// from a published regional adjustment ("~25-35% lower ... versus the SF/Seattle/NYC cluster"):
//
//   low  = floor1000( min(reference figures) * (1 + change_low) )
//   high = ceil1000(  max(reference figures) * (1 + change_high) )
//
// where the reference figures are the published point figures (value, else median) of the
// region the adjustment is measured against, one estimate per source of reference figures:
// sources are never pooled. Which states or countries a region covers is a modelling choice
// the role profile states.
#include <optional>
#include <string>
#include <vector>

#include "core/assessment.hpp"
#include "core/model.hpp"

namespace careerplan {

struct Place
{
  enum class Kind { national, state, country, region };
  Kind kind = Kind::national;
  std::string code; // USPS code, ISO 3166-1 alpha-2 code, or region id
  std::string name; // "Texas", "Germany", "us-non-coastal"
};

std::string kind_name(Place::Kind kind);

// Each resolves a name given on the command line or in an assessment; a UsageError with the
// nearest names when unknown.
Place state_place(const std::string& code_or_name);
Place country_place(const std::string& code_or_name); // "US" is the national view
Place region_place(const Catalog& catalog, const std::string& id);
// Region ids the catalog's adjustments name, sorted.
std::vector<std::string> region_ids(const Catalog& catalog);

struct PayFit
{
  std::string position; // "below", "within", "above" the band, or "at" a single figure; "" when not compared
  std::optional<double> band_pct; // 0-100: where inside low-high (or p10-p90) the pay sits
  std::optional<double> difference; // pay minus the median (or the single value)
  std::optional<double> difference_pct; // difference as a percentage of the median (or value)
  std::string bracket; // for percentile bands: "p25-median", "below p10", ...
  std::vector<std::string> notes; // basis or currency caveats
};

// Where `pay` sits in `band`. A pay basis of "" means the user did not say (base or total).
PayFit fit_pay(const Pay& pay, const SalaryFigure& band);

struct NationalComparison
{
  std::string figure; // the same source's national figure
  double national = 0; // its median, else its value
  double difference = 0; // state figure minus national
  double difference_pct = 0;
  std::optional<double> published_pct; // what the source itself prints
};

struct ReferenceFigure
{
  std::string figure;
  std::string source;
  std::string place; // state or country code
  double value = 0;
};

struct Derivation
{
  const Adjustment* adjustment = nullptr;
  std::vector<ReferenceFigure> reference; // one source's figures for adjustment->relative_to
  double unrounded_low = 0;
  double unrounded_high = 0;
  std::string text; // the whole computation in one sentence
};

struct Band
{
  std::string kind; // "published" or "estimate"
  SalaryFigure figure; // as published, or the estimate (low and high set; id "estimate:ADJ:SOURCE")
  std::optional<NationalComparison> vs_national;
  std::optional<Derivation> derivation;
  std::optional<PayFit> fit;
};

struct LevelWords
{
  std::string ladder;
  std::string source;
  std::string level;
  std::string title;
  std::string words;
};

struct SalaryQuery
{
  std::string level; // a level id of the role, or "" for every level
  std::string level_basis;
  Place place;
  std::optional<Pay> pay;
  std::string pay_from; // "--current" or the assessment file
};

struct SalaryResult
{
  const Role* role = nullptr;
  SalaryQuery query;
  std::vector<Band> bands; // the place's figures (published, else estimates), then the level's national ones
  std::vector<LevelWords> level_words; // each ladder's words for the level's pay
  std::vector<std::string> notes;
};

SalaryResult compute_salary(const Role& role, const SalaryQuery& query);

} // namespace careerplan
