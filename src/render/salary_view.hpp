#pragma once
// Renderings of salary results: one role's bands, or one headline band per role.
#include <nlohmann/json.hpp>

#include "core/salary.hpp"
#include "render/document.hpp"

namespace careerplan {

// The numbers a band spans, for a scale shared by several bars.
struct BarScale
{
  double low = 0;
  double high = 0;
};

// A bar of `width` cells on the scale: '━' the band, '●' its median or single figure, '▸' an
// open-ended top, '┃' the user's pay, '·' the rest.
std::string range_bar(const SalaryFigure& f, std::optional<double> pay, const BarScale& scale, std::size_t width);
// "$130,000–$380,000, median $200,000"; "$63,650–$194,410 (p10–p90), median $112,590"; "$185,000".
std::string amount_text(const SalaryFigure& f);

Document salary_document(const SalaryResult& r);
Document salary_catalog_document(const std::vector<SalaryResult>& results);
nlohmann::json salary_json(const SalaryResult& r);
// careerplan/salary-list/v1: every role's result, and the pay placed in them when there is one.
nlohmann::json salary_list_json(const std::vector<SalaryResult>& results);

} // namespace careerplan
