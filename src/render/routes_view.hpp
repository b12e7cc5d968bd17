#pragma once
// Renderings of `routes`.
#include <nlohmann/json_fwd.hpp>

#include "core/routes.hpp"
#include "render/document.hpp"

namespace careerplan {

Document routes_document(const RoutesResult& r);
nlohmann::json routes_json(const RoutesResult& r);

} // namespace careerplan
