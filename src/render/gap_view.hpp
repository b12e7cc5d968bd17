#pragma once
// `careerplan gap ROLE`, and the renderings of gap results that `plan`, `compare`, `routes`,
// `report` and `match` share.
#include <nlohmann/json_fwd.hpp>

#include "core/gap.hpp"
#include "render/document.hpp"

namespace careerplan {

// "███░░" : filled up to min(rating, required), open for the gap, '▓' for a rating above it.
std::string level_bar(int rating, double required, int max = 5);
std::string percent(double value);
Section gap_table(const GapResult& r);
Section rules_section(const GapResult& r);
Section seniority_section(const GapResult& r);
Section explain_section(const GapResult& r);
// One skill's gap: {"skill", "required", "rating", "gap", "priority"} (every document that lists
// gaps builds them with this).
nlohmann::json gap_item_json(const SkillGap& g);
// The gap result without schema or assessment (match and report embed it).
nlohmann::json gap_json(const GapResult& r);
// The CSV rows of a gap: skill, name, required, rating, [rated,] gap, weight, priority.
Table gap_csv(const GapResult& r, bool with_rated);

// `careerplan gap`: the document (--explain adds the formula) and the JSON (schemas/gap-v*.json).
Document gap_document(const GapResult& r, const std::string& assessment, bool explain);
nlohmann::json gap_document_json(const GapResult& r, const std::string& assessment);

} // namespace careerplan
