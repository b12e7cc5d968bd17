#pragma once
// Renderings of salary results: one role's bands, or one headline band per role.
#include <nlohmann/json_fwd.hpp>

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

// p10, p25, median, mean, p75 and p90 of a figure, each {"value", "currency", "period"}
// (shape::amount), null when not known (salary/v2, occupation-list/v2).
nlohmann::json percentiles_json(const SalaryFigure& f);
// {"kind", "code", "name"} of a place (national, state, country or region).
nlohmann::json place_json(const Place& place);

Document salary_document(const SalaryResult& r);
Document salary_catalog_document(const std::vector<SalaryResult>& results);
nlohmann::json salary_json(const SalaryResult& r);
// careerplan/salary-list/v2: every role's result, and the pay placed in them when there is one.
nlohmann::json salary_list_json(const std::vector<SalaryResult>& results);
// The same document's text, each result's JSON made and written in turn (render/json_list.hpp).
std::string salary_list_json_text(const std::vector<SalaryResult>& results);

} // namespace careerplan
