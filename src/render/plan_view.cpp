// `careerplan plan ROLE`: the learning plan as a document and as JSON (schemas/plan-v*.json);
// the report embeds its steps and next levels.
#include "render/plan_view.hpp"

#include <nlohmann/json.hpp>

#include <fmt/format.h>

#include "core/text.hpp"
#include "render/format.hpp"
#include "render/gap_view.hpp"
#include "render/json_shape.hpp"
#include "render/schema_ids.hpp"

namespace careerplan {

nlohmann::json certification_json(const Certification& c)
{
  nlohmann::json j = {{"id", c.id}, {"name", c.name}, {"issuer", c.issuer}, {"named_by", c.named_by}};
  if (c.cost) {
    j["cost"] = *c.cost;
    j["currency"] = c.currency;
    j["cost_source"] = c.cost_source;
  }
  return j;
}

nlohmann::json plan_steps_json(const Plan& p)
{
  nlohmann::json steps = nlohmann::json::array();
  int n = 0;
  for (const auto& st : p.steps) {
    nlohmann::json tools = nlohmann::json::array();
    for (const Tool* t : st.tools) {
      tools.push_back({{"name", t->name}, {"source", t->source}});
    }
    nlohmann::json projects = nlohmann::json::array();
    for (const Project* pr : st.projects) {
      projects.push_back({{"text", pr->text}, {"source", pr->source}});
    }
    nlohmann::json certs = nlohmann::json::array();
    for (const Certification* c : st.certifications) {
      certs.push_back(certification_json(*c));
    }
    nlohmann::json j = gap_item_json(p.gap_of(st));
    j.update({{"step", ++n}, {"name", p.gap_of(st).name}, {"tools", tools}, {"projects", projects}, {"certifications", certs}});
    steps.push_back(std::move(j));
  }
  return steps;
}

nlohmann::json next_levels_json(const Plan& p)
{
  nlohmann::json next = nlohmann::json::array();
  for (const auto& nl : p.next) {
    nlohmann::json asks = nlohmann::json::array();
    for (const auto& g : nl.asks) {
      asks.push_back({{"skill", g.skill}, {"rating", g.rating}, {"required", g.required}});
    }
    next.push_back({{"level", nl.level}, {"ladder", nl.ladder}, {"asks", asks}});
  }
  return next;
}

std::string plan_step_heading(std::size_t n, const Plan& p, const PlanStep& st)
{
  return fmt::format("{}. {} — from {} to {} (priority {:.3f})", n, p.gap_of(st).name, p.gap_of(st).rating,
                     plain_number(p.gap_of(st).required), p.gap_of(st).priority);
}

std::string certification_text(const Certification& c)
{
  return c.name + (c.cost ? " (" + money(*c.cost, c.currency) + ")" : "");
}

Document plan_document(const Plan& p)
{
  const Role& role = *p.gap.role;
  Document doc;
  doc.title = fmt::format("Learning plan: {} at level {} (readiness {})", role.title, p.gap.level, percent(p.gap.readiness));
  doc.csv.columns = {"step", "skill", "rating", "required", "gap", "priority", "tools", "projects", "certifications"};
  std::size_t n = 0;
  for (const auto& st : p.steps) {
    Section s;
    s.heading = plan_step_heading(++n, p, st);
    std::vector<std::string> tools;
    for (const Tool* t : st.tools) {
      tools.push_back(t->name + " " + cite(t->source));
    }
    if (!tools.empty()) {
      s.fields.emplace_back("learn", join(tools, "; "));
    }
    for (const Project* pr : st.projects) {
      s.bullets.push_back("Prove it: " + pr->text + " " + cite(pr->source));
    }
    std::vector<std::string> certs;
    for (const Certification* c : st.certifications) {
      const std::string cost = c->cost ? money(*c->cost, c->currency) + " " + cite(c->cost_source) : "cost not given";
      s.bullets.push_back(fmt::format("Certification: {} ({}, {}) named by {}", c->name, c->issuer, cost, join(c->named_by, ", ")));
      certs.push_back(c->id);
    }
    if (st.tools.empty() && st.projects.empty() && st.certifications.empty()) {
      s.paragraphs.push_back("The role profile names no tool, project or certification for this skill.");
    }
    doc.sections.push_back(std::move(s));
    doc.csv.rows.push_back({std::to_string(n), p.gap_of(st).skill, std::to_string(p.gap_of(st).rating), fmt::format("{}", p.gap_of(st).required),
                            fmt::format("{}", p.gap_of(st).gap), fmt::format("{}", p.gap_of(st).priority), join(tools, "; "),
                            std::to_string(st.projects.size()), join(certs, "; ")});
  }
  if (p.steps.empty()) {
    Section s;
    s.paragraphs.push_back("You meet every requirement at this level. Try the next one with --level.");
    doc.sections.push_back(s);
  }
  for (const auto& nl : p.next) {
    Section s;
    s.heading = fmt::format("Next level: {} (by the {} ladder)", nl.level, nl.ladder);
    std::vector<std::string> asks;
    for (const auto& g : nl.asks) {
      asks.push_back(fmt::format("{} {}→{}", g.skill, g.rating, plain_number(g.required)));
    }
    s.fields.emplace_back("asks", asks.empty() ? "nothing beyond your current ratings" : join(asks, ", "));
    doc.sections.push_back(s);
  }
  if (!role.path.empty()) {
    Section s;
    s.heading = "Durations the sources give (the role's step-by-step path)";
    for (const auto& st : role.path) {
      s.bullets.push_back(fmt::format("{}: {} {}", st.title, st.duration ? duration_text(*st.duration) : "no duration given",
                                      cite(st.source)));
    }
    doc.sections.push_back(s);
  }
  return doc;
}

nlohmann::json plan_json(const Plan& p, const std::string& assessment)
{
  const Role& role = *p.gap.role;
  nlohmann::json durations = nlohmann::json::array();
  for (const auto& st : role.path) {
    nlohmann::json dj = {{"title", st.title}, {"source", st.source}};
    if (st.duration) {
      dj["min"] = st.duration->min;
      dj["max"] = st.duration->max;
      dj["unit"] = st.duration->unit;
    }
    durations.push_back(dj);
  }
  return {{"schema", schema_id::plan},
          {"assessment", assessment},
          {"role", shape::role_ref(role.id, role.title)},
          {"level", p.gap.level},
          {"level_basis", p.gap.level_basis},
          {"readiness", shape::percent(p.gap.readiness)},
          {"steps", plan_steps_json(p)},
          {"next_levels", next_levels_json(p)},
          {"durations", durations}};
}

} // namespace careerplan
