#pragma once
// `careerplan compare ROLE ROLE...` (core/compare.hpp computes it).
#include <nlohmann/json_fwd.hpp>

#include "core/compare.hpp"
#include "render/document.hpp"

namespace careerplan {

Document compare_document(const CompareResult& r);
nlohmann::json compare_json(const CompareResult& r);

} // namespace careerplan
