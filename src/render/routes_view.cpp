#include "render/routes_view.hpp"

#include <nlohmann/json.hpp>
#include "render/schema_ids.hpp"
#include "render/json_shape.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include <fmt/format.h>

#include "core/text.hpp"
#include "render/format.hpp"
#include "render/gap_view.hpp"
#include "render/salary_view.hpp"

namespace careerplan {

namespace {

std::string why_text(const RankedRoute& r, const RoutesResult& res)
{
  switch (r.why) {
  case RouteWhy::current_role:
    return fmt::format("starts from your current role, {}", r.origin);
  case RouteWhy::readiness:
    return fmt::format("you are {} ready for its origin role, {}", percent(*r.origin_readiness), r.origin);
  case RouteWhy::no_assessment:
    return res.from.empty() ? "no assessment or --from to rank by" : "does not start from " + res.from;
  case RouteWhy::no_catalog_origin:
    break;
  }
  return "starts from no role in the catalog";
}

std::string cited_text(const Cited& c)
{
  return "\"" + c.text + "\" " + cite(c.source);
}

nlohmann::json cited_json(const std::vector<Cited>& list)
{
  nlohmann::json out = nlohmann::json::array();
  for (const auto& c : list) {
    out.push_back({{"text", c.text}, {"source", c.source}});
  }
  return out;
}

// A role the document names: {"id","title"} (shape::role_ref); the title is null when the catalog
// lacks the role.
nlohmann::json role_json(const RoutesResult& r, const std::string& id)
{
  if (id.empty()) {
    return nullptr;
  }
  const NamedRole n = r.named(id);
  nlohmann::json j = shape::role_ref(n.id, n.title);
  if (n.title.empty()) {
    j["title"] = nullptr;
  }
  return j;
}

nlohmann::json links_json(const RoutesResult& r, const std::vector<RoleLink>& links)
{
  nlohmann::json out = nlohmann::json::array();
  for (const auto& l : links) {
    out.push_back({{"title", l.link->title},
                   {"role", role_json(r, l.link->role)},
                   {"in_catalog", l.in_catalog},
                   {"source", l.link->source}});
  }
  return out;
}

std::string link_text(const RoleLink& l)
{
  std::string out = l.link->title + " " + cite(l.link->source);
  if (l.in_catalog) {
    out += " — in the catalog: 'careerplan show " + l.link->role + "'";
  }
  return out;
}

} // namespace

Document routes_document(const RoutesResult& r)
{
  const Role& role = *r.role;
  Document doc;
  doc.title = fmt::format("{}: ways in, ranked for you", role.title);
  Section head;
  head.fields.emplace_back("from", r.from.empty() ? "not known (give --from ROLE, or current_role in your assessment)"
                                                  : fmt::format("{} ({})", r.from, r.from_basis));
  head.fields.emplace_back("ranking", "routes from your current role first; then by your readiness for each route's "
                                      "origin role; then routes from outside the catalog");
  doc.sections.push_back(head);
  doc.csv.columns = {"rank", "route", "title", "from", "why", "origin", "origin_readiness", "cohort",
                     "duration_min", "duration_max", "duration_unit", "source"};
  std::size_t n = 0;
  for (const auto& rr : r.routes) {
    const Route& route = *rr.route;
    ++n;
    Section s;
    s.heading = fmt::format("{}. {} {}", n, route.title, cite(route.source));
    s.fields.emplace_back("from", route.from.empty() ? "—" : join(route.from, ", "));
    s.fields.emplace_back("ranked", why_text(rr, r));
    if (!route.cohort.empty()) {
      s.fields.emplace_back("cohort", route.cohort);
    }
    s.fields.emplace_back("duration", route.duration ? duration_text(*route.duration) : "not given by the source");
    for (std::size_t i = 0; i < route.steps.size(); ++i) {
      s.fields.emplace_back(fmt::format("step {}", i + 1), route.steps[i]);
    }
    for (const auto& a : route.advice) {
      s.bullets.push_back("Advice: " + cited_text(a));
    }
    for (const auto& p : route.pitfalls) {
      s.bullets.push_back("Watch out: " + cited_text(p));
    }
    if (n == 1 && r.assessed) {
      std::vector<std::string> gaps;
      for (const auto& g : rr.addressed) {
        gaps.push_back(fmt::format("{} ({}→{})", g.skill, g.rating, plain_number(g.required)));
      }
      std::string text = gaps.empty() ? (route.develops.empty() ? "the profile does not say which skills this route develops"
                                                                : "none: you already meet what this route develops")
                                      : join(gaps, ", ");
      if (route.develops_basis) {
        text += fmt::format(" (which skills a route develops is a {} {})", basis_text(*route.develops_basis),
                            cite(route.develops_basis->source));
      }
      s.fields.emplace_back("your gaps it addresses", text);
    }
    doc.sections.push_back(std::move(s));
    doc.csv.rows.push_back({std::to_string(n), route.id, route.title, join(route.from, ";"), std::string(id_of(rr.why)), rr.origin,
                            rr.origin_readiness ? fmt::format("{}", *rr.origin_readiness) : "", route.cohort,
                            route.duration ? plain_number(route.duration->min) : "",
                            route.duration ? plain_number(route.duration->max) : "",
                            route.duration ? std::string(id_of(route.duration->unit)) : "", route.source});
  }
  if (r.routes.empty()) {
    Section none;
    none.paragraphs.push_back("The profile gives no entry routes into this role.");
    doc.sections.push_back(none);
  }
  Section lead;
  lead.heading = "Where it leads";
  for (const auto& l : r.progressions) {
    lead.bullets.push_back("Progresses to: " + link_text(l));
  }
  for (const auto& l : r.pivots) {
    lead.bullets.push_back("Pivots to: " + link_text(l));
  }
  if (!lead.bullets.empty()) {
    doc.sections.push_back(lead);
  }
  doc.footnotes.push_back("Steps are summarised from the source named in each heading; advice and warnings are quoted. "
                          "'careerplan sources " + role.id +
                          "' resolves each [source].");
  return doc;
}

nlohmann::json routes_json(const RoutesResult& r)
{
  using nlohmann::json;
  json routes = json::array();
  std::size_t n = 0;
  for (const auto& rr : r.routes) {
    const Route& route = *rr.route;
    json addressed = json::array();
    for (const auto& g : rr.addressed) {
      addressed.push_back(gap_item_json(g));
    }
    json duration = nullptr;
    if (route.duration) {
      duration = {{"min", route.duration->min}, {"max", route.duration->max}, {"unit", route.duration->unit}};
    }
    routes.push_back({{"rank", ++n},
                      {"id", route.id},
                      {"title", route.title},
                      {"from", [&] {
                         json from = json::array();
                         for (const auto& id : route.from) {
                           from.push_back(role_json(r, id));
                         }
                         return from;
                       }()},
                      {"why", rr.why},
                      {"origin", role_json(r, rr.origin)},
                      {"origin_readiness", rr.origin_readiness ? json(shape::percent(*rr.origin_readiness)) : json(nullptr)},
                      {"cohort", route.cohort.empty() ? json(nullptr) : json(route.cohort)},
                      {"duration", duration},
                      {"steps", route.steps},
                      {"advice", cited_json(route.advice)},
                      {"pitfalls", cited_json(route.pitfalls)},
                      {"source", route.source},
                      {"develops", route.develops},
                      {"addressed_gaps", n == 1 && r.assessed ? addressed : json(nullptr)}});
  }
  return {{"schema", schema_id::routes},
          {"role", shape::role_ref(r.role->id, r.role->title)},
          {"from", role_json(r, r.from)},
          {"from_basis", r.from_basis.empty() ? json(nullptr) : json(r.from_basis)},
          {"assessed", r.assessed},
          {"routes", routes},
          {"progressions", links_json(r, r.progressions)},
          {"pivots", links_json(r, r.pivots)}};
}

} // namespace careerplan
