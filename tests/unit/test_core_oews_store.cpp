// The OEWS tables of the store: an import replaces the previous one in one transaction; lookups
// by occupation and area; annual figures derived from hourly ones; BLS figures beside a role's.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include "core/catalog.hpp"
#include "core/errors.hpp"
#include "core/oews_store.hpp"
#include "core/salary_bls.hpp"

#include "bundled_catalog.hpp"

using namespace careerplan;

namespace {

OewsFile file_of(const std::string& csv, const std::string& name)
{
  return parse_oews(csv, name);
}

const std::string k_national = "AREA,AREA_TITLE,OCC_CODE,OCC_TITLE,O_GROUP,TOT_EMP,H_MEDIAN,A_MEDIAN,A_PCT90,HOURLY\n"
                               "99,U.S.,15-2051,Data Scientists,detailed,200000,55,115000,#,\n"
                               "99,U.S.,27-2011,Actors,detailed,**,25.5,,,TRUE\n"
                               "99,U.S.,13-1020,Buyers,broad,10,,50000,,\n"
                               "99,U.S.,13-1020,Buyers,detailed,10,,50000,,\n";
const std::string k_state = "AREA_TITLE,PRIM_STATE,OCC_CODE,OCC_TITLE,A_MEDIAN\n"
                            "California,CA,15-2051,Data Scientists,\"130,000\"\n";

} // namespace

TEST_CASE("oews store: import, look up, compare with the national figure of the same period")
{
  Db db = Db::open(":memory:", true);
  CHECK_FALSE(has_oews(db));
  CHECK(oews_lookup(db, "15-2051", "US").empty());
  const auto result = import_oews(db, {file_of(k_national, "national_M2030_dl.csv"), file_of(k_state, "state_M2030_dl.csv")});
  CHECK(result.rows == 4); // the broad and detailed copies of 13-1020 (same figures) are one
  CHECK(has_oews(db));

  const auto ds = oews_lookup(db, "15-2051", "US");
  REQUIRE(ds.size() == 1);
  CHECK(ds[0].period == "May 2030");
  CHECK(ds[0].figures[k_a_median].value == 115000.0);
  CHECK(ds[0].figures[k_a_pct90].mark == OewsMark::top_coded);
  CHECK(ds[0].file == "national_M2030_dl.csv");
  CHECK(ds[0].line == 2);

  const auto actors = oews_lookup(db, "27-2011", "US");
  REQUIRE(actors.size() == 1);
  CHECK(actors[0].hourly_only);
  const AnnualFigure a = annual(actors[0], k_a_median);
  CHECK(a.derived);
  CHECK(a.figure.value == doctest::Approx(25.5 * 2080));
  CHECK(actors[0].figures[k_tot_emp].mark == OewsMark::employment_not_available);

  const auto cmp = oews_compare(db, "15-2051", "CA");
  REQUIRE(cmp);
  CHECK(cmp->same_period);
  REQUIRE(cmp->national);
  CHECK(cmp->national->figures[k_a_median].value == 115000.0);
  CHECK(oews_area(db, "CA").size() == 1);
  CHECK(oews_area(db, "US").size() == 3);

  const BlsFigure f = bls_figure(ds[0]);
  CHECK(f.figure.median == 115000.0);
  CHECK_FALSE(f.figure.p90);
  CHECK(f.top_coded == std::vector<std::string>{"p90"});
  CHECK(f.figure.id == "oews:15-2051:US:2030");
}

TEST_CASE("oews store: a failed import leaves the previous one as it was")
{
  Db db = Db::open(":memory:", true);
  import_oews(db, {file_of(k_national, "national_M2030_dl.csv")});
  const std::string dup = "AREA,AREA_TITLE,OCC_CODE,A_MEDIAN\n99,U.S.,11-1011,1\n99,U.S.,11-1011,2\n";
  try {
    import_oews(db, {file_of(k_state, "state_M2031_dl.csv"), file_of(dup, "dup_M2031_dl.csv")});
    FAIL("no error");
  } catch (const DataError& e) {
    CHECK(std::string(e.what()) == "dup_M2031_dl.csv: row 3: 11-1011 in US for May 2031 again (first in dup_M2031_dl.csv row 2)");
  }
  CHECK(oews_lookup(db, "15-2051", "US").size() == 1);
  CHECK(oews_lookup(db, "15-2051", "CA").empty());
  CHECK(oews_lookup(db, "11-1011", "US").empty());
}

TEST_CASE("salary_bls: the anchor's wages for a role without its own figure; BLS beside other sources")
{
  const Catalog cat = load_catalog({});
  const Role& mle = resolve_role(cat, "mle");
  const SocMapping* anchor = anchor_occupation(mle);
  REQUIRE(anchor != nullptr);
  CHECK(anchor->code == "15-2051"); // the first mapping that is not a conflict

  SalaryQuery q;
  q.place = state_place("CA");
  SalaryResult r = compute_salary(mle, q);
  BlsInput in;
  const auto here = catalog_bls_figures(cat, "15-2051", "CA", nullptr);
  in.here = newest(here);
  in.national = catalog_bls_figures(cat, "15-2051", "US", nullptr);
  REQUIRE(in.here);
  add_bls(r, *anchor, in);
  REQUIRE(r.bands.size() == 2);
  const Band& hakia = r.bands[0];
  REQUIRE(hakia.vs_bls);
  CHECK(hakia.vs_bls->bls == 133690.0);
  CHECK(hakia.vs_bls->difference == 185000.0 - 133690.0);
  CHECK(hakia.vs_bls->period == "May 2023");
  const Band& bls = r.bands[1];
  CHECK(bls.kind == BandKind::anchor);
  CHECK(bls.figure.label == "BLS, Data Scientists (15-2051), the anchor occupation: an assumption, not specific to the "
                            "Machine Learning Engineer role");
  CHECK_FALSE(bls.level_specific);
  REQUIRE(bls.vs_national);
  CHECK(bls.vs_national->national == 108020.0); // May 2023 national, the same period

  // A role that shows BLS's figure itself gets no second copy.
  const Role& ds = resolve_role(cat, "data-scientist");
  SalaryResult d = compute_salary(ds, q);
  const std::size_t before = d.bands.size();
  add_bls(d, *anchor_occupation(ds), in);
  CHECK(d.bands.size() == before);
}

namespace {

std::vector<double> medians(const std::vector<BlsFigure>& figures)
{
  std::vector<double> out;
  for (const auto& f : figures) {
    out.push_back(f.figure.median.value_or(-1));
  }
  return out;
}

} // namespace

TEST_CASE("salary_bls: the catalog's BLS figures are the reference roles' (the bundled ones) and the role's own")
{
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / ("careerplan-unit-bls-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir / "roles");
  // A role of the data directory quoting BLS's national 15-2051 figure with another median (an
  // id before every bundled one, so that it would come first among equals).
  using careerplan::test::bundled_file;
  REQUIRE_FALSE(bundled_file("roles/data-scientist.json").empty());
  nlohmann::json twin = nlohmann::json::parse(bundled_file("roles/data-scientist.json"));
  twin["id"] = "aa-twin";
  twin["aliases"] = nlohmann::json::array();
  for (auto& f : twin["salary"]) {
    if (f["id"] == "bls-oews-2024-15-2051") {
      f["median"] = 123457;
    }
  }
  std::ofstream(dir / "roles" / "aa-twin.json") << twin.dump();
  LoadOptions lo;
  lo.data_dirs = {dir.string()};
  {
    const Catalog cat = load_catalog(lo);
    CHECK(bls_reference_ids(cat).size() == careerplan::test::bundled_role_count());
    CHECK(bls_reference_ids(cat).front() == "ai-operations-specialist");
    CHECK(medians(catalog_bls_figures(cat, "15-2051", "US", nullptr)) == std::vector<double>{112590, 108020});
    const Role& mle = resolve_role(cat, "mle");
    CHECK(medians(catalog_bls_figures(cat, "15-2051", "US", &mle)) == std::vector<double>{112590, 108020});
    const Role& own = resolve_role(cat, "aa-twin");
    CHECK(medians(catalog_bls_figures(cat, "15-2051", "US", &own)) == std::vector<double>{123457, 108020});
    CHECK(catalog_bls_figures(cat, "15-2051", "CA", &own).size() == 1);
  }
  // Without the bundled catalog there is no reference set apart: every role's figures serve.
  REQUIRE_FALSE(bundled_file("skills.json").empty());
  REQUIRE_FALSE(bundled_file("sources.json").empty());
  std::ofstream(dir / "skills.json") << bundled_file("skills.json");
  std::ofstream(dir / "sources.json") << bundled_file("sources.json");
  lo.bundled = false;
  {
    const Catalog cat = load_catalog(lo);
    CHECK(bls_reference_ids(cat) == std::vector<std::string>{"aa-twin"});
    CHECK(medians(catalog_bls_figures(cat, "15-2051", "US", nullptr)) == std::vector<double>{123457, 108020});
  }
  fs::remove_all(dir);
}

TEST_CASE("salary: a pay in another currency is placed only at a rate the user gives")
{
  SalaryFigure band;
  band.currency = "USD";
  band.low = 100000;
  band.high = 200000;
  const Pay pay{100000, "GBP", PayBasis::base};
  const PayFit none = fit_pay(pay, band);
  CHECK_FALSE(none.position.has_value());
  CHECK(none.notes.front().find("states no exchange rate of its own") != std::string::npos);
  const PayFit at = fit_pay(pay, band, {parse_rate("GBP/USD=1.5")});
  CHECK(at.position == FitPosition::within);
  CHECK(at.band_pct == doctest::Approx(50));
  CHECK(at.notes.front().find("1 GBP = 1.5 USD (--rate)") != std::string::npos);
  CHECK_THROWS_AS(parse_rate("GBP=1.5"), UsageError);
  CHECK_THROWS_AS(parse_rate("GBP/USD=-1"), UsageError);
  CHECK(currency_code("gbp", "--currency") == "GBP");
  CHECK_THROWS_AS(currency_code("pounds", "--currency"), UsageError);
}
