#pragma once
// `routes OCC`: the ways into an O*NET occupation (table, CSV, JSON careerplan/onet-routes/v1).
#include <string>

#include <nlohmann/json_fwd.hpp>

#include "core/onet_routes.hpp"
#include "render/document.hpp"

namespace careerplan {

Document onet_routes_document(const OnetRoutesResult& r, const OnetRelease& release);
nlohmann::json onet_routes_json(const OnetRoutesResult& r, const OnetRelease& release, const std::string& assessment);

} // namespace careerplan
