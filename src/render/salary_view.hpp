#pragma once
// Renderings of salary results: one role's bands, or one headline band per role.
#include <functional>
#include <string_view>

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

// What a bar draws of a figure: its numbers, without its texts.
struct BarFigure
{
  std::optional<double> low, p10, median, p90, high, value;
  bool high_open = false;
};
BarFigure bar_figure(const SalaryFigure& f);

// A bar of `width` cells on the scale: '━' the band, '●' its median or single figure, '▸' an
// open-ended top, '┃' the user's pay, '·' the rest.
std::string range_bar(const SalaryFigure& f, std::optional<double> pay, const BarScale& scale, std::size_t width);
std::string range_bar(const BarFigure& f, std::optional<double> pay, const BarScale& scale, std::size_t width);

// p10, p25, median, mean, p75 and p90 of a figure, each {"value", "currency", "period"}
// (shape::amount), null when not known (salary/v2, occupation-list/v2).
nlohmann::json percentiles_json(const SalaryFigure& f);
// {"kind", "code", "name"} of a place (national, state, country or region).
nlohmann::json place_json(const Place& place);

Document salary_document(const SalaryResult& r);
nlohmann::json salary_json(const SalaryResult& r);

// `salary` without a role renders each role's result as it is computed, then lets it go (10,000
// roles hold no more than one result at a time: issue 19).
//
// The table (and markdown) needs every row before its bars' scale and its column widths are
// known: of each result it keeps what the row prints, its first band.
struct SalaryCatalogRow
{
  std::string role; // id
  std::size_t bands = 0; // the result's bands; 0: no figure for the place
  BarFigure bar; // the first band's
  std::string amount; // its median, else its single figure or range ("~" for an estimate)
  std::string basis;
  std::string source; // "SOURCE (+N more)"
};
SalaryCatalogRow salary_catalog_row(const SalaryResult& r);
// Every role's first figure, on one scale; `query` is the first result's (the place, the level
// and the pay are the same for every role). Its csv is left empty: CSV is written role by role.
Document salary_catalog_document(const std::vector<SalaryCatalogRow>& rows, const SalaryQuery& query);
// --format csv: the header line, then each result's lines (every band; a line saying there is no
// figure for a result without one), as render_csv writes them (CRLF, printable, escaped).
std::string salary_catalog_csv_header();
std::string salary_catalog_csv(const SalaryResult& r);
// careerplan/salary-list/v2: every role's result, and the pay placed in them when there is one.
nlohmann::json salary_list_json(const std::vector<SalaryResult>& results);
// That document without its "results" (written result by result, render/json_list.hpp): the
// pay placed, from the first result's query; null when there is no result.
nlohmann::json salary_list_head(const SalaryResult* first);
// The same document's text handed to `write` piece by piece as `each` gives the results, one at
// a time (each result's JSON made, written and let go): what salary_list_json(...).dump(2) is.
using SalaryResults = std::function<void(const std::function<void(const SalaryResult&)>&)>;
void write_salary_list_json(const SalaryResults& each, const std::function<void(std::string_view)>& write);

} // namespace careerplan
