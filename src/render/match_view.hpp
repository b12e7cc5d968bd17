#pragma once
// `careerplan match`: the curated roles ranked by readiness, the O*NET occupations after them,
// the warnings, as a document (table, markdown, CSV) or as careerplan/match/v2 JSON.
#include <cstddef>
#include <string>

#include "core/match.hpp"
#include "render/document.hpp"

namespace careerplan {

// How many O*NET occupations are shown: `top` in the table; in JSON all of them unless `top_given`.
struct MatchShown
{
  std::size_t top = 20;
  bool top_given = false;
};

// The document; its CSV rows of O*NET occupations only when `want_csv`.
Document match_document(const MatchReport& r, const Assessment& a, MatchShown shown, bool want_csv);
// The JSON text (dump(2) and a newline), each role's item written as it is made (10,000 roles).
std::string match_json_text(const MatchReport& r, const Assessment& a, MatchShown shown);

} // namespace careerplan
