#pragma once
// Renderings of `careerplan next`: one table per vocabulary, its JSON block, and --explain.
#include <string>

#include <nlohmann/json_fwd.hpp>

#include "core/next.hpp"
#include "render/document.hpp"

namespace careerplan {

struct NextView
{
  std::string vocabulary; // "curated" or "onet"
  std::string heading; // "careerplan's skills (0-5) against the curated roles"
  std::string unit_word; // "roles" or "occupations"
  std::size_t top = 10;
  std::string currency = "USD";
};

// The table of steps, best first; the unrated skills and what was left out, as bullets.
std::vector<Section> next_sections(const NextRanking& r, const NextView& v);
nlohmann::json next_json(const NextRanking& r, const NextView& v);
// The formula with the first step's figures in it.
Section next_explain(const NextRanking& r, const NextView& v, const NextOptions& o);

// `careerplan next`: every ranking of the result, `top` steps each (--explain adds the formula),
// and its JSON (schemas/next-v*.json).
Document next_document(const NextResult& r, const std::string& assessment, std::size_t top, bool explain);
nlohmann::json next_document_json(const NextResult& r, const std::string& assessment, std::size_t top);

} // namespace careerplan
