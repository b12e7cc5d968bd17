#pragma once
// The O*NET part of `match` (occupations ranked by readiness) and `gap OCC`.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "core/onet_match.hpp"
#include "render/document.hpp"

namespace careerplan {

// Appends the ranking (the first `shown` entries in the table; all of `entries` in JSON and CSV
// unless `limit_json`) to doc and j["occupations"]; j's occupations are built only when
// `want_json`, doc's CSV rows only when `want_csv` (each format reads only its own).
void add_onet_match(Document& doc, nlohmann::json& j, const std::vector<OnetMatchEntry>& entries, std::size_t shown,
                    bool limit_json, const OnetRelease& release, std::optional<double> years,
                    const std::string& education, bool want_json = true, bool want_csv = true);

// `plan OCC`: the gaps by priority with O*NET's anchor for the required level, the elements to
// rate first, and the occupation's in-demand and hot technologies as concrete things to learn.
Document onet_plan_document(const OnetReadiness& r, const Occupation& occ, const OnetRelease& release,
                            const std::string& assessment);
nlohmann::json onet_plan_json(const OnetReadiness& r, const Occupation& occ, const OnetRelease& release,
                              const std::string& assessment);

Document onet_gap_document(const OnetReadiness& r, const OnetRelease& release, const std::string& assessment);
nlohmann::json onet_gap_json(const OnetReadiness& r, const OnetRelease& release, const std::string& assessment);

} // namespace careerplan
