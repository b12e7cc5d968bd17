#pragma once
// `careerplan skills [--category C]`: the skill vocabulary that roles require and assessments rate.
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "core/model.hpp"
#include "core/onet.hpp"
#include "core/onet_skills.hpp"
#include "render/document.hpp"

namespace careerplan {

Document skills_document(const std::vector<const SkillDef*>& skills);
nlohmann::json skills_json(const std::vector<const SkillDef*>& skills);
// O*NET's skills and knowledge after the catalog's, once imported: a section (when there are any)
// and CSV rows, or j["onet_skills"].
void add_onet_skills(Document& doc, const OnetRelease& release, const std::vector<OnetSkillInfo>& elements);
void add_onet_skills(nlohmann::json& j, const std::vector<OnetSkillInfo>& elements);

} // namespace careerplan
