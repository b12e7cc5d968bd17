// careerplan roles: the roles in the catalog with their headline figures.
#include <algorithm>
#include <memory>

#include <fmt/format.h>

#include "cli/context.hpp"
#include "core/onet.hpp"
#include "core/role_digest.hpp"
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

bool role_matches(const Role& role, const std::string& text)
{
  const std::string t = to_lower(text);
  auto has = [&](const std::string& s) { return to_lower(s).find(t) != std::string::npos; };
  return has(role.id) || has(role.title) ||
         std::any_of(role.aliases.begin(), role.aliases.end(), [&](const std::string& a) { return has(a); });
}

// The O*NET occupations found or listed, after the curated roles.
void add_occupations(Context& ctx, const std::optional<std::string>& search, bool all, Document& doc, nlohmann::json& j)
{
  Db* db = ctx.store();
  const auto release = db != nullptr ? onet_release(*db) : std::nullopt;
  if (!release) {
    if (all) {
      throw UsageError("no O*NET data is imported", "download O*NET's text release and run 'careerplan import onet DIR'");
    }
    return;
  }
  if (!search && !all) {
    doc.footnotes.push_back(fmt::format("{} occupations of {} are imported too: 'careerplan roles --onet' lists them, "
                                        "'careerplan roles --search TEXT' finds them by title or alternate title.",
                                        thousands(static_cast<double>(release->occupations)), release->release));
    return;
  }
  const auto hits = search ? search_occupations(*db, *search) : all_occupations(*db);
  Section s;
  s.heading = fmt::format("O*NET occupations ({}) {}", hits.size(), cite(release->source_id()));
  s.table.columns = {"CODE", "TITLE", "ALIAS", "ZONE", "RATED", "MATCHED ALTERNATE TITLE"};
  s.table.droppable = {2, 5};
  s.table.wrap = 1;
  nlohmann::json arr = nlohmann::json::array();
  for (const auto& h : hits) {
    s.table.rows.push_back({h.code, h.title, h.slug, h.job_zone ? std::to_string(*h.job_zone) : "—", h.rated ? "yes" : "no",
                            h.matched});
    doc.csv.rows.push_back({h.code, h.title, "O*NET occupation", h.slug, "", "", "", "", ""});
    nlohmann::json o = {{"code", h.code}, {"title", h.title}, {"alias", h.slug}, {"rated", h.rated},
                        {"job_zone", h.job_zone ? nlohmann::json(*h.job_zone) : nlohmann::json()}};
    if (!h.matched.empty()) {
      o["matched_alternate_title"] = h.matched;
    }
    arr.push_back(std::move(o));
  }
  if (hits.empty()) {
    s.paragraphs.push_back("No occupation's title or alternate title contains '" + *search + "'.");
    s.table.columns.clear();
  }
  doc.sections.push_back(std::move(s));
  j["occupations"] = arr;
  j["onet_source"] = release->source_id();
  doc.footnotes.push_back(k_onet_credit);
}

void run_roles(Context& ctx, const std::optional<std::string>& search, bool all)
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
  for_each_role_digest(cat, [&](const Role& role) {
    if (search && !role_matches(role, *search)) {
      return;
    }
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
  });
  if (search && s.table.rows.empty()) {
    s.paragraphs.push_back("No curated role's id, title or alias contains '" + *search + "'.");
    s.table.columns.clear();
  }
  if (search) {
    s.heading = "Curated roles";
  }
  doc.sections.push_back(std::move(s));
  nlohmann::json j = {{"schema", "careerplan/roles/v1"}, {"roles", roles}};
  const bool shown = !roles.empty();
  add_occupations(ctx, search, all, doc, j);
  if (shown) {
    doc.footnotes.insert(doc.footnotes.begin(), "NATIONAL MEDIANS and GROWTH give the lowest and highest figure the sources publish and (N) how "
                          "many there are; they are never averaged, and their bases differ (base pay, total compensation, "
                          "unspecified). 'careerplan show ROLE' lists each with its source.");
  }
  ctx.emit(doc, j);
}

} // namespace

void setup_roles(CLI::App& app, Context& ctx)
{
  auto* cmd = app.add_subcommand("roles", "List the roles in the catalog with their headline figures");
  struct Options
  {
    std::string search;
    bool onet = false;
  };
  auto o = std::make_shared<Options>();
  ctx.keep(o);
  cmd->add_option("-s,--search", o->search,
                  "Only the roles, and imported O*NET occupations, whose title, id, alias or alternate title contains TEXT")
      ->option_text("TEXT");
  cmd->add_flag("--onet", o->onet, "List every imported O*NET occupation after the curated roles");
  cmd->callback([&ctx, o, cmd] {
    run_roles(ctx, cmd->count("--search") > 0 ? std::optional<std::string>(o->search) : std::nullopt, o->onet);
  });
}

} // namespace careerplan
