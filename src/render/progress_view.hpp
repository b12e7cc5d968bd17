#pragma once
// Renderings of the history log and of progress over time (`history`, `progress`, `report`).
#include <nlohmann/json_fwd.hpp>

#include "core/history.hpp"
#include "core/progress.hpp"
#include "render/document.hpp"

namespace careerplan {

// At most this many rows in a progress table (the latest ones); JSON has every point.
inline constexpr std::size_t k_progress_rows = 20;
inline constexpr std::size_t k_sparkline_width = 40;

std::string date_of(Timestamp t); // "2026-03-01"
// "+15.2 points", "-3.0 points", "no change"
std::string points_text(double change);

Document history_document(const History& h);
nlohmann::json history_json(const History& h);
nlohmann::json history_problems_json(const History& h);

// Sections for one role's progress (the report reuses them).
std::vector<Section> progress_sections(const RoleProgress& p);
nlohmann::json progress_role_json(const RoleProgress& p);
Document progress_document(const std::vector<RoleProgress>& roles, const History& h, std::optional<Timestamp> since);
nlohmann::json progress_json(const std::vector<RoleProgress>& roles, const History& h, std::optional<Timestamp> since);

} // namespace careerplan
