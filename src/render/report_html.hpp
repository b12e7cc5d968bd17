#pragma once
// The report as one self-contained HTML page: no script, no network, charts as inline SVG, every
// text from the data escaped. Figures carry data-key attributes so that a test can check each
// one against `careerplan report --json`.
#include <string>

#include "core/report.hpp"

namespace careerplan {

std::string html_escape(std::string_view text);
std::string render_report_html(const Report& r, const std::string& version);

} // namespace careerplan
