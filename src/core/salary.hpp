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
// The scope of a figure for this place (an estimate for it).
FigureScope scope_of(Place::Kind kind);

// Each resolves a name given on the command line or in an assessment; a UsageError with the
// nearest names when unknown.
Place state_place(const std::string& code_or_name);
Place country_place(const std::string& code_or_name); // "US" is the national view
Place region_place(const Catalog& catalog, const std::string& id);
// Region ids the catalog's adjustments name, sorted.
std::vector<std::string> region_ids(const Catalog& catalog);

// Where a pay sits: below, within or above a band, or at a single figure.
enum class FitPosition
{
  below,
  within,
  above,
  at,
};

inline std::string_view id_of(FitPosition v)
{
  switch (v) {
    CAREERPLAN_ENUM_CASE(FitPosition, below)
    CAREERPLAN_ENUM_CASE(FitPosition, within)
    CAREERPLAN_ENUM_CASE(FitPosition, above)
    CAREERPLAN_ENUM_CASE(FitPosition, at)
  }
  return {};
}
CAREERPLAN_ENUM_JSON(FitPosition)

struct PayFit
{
  std::optional<FitPosition> position; // none when not compared
  std::optional<double> band_pct; // 0-100: where inside low-high (or p10-p90) the pay sits
  std::optional<double> difference; // pay minus the median (or the single value)
  std::optional<double> difference_pct; // difference as a percentage of the median (or value)
  std::string bracket; // for percentile bands: "p25-median", "below p10", ...
  std::vector<std::string> notes; // basis or currency caveats
};

// An exchange rate the user gives (--rate GBP/USD=1.27: 1 GBP = 1.27 USD). careerplan states
// no rate of its own: a pay in one currency is compared with a band in another only at a rate
// the user gave, and the fit says so.
struct ExchangeRate
{
  std::string from;
  std::string to;
  double rate = 0;
};
// "GBP/USD=1.27" -> the rate; a UsageError otherwise.
ExchangeRate parse_rate(const std::string& text);
// An ISO 4217 code: three letters, upper-cased ("gbp" -> "GBP"); a UsageError naming `option` otherwise.
std::string currency_code(const std::string& text, const char* option);

// Where `pay` sits in `band`. A pay basis of "" means the user did not say (base or total).
PayFit fit_pay(const Pay& pay, const SalaryFigure& band, const std::vector<ExchangeRate>& rates = {});

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

// A figure set beside BLS's for the same occupation and place (salary_bls.hpp).
struct BlsCheck
{
  std::string figure; // the BLS figure's id
  std::string occupation; // "Data Scientists (15-2051)"
  std::string period; // "May 2023"
  std::string place; // "California", "the US"
  std::string statistic; // "median" or "mean"
  double bls = 0;
  double difference = 0; // the band's point figure (median, else single value) minus BLS's
  double difference_pct = 0;
};

struct Band
{
  BandKind kind = BandKind::published;
  SalaryFigure figure; // as published, or the estimate (low and high set; id "estimate:ADJ:SOURCE")
  std::optional<NationalComparison> vs_national;
  std::optional<Derivation> derivation;
  std::optional<PayFit> fit;
  std::optional<BlsCheck> vs_bls;
  // False when a level was asked and the figure covers every level (or another one).
  bool level_specific = true;
  // BLS's '#': these statistics are at or above the top code, shown as "≥ $239,200", never as a number.
  std::vector<std::string> top_coded;
  std::optional<double> top_code;
  bool derived_from_hourly = false; // BLS publishes hourly wages only: annual = hourly x 2,080
  std::string origin; // where an anchor band came from: "catalog" or the imported file and row
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
  std::vector<ExchangeRate> rates; // --rate
};

// What a salary result is for: a curated role, or an occupation ('salary SOC-CODE': BLS wages of a
// SOC occupation, held in a stand-in Role whose id is the code and title the occupation's).
enum class SalarySubject
{
  role,
  occupation,
};

struct SalaryResult
{
  const Role* role = nullptr;
  SalarySubject subject = SalarySubject::role; // set where the result is built
  SalaryQuery query;
  std::vector<Band> bands; // the place's figures (published, else estimates), then the level's national ones
  std::vector<LevelWords> level_words; // each ladder's words for the level's pay
  std::vector<std::string> notes;
};

SalaryResult compute_salary(const Role& role, const SalaryQuery& query);

} // namespace careerplan
