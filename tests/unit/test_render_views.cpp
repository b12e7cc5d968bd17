// The views' JSON follows the one shape (render/json_shape.hpp), and the one salary formatter
// writes both its styles.
#include <doctest/doctest.h>

#include <cmath>

#include <nlohmann/json.hpp>

#include "core/catalog.hpp"
#include "core/compare.hpp"
#include "core/gap.hpp"
#include "core/plan.hpp"
#include "render/compare_view.hpp"
#include "render/format.hpp"
#include "render/gap_view.hpp"
#include "render/plan_view.hpp"
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
