#include "render/skills_view.hpp"

#include <nlohmann/json.hpp>

#include "core/text.hpp"
#include "render/schema_ids.hpp"

namespace careerplan {

Document skills_document(const std::vector<const SkillDef*>& skills)
{
  Document doc;
  doc.title = "Skills: the vocabulary that roles require and assessments rate";
  Section list;
  list.table.columns = {"ID", "NAME", "CATEGORY", "ALIASES", "DESCRIPTION"};
  list.table.droppable = {3, 2};
  doc.csv.columns = {"id", "name", "category", "aliases", "description"};
  for (const SkillDef* s : skills) {
    list.table.rows.push_back({s->id, s->name, s->category, join(s->aliases, ", "), s->description});
    doc.csv.rows.push_back({s->id, s->name, s->category, join(s->aliases, ";"), s->description});
  }
  doc.sections.push_back(std::move(list));
  doc.footnotes.push_back("Rate a skill by its id or an alias in an assessment ('careerplan assess'); "
                          "'careerplan show ROLE' gives a role's required levels.");
  return doc;
}

nlohmann::json skills_json(const std::vector<const SkillDef*>& skills)
{
  nlohmann::json arr = nlohmann::json::array();
  for (const SkillDef* s : skills) {
    arr.push_back({{"id", s->id},
                   {"name", s->name},
                   {"category", s->category},
                   {"aliases", s->aliases},
                   {"description", s->description}});
  }
  return {{"schema", schema_id::skill_list}, {"skills", arr}};
}

} // namespace careerplan
