#include "render/routes_view.hpp"

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
  if (r.why == "current_role") {
    return fmt::format("starts from your current role, {}", r.origin);
  }
  if (r.why == "readiness") {
    return fmt::format("you are {} ready for its origin role, {}", percent(*r.origin_readiness), r.origin);
  }
  if (r.why == "no_assessment") {
    return res.from.empty() ? "no assessment or --from to rank by" : "does not start from " + res.from;
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

nlohmann::json links_json(const std::vector<RoleLink>& links)
{
  nlohmann::json out = nlohmann::json::array();
  for (const auto& l : links) {
    out.push_back({{"title", l.link->title},
                   {"role", l.link->role.empty() ? nlohmann::json(nullptr) : nlohmann::json(l.link->role)},
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

nlohmann::json gap_item_json(const SkillGap& g)
{
  return {{"skill", g.skill}, {"required", g.required}, {"rating", g.rating}, {"gap", g.gap}, {"priority", g.priority}};
}

std::string short_name(const Role& role)
{
  std::string best = role.id;
  for (const auto& a : role.aliases) {
    if (a.size() < best.size()) {
      best = a;
    }
  }
  return best;
}

const Scale& scale_of(const Catalog& catalog, const Role& role)
{
  return role_scale(catalog, role);
}

// The union of the roles' skills, heaviest first.
std::vector<std::string> skill_union(const std::vector<CompareEntry>& entries)
{
  std::map<std::string, double> heaviest;
  for (const auto& e : entries) {
    for (const auto& s : e.role->skills) {
      heaviest[s.skill] = std::max(heaviest[s.skill], s.weight);
    }
  }
  std::vector<std::string> out;
  for (const auto& [id, w] : heaviest) {
    out.push_back(id);
  }
  std::stable_sort(out.begin(), out.end(), [&](const auto& a, const auto& b) { return heaviest[a] > heaviest[b]; });
  return out;
}

const RoleSkill* find_role_skill(const Role& role, const std::string& skill)
{
  for (const auto& s : role.skills) {
    if (s.skill == skill) {
      return &s;
    }
  }
  return nullptr;
}

const SkillGap* find_gap(const CompareEntry& e, const std::string& skill)
{
  if (!e.gap) {
    return nullptr;
  }
  for (const auto& g : e.gap->skills) {
    if (g.skill == skill) {
      return &g;
    }
  }
  return nullptr;
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
    doc.csv.rows.push_back({std::to_string(n), route.id, route.title, join(route.from, ";"), rr.why, rr.origin,
                            rr.origin_readiness ? fmt::format("{}", *rr.origin_readiness) : "", route.cohort,
                            route.duration ? plain_number(route.duration->min) : "",
                            route.duration ? plain_number(route.duration->max) : "",
                            route.duration ? route.duration->unit : "", route.source});
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
                      {"from", route.from},
                      {"why", rr.why},
                      {"origin", rr.origin.empty() ? json(nullptr) : json(rr.origin)},
                      {"origin_readiness", rr.origin_readiness ? json(std::round(*rr.origin_readiness * 10) / 10) : json(nullptr)},
                      {"cohort", route.cohort.empty() ? json(nullptr) : json(route.cohort)},
                      {"duration", duration},
                      {"steps", route.steps},
                      {"advice", cited_json(route.advice)},
                      {"pitfalls", cited_json(route.pitfalls)},
                      {"source", route.source},
                      {"develops", route.develops},
                      {"addressed_gaps", n == 1 && r.assessed ? addressed : json(nullptr)}});
  }
  return {{"schema", "careerplan/routes/v1"},
          {"role", {{"id", r.role->id}, {"title", r.role->title}}},
          {"from", r.from.empty() ? json(nullptr) : json(r.from)},
          {"from_basis", r.from_basis.empty() ? json(nullptr) : json(r.from_basis)},
          {"assessed", r.assessed},
          {"routes", routes},
          {"progressions", links_json(r.progressions)},
          {"pivots", links_json(r.pivots)}};
}

Document compare_document(const Catalog& catalog, const std::vector<CompareEntry>& entries)
{
  Document doc;
  std::vector<std::string> titles;
  for (const auto& e : entries) {
    titles.push_back(e.role->title);
  }
  doc.title = "Compared: " + join(titles, " · ");
  const bool assessed = entries.front().gap.has_value();

  Section roles;
  roles.table.columns = {"COLUMN", "ROLE", "LEVEL"};
  if (assessed) {
    roles.table.columns.insert(roles.table.columns.end(), {"READINESS", ""});
    roles.table.align = {Align::left, Align::left, Align::left, Align::right};
  }
  for (const auto& e : entries) {
    std::vector<std::string> row = {short_name(*e.role), e.role->id, e.level};
    if (e.gap) {
      row.push_back(percent(e.gap->readiness));
      row.push_back(bar(e.gap->readiness, 100, 10));
    }
    roles.table.rows.push_back(row);
  }
  doc.sections.push_back(roles);

  Section skills;
  skills.heading = assessed ? "Skills: required level ×weight, and your gap (✓ met)" : "Skills: required level ×weight";
  skills.table.columns = {"SKILL"};
  if (assessed) {
    skills.table.columns.push_back("YOU");
  }
  for (const auto& e : entries) {
    skills.table.columns.push_back(short_name(*e.role));
  }
  skills.table.align.assign(skills.table.columns.size(), Align::right);
  skills.table.align[0] = Align::left;
  doc.csv.columns = {"skill", "rating"};
  for (const auto& e : entries) {
    doc.csv.columns.push_back(e.role->id + ":required");
    doc.csv.columns.push_back(e.role->id + ":weight");
  }
  for (const auto& id : skill_union(entries)) {
    std::vector<std::string> row = {id};
    std::vector<std::string> csv = {id};
    const SkillGap* any_gap = nullptr;
    for (const auto& e : entries) {
      any_gap = any_gap != nullptr ? any_gap : find_gap(e, id);
    }
    if (assessed) {
      const std::string rating = any_gap != nullptr && any_gap->rated ? std::to_string(any_gap->rating) : "—";
      row.push_back(rating);
      csv.push_back(any_gap != nullptr && any_gap->rated ? rating : "");
    } else {
      csv.push_back("");
    }
    for (const auto& e : entries) {
      const RoleSkill* rs = find_role_skill(*e.role, id);
      if (rs == nullptr) {
        row.push_back("—");
        csv.insert(csv.end(), {"", ""});
        continue;
      }
      const double req = required_at(*rs, e.level, scale_of(catalog, *e.role));
      std::string cell = fmt::format("{} ×{}", plain_number(req), plain_number(rs->weight));
      if (const SkillGap* g = find_gap(e, id)) {
        cell += g->gap > 0 ? fmt::format(" −{}", plain_number(g->gap)) : " ✓";
      }
      row.push_back(cell);
      csv.push_back(plain_number(req));
      csv.push_back(plain_number(rs->weight));
    }
    skills.table.rows.push_back(row);
    doc.csv.rows.push_back(csv);
  }
  doc.sections.push_back(skills);

  // One row per role, the role's figures or names in the second column.
  auto per_role = [](std::string heading, std::string what) {
    Section s;
    s.heading = std::move(heading);
    s.table.columns = {"ROLE", std::move(what)};
    return s;
  };
  Section pay = per_role("Pay: national figures as published (annual; never averaged)", "FIGURES");
  Section outlook = per_role("Outlook", "FIGURES");
  Section ways = per_role("Typical ways in", "ROUTES");
  Section certs = per_role("Certifications", "NAMED BY THE SOURCES");
  for (const auto& e : entries) {
    const Role& role = *e.role;
    std::vector<std::string> figs;
    for (const auto& f : role.salary) {
      if (f.scope == "national") {
        figs.push_back(fmt::format("{} ({}) {}", amount_text(f), f.basis == "unspecified" ? "basis not stated" : f.basis,
                                   cite(f.source)));
      }
    }
    pay.table.rows.push_back({short_name(role), figs.empty() ? "no figure in the catalog" : join(figs, "; ")});
    std::vector<std::string> outs;
    for (const auto& o : role.outlook) {
      if (o.metric == "growth" && o.value) {
        outs.push_back(fmt::format("growth {}% ({}) {}", plain_number(*o.value), o.period, cite(o.source)));
      } else if ((o.metric == "employment" || o.metric == "openings") && o.value) {
        outs.push_back(fmt::format("{} {} {}", o.metric, thousands(*o.value), cite(o.source)));
      }
    }
    outlook.table.rows.push_back({short_name(role), outs.empty() ? "—" : join(outs, "; ")});
    std::vector<std::string> routes;
    for (const auto& r : role.routes) {
      routes.push_back(r.title + (r.from.empty() ? "" : " (from " + join(r.from, ", ") + ")") + " " + cite(r.source));
    }
    ways.table.rows.push_back({short_name(role), routes.empty() ? "none in the profile" : join(routes, "; ")});
    std::vector<std::string> cs;
    for (const auto& c : role.certifications) {
      cs.push_back(c.name + (c.cost ? fmt::format(" ({} {})", money(*c.cost, c.currency), cite(c.cost_source)) : ""));
    }
    certs.table.rows.push_back({short_name(role), cs.empty() ? "none in the profile" : join(cs, "; ")});
  }
  doc.sections.push_back(pay);
  doc.sections.push_back(outlook);
  doc.sections.push_back(ways);
  doc.sections.push_back(certs);
  doc.footnotes.push_back("Required levels are on the 0–5 scale at the LEVEL shown; ×weight is the skill's weight in "
                          "the role. Weights and levels are published, derived or modelling choices: 'careerplan show "
                          "ROLE' says which. [id] names a source: 'careerplan sources ROLE'.");
  return doc;
}

nlohmann::json compare_json(const Catalog& catalog, const std::vector<CompareEntry>& entries)
{
  using nlohmann::json;
  json roles = json::array();
  for (const auto& e : entries) {
    const Role& role = *e.role;
    json skills = json::array();
    for (const auto& rs : role.skills) {
      const SkillGap* g = find_gap(e, rs.skill);
      skills.push_back({{"skill", rs.skill},
                        {"weight", rs.weight},
                        {"required", required_at(rs, e.level, scale_of(catalog, role))},
                        {"rating", g != nullptr && g->rated ? json(g->rating) : json(nullptr)},
                        {"gap", g != nullptr ? json(g->gap) : json(nullptr)}});
    }
    json salary = json::array();
    for (const auto& f : role.salary) {
      if (f.scope != "national") {
        continue;
      }
      auto opt = [](std::optional<double> v) { return v ? json(*v) : json(nullptr); };
      salary.push_back({{"figure", f.id}, {"label", f.label}, {"low", opt(f.low)}, {"p10", opt(f.p10)},
                        {"median", opt(f.median)}, {"p90", opt(f.p90)}, {"high", opt(f.high)},
                        {"high_open", f.high_open}, {"value", opt(f.value)}, {"currency", f.currency},
                        {"basis", f.basis}, {"year", f.year ? json(f.year) : json(nullptr)}, {"source", f.source}});
    }
    json outlook = json::array();
    for (const auto& o : role.outlook) {
      outlook.push_back({{"id", o.id}, {"metric", o.metric}, {"value", o.value ? json(*o.value) : json(nullptr)},
                         {"unit", o.unit}, {"period", o.period}, {"occupation", o.occupation}, {"source", o.source}});
    }
    json routes = json::array();
    for (const auto& r : role.routes) {
      routes.push_back({{"id", r.id}, {"title", r.title}, {"from", r.from}, {"source", r.source}});
    }
    json certs = json::array();
    for (const auto& c : role.certifications) {
      certs.push_back({{"id", c.id}, {"name", c.name}, {"issuer", c.issuer},
                       {"cost", c.cost ? json(*c.cost) : json(nullptr)}, {"currency", c.currency},
                       {"cost_source", c.cost_source.empty() ? json(nullptr) : json(c.cost_source)}});
    }
    roles.push_back({{"id", role.id},
                     {"title", role.title},
                     {"level", e.level},
                     {"level_basis", e.level_basis},
                     {"readiness", e.gap ? json(e.gap->readiness) : json(nullptr)},
                     {"skills", skills},
                     {"salary", salary},
                     {"outlook", outlook},
                     {"routes", routes},
                     {"certifications", certs}});
  }
  return {{"schema", "careerplan/compare/v1"}, {"skills", skill_union(entries)}, {"roles", roles}};
}

} // namespace careerplan
