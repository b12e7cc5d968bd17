#pragma once
// `careerplan salary --occupations`: every imported BLS occupation for one place, one row each.
#include <nlohmann/json_fwd.hpp>

#include "core/salary.hpp"
#include "core/salary_bls.hpp"
#include "render/document.hpp"

namespace careerplan {

Document occupation_list_document(const Place& place, const std::vector<BlsFigure>& occupations);
// careerplan/occupation-list/v2 (schemas/occupation-list-v2.json)
nlohmann::json occupation_list_json(const Place& place, const std::vector<BlsFigure>& occupations);

} // namespace careerplan
