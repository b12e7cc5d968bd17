// careerplan progress [ROLE...]: readiness over time, skills that moved, gaps closed.
#include <memory>

#include <CLI/CLI.hpp>

#include <nlohmann/json.hpp>

#include <fmt/format.h>

#include "cli/context.hpp"
#include "cli/history_common.hpp"
#include "core/errors.hpp"
#include "core/progress.hpp"
#include "render/progress_view.hpp"

namespace careerplan {

namespace {

struct ProgressOptions
{
  std::vector<std::string> roles;
  std::string since;
  std::string level;
};

void run_progress(Context& ctx, const ProgressOptions& o)
{
  const auto since = parse_since(o.since);
  const History h = load_history(ctx);
  if (h.snapshots.empty()) {
    throw UsageError(fmt::format("no snapshot to compare in '{}'", h.file),
                     "every 'careerplan assess' that saves the assessment adds one");
  }
  const auto roles = roles_to_measure(ctx, o.roles, h, "progress");
  std::vector<RoleProgress> results;
  for (const Role* r : roles) {
    results.push_back(compute_progress(*r, ctx.catalog(), h, ProgressQuery{since, o.level}));
  }
  ctx.emit({[&] { return progress_document(results, h, since); }, [&] { return progress_json(results, h, since); }});
}

} // namespace

void setup_progress(CLI::App& app, Context& ctx)
{
  auto o = std::make_shared<ProgressOptions>();
  ctx.keep(o);
  auto* cmd = app.add_subcommand("progress", "Readiness over time from the assessment's history: skills that moved, "
                                             "gaps closed, seniority reached");
  cmd->add_option("role", o->roles, "Role ids or aliases (default: the assessment's target_role)")->option_text("ROLE...");
  cmd->add_option("--since", o->since, "Only snapshots from this date (YYYY-MM-DD, UTC) on")->option_text("DATE");
  cmd->add_option("-l,--level", o->level, "Measure every snapshot at this seniority level "
                                          "(default: the level each snapshot's years of experience give)")
      ->option_text("LEVEL");
  cmd->callback([&ctx, o] { run_progress(ctx, *o); });
}

} // namespace careerplan
