// careerplan gap [ROLE]: skill by skill, how far the assessment is from the role, and what first.
#include <memory>

#include <fmt/format.h>

#include "cli/context.hpp"
#include "core/onet.hpp"
#include "core/onet_match.hpp"
#include "render/onet_match_view.hpp"
#include "core/gap.hpp"
#include "render/document.hpp"
#include "render/gap_view.hpp"

namespace careerplan {

namespace {

struct GapOptions
{
  std::string role;
  std::string level;
  bool explain = false;
};

void run_gap(Context& ctx, const GapOptions& o)
{
  const Catalog& cat = ctx.catalog();
  const Assessment& a = ctx.assessment();
  if (const auto code = ctx.occupation_target(o.role, o.level)) {
    Db& db = *ctx.store();
    const auto release = onet_release(db);
    const OnetReadiness r = onet_readiness(load_occupation(db, *code), a.onet_ratings);
    ctx.emit(onet_gap_document(r, *release, a.file), onet_gap_json(r, *release, a.file));
    return;
  }
  const Role& role = ctx.role_or_target(o.role, "gap");
  const GapResult r = compute_gap(role, cat, a, o.level);

  Document doc;
  doc.title = fmt::format("{}: gap at level {}", role.title, r.level);
  Section head;
  head.fields.emplace_back("assessment", a.file);
  head.fields.emplace_back("level", fmt::format("{} — {}", r.level, r.level_basis));
  head.fields.emplace_back("readiness", fmt::format("{} {} (weighted coverage of the required levels)",
                                                    percent(r.readiness), bar(r.readiness, 100, 20)));
  doc.sections.push_back(head);
  doc.sections.push_back(gap_table(r));
  if (!r.rules.empty()) {
    doc.sections.push_back(rules_section(r));
  }
  doc.sections.push_back(seniority_section(r));
  if (o.explain) {
    doc.sections.push_back(explain_section(r));
  }
  doc.footnotes.push_back("Weights and required levels are published, derived or modelling choices: 'careerplan show " + role.id + "' says which, and why.");
  doc.csv.columns = {"skill", "name", "required", "rating", "rated", "gap", "weight", "priority"};
  for (const auto& g : r.skills) {
    doc.csv.rows.push_back({g.skill, g.name, fmt::format("{}", g.required), std::to_string(g.rating),
                            g.rated ? "true" : "false", fmt::format("{}", g.gap), fmt::format("{}", g.weight),
                            fmt::format("{}", g.priority)});
  }
  nlohmann::json j = gap_json(r);
  j["schema"] = "careerplan/gap/v1";
  j["assessment"] = a.file;
  ctx.emit(doc, j);
}

} // namespace

void setup_gap(CLI::App& app, Context& ctx)
{
  auto o = std::make_shared<GapOptions>();
  ctx.keep(o);
  auto* cmd = app.add_subcommand("gap", "Skill by skill: required level, your rating, gap, weight and priority; "
                                        "readiness, rules and seniority");
  add_role_and_level(*cmd, o->role, o->level, "Compare against this seniority level");
  cmd->add_flag("--explain", o->explain, "Print the readiness formula with your figures in it");
  cmd->callback([&ctx, o] { run_gap(ctx, *o); });
}

} // namespace careerplan
