#pragma once
// `show OCC` for an imported O*NET occupation: every figure as O*NET publishes it, with its source.
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "core/onet.hpp"
#include "render/document.hpp"

namespace careerplan {

Document occupation_document(const Occupation& occ, const OnetRelease& release, const std::vector<AnchoredRole>& roles);
nlohmann::json occupation_json(const Occupation& occ, const OnetRelease& release, const std::vector<AnchoredRole>& roles);
// The "occupation" member of occupation_json (also the items of compare-occupations/v1).
nlohmann::json occupation_object(const Occupation& occ, const std::vector<AnchoredRole>& roles);

// `compare OCC OCC...`: O*NET's figures for each occupation side by side.
Document compare_occupations_document(const std::vector<Occupation>& occs, const OnetRelease& release);
nlohmann::json compare_occupations_json(const std::vector<Occupation>& occs, const OnetRelease& release,
                                        const std::vector<std::vector<AnchoredRole>>& roles);

} // namespace careerplan
