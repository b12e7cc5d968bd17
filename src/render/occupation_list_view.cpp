#include "render/occupation_list_view.hpp"

#include <nlohmann/json.hpp>

#include <fmt/format.h>

#include "core/text.hpp"
#include "render/format.hpp"
#include "render/json_shape.hpp"
#include "render/salary_view.hpp"
#include "render/schema_ids.hpp"

namespace careerplan {

namespace {

std::string code_of(const BlsFigure& b)
{
  const auto at = b.figure.occupation.rfind("(SOC ");
  return at == std::string::npos ? std::string() : b.figure.occupation.substr(at + 5, 7);
}

// "$115,440", "≥ $239,200" for a top-coded statistic, "—" when there is none.
std::string stat(const BlsFigure& b, const char* name, const std::optional<double>& v)
{
  if (v) {
    return money(*v, b.figure.currency);
  }
  for (const auto& t : b.top_coded) {
    if (t == name) {
      return b.top_code ? "≥ " + money(*b.top_code, b.figure.currency) : "≥ top code";
    }
  }
  return "—";
}

} // namespace

Document occupation_list_document(const Place& place, const std::vector<BlsFigure>& occupations)
{
  Document doc;
  doc.title = fmt::format("BLS OEWS wages by occupation, {}", place.kind == Place::Kind::national
                                                                  ? std::string("United States (national figures)")
                                                                  : fmt::format("{} ({})", place.name, place.code));
  Section s;
  s.heading = occupations.empty() ? "" : fmt::format("{} occupations, {} (annual, base pay)", thousands(static_cast<double>(occupations.size())),
                                                     occupations.front().period);
  s.table.columns = {"SOC", "OCCUPATION", "P10", "MEDIAN", "P90", "MEAN", "EMPLOYMENT"};
  s.table.align = {Align::left, Align::left, Align::right, Align::right, Align::right, Align::right, Align::right};
  s.table.wrap = 1;
  doc.csv.columns = {"soc", "title", "period", "p10", "p25", "median", "mean", "p75", "p90", "employment",
                     "top_coded", "derived_from_hourly", "origin"};
  auto num = [](const std::optional<double>& v) { return v ? plain_number(*v) : std::string(); };
  for (const auto& b : occupations) {
    const SalaryFigure& f = b.figure;
    s.table.rows.push_back({code_of(b), b.title, stat(b, "p10", f.p10), stat(b, "median", f.median),
                            stat(b, "p90", f.p90), stat(b, "mean", f.mean),
                            f.employment ? thousands(static_cast<double>(*f.employment)) : "—"});
    doc.csv.rows.push_back({code_of(b), b.title, b.period, num(f.p10), num(f.p25), num(f.median), num(f.mean),
                            num(f.p75), num(f.p90), f.employment ? std::to_string(*f.employment) : "",
                            join(b.top_coded, " "), b.derived_from_hourly ? "true" : "false", b.origin});
  }
  doc.sections.push_back(std::move(s));
  doc.footnotes.push_back("BLS OEWS, imported with 'careerplan import oews'. ≥: at or above BLS's top code ('#'); "
                          "—: not published ('*', '**') or not in the file. Where BLS publishes hourly wages only, "
                          "annual = hourly x 2,080. 'careerplan salary SOC-CODE' shows one occupation with its source row.");
  return doc;
}

nlohmann::json occupation_list_json(const Place& place, const std::vector<BlsFigure>& occupations)
{
  nlohmann::json list = nlohmann::json::array();
  for (const auto& b : occupations) {
    const SalaryFigure& f = b.figure;
    nlohmann::json j = {{"soc", code_of(b)},
                        {"title", b.title},
                        {"period", b.period},
                        {"employment", f.employment ? nlohmann::json(*f.employment) : nlohmann::json(nullptr)},
                        {"top_coded", b.top_coded},
                        {"top_code", shape::amount(b.top_code, f.currency, f.period)},
                        {"derived_from_hourly", b.derived_from_hourly},
                        {"origin", b.origin}};
    j.update(percentiles_json(f));
    list.push_back(std::move(j));
  }
  return {{"schema", schema_id::occupation_list},
          {"place", place_json(place)},
          {"occupations", list}};
}

} // namespace careerplan
