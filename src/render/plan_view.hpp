#pragma once
// `careerplan plan ROLE` (core/plan.hpp computes it); `report` shares its JSON steps.
#include <nlohmann/json_fwd.hpp>

#include "core/plan.hpp"
#include "render/document.hpp"

namespace careerplan {

Document plan_document(const Plan& p);
nlohmann::json plan_json(const Plan& p, const std::string& assessment);

// The plan's steps, in order: each skill's gap (gap_item_json) with what to learn and prove.
nlohmann::json plan_steps_json(const Plan& p);
// What each ladder's next level asks beyond the current ratings.
nlohmann::json next_levels_json(const Plan& p);
nlohmann::json certification_json(const Certification& c);
// "2. Statistics: from 1 to 3 (priority 0.300)"; n counts from 1.
std::string plan_step_heading(std::size_t n, const Plan& p, const PlanStep& st);
// "AWS Certified Machine Learning – Specialty ($300)"
std::string certification_text(const Certification& c);

} // namespace careerplan
