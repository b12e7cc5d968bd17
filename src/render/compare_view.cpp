// `careerplan compare ROLE ROLE...`: the roles side by side as a table document and as JSON
// (careerplan/compare, schemas/compare-v*.json).
#include "render/compare_view.hpp"

#include <nlohmann/json.hpp>

#include <fmt/format.h>

#include "core/text.hpp"
#include "render/format.hpp"
#include "render/gap_view.hpp"
#include "render/json_shape.hpp"
#include "render/salary_view.hpp"
#include "render/schema_ids.hpp"

namespace careerplan {

namespace {

// The shortest of the role's id and aliases: a column heading.
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

} // namespace

Document compare_document(const CompareResult& r)
{
  const auto& entries = r.entries;
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
  for (const auto& id : r.skills) {
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
      const CompareSkill* cs = find_skill(e, id);
      if (cs == nullptr) {
        row.push_back("—");
        csv.insert(csv.end(), {"", ""});
        continue;
      }
      std::string cell = fmt::format("{} ×{}", plain_number(cs->required), plain_number(cs->weight));
      if (cs->gap) {
        cell += cs->gap->gap > 0 ? fmt::format(" −{}", plain_number(cs->gap->gap)) : " ✓";
      }
      row.push_back(cell);
      csv.push_back(plain_number(cs->required));
      csv.push_back(plain_number(cs->weight));
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
      if (f.scope == FigureScope::national) {
        figs.push_back(fmt::format("{} ({}) {}", figure_text(f, FigureStyle::compact), f.basis == PayBasis::unspecified ? "basis not stated" : id_of(f.basis),
                                   cite(f.source)));
      }
    }
    pay.table.rows.push_back({short_name(role), figs.empty() ? "no figure in the catalog" : join(figs, "; ")});
    std::vector<std::string> outs;
    for (const auto& o : role.outlook) {
      if (o.metric == OutlookMetric::growth && o.value) {
        outs.push_back(fmt::format("growth {}% ({}) {}", plain_number(*o.value), o.period, cite(o.source)));
      } else if ((o.metric == OutlookMetric::employment || o.metric == OutlookMetric::openings) && o.value) {
        outs.push_back(fmt::format("{} {} {}", id_of(o.metric), thousands(*o.value), cite(o.source)));
      }
    }
    outlook.table.rows.push_back({short_name(role), outs.empty() ? "—" : join(outs, "; ")});
    std::vector<std::string> routes;
    for (const auto& route : role.routes) {
      routes.push_back(route.title + (route.from.empty() ? "" : " (from " + join(route.from, ", ") + ")") + " " +
                       cite(route.source));
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

nlohmann::json compare_json(const CompareResult& r)
{
  const auto& entries = r.entries;
  using nlohmann::json;
  json roles = json::array();
  for (const auto& e : entries) {
    const Role& role = *e.role;
    json skills = json::array();
    for (const auto& s : e.skills) {
      skills.push_back({{"skill", s.skill},
                        {"weight", s.weight},
                        {"required", s.required},
                        {"rating", s.gap && s.gap->rated ? json(s.gap->rating) : json(nullptr)},
                        {"gap", s.gap ? json(s.gap->gap) : json(nullptr)}});
    }
    json salary = json::array();
    for (const auto& f : role.salary) {
      if (f.scope != FigureScope::national) {
        continue;
      }
      auto money_of = [&f](std::optional<double> v) { return shape::amount(v, f.currency, f.period); };
      salary.push_back({{"figure", f.id}, {"label", f.label}, {"low", money_of(f.low)}, {"p10", money_of(f.p10)},
                        {"median", money_of(f.median)}, {"p90", money_of(f.p90)}, {"high", money_of(f.high)},
                        {"high_open", f.high_open}, {"value", money_of(f.value)}, {"basis", f.basis},
                        {"year", f.year ? json(f.year) : json(nullptr)}, {"source", f.source}});
    }
    json outlook = json::array();
    for (const auto& o : role.outlook) {
      outlook.push_back({{"id", o.id}, {"metric", o.metric}, {"value", o.value ? json(*o.value) : json(nullptr)},
                         {"unit", o.unit}, {"period", o.period}, {"occupation", o.occupation}, {"source", o.source}});
    }
    json routes = json::array();
    for (const auto& route : role.routes) {
      routes.push_back({{"id", route.id}, {"title", route.title}, {"from", route.from}, {"source", route.source}});
    }
    json certs = json::array();
    for (const auto& c : role.certifications) {
      certs.push_back({{"id", c.id}, {"name", c.name}, {"issuer", c.issuer},
                       {"cost", c.cost ? json(*c.cost) : json(nullptr)}, {"currency", c.currency},
                       {"cost_source", c.cost_source.empty() ? json(nullptr) : json(c.cost_source)}});
    }
    roles.push_back({{"role", shape::role_ref(role.id, role.title)},
                     {"level", e.level},
                     {"level_basis", e.level_basis},
                     {"readiness", e.gap ? json(shape::percent(e.gap->readiness)) : json(nullptr)},
                     {"skills", skills},
                     {"salary", salary},
                     {"outlook", outlook},
                     {"routes", routes},
                     {"certifications", certs}});
  }
  return {{"schema", schema_id::compare}, {"skills", r.skills}, {"roles", roles}};
}

} // namespace careerplan
