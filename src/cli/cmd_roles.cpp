// careerplan roles: the roles in the catalog with their headline figures.
#include <algorithm>

#include "cli/context.hpp"
#include "core/summary.hpp"
#include "core/text.hpp"
#include "render/format.hpp"

namespace careerplan {

namespace {

std::string range_text(const std::vector<HeadlineFigure>& figures, bool pay)
{
  if (figures.empty()) {
    return "—";
  }
  auto [lo, hi] = std::minmax_element(figures.begin(), figures.end(),
                                      [](const auto& a, const auto& b) { return a.value < b.value; });
  auto show = [&](double v) { return pay ? money(v, "USD") : plain_number(v) + "%"; };
  if (figures.size() == 1) {
    return show(lo->value) + " (1)";
  }
  return show(lo->value) + "–" + show(hi->value) + " (" + std::to_string(figures.size()) + ")";
}

nlohmann::json headline_json(const std::vector<HeadlineFigure>& figures, bool pay)
{
  nlohmann::json arr = nlohmann::json::array();
  for (const auto& f : figures) {
    nlohmann::json j = {{"value", f.value}, {"figure", f.figure}, {"source", f.source}};
    if (pay) {
      j["basis"] = f.basis;
      j["currency"] = f.unit;
    } else {
      j["unit"] = f.unit;
      j["period"] = f.period;
    }
    arr.push_back(j);
  }
  return arr;
}

void run_roles(Context& ctx)
{
  const Catalog& cat = ctx.catalog();
  Document doc;
  Section s;
  s.table.columns = {"ID", "TITLE", "FAMILY", "NATIONAL MEDIANS (N)", "GROWTH (N)"};
  s.table.droppable = {2}; // FAMILY, on a narrow terminal
  s.table.wrap = 1; // then TITLE wraps
  doc.csv.columns = {"id", "title", "family", "aliases", "median_low", "median_high", "median_figures", "growth_low",
                     "growth_high"};
  nlohmann::json roles = nlohmann::json::array();
  for (const Role& role : cat.all_roles()) {
    const RoleSummary sum = summarize(role);
    s.table.rows.push_back({role.id, role.title, role.family, range_text(sum.national_medians, true),
                            range_text(sum.growth, false)});
    auto lo_hi = [](const std::vector<HeadlineFigure>& f) -> std::pair<std::string, std::string> {
      if (f.empty()) {
        return {"", ""};
      }
      auto [lo, hi] = std::minmax_element(f.begin(), f.end(), [](const auto& a, const auto& b) { return a.value < b.value; });
      return {plain_number(lo->value), plain_number(hi->value)};
    };
    const auto [mlo, mhi] = lo_hi(sum.national_medians);
    const auto [glo, ghi] = lo_hi(sum.growth);
    doc.csv.rows.push_back({role.id, role.title, role.family, join(role.aliases, " "), mlo, mhi,
                            std::to_string(sum.national_medians.size()), glo, ghi});
    roles.push_back({{"id", role.id},
                     {"title", role.title},
                     {"family", role.family},
                     {"aliases", role.aliases},
                     {"national_medians", headline_json(sum.national_medians, true)},
                     {"growth", headline_json(sum.growth, false)}});
  }
  doc.sections.push_back(std::move(s));
  doc.footnotes.push_back("NATIONAL MEDIANS and GROWTH give the lowest and highest figure the sources publish and (N) how "
                          "many there are; they are never averaged, and their bases differ (base pay, total compensation, "
                          "unspecified). 'careerplan show ROLE' lists each with its source.");
  ctx.emit(doc, {{"schema", "careerplan/roles/v1"}, {"roles", roles}});
}

} // namespace

void setup_roles(CLI::App& app, Context& ctx)
{
  auto* cmd = app.add_subcommand("roles", "List the roles in the catalog with their headline figures");
  cmd->callback([&ctx] { run_roles(ctx); });
}

} // namespace careerplan
