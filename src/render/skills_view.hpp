#pragma once
// `careerplan skills [--category C]`: the skill vocabulary that roles require and assessments rate.
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "core/model.hpp"
#include "render/document.hpp"

namespace careerplan {

Document skills_document(const std::vector<const SkillDef*>& skills);
nlohmann::json skills_json(const std::vector<const SkillDef*>& skills);

} // namespace careerplan
