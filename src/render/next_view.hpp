#pragma once
// Renderings of `careerplan next`: one table per vocabulary, its JSON block, and --explain.
#include <string>

#include <nlohmann/json_fwd.hpp>

#include "core/next.hpp"
#include "render/document.hpp"

namespace careerplan {

// Which skills a ranking is in: careerplan's curated skills (0-5) or O*NET's (0-7).
enum class Vocabulary
{
  curated,
  onet,
};

inline std::string_view id_of(Vocabulary v)
{
  switch (v) {
    CAREERPLAN_ENUM_CASE(Vocabulary, curated)
    CAREERPLAN_ENUM_CASE(Vocabulary, onet)
  }
  return {};
}

struct NextView
{
  Vocabulary vocabulary = Vocabulary::curated;
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
