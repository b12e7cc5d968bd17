// careerplan compare ROLE ROLE...: roles side by side.
#include <algorithm>

#include <CLI/CLI.hpp>

#include <nlohmann/json.hpp>
#include <memory>

#include <fmt/format.h>

#include "cli/context.hpp"
#include "core/errors.hpp"
#include "core/compare.hpp"
#include "core/onet.hpp"
#include "core/role_names.hpp"
#include "render/occupation_view.hpp"
#include "render/compare_view.hpp"

namespace careerplan {

namespace {

struct CompareOptions
{
  std::vector<std::string> roles;
  std::string level;
};

// O*NET occupations side by side; every name must be one (the two vocabularies are not mixed).
void compare_occupations(Context& ctx, const std::vector<std::string>& names)
{
  Db& db = *ctx.store();
  std::vector<Occupation> occs;
  std::vector<std::vector<AnchoredRole>> roles;
  for (const auto& name : names) {
    const auto code = ctx.occupation_code(name);
    if (!code) {
      if (find_role_by_name(ctx.catalog(), name) != nullptr) {
        throw UsageError(fmt::format("'{}' is a curated role and the others are O*NET occupations; compare curated roles "
                                     "with each other, or occupations with each other",
                                     name),
                         "'careerplan show ROLE' lists the O*NET occupations under a curated role's SOC codes");
      }
      ctx.unknown_role(name);
    }
    if (std::any_of(occs.begin(), occs.end(), [&](const Occupation& x) { return x.code == *code; })) {
      throw UsageError(fmt::format("occupation '{}' is given twice", *code), "name each occupation once");
    }
    occs.push_back(load_occupation(db, *code));
    roles.push_back(anchored_roles(ctx.catalog(), *code));
  }
  const auto release = onet_release(db);
  ctx.emit({[&] { return compare_occupations_document(occs, *release); },
            [&] { return compare_occupations_json(occs, *release, roles); }});
}

void run_compare(Context& ctx, const CompareOptions& o)
{
  if (o.roles.size() < 2) {
    throw UsageError("compare needs two roles or more", "e.g. 'careerplan compare mle data-scientist'");
  }
  if (std::any_of(o.roles.begin(), o.roles.end(), [&](const std::string& n) { return ctx.occupation_code(n).has_value(); })) {
    compare_occupations(ctx, o.roles);
    return;
  }
  const Catalog& cat = ctx.catalog();
  std::vector<const Role*> roles;
  for (const auto& name : o.roles) {
    roles.push_back(&resolve_role(cat, name));
  }
  const CompareResult r = compare_roles(cat, roles, o.level, ctx.assessment_if_any());
  ctx.emit({[&] { return compare_document(r); }, [&] { return compare_json(r); }});
}

} // namespace

void setup_compare(CLI::App& app, Context& ctx)
{
  auto o = std::make_shared<CompareOptions>();
  ctx.keep(o);
  auto* cmd = app.add_subcommand("compare", "Roles side by side: skills, national pay, outlook, ways in, "
                                            "certifications; your gaps with an assessment");
  cmd->add_option("roles", o->roles, "Two role ids or aliases or more; or two imported O*NET occupations or more (codes or aliases)")->option_text("ROLE ROLE...");
  cmd->add_option("-l,--level", o->level, "Compare at this level (default: from your years of experience, else "
                                          "each role's first level)")
      ->option_text("LEVEL");
  cmd->callback([&ctx, o] { run_compare(ctx, *o); });
}

} // namespace careerplan
