#include <doctest/doctest.h>

#include "core/catalog.hpp"
#include "core/errors.hpp"
#include "core/salary.hpp"

using namespace careerplan;

namespace {

SalaryFigure point(const std::string& id, const std::string& scope, const std::string& code, double value,
                   const std::string& source)
{
  SalaryFigure f;
  f.id = id;
  f.label = id;
  f.scope = from_id<FigureScope>(scope).value();
  (scope == "state" ? f.state : f.country) = code;
  f.value = value;
  f.basis = PayBasis::unspecified;
  f.source = source;
  f.year = 2026;
  return f;
}

Adjustment adjustment(const std::string& id, const std::string& region, const std::string& type,
                      std::vector<std::string> members, double lo, double hi, const std::string& source)
{
  Adjustment a;
  a.id = id;
  a.region = region;
  a.description = region;
  a.member_type = from_id<MemberType>(type).value();
  a.members = std::move(members);
  a.change_low = lo;
  a.change_high = hi;
  a.relative_to = "tier1";
  a.basis = PayBasis::total;
  a.source = source;
  return a;
}

// A role with a national median, two tier-1 state figures from one source, one from another,
// a level band, and adjustments for "rest" (US states) and "eu" (countries).
Role test_role()
{
  Role r;
  r.id = "test-role";
  r.levels = {"entry", "mid"};
  SalaryFigure national;
  national.id = "s1-national";
  national.label = "national";
  national.scope = FigureScope::national;
  national.median = 100000;
  national.basis = PayBasis::base;
  national.source = "s1";
  r.salary.push_back(national);
  SalaryFigure ca = point("s1-ca", "state", "CA", 120000, "s1");
  ca.vs_national_pct = 20;
  r.salary.push_back(ca);
  r.salary.push_back(point("s1-wa", "state", "WA", 110000, "s1"));
  r.salary.push_back(point("s2-ca", "state", "CA", 150000, "s2"));
  SalaryFigure entry;
  entry.id = "s3-entry";
  entry.label = "entry";
  entry.scope = FigureScope::level;
  entry.level = "entry";
  entry.low = 80000;
  entry.high = 90000;
  entry.basis = PayBasis::base;
  entry.source = "s3";
  r.salary.push_back(entry);
  r.adjustments.push_back(adjustment("tier1", "tier1", "us_state", {"CA", "WA"}, 0, 0, "s4"));
  r.adjustments.push_back(adjustment("rest", "rest", "us_state", {"TX", "DE"}, -0.35, -0.25, "s4"));
  r.adjustments.push_back(adjustment("eu", "eu", "country", {"DE", "FR"}, -0.5, -0.3, "s4"));
  Ladder ladder;
  ladder.id = "lad";
  ladder.source = "s5";
  ladder.levels.push_back({"entry", "Junior", 0, 2, "", "below the median"});
  r.ladders.push_back(ladder);
  return r;
}

SalaryQuery at(Place place, const std::string& level = {})
{
  SalaryQuery q;
  q.place = std::move(place);
  q.level = level;
  return q;
}

} // namespace

TEST_CASE("a published state figure is shown as published, against the same source's national figure")
{
  const Role role = test_role();
  const SalaryResult r = compute_salary(role, at(state_place("ca")));
  REQUIRE(r.bands.size() == 2); // s1 and s2 both publish CA: kept apart, never averaged
  CHECK(r.bands[0].kind == BandKind::published);
  CHECK(*r.bands[0].figure.value == 120000);
  REQUIRE(r.bands[0].vs_national);
  CHECK(r.bands[0].vs_national->figure == "s1-national");
  CHECK(r.bands[0].vs_national->difference == 20000);
  CHECK(r.bands[0].vs_national->difference_pct == doctest::Approx(20));
  CHECK(*r.bands[0].vs_national->published_pct == 20);
  CHECK(*r.bands[1].figure.value == 150000);
  CHECK_FALSE(r.bands[1].vs_national); // s2 publishes no national figure to compare with
  CHECK(r.notes.empty());
}

TEST_CASE("no figure for a state: one estimate per reference source, a range widened to whole thousands")
{
  const Role role = test_role();
  const SalaryResult r = compute_salary(role, at(state_place("TX")));
  REQUIRE(r.bands.size() == 2); // reference figures from s1 (CA, WA) and from s2 (CA)
  const Band& b = r.bands[0];
  CHECK(b.kind == BandKind::estimate);
  REQUIRE(b.derivation);
  CHECK(b.derivation->adjustment->id == "rest");
  CHECK(b.derivation->reference.size() == 2);
  CHECK(b.derivation->unrounded_low == doctest::Approx(110000 * 0.65)); // 71,500
  CHECK(b.derivation->unrounded_high == doctest::Approx(120000 * 0.75)); // 90,000
  CHECK(*b.figure.low == 71000);
  CHECK(*b.figure.high == 90000);
  CHECK(b.figure.source == "s4");
  CHECK(b.figure.state == "TX");
  CHECK(b.figure.basis == PayBasis::unspecified);
  CHECK_FALSE(b.figure.note.empty()); // the adjustment is for total pay, the reference basis is not stated
  CHECK(r.bands[1].derivation->reference.size() == 1);
  CHECK(*r.bands[1].figure.low == 97000); // 150,000 × 0.65 = 97,500, widened down
  CHECK(*r.bands[1].figure.high == 113000); // 150,000 × 0.75 = 112,500, widened up
}

TEST_CASE("state and country codes do not mix: DE is Delaware for --state, Germany for --country")
{
  const Role role = test_role();
  const SalaryResult de_state = compute_salary(role, at(state_place("DE")));
  REQUIRE_FALSE(de_state.bands.empty());
  CHECK(de_state.bands[0].derivation->adjustment->id == "rest");
  const SalaryResult de_country = compute_salary(role, at(country_place("germany")));
  REQUIRE_FALSE(de_country.bands.empty());
  CHECK(de_country.bands[0].derivation->adjustment->id == "eu");
  CHECK(*de_country.bands[0].figure.low == 55000); // 110,000 × 0.5
  CHECK(*de_country.bands[0].figure.high == 84000); // 120,000 × 0.7
}

TEST_CASE("a place nobody covers gets a note, not a guess")
{
  const Role role = test_role();
  const SalaryResult r = compute_salary(role, at(country_place("JP")));
  CHECK(r.bands.empty());
  REQUIRE(r.notes.size() == 1);
  CHECK(r.notes[0].find("Japan") != std::string::npos);
}

TEST_CASE("the national view, a level, and a level in a place")
{
  const Role role = test_role();
  const SalaryResult all = compute_salary(role, at({}));
  CHECK(all.bands.size() == 2); // the national median and the level band
  const SalaryResult entry = compute_salary(role, at({}, "entry"));
  REQUIRE(entry.bands.size() == 1);
  CHECK(entry.bands[0].figure.id == "s3-entry");
  REQUIRE(entry.level_words.size() == 1);
  CHECK(entry.level_words[0].words == "below the median");
  CHECK(compute_salary(role, at({}, "mid")).notes.size() == 1); // no source gives pay for mid
  const SalaryResult entry_ca = compute_salary(role, at(state_place("CA"), "entry"));
  REQUIRE(entry_ca.bands.size() == 3); // the two CA figures first, then the national entry band
  CHECK(entry_ca.bands[2].figure.id == "s3-entry");
  CHECK(entry_ca.notes.size() == 1); // no source gives a level in a place
}

TEST_CASE("a region: its members' published figures, or an estimate")
{
  Catalog cat;
  cat.roles.push_back(test_role());
  const Place tier1 = region_place(cat, "TIER1");
  CHECK(tier1.code == "tier1");
  CHECK(compute_salary(cat.roles[0], at(tier1)).bands.size() == 3); // CA (s1), WA (s1), CA (s2)
  const SalaryResult eu = compute_salary(cat.roles[0], at(region_place(cat, "eu")));
  REQUIRE(eu.bands.size() == 2);
  CHECK(eu.bands[0].kind == BandKind::estimate);
  CHECK(region_place(cat, "us").kind == Place::Kind::national);
  CHECK_THROWS_AS(region_place(cat, "mars"), UsageError);
  CHECK(region_ids(cat) == std::vector<std::string>{"eu", "rest", "tier1"});
}

TEST_CASE("places by code or name; unknown ones are usage errors; US is the national view")
{
  CHECK(state_place("texas").code == "TX");
  CHECK(country_place("us").kind == Place::Kind::national);
  CHECK(country_place("GB").name == std::string("United Kingdom"));
  CHECK_THROWS_AS(state_place("TZ"), UsageError);
  CHECK_THROWS_AS(country_place("XY"), UsageError);
}

TEST_CASE("where a pay sits in a band")
{
  SalaryFigure band;
  band.low = 100000;
  band.high = 200000;
  band.median = 140000;
  band.basis = PayBasis::total;

  PayFit f = fit_pay({150000, "USD", PayBasis::total}, band);
  CHECK(f.position == FitPosition::within);
  CHECK(*f.band_pct == doctest::Approx(50));
  CHECK(*f.difference == 10000);
  CHECK(*f.difference_pct == doctest::Approx(100.0 * 10000 / 140000));
  CHECK(f.notes.empty());

  CHECK(fit_pay({100000, "USD", PayBasis::total}, band).band_pct == doctest::Approx(0));
  CHECK(fit_pay({200000, "USD", PayBasis::total}, band).band_pct == doctest::Approx(100));
  CHECK(fit_pay({90000, "USD", PayBasis::total}, band).position == FitPosition::below);
  CHECK(fit_pay({250000, "USD", PayBasis::total}, band).position == FitPosition::above);
  CHECK_FALSE(fit_pay({250000, "USD", PayBasis::total}, band).band_pct);

  // Base pay against a total-comp band, and a pay whose basis is not said, get a note.
  CHECK(fit_pay({150000, "USD", PayBasis::base}, band).notes.size() == 1);
  CHECK(fit_pay({150000, "USD", std::nullopt}, band).notes.size() == 1);
  // Currencies are never converted.
  const PayFit eur = fit_pay({150000, "EUR", PayBasis::total}, band);
  CHECK_FALSE(eur.position.has_value());
  CHECK(eur.notes.size() == 1);

  band.high_open = true;
  CHECK(fit_pay({250000, "USD", PayBasis::total}, band).notes.size() == 1); // the top is open-ended

  SalaryFigure single;
  single.value = 185000;
  single.basis = PayBasis::unspecified;
  const PayFit s = fit_pay({160000, "USD", PayBasis::base}, single);
  CHECK(s.position == FitPosition::below);
  CHECK(*s.difference == -25000);
  CHECK(fit_pay({185000, "USD", PayBasis::base}, single).position == FitPosition::at);

  SalaryFigure words;
  words.words = "around the median";
  CHECK_FALSE(fit_pay({1, "USD", PayBasis::base}, words).position.has_value());
}

TEST_CASE("percentile bands: the bracket, and p10-p90 as the band")
{
  SalaryFigure bls;
  bls.p10 = 63650;
  bls.p25 = 82630;
  bls.median = 112590;
  bls.p75 = 155810;
  bls.p90 = 194410;
  bls.basis = PayBasis::base;
  CHECK(fit_pay({160000, "USD", PayBasis::base}, bls).bracket == "p75–p90");
  CHECK(fit_pay({50000, "USD", PayBasis::base}, bls).bracket == "below p10");
  CHECK(fit_pay({200000, "USD", PayBasis::base}, bls).bracket == "above p90");
  CHECK(fit_pay({112590, "USD", PayBasis::base}, bls).bracket == "p25–median");
  CHECK(fit_pay({63650, "USD", PayBasis::base}, bls).band_pct == doctest::Approx(0));
}

TEST_CASE("the bundled ML engineer: CA as published, CO estimated from the non-coastal adjustment, TX (coastal) not")
{
  const Catalog cat = load_catalog({});
  const Role& mle = resolve_role(cat, "mle");
  const SalaryResult ca = compute_salary(mle, at(state_place("CA")));
  REQUIRE(ca.bands.size() == 1);
  CHECK(*ca.bands[0].figure.value == 185000);
  CHECK(ca.bands[0].figure.source == "hakia-mle-2026");
  CHECK(ca.bands[0].vs_national->national == 150000);

  const SalaryResult co = compute_salary(mle, at(state_place("CO")));
  REQUIRE(co.bands.size() == 1);
  CHECK(co.bands[0].kind == BandKind::estimate);
  CHECK(co.bands[0].derivation->adjustment->id == "aieh-us-non-coastal");
  CHECK(*co.bands[0].figure.low == 110000); // 170,000 (NY) × 0.65 = 110,500
  CHECK(*co.bands[0].figure.high == 139000); // 185,000 (CA) × 0.75 = 138,750

  // The source's words are "non-coastal US markets": a coastal state gets no estimate from them.
  for (const char* coastal : {"TX", "NJ", "MA", "CT", "MD", "VA", "FL", "OR"}) {
    for (const auto& b : compute_salary(mle, at(state_place(coastal))).bands) {
      CHECK_MESSAGE(b.kind != BandKind::estimate, coastal);
    }
  }
}
