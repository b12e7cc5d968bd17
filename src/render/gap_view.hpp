#pragma once
// Renderings of gap results shared by `gap`, `plan` and `match`.
#include <nlohmann/json.hpp>

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
nlohmann::json gap_json(const GapResult& r);

} // namespace careerplan
