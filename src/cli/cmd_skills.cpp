// careerplan skills [--category C]: the skill vocabulary that roles and assessments rate.
#include <algorithm>
#include <memory>

#include <fmt/format.h>

#include "cli/context.hpp"
#include "core/text.hpp"
#include "render/skills_view.hpp"

namespace careerplan {

namespace {

void run_skills(Context& ctx, const std::string& category)
{
  const Catalog& cat = ctx.catalog();
  std::vector<const SkillDef*> skills;
  for (const auto& s : cat.skills.skills) {
    if (category.empty() || s.category == category) {
      skills.push_back(&s);
    }
  }
  if (skills.empty()) {
    std::vector<std::string> categories;
    for (const auto& s : cat.skills.skills) {
      if (std::find(categories.begin(), categories.end(), s.category) == categories.end()) {
        categories.push_back(s.category);
      }
    }
    throw UsageError(fmt::format("no skill in category '{}'", printable(category.substr(0, 80))),
                     "the categories are: " + join(categories, ", "));
  }
  ctx.emit({[&] { return skills_document(skills); }, [&] { return skills_json(skills); }});
}

} // namespace

void setup_skills(CLI::App& app, Context& ctx)
{
  auto* cmd = app.add_subcommand("skills", "List the skills that roles require and assessments rate: id, name, "
                                           "category, aliases and description");
  auto category = std::make_shared<std::string>();
  ctx.keep(category);
  cmd->add_option("-c,--category", *category, "Only the skills of this category")->option_text("CATEGORY");
  cmd->callback([&ctx, category] { run_skills(ctx, *category); });
}

} // namespace careerplan
