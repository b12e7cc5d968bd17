#pragma once
// `show OCC` for an imported O*NET occupation: every figure as O*NET publishes it, with its source.
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/onet.hpp"
#include "render/document.hpp"

namespace careerplan {

// A curated role whose SOC anchor is this occupation's SOC code.
struct AnchoredRole
{
  std::string id, title, status; // status: the mapping's ("assumption", "as_published", ...)
};

Document occupation_document(const Occupation& occ, const OnetRelease& release, const std::vector<AnchoredRole>& roles);
nlohmann::json occupation_json(const Occupation& occ, const OnetRelease& release, const std::vector<AnchoredRole>& roles);

} // namespace careerplan
