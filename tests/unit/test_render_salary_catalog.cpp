// `salary` without a role, rendered role by role (issue 19): the streamed JSON is the whole
// document's text, each role's CSV lines are those of its own document, and the table keeps of
// each result only its first band's row.
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "core/catalog.hpp"
#include "core/salary.hpp"
#include "render/document.hpp"
#include "render/salary_view.hpp"

using namespace careerplan;

namespace {

std::vector<SalaryResult> every_role(const Catalog& cat, const Place& place, std::optional<Pay> pay = std::nullopt)
{
  std::vector<SalaryResult> out;
  for (const Role& role : cat.all_roles()) {
    SalaryQuery q;
    q.place = place;
    q.pay = pay;
    q.pay_from = pay ? "--current" : "";
    out.push_back(compute_salary(role, q));
  }
  return out;
}

std::string streamed_json(const std::vector<SalaryResult>& results)
{
  std::string text;
  write_salary_list_json(
      [&](const auto& use) {
        for (const auto& r : results) {
          use(r);
        }
      },
      [&](std::string_view piece) { text += piece; });
  return text;
}

std::string dumped(const nlohmann::json& j)
{
  return j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

} // namespace

TEST_CASE("salary over the catalog: the JSON written result by result is the whole document's text")
{
  const Catalog cat = load_catalog({});
  for (const Place& place : {Place{}, state_place("CA"), state_place("TX"), country_place("DE")}) {
    CAPTURE(place.code);
    const auto results = every_role(cat, place, Pay{150000, "USD", PayBasis::base});
    REQUIRE(results.size() > 1);
    CHECK(streamed_json(results) == dumped(salary_list_json(results)));
  }
  CHECK(streamed_json({}) == dumped(salary_list_json({})));
  CHECK(salary_list_json({})["current_pay"].is_null());
}

TEST_CASE("salary over the catalog: each role's CSV lines are its own document's, under one header")
{
  const Catalog cat = load_catalog({});
  std::size_t with_bands = 0;
  for (const Place& place : {Place{}, state_place("CA"), state_place("TX")}) {
    for (const auto& r : every_role(cat, place)) {
      CAPTURE(r.role->id);
      const std::string own = render_csv(salary_document(r));
      const std::string header = own.substr(0, own.find("\r\n") + 2);
      CHECK(salary_catalog_csv_header() == header);
      if (!r.bands.empty()) {
        ++with_bands;
        CHECK(salary_catalog_csv(r) == own.substr(header.size()));
      }
    }
  }
  CHECK(with_bands > 0);

  // A result without a figure: one line that says so, for the place.
  Role role;
  role.id = "no-pay";
  SalaryResult none;
  none.role = &role;
  none.query.place = state_place("TX");
  const std::string line = salary_catalog_csv(none);
  CHECK(line.rfind("no-pay,none,", 0) == 0);
  CHECK(line.find("no source gives a figure for Texas (TX)\r\n") != std::string::npos);
}

TEST_CASE("salary over the catalog: a row keeps the first band's cells; the table puts every row on one scale")
{
  const Catalog cat = load_catalog({});
  const auto results = every_role(cat, state_place("TX"));
  std::vector<SalaryCatalogRow> rows;
  for (const auto& r : results) {
    rows.push_back(salary_catalog_row(r));
  }
  const Document doc = salary_catalog_document(rows, results.front().query);
  REQUIRE(doc.sections.size() == 1);
  const Table& t = doc.sections.front().table;
  REQUIRE(t.rows.size() == results.size());
  CHECK(doc.csv.rows.empty());
  for (std::size_t i = 0; i < results.size(); ++i) {
    const SalaryResult& r = results[i];
    CAPTURE(r.role->id);
    CHECK(t.rows[i][0] == r.role->id);
    CHECK(rows[i].bands == r.bands.size());
    if (r.bands.empty()) {
      CHECK(t.rows[i][2] == "—");
      CHECK(t.rows[i][4] == "no figure here");
      continue;
    }
    const Band& b = r.bands.front();
    CHECK(t.rows[i][2].starts_with(b.kind == BandKind::estimate ? "~$" : "$"));
    CHECK(t.rows[i][4].starts_with(b.kind == BandKind::estimate ? "estimate" : b.figure.source));
    CHECK((r.bands.size() > 1) == (t.rows[i][4].find(" more)") != std::string::npos));
    CHECK(rows[i].bar.median == b.figure.median);
    CHECK(rows[i].bar.high_open == b.figure.high_open);
  }
  // An empty catalog's table: no row, and no crash.
  SalaryQuery q;
  CHECK(salary_catalog_document({}, q).sections.front().table.rows.empty());
}

TEST_CASE("a bar drawn from a figure's numbers alone is the figure's bar")
{
  SalaryFigure f;
  f.low = 100000;
  f.median = 150000;
  f.high = 210000;
  f.high_open = true;
  const BarScale scale{50000, 300000};
  CHECK(range_bar(bar_figure(f), 120000.0, scale, 16) == range_bar(f, 120000.0, scale, 16));
  CHECK(range_bar(bar_figure(f), std::nullopt, scale, 16).find("▸") != std::string::npos);
}
