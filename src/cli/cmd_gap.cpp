// careerplan gap [ROLE]: skill by skill, how far the assessment is from the role, and what first.
#include <memory>

#include <CLI/CLI.hpp>

#include <nlohmann/json.hpp>

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
    ctx.emit({[&] { return onet_gap_document(r, *release, a.file); },
              [&] { return onet_gap_json(r, *release, a.file); }});
    return;
  }
  const Role& role = ctx.role_or_target(o.role, "gap");
  const GapResult r = compute_gap(role, cat, a, o.level);
  ctx.emit({[&] { return gap_document(r, a.file, o.explain); }, [&] { return gap_document_json(r, a.file); }});
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
