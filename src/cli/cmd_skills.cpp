// careerplan skills [--category C]: the skill vocabulary that roles and assessments rate.
#include <algorithm>

#include <CLI/CLI.hpp>

#include <nlohmann/json.hpp>
#include <memory>

#include <fmt/format.h>

#include "cli/context.hpp"
#include "core/onet.hpp"
#include "core/onet_skills.hpp"
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
  // O*NET's skills join the list once imported, unless a catalog category is asked for.
  Db* db = category.empty() ? ctx.store() : nullptr;
  const auto release = db != nullptr ? onet_release(*db) : std::nullopt;
  const std::vector<OnetSkillInfo> onet = release ? onet_skill_list(*db) : std::vector<OnetSkillInfo>();
  ctx.emit({[&] {
              Document doc = skills_document(skills);
              if (release) {
                add_onet_skills(doc, *release, onet);
              }
              return doc;
            },
            [&] {
              nlohmann::json j = skills_json(skills);
              if (release) {
                add_onet_skills(j, onet);
              }
              return j;
            }});
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
