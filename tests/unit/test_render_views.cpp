// The views' JSON follows the one shape (render/json_shape.hpp), and the one salary formatter
// writes both its styles.
#include <doctest/doctest.h>

#include <cmath>

#include <nlohmann/json.hpp>

#include "core/catalog.hpp"
#include "core/compare.hpp"
#include "core/gap.hpp"
#include "core/match.hpp"
#include "core/plan.hpp"
#include "core/role_names.hpp"
#include "core/summary.hpp"
#include "render/compare_view.hpp"
#include "render/format.hpp"
#include "render/gap_view.hpp"
#include "render/match_view.hpp"
#include "render/plan_view.hpp"
#include "render/roles_view.hpp"
#include "render/schema_ids.hpp"

using namespace careerplan;

namespace {

bool one_decimal(double v)
{
  return std::abs(v * 10 - std::round(v * 10)) < 1e-9;
}

} // namespace

TEST_CASE("gap, plan and compare JSON: the role is {id, title}, readiness has one decimal, the schema id is set")
{
  const Catalog cat = load_catalog({});
  const Role& mle = resolve_role(cat, "mle");
  Assessment a;
  a.ratings = {{"python", 3}, {"sql", 2}, {"statistics", 1}};

  const GapResult g = compute_gap(mle, cat, a, "mid");
  const nlohmann::json gj = gap_document_json(g, "a.json");
  CHECK(gj["schema"] == schema_id::gap);
  CHECK(gj["role"] == nlohmann::json({{"id", mle.id}, {"title", mle.title}}));
  CHECK(one_decimal(gj["readiness"].get<double>()));
  CHECK(gj["readiness"].get<double>() == doctest::Approx(g.readiness).epsilon(0.001));
  CHECK(gj["assessment"] == "a.json");
  REQUIRE(gj["skills"].size() == g.skills.size());
  CHECK(gj["skills"][0]["skill"] == g.skills[0].skill);

  const Plan p = compute_plan(mle, cat, a, "mid");
  const nlohmann::json pj = plan_json(p, "a.json");
  CHECK(pj["schema"] == schema_id::plan);
  CHECK(pj["role"]["id"] == mle.id);
  CHECK(one_decimal(pj["readiness"].get<double>()));
  REQUIRE(pj["steps"].size() == p.steps.size());
  if (!p.steps.empty()) {
    CHECK(pj["steps"][0]["step"] == 1);
    CHECK(pj["steps"][0]["gap"] == p.gap_of(p.steps[0]).gap);
  }

  const Role& ds = resolve_role(cat, "data-scientist");
  const CompareResult c = compare_roles(cat, {&mle, &ds}, "", a);
  const nlohmann::json cj = compare_json(c);
  CHECK(cj["schema"] == schema_id::compare);
  REQUIRE(cj["roles"].size() == 2);
  CHECK(cj["roles"][1]["role"]["id"] == ds.id);
  CHECK(one_decimal(cj["roles"][0]["readiness"].get<double>()));
  CHECK(compare_document(c).csv.rows.size() == c.skills.size());
}

TEST_CASE("figure_text: one formatter, a full and a compact style")
{
  SalaryFigure f;
  f.currency = "USD";
  f.low = 130000;
  f.high = 380000;
  f.median = 200000;
  CHECK(figure_text(f) == "$130,000 – $380,000 (median $200,000)");
  CHECK(figure_text(f, FigureStyle::compact) == "$130,000–$380,000, median $200,000");

  SalaryFigure bls;
  bls.currency = "USD";
  bls.p10 = 63650;
  bls.median = 112590;
  bls.p90 = 194410;
  CHECK(figure_text(bls) == "p10 $63,650 · median $112,590 · p90 $194,410");
  CHECK(figure_text(bls, FigureStyle::compact) == "$63,650–$194,410 (p10–p90), median $112,590");

  SalaryFigure words;
  words.currency = "USD";
  words.value = 185000;
  words.words = "about $185k";
  CHECK(figure_text(words) == "$185,000 (\"about $185k\")");
  CHECK(figure_text(words, FigureStyle::compact) == "$185,000");
}

TEST_CASE("roles: the view keeps only the format asked for; roles/v2 lists every role with its completeness")
{
  const Catalog cat = load_catalog({});
  auto fill = [&](ViewFormat format, std::optional<std::string> search) {
    RolesView view(format, search);
    for (const auto& role : cat.roles) {
      if (!search || role_mentions(role, *search)) {
        view.add(role, summarize(role));
      }
    }
    return view;
  };

  RolesView as_json = fill(ViewFormat::json_document, std::nullopt);
  const Document none = as_json.document();
  REQUIRE(none.sections.size() == 1);
  CHECK(none.sections[0].table.rows.empty()); // the JSON view built no table row
  CHECK(none.csv.rows.empty());
  RolesView again = fill(ViewFormat::json_document, std::nullopt);
  const nlohmann::json j = again.json();
  CHECK(j["schema"] == schema_id::roles);
  REQUIRE(j["roles"].size() == cat.roles.size());
  const nlohmann::json& first = j["roles"][0];
  CHECK(first["role"]["id"] == cat.roles[0].id);
  const auto parts = first["completeness"]["parts"].get<std::size_t>();
  CHECK(first["completeness"]["present"].size() + first["completeness"]["missing"].size() == parts);

  RolesView as_table = fill(ViewFormat::table, std::nullopt);
  const Document table = as_table.document();
  CHECK(table.sections.at(0).table.rows.size() == cat.roles.size());
  CHECK(table.csv.rows.empty());
  CHECK_FALSE(table.footnotes.empty());

  RolesView as_csv = fill(ViewFormat::csv, std::nullopt);
  const Document csv = as_csv.document();
  CHECK(csv.csv.rows.size() == cat.roles.size());
  CHECK(csv.csv.rows.at(0).size() == csv.csv.columns.size());
  CHECK(csv.sections.at(0).table.rows.empty());

  RolesView found = fill(ViewFormat::table, std::string("ENGINEER"));
  const Document hits = found.document();
  CHECK(hits.sections.at(0).heading == "Curated roles");
  CHECK_FALSE(hits.sections.at(0).table.rows.empty());
  for (const auto& row : hits.sections.at(0).table.rows) {
    CHECK(role_mentions(*cat.find_role(row.at(0)), "engineer"));
  }

  RolesView nothing = fill(ViewFormat::table, std::string("no such role anywhere"));
  const Document empty = nothing.document();
  CHECK(empty.sections.at(0).table.columns.empty());
  REQUIRE(empty.sections.at(0).paragraphs.size() == 1);
  CHECK(empty.sections.at(0).paragraphs[0] == "No curated role's id, title or alias contains 'no such role anywhere'.");
  CHECK(empty.footnotes.empty()); // nothing listed: no column to explain
}

TEST_CASE("match: the report's warnings reach the document and the JSON; left-out roles are in neither")
{
  const Catalog cat = load_catalog({});
  Assessment a;
  a.file = "a.json";
  a.ratings = {{"python", 3}, {"sql", 3}, {"statistics", 3}};
  const MatchReport r = run_match(cat, nullptr, a, {});
  CHECK(r.roles.roles.size() == cat.roles.size());
  REQUIRE_FALSE(r.warnings.empty());
  CHECK(r.warnings[0].find("every rating in the assessment is the same") == 0);

  const Document doc = match_document(r, a, {}, true);
  REQUIRE(doc.sections.size() == 2);
  CHECK(doc.sections[0].table.rows.size() == cat.roles.size());
  CHECK(doc.csv.rows.size() == cat.roles.size());
  CHECK(doc.sections[1].heading == "Warnings");
  CHECK(doc.sections[1].bullets == r.warnings);

  const nlohmann::json j = nlohmann::json::parse(match_json_text(r, a, {}));
  CHECK(j["schema"] == schema_id::match);
  CHECK(j["assessment"] == "a.json");
  CHECK(j["warnings"] == nlohmann::json(r.warnings));
  REQUIRE(j["roles"].size() == cat.roles.size());
  CHECK(j["roles"][0]["rank"] == 1);
  CHECK(j["roles"][0]["role"]["id"] == r.roles.roles[0].gap.role->id);

  // Only O*NET ratings: the curated roles are left out of every format, and the report says so.
  Assessment onet_only;
  onet_only.onet_ratings = {{"2.A.1.e", 4}};
  const MatchReport left = run_match(cat, nullptr, onet_only, {});
  CHECK(left.roles_left_out);
  CHECK(left.warnings.at(0) == "the curated roles are left out: the assessment rates none of their skills (0-5 ratings)");
  const Document ldoc = match_document(left, onet_only, {}, true);
  CHECK(ldoc.csv.rows.empty());
  CHECK(ldoc.sections.at(0).heading == "Warnings");
  CHECK(nlohmann::json::parse(match_json_text(left, onet_only, {}))["roles"].empty());
}
