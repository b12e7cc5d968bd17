// careerplan routes [ROLE] [--from ROLE]: the ways into a role, ranked for the user's background.
#include <memory>

#include <fmt/format.h>

#include "cli/context.hpp"
#include "core/errors.hpp"
#include "core/role_names.hpp"
#include "core/routes.hpp"
#include "render/routes_view.hpp"

namespace careerplan {

namespace {

struct RoutesOptions
{
  std::string role;
  std::string from;
};

void run_routes(Context& ctx, const RoutesOptions& o)
{
  const Catalog& cat = ctx.catalog();
  const std::optional<Assessment> a = ctx.assessment_if_any();
  std::string wanted = o.role;
  if (wanted.empty() && a) {
    wanted = a->target_role;
  }
  if (wanted.empty()) {
    throw UsageError("no role given and no assessment with a target_role", "run 'careerplan routes ROLE'");
  }
  const Role& role = ctx.role_named(wanted, "routes");
  std::string from;
  std::string from_basis;
  if (!o.from.empty()) {
    from = resolve_role(cat, o.from).id;
    from_basis = "--from";
  } else if (const Role* r = a ? find_role_by_name(cat, a->current_role) : nullptr) {
    from = r->id;
    from_basis = "current_role in " + a->file;
  }
  const RoutesResult r = compute_routes(role, cat, a ? &*a : nullptr, from, from_basis);
  ctx.emit(routes_document(r), routes_json(r));
}

} // namespace

void setup_routes(CLI::App& app, Context& ctx)
{
  auto o = std::make_shared<RoutesOptions>();
  ctx.keep(o);
  auto* cmd = app.add_subcommand("routes", "Ways into a role, ranked for your background: steps, durations, "
                                           "cohorts, advice and pitfalls, each with its source; where the role leads");
  cmd->add_option("role", o->role, "Role id, alias or title (default: the assessment's target_role)")->option_text("ROLE");
  cmd->add_option("--from", o->from, "Your current role: a catalog role id, alias or title (default: the assessment's "
                                     "current_role)")
      ->option_text("ROLE");
  cmd->callback([&ctx, o] { run_routes(ctx, *o); });
}

} // namespace careerplan
