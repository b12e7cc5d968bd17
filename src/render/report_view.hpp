#pragma once
// The report as a document (table and markdown) and as JSON; report_html.hpp renders the page.
#include <nlohmann/json_fwd.hpp>

#include "core/report.hpp"
#include "render/document.hpp"

namespace careerplan {

Document report_document(const Report& r);
nlohmann::json report_json(const Report& r);
// "Texas (TX)", "Germany (DE)", or "" when the assessment names no place.
std::string report_place(const Report& r);

} // namespace careerplan
