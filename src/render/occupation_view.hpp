#pragma once
// `show OCC` for an imported O*NET occupation: every figure as O*NET publishes it, with its source.
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "core/onet.hpp"
#include "core/salary_bls.hpp"
#include "render/document.hpp"
#include "render/show_view.hpp"

namespace careerplan {

Document occupation_document(const Occupation& occ, const OnetRelease& release, const std::vector<AnchoredRole>& roles);
nlohmann::json occupation_json(const Occupation& occ, const OnetRelease& release, const std::vector<AnchoredRole>& roles);
// The "occupation" member of occupation_json (also the items of compare-occupations/v1).
nlohmann::json occupation_object(const Occupation& occ, const std::vector<AnchoredRole>& roles);

// BLS's national wages for the occupation (`show OCC` with OEWS imported): the sections after the
// profile; and j["wages"] (careerplan/salary/v2, or null when the files have no national figure).
void add_occupation_wages(Document& doc, const OccupationWages& wages);
void add_occupation_wages(nlohmann::json& j, const OccupationWages& wages);

// `show ROLE` with O*NET imported: the O*NET occupations under the role's SOC codes, after its
// SOC table; and extra["onet_occupations"].
void add_role_occupations(ShowDocument& doc, const OnetRelease& release, const std::vector<SocOccupation>& occupations);
void add_role_occupations(nlohmann::json& extra, const std::vector<SocOccupation>& occupations);

// `compare OCC OCC...`: O*NET's figures for each occupation side by side.
Document compare_occupations_document(const std::vector<Occupation>& occs, const OnetRelease& release);
nlohmann::json compare_occupations_json(const std::vector<Occupation>& occs, const OnetRelease& release,
                                        const std::vector<std::vector<AnchoredRole>>& roles);

} // namespace careerplan
