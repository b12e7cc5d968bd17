#pragma once
// Renderings of `routes` and `compare`.
#include <nlohmann/json.hpp>

#include "core/routes.hpp"
#include "render/document.hpp"

namespace careerplan {

Document routes_document(const RoutesResult& r);
nlohmann::json routes_json(const RoutesResult& r);

// One role of a comparison: the role, and the user's gap for it when there is an assessment.
struct CompareEntry
{
  const Role* role = nullptr;
  std::string level;
  std::string level_basis;
  std::optional<GapResult> gap;
};

Document compare_document(const Catalog& catalog, const std::vector<CompareEntry>& entries);
nlohmann::json compare_json(const Catalog& catalog, const std::vector<CompareEntry>& entries);

} // namespace careerplan
