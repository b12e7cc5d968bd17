// careerplan compare ROLE ROLE...: roles side by side.
#include <algorithm>
#include <memory>

#include <fmt/format.h>

#include "cli/context.hpp"
#include "core/errors.hpp"
#include "core/gap.hpp"
#include "render/routes_view.hpp"

namespace careerplan {

namespace {

struct CompareOptions
{
  std::vector<std::string> roles;
  std::string level;
};

void run_compare(Context& ctx, const CompareOptions& o)
{
  if (o.roles.size() < 2) {
    throw UsageError("compare needs two roles or more", "e.g. 'careerplan compare mle data-scientist'");
  }
  const Catalog& cat = ctx.catalog();
  const std::optional<Assessment> a = ctx.assessment_if_any();
  std::vector<CompareEntry> entries;
  for (const auto& name : o.roles) {
    const Role& role = resolve_role(cat, name);
    if (std::any_of(entries.begin(), entries.end(), [&](const CompareEntry& e) { return e.role == &role; })) {
      throw UsageError(fmt::format("role '{}' is given twice", role.id), "name each role once");
    }
    CompareEntry e;
    e.role = &role;
    std::tie(e.level, e.level_basis) = choose_level(role, o.level, a ? a->years_experience : std::nullopt);
    if (a) {
      e.gap = compute_gap(role, cat, *a, e.level);
    }
    entries.push_back(std::move(e));
  }
  ctx.emit(compare_document(cat, entries), compare_json(cat, entries));
}

} // namespace

void setup_compare(CLI::App& app, Context& ctx)
{
  auto o = std::make_shared<CompareOptions>();
  ctx.keep(o);
  auto* cmd = app.add_subcommand("compare", "Roles side by side: skills, national pay, outlook, ways in, "
                                            "certifications; your gaps with an assessment");
  cmd->add_option("roles", o->roles, "Two role ids or aliases or more")->option_text("ROLE ROLE...");
  cmd->add_option("-l,--level", o->level, "Compare at this level (default: from your years of experience, else "
                                          "each role's first level)")
      ->option_text("LEVEL");
  cmd->callback([&ctx, o] { run_compare(ctx, *o); });
}

} // namespace careerplan
