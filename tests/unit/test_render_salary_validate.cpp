// salary/v2's one shape (amounts, role or occupation reference, one-decimal percentages) and
// validate's view (render/validate_view.hpp).
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "core/catalog.hpp"
#include "core/salary.hpp"
#include "render/salary_view.hpp"
#include "render/schema_ids.hpp"
#include "render/validate_view.hpp"

using namespace careerplan;

namespace {

bool is_amount(const nlohmann::json& j, const char* currency, const char* period)
{
  return j.is_object() && j.size() == 3 && j["value"].is_number() && j["currency"] == currency && j["period"] == period;
}

} // namespace

TEST_CASE("salary JSON: every amount is {value, currency, period}, the role is {id, title}, the pay an amount")
{
  const Catalog cat = load_catalog({});
  const Role& mle = resolve_role(cat, "mle");
  SalaryQuery q;
  q.place = state_place("CA");
  q.pay = Pay{150000, "USD", PayBasis::base};
  q.pay_from = "--current";
  const SalaryResult r = compute_salary(mle, q);
  const nlohmann::json j = salary_json(r);
  CHECK(j["schema"] == schema_id::salary);
  CHECK(j["role"] == nlohmann::json({{"id", mle.id}, {"title", mle.title}}));
  CHECK(j["occupation"].is_null());
  CHECK(is_amount(j["current_pay"]["value"], "USD", "year"));
  CHECK(j["current_pay"]["value"]["value"] == 150000);
  CHECK(j["current_pay"]["from"] == "--current");
  REQUIRE(!r.bands.empty());
  const Band& b = r.bands.front();
  const nlohmann::json& band = j["bands"][0];
  for (const char* key : {"low", "high", "value", "p10", "p25", "median", "mean", "p75", "p90", "top_code"}) {
    CAPTURE(key);
    CHECK((band[key].is_null() || is_amount(band[key], b.figure.currency.c_str(), b.figure.period.c_str())));
  }
  REQUIRE(b.figure.value);
  CHECK(band["value"]["value"] == *b.figure.value);
  REQUIRE(b.vs_national);
  CHECK(band["vs_national"]["national"]["value"] == b.vs_national->national);
  CHECK(band["vs_national"]["difference"]["value"] == b.vs_national->difference);
  REQUIRE(b.fit);
  if (b.fit->difference) {
    CHECK(band["fit"]["difference"]["value"] == *b.fit->difference);
  }

  const nlohmann::json list = salary_list_json({r});
  CHECK(list["schema"] == schema_id::salary_list);
  CHECK(list["current_pay"] == j["current_pay"]);
  CHECK(list["results"][0] == j);
}

TEST_CASE("salary JSON for a SOC code: the occupation is {code, title}, the role null")
{
  Role holder;
  holder.id = "15-2051";
  holder.title = "Data Scientists";
  SalaryResult r;
  r.role = &holder;
  r.subject = SalarySubject::occupation; // set by occupation_salary; the id alone says nothing
  const nlohmann::json j = salary_json(r);
  CHECK(j["role"].is_null());
  CHECK(j["occupation"] == nlohmann::json({{"code", "15-2051"}, {"title", "Data Scientists"}}));
  CHECK(j["current_pay"].is_null());
  CHECK(j["bands"].empty());
}

TEST_CASE("validate view: the catalog in use lists its directories and assessment; a problem makes it invalid")
{
  ValidateResult r;
  r.catalog_in_use = true;
  r.data_dirs = {{"/d", "--data-dir", false}};
  r.assessment = {"/a.json", "--assessment", true};
  r.checked = {"<bundled> (skills.json, sources.json, roles/)", "/a.json"};
  r.roles = 10;
  r.problems = {{"/a.json", "/ratings/x", "unknown skill 'x'"}};
  const nlohmann::json j = validate_json(r);
  CHECK(j["schema"] == schema_id::validate);
  CHECK(j["valid"] == false);
  CHECK(j["roles"] == 10);
  CHECK(j["problems"][0] == nlohmann::json({{"file", "/a.json"}, {"path", "/ratings/x"}, {"message", "unknown skill 'x'"}}));
  CHECK(j["data_dirs"][0]["present"] == false);
  CHECK(j["assessment"]["path"] == "/a.json");
  CHECK_FALSE(j.contains("seeds"));

  const Document d = validate_document(r);
  REQUIRE(d.sections.size() == 4);
  CHECK(d.sections[0].bullets[1] == "/d (from --data-dir; not present)");
  CHECK(d.sections[1].bullets[0] == "/a.json (from --assessment)");
  CHECK(d.sections[3].heading == "1 problem(s)");
  REQUIRE(d.csv.rows.size() == 1);
  CHECK(d.csv.rows[0] == std::vector<std::string>{"/a.json", "/ratings/x", "unknown skill 'x'"});

  ValidateResult files;
  files.checked = {"x.json"};
  files.seeds = ValidateResult::Seeds{"seeds", {}};
  const nlohmann::json fj = validate_json(files);
  CHECK(fj["valid"] == true);
  CHECK_FALSE(fj.contains("data_dirs"));
  CHECK(fj["seeds"]["sources"].empty());
  const Document fd = validate_document(files);
  REQUIRE(fd.sections.size() == 3);
  CHECK(fd.sections[0].bullets[0] == "seeds: no seed file of a source is there");
  CHECK(fd.sections[2].heading == "No problems");
}
