// careerplan plan [ROLE]: an ordered learning plan from the gaps, with what to learn or prove.
#include <memory>

#include <CLI/CLI.hpp>

#include <nlohmann/json.hpp>

#include "cli/context.hpp"
#include "core/onet.hpp"
#include "core/onet_match.hpp"
#include "render/onet_match_view.hpp"
#include "core/plan.hpp"
#include "render/plan_view.hpp"

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
    ctx.emit({[&] { return onet_plan_document(r, occ, *release, a.file); },
              [&] { return onet_plan_json(r, occ, *release, a.file); }});
    return;
  }
  const Role& role = ctx.role_or_target(o.role, "plan");
  const Plan p = compute_plan(role, cat, a, o.level);

  ctx.emit({[&] { return plan_document(p); }, [&] { return plan_json(p, a.file); }});
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
