// careerplan plan [ROLE]: an ordered learning plan from the gaps, with what to learn or prove.
#include <memory>

#include <fmt/format.h>

#include "cli/context.hpp"
#include "core/onet.hpp"
#include "core/onet_match.hpp"
#include "render/onet_match_view.hpp"
#include "core/plan.hpp"
#include "core/text.hpp"
#include "render/format.hpp"
#include "render/gap_view.hpp"

namespace careerplan {

namespace {

struct PlanOptions
{
  std::string role;
  std::string level;
};

void run_plan(Context& ctx, const PlanOptions& o)
{
  const Catalog& cat = ctx.catalog();
  const Assessment& a = ctx.assessment();
  if (const auto code = ctx.occupation_target(o.role, o.level)) {
    Db& db = *ctx.store();
    const auto release = onet_release(db);
    const Occupation occ = load_occupation(db, *code);
    const OnetReadiness r = onet_readiness(occ, a.onet_ratings);
    ctx.emit(onet_plan_document(r, occ, *release, a.file), onet_plan_json(r, occ, *release, a.file));
    return;
  }
  const Role& role = ctx.role_or_target(o.role, "plan");
  const Plan p = compute_plan(role, cat, a, o.level);

  Document doc;
  doc.title = fmt::format("Learning plan: {} at level {} (readiness {})", role.title, p.gap.level, percent(p.gap.readiness));
  nlohmann::json steps = nlohmann::json::array();
  doc.csv.columns = {"step", "skill", "rating", "required", "gap", "priority", "tools", "projects", "certifications"};
  int n = 0;
  for (const auto& st : p.steps) {
    ++n;
    Section s;
    s.heading = fmt::format("{}. {} — from {} to {} (priority {:.3f})", n, p.gap_of(st).name, p.gap_of(st).rating,
                            plain_number(p.gap_of(st).required), p.gap_of(st).priority);
    std::vector<std::string> tools;
    nlohmann::json tools_json = nlohmann::json::array();
    for (const Tool* t : st.tools) {
      tools.push_back(t->name + " " + cite(t->source));
      tools_json.push_back({{"name", t->name}, {"source", t->source}});
    }
    if (!tools.empty()) {
      s.fields.emplace_back("learn", join(tools, "; "));
    }
    nlohmann::json projects_json = nlohmann::json::array();
    for (const Project* pr : st.projects) {
      s.bullets.push_back("Prove it: " + pr->text + " " + cite(pr->source));
      projects_json.push_back({{"text", pr->text}, {"source", pr->source}});
    }
    nlohmann::json certs_json = nlohmann::json::array();
    std::vector<std::string> certs;
    for (const Certification* c : st.certifications) {
      const std::string cost = c->cost ? money(*c->cost, c->currency) + " " + cite(c->cost_source) : "cost not given";
      s.bullets.push_back(fmt::format("Certification: {} ({}, {}) named by {}", c->name, c->issuer, cost, join(c->named_by, ", ")));
      certs.push_back(c->id);
      nlohmann::json cj = {{"id", c->id}, {"name", c->name}, {"issuer", c->issuer}, {"named_by", c->named_by}};
      if (c->cost) {
        cj["cost"] = *c->cost;
        cj["currency"] = c->currency;
        cj["cost_source"] = c->cost_source;
      }
      certs_json.push_back(cj);
    }
    if (st.tools.empty() && st.projects.empty() && st.certifications.empty()) {
      s.paragraphs.push_back("The role profile names no tool, project or certification for this skill.");
    }
    doc.sections.push_back(std::move(s));
    doc.csv.rows.push_back({std::to_string(n), p.gap_of(st).skill, std::to_string(p.gap_of(st).rating), fmt::format("{}", p.gap_of(st).required),
                            fmt::format("{}", p.gap_of(st).gap), fmt::format("{}", p.gap_of(st).priority), join(tools, "; "),
                            std::to_string(st.projects.size()), join(certs, "; ")});
    steps.push_back({{"step", n},
                     {"skill", p.gap_of(st).skill},
                     {"name", p.gap_of(st).name},
                     {"rating", p.gap_of(st).rating},
                     {"required", p.gap_of(st).required},
                     {"gap", p.gap_of(st).gap},
                     {"priority", p.gap_of(st).priority},
                     {"tools", tools_json},
                     {"projects", projects_json},
                     {"certifications", certs_json}});
  }
  if (p.steps.empty()) {
    Section s;
    s.paragraphs.push_back("You meet every requirement at this level. Try the next one with --level.");
    doc.sections.push_back(s);
  }
  nlohmann::json next = nlohmann::json::array();
  for (const auto& nl : p.next) {
    Section s;
    s.heading = fmt::format("Next level: {} (by the {} ladder)", nl.level, nl.ladder);
    std::vector<std::string> asks;
    nlohmann::json asks_json = nlohmann::json::array();
    for (const auto& g : nl.asks) {
      asks.push_back(fmt::format("{} {}→{}", g.skill, g.rating, plain_number(g.required)));
      asks_json.push_back({{"skill", g.skill}, {"rating", g.rating}, {"required", g.required}});
    }
    s.fields.emplace_back("asks", asks.empty() ? "nothing beyond your current ratings" : join(asks, ", "));
    doc.sections.push_back(s);
    next.push_back({{"level", nl.level}, {"ladder", nl.ladder}, {"asks", asks_json}});
  }
  nlohmann::json durations = nlohmann::json::array();
  if (!role.path.empty()) {
    Section s;
    s.heading = "Durations the sources give (the role's step-by-step path)";
    for (const auto& st : role.path) {
      s.bullets.push_back(fmt::format("{}: {} {}", st.title, st.duration ? duration_text(*st.duration) : "no duration given",
                                      cite(st.source)));
      nlohmann::json dj = {{"title", st.title}, {"source", st.source}};
      if (st.duration) {
        dj["min"] = st.duration->min;
        dj["max"] = st.duration->max;
        dj["unit"] = st.duration->unit;
      }
      durations.push_back(dj);
    }
    doc.sections.push_back(s);
  }
  ctx.emit(doc, {{"schema", "careerplan/plan/v1"},
                 {"assessment", a.file},
                 {"role", role.id},
                 {"level", p.gap.level},
                 {"level_basis", p.gap.level_basis},
                 {"readiness", p.gap.readiness},
                 {"steps", steps},
                 {"next_levels", next},
                 {"durations", durations}});
}

} // namespace

void setup_plan(CLI::App& app, Context& ctx)
{
  auto o = std::make_shared<PlanOptions>();
  ctx.keep(o);
  auto* cmd = app.add_subcommand("plan", "An ordered learning plan: gaps by priority, what to learn and prove for each, "
                                         "and what the next level asks");
  add_role_and_level(*cmd, o->role, o->level, "Plan for this seniority level");
  cmd->callback([&ctx, o] { run_plan(ctx, *o); });
}

} // namespace careerplan
