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
#include "render/format.hpp"
#include "render/skills_view.hpp"

namespace careerplan {

namespace {

// O*NET's skills and knowledge, once imported (and no --category names a catalog category).
void add_onet_skills(Context& ctx, const std::string& category, Document& doc, nlohmann::json& j)
{
  Db* db = ctx.store();
  const auto release = db != nullptr ? onet_release(*db) : std::nullopt;
  if (!release || !category.empty()) {
    return;
  }
  Section s;
  s.heading = "O*NET skills and knowledge " + cite(release->source_id());
  s.table.columns = {"RATE AS", "DOMAIN", "DESCRIPTION"}; // the name is in RATE AS
  s.table.droppable = {1};
  nlohmann::json arr = nlohmann::json::array();
  for (const auto& e : onet_skill_list(*db)) {
    s.table.rows.push_back({e.key, e.domain, e.description});
    doc.csv.rows.push_back({e.key, e.name, "onet-" + e.domain, "", e.description});
    arr.push_back({{"id", e.id}, {"key", e.key}, {"name", e.name}, {"domain", e.domain}, {"description", e.description}});
  }
  j["onet_skills"] = arr;
  if (s.table.rows.empty()) {
    return;
  }
  doc.sections.push_back(std::move(s));
  doc.footnotes.push_back("An assessment rates an O*NET element on O*NET's 0-7 level scale, by the name under RATE AS "
                          "or its element id ('careerplan assess --set onet:NAME=N').");
  doc.footnotes.push_back(k_onet_credit);
}

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
  // O*NET's skills join the list once imported (each format built only when asked for).
  ctx.emit({[&] {
              Document doc = skills_document(skills);
              nlohmann::json unused;
              add_onet_skills(ctx, category, doc, unused);
              return doc;
            },
            [&] {
              nlohmann::json j = skills_json(skills);
              Document unused;
              add_onet_skills(ctx, category, unused, j);
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
