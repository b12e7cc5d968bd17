// careerplan routes [ROLE] [--from ROLE]: the ways into a role, ranked for the user's background.
#include <memory>

#include <CLI/CLI.hpp>

#include <nlohmann/json.hpp>

#include <fmt/format.h>

#include "cli/context.hpp"
#include "core/errors.hpp"
#include "core/onet.hpp"
#include "core/onet_routes.hpp"
#include "core/role_names.hpp"
#include "core/routes.hpp"
#include "core/salary_bls.hpp"
#include "render/onet_routes_view.hpp"
#include "render/routes_view.hpp"

namespace careerplan {

namespace {

struct RoutesOptions
{
  std::string role;
  std::string from;
};

// The O*NET occupation a --from (or current_role) names: an occupation itself, or a curated role's
// anchor occupation (its first SOC mapping not marked a conflict; the SOC code's ".00" occupation,
// else its first). Empty when it names neither.
void from_occupation(Context& ctx, Db& db, const std::string& name, OnetRoutesResult& into, std::string& code)
{
  if (const auto c = ctx.occupation_code(name)) {
    code = *c;
    return;
  }
  const Role* role = ctx.catalog().find_role(name);
  if (role == nullptr) {
    role = &resolve_role(ctx.catalog(), name); // a UsageError naming the nearest roles
  }
  into.from_role = role->id;
  into.from_role_title = role->title;
  const SocMapping* anchor = anchor_occupation(*role);
  if (anchor == nullptr) {
    return;
  }
  const auto hits = occupations_for_soc(db, anchor->code);
  for (const auto& h : hits) {
    if (code.empty() || h.code == anchor->code + ".00") {
      code = h.code;
    }
  }
}

void run_onet_routes(Context& ctx, const RoutesOptions& o, const std::optional<Assessment>& a, const std::string& code)
{
  Db& db = *ctx.store();
  const auto release = onet_release(db);
  OnetRoutesResult names;
  std::string from_code, basis;
  if (!o.from.empty()) {
    from_occupation(ctx, db, o.from, names, from_code);
    basis = "--from";
  } else if (a && !a->current_role.empty()) {
    try {
      from_occupation(ctx, db, a->current_role, names, from_code);
      basis = "current_role in " + a->file;
    } catch (const UsageError&) {
      names = OnetRoutesResult{}; // a free-text current_role: no occupation to start from
    }
  }
  OnetRoutesResult r = onet_routes(db, code, from_code, a ? a->onet_ratings : std::map<std::string, int>{},
                                   a ? a->years_experience : std::nullopt);
  r.from_role = names.from_role;
  r.from_role_title = names.from_role_title;
  r.from_basis = from_code.empty() ? "" : basis;
  ctx.emit({[&] { return onet_routes_document(r, *release); },
            [&] { return onet_routes_json(r, *release, a ? a->file : std::string()); }});
}

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
  if (const auto code = ctx.occupation_code(wanted)) {
    run_onet_routes(ctx, o, a, *code);
    return;
  }
  const Role& role = ctx.role_named(wanted, "routes");
  std::string from;
  std::string from_basis;
  if (!o.from.empty()) {
    from = resolve_role(cat, o.from).id;
    from_basis = "--from";
  } else if (auto id = a ? role_id_by_name(cat, a->current_role) : std::nullopt) {
    from = std::move(*id);
    from_basis = "current_role in " + a->file;
  }
  const RoutesResult r = compute_routes(role, cat, a ? &*a : nullptr, from, from_basis);
  ctx.emit({[&] { return routes_document(r); }, [&] { return routes_json(r); }});
}

} // namespace

void setup_routes(CLI::App& app, Context& ctx)
{
  auto o = std::make_shared<RoutesOptions>();
  ctx.keep(o);
  auto* cmd = app.add_subcommand("routes", "Ways into a role, ranked for your background: steps, durations, "
                                           "cohorts, advice and pitfalls, each with its source; where the role leads");
  cmd->add_option("role", o->role, "Role id, alias or title, or an imported O*NET occupation (code or title slug) "
                                   "(default: the assessment's target_role)")
      ->option_text("ROLE");
  cmd->add_option("--from", o->from, "Your current role: a catalog role id, alias or title, or for an occupation an "
                                     "O*NET occupation or a role (its anchor occupation) (default: the assessment's "
                                     "current_role)")
      ->option_text("ROLE");
  cmd->callback([&ctx, o] { run_routes(ctx, *o); });
}

} // namespace careerplan
