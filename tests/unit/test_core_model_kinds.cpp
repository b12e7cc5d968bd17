#include <doctest/doctest.h>

#include "core/catalog.hpp"
#include "core/read_parts.hpp"
#include "core/routes.hpp"
#include "core/salary.hpp"

#include "tiny_role.hpp"

using namespace careerplan;

namespace {

template <IdEnum E>
void check_round_trip()
{
  for (const E v : EnumIds<E>::values) {
    CHECK_FALSE(id_of(v).empty());
    CHECK(from_id<E>(id_of(v)) == v);
  }
  CHECK(enum_ids<E>().size() == EnumIds<E>::values.size());
  CHECK_FALSE(from_id<E>("").has_value());
  CHECK_FALSE(from_id<E>("no such kind").has_value());
}

json tiny_kinds_role()
{
  // The tiny role with one of each enum-like field.
  json j = careerplan::test::tiny_role();
  j.update(json::parse(R"({
    "soc": [{"code": "15-2051", "title": "Data Scientists", "status": "assumption", "source": "bls-oews-2024"}],
    "salary": [{"id": "f", "label": "x", "median": 100, "basis": "base", "scope": "national",
                "source": "bls-oews-2024"}],
    "adjustments": [{"id": "a", "region": "r", "description": "d", "change_low": -0.3, "change_high": -0.2,
                     "relative_to": "r", "basis": "total", "source": "bls-oews-2024", "quote": "q",
                     "member_type": "us_state", "members": ["TX"],
                     "members_basis": {"kind": "modelling_choice", "source": "bls-oews-2024", "quote": "q"}}],
    "outlook": [{"id": "o", "metric": "growth", "value": 3, "unit": "percent", "source": "bls-oews-2024",
                 "text": "t"}],
    "path": [{"title": "Learn", "duration": {"min": 3, "max": 6, "unit": "months"}, "source": "bls-oews-2024"}],
    "absent": [{"part": "tools", "note": "no citable page was found"}]
  })"));
  return j;
}

// The problems the reader reports for the role document.
std::vector<Problem> read_problems(const json& j, Role* out = nullptr)
{
  std::vector<Problem> problems;
  const ReadContext ctx{"tiny.json", &problems};
  Role r = read_role(j, ctx);
  if (out != nullptr) {
    *out = std::move(r);
  }
  return problems;
}

} // namespace

TEST_CASE("every enum-like field's ids round-trip and are JSON strings")
{
  check_round_trip<BasisKind>();
  check_round_trip<SourceKind>();
  check_round_trip<PayBasis>();
  check_round_trip<FigureScope>();
  check_round_trip<MemberType>();
  check_round_trip<OutlookMetric>();
  check_round_trip<SocStatus>();
  check_round_trip<BandKind>();
  check_round_trip<DurationUnit>();
  check_round_trip<RolePart>();
  CHECK(id_of(FigureScope::country) == "country");
  CHECK(id_of(SocStatus::as_published) == "as_published");
  CHECK(enum_ids<PayBasis>() == std::vector<std::string>{"base", "total", "unspecified"});
  CHECK(json(FigureScope::state) == json("state"));
  CHECK(json(BandKind::anchor) == json("anchor"));
  CHECK(json(RouteWhy::no_catalog_origin) == json("no_catalog_origin"));
  CHECK(json(FitPosition::within) == json("within"));
  CHECK(pay_basis_words(PayBasis::unspecified) == "basis not stated");
  CHECK(scope_of(Place::Kind::region) == FigureScope::region);
}

TEST_CASE("the role reader reads each kind into its enum")
{
  Role r;
  const auto problems = read_problems(tiny_kinds_role(), &r);
  for (const auto& p : problems) {
    MESSAGE(p.path << ": " << p.message);
  }
  REQUIRE(problems.empty());
  CHECK(r.soc.at(0).status == SocStatus::assumption);
  CHECK(r.salary.at(0).basis == PayBasis::base);
  CHECK(r.salary.at(0).scope == FigureScope::national);
  CHECK(r.adjustments.at(0).member_type == MemberType::us_state);
  CHECK(r.adjustments.at(0).basis == PayBasis::total);
  CHECK(r.adjustments.at(0).members_basis.kind == BasisKind::modelling_choice);
  CHECK(r.outlook.at(0).metric == OutlookMetric::growth);
  REQUIRE(r.path.at(0).duration.has_value());
  CHECK(r.path.at(0).duration->unit == DurationUnit::months);
  CHECK(r.absent.at(0).part == RolePart::tools);
}

TEST_CASE("an unknown kind is a data error naming its JSON path and the known ids")
{
  struct Case
  {
    const char* pointer; // where to put the unknown id
    const char* message;
  };
  const Case cases[] = {
      {"/soc/0/status", "'wrong' is not one of: assumption, as_published, conflict"},
      {"/salary/0/basis", "'wrong' is not one of: base, total, unspecified"},
      {"/salary/0/scope", "'wrong' is not one of: national, level, state, region, country"},
      {"/adjustments/0/member_type", "'wrong' is not one of: us_state, country"},
      {"/adjustments/0/basis", "'wrong' is not one of: base, total, unspecified"},
      {"/adjustments/0/members_basis/kind", "'wrong' is not one of: published, derived, modelling_choice, own_judgement"},
      {"/outlook/0/metric", "'wrong' is not one of: growth, openings, employment, statement"},
      {"/path/0/duration/unit", "'wrong' is not one of: weeks, months, years"},
      {"/absent/0/part",
       "'wrong' is not one of: education, routes, certifications, tools, projects, salary, outlook"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.pointer);
    json j = tiny_kinds_role();
    j[json::json_pointer(c.pointer)] = "wrong";
    const std::vector<Problem> problems = read_problems(j);
    REQUIRE(problems.size() == 1); // the one error, not a second one that follows from it
    CHECK(problems[0].path == c.pointer);
    CHECK(problems[0].message == c.message);
  }

  // A missing required kind is reported as missing, at its own path.
  json j = tiny_kinds_role();
  j["salary"][0].erase("scope");
  const std::vector<Problem> problems = read_problems(j);
  REQUIRE_FALSE(problems.empty());
  CHECK(problems[0].path == "/salary/0/scope");
}

TEST_CASE("a part listed as absent must be absent from the profile")
{
  json j = tiny_kinds_role();
  j["absent"][0]["part"] = "outlook"; // the profile has an outlook
  const std::vector<Problem> problems = read_problems(j);
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].path == "/absent/0/part");
  CHECK(problems[0].message == "the profile has outlook: a part it gives is not absent");
}

TEST_CASE("a source's kind is read into SourceKind; an unknown one is a data error")
{
  std::vector<Problem> problems;
  const ReadContext ctx{"sources.json", &problems};
  json j = json::parse(R"({"id": "s", "title": "T", "publisher": "P", "date": "2026", "kind": "statistics"})");
  CHECK(detail::read_source(j, "/sources/0", ctx).kind == SourceKind::statistics);
  CHECK(problems.empty());
  j["kind"] = "blog";
  detail::read_source(j, "/sources/0", ctx);
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].path == "/sources/0/kind");
  CHECK(problems[0].message == "'blog' is not one of: guide, statistics, classification, reference, own_judgement");
}
