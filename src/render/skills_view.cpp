#include "render/skills_view.hpp"

#include <nlohmann/json.hpp>

#include "core/text.hpp"
#include "render/format.hpp"
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

void add_onet_skills(Document& doc, const OnetRelease& release, const std::vector<OnetSkillInfo>& elements)
{
  if (elements.empty()) {
    return;
  }
  Section s;
  s.heading = "O*NET skills and knowledge " + cite(release.source_id());
  s.table.columns = {"RATE AS", "DOMAIN", "DESCRIPTION"}; // the name is in RATE AS
  s.table.droppable = {1};
  for (const auto& e : elements) {
    s.table.rows.push_back({e.key, e.domain, e.description});
    doc.csv.rows.push_back({e.key, e.name, "onet-" + e.domain, "", e.description});
  }
  doc.sections.push_back(std::move(s));
  doc.footnotes.push_back("An assessment rates an O*NET element on O*NET's 0-7 level scale, by the name under RATE AS "
                          "or its element id ('careerplan assess --set onet:NAME=N').");
  doc.footnotes.push_back(k_onet_credit);
}

void add_onet_skills(nlohmann::json& j, const std::vector<OnetSkillInfo>& elements)
{
  nlohmann::json arr = nlohmann::json::array();
  for (const auto& e : elements) {
    arr.push_back({{"id", e.id}, {"key", e.key}, {"name", e.name}, {"domain", e.domain}, {"description", e.description}});
  }
  j["onet_skills"] = arr;
}

} // namespace careerplan
