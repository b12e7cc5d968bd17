// careerplan roles: the roles in the catalog with their headline figures.
#include <algorithm>

#include <CLI/CLI.hpp>

#include <nlohmann/json.hpp>
#include <memory>

#include <fmt/format.h>

#include "cli/context.hpp"
#include "core/onet.hpp"
#include "core/role_digest.hpp"
#include "core/summary.hpp"
#include "core/text.hpp"
#include "render/format.hpp"
#include "render/json_shape.hpp"

namespace careerplan {

namespace {

// "$108,020 (2023)–$112,590 (2024†) (2)": the lowest and highest figure, each with its year;
// † marks the anchor occupation's figure.
std::string median_text(const std::vector<HeadlineFigure>& figures)
{
  if (figures.empty()) {
    return "—";
  }
  auto [lo, hi] = std::minmax_element(figures.begin(), figures.end(),
                                      [](const auto& a, const auto& b) { return a.value < b.value; });
  auto show = [](const HeadlineFigure& f) {
    return fmt::format("{} ({}{})", money(f.value, "USD"), f.year != 0 ? std::to_string(f.year) : "undated",
                       f.anchor.empty() ? "" : "†");
  };
  if (figures.size() == 1) {
    return show(*lo) + " (1)";
  }
  return show(*lo) + "–" + show(*hi) + " (" + std::to_string(figures.size()) + ")";
}

std::string growth_text(const std::vector<HeadlineFigure>& figures)
{
  if (figures.empty()) {
    return "—";
  }
  auto [lo, hi] = std::minmax_element(figures.begin(), figures.end(),
                                      [](const auto& a, const auto& b) { return a.value < b.value; });
  auto show = [](const HeadlineFigure& f) { return plain_number(f.value) + "%"; };
  if (figures.size() == 1) {
    return show(*lo) + " (1)";
  }
  return show(*lo) + "–" + show(*hi) + " (" + std::to_string(figures.size()) + ")";
}

nlohmann::json medians_json(const std::vector<HeadlineFigure>& figures)
{
  nlohmann::json arr = nlohmann::json::array();
  for (const auto& f : figures) {
    arr.push_back({{"median", shape::amount(f.value, f.unit, "year")},
                   {"year", f.year != 0 ? nlohmann::json(f.year) : nlohmann::json()},
                   {"basis", f.basis},
                   {"anchor_occupation", f.anchor.empty() ? nlohmann::json() : nlohmann::json(f.anchor)},
                   {"figure", f.figure},
                   {"source", f.source}});
  }
  return arr;
}

nlohmann::json growth_json(const std::vector<HeadlineFigure>& figures)
{
  nlohmann::json arr = nlohmann::json::array();
  for (const auto& f : figures) {
    arr.push_back({{"value", shape::percent(f.value)},
                   {"unit", f.unit},
                   {"period", f.period},
                   {"figure", f.figure},
                   {"source", f.source}});
  }
  return arr;
}

std::pair<std::vector<std::string>, std::vector<std::string>> split_parts(const std::vector<ProfilePart>& parts)
{
  std::vector<std::string> present;
  std::vector<std::string> missing;
  for (const auto& p : parts) {
    (p.present ? present : missing).push_back(p.name);
  }
  return {present, missing};
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
  s.table.columns = {"ID", "TITLE", "FAMILY", "US MEDIANS (N)", "GROWTH (N)", "PROFILE"};
  s.table.droppable = {2, 1}; // FAMILY, then TITLE (the id names the role), on a narrow terminal
  s.table.wrap = 3; // then the medians wrap (each with its year)
  doc.csv.columns = {"id", "title", "family", "aliases", "median_low", "median_low_year", "median_high",
                     "median_high_year", "median_figures", "anchor_medians", "growth_low", "growth_high",
                     "profile_parts", "profile_missing"};
  nlohmann::json roles = nlohmann::json::array();
  bool anchored = false;
  std::size_t listed = 0;
  // Only the format asked for is built (ten thousand roles in three formats at once would hold
  // every one three times).
  const std::string format = ctx.format();
  const bool want_json = format == "json", want_csv = format == "csv", want_table = !want_json && !want_csv;
  for_each_role_digest(cat, [&](const Role& role) {
    if (search && !role_matches(role, *search)) {
      return;
    }
    ++listed;
    const RoleSummary sum = summarize(role);
    const auto [present, missing] = split_parts(sum.parts);
    const std::string profile = fmt::format("{}/{}", present.size(), sum.parts.size());
    if (want_table) {
      s.table.rows.push_back({role.id, role.title, role.family, median_text(sum.national_medians),
                              growth_text(sum.growth), profile});
    }
    std::size_t anchors = 0;
    for (const auto& f : sum.national_medians) {
      anchors += f.anchor.empty() ? 0 : 1;
    }
    anchored = anchored || anchors > 0;
    auto lo_hi = [](const std::vector<HeadlineFigure>& f) -> std::pair<const HeadlineFigure*, const HeadlineFigure*> {
      if (f.empty()) {
        return {nullptr, nullptr};
      }
      auto [lo, hi] = std::minmax_element(f.begin(), f.end(), [](const auto& a, const auto& b) { return a.value < b.value; });
      return {&*lo, &*hi};
    };
    auto num = [](const HeadlineFigure* f) { return f != nullptr ? plain_number(f->value) : std::string(); };
    auto year = [](const HeadlineFigure* f) {
      return f != nullptr && f->year != 0 ? std::to_string(f->year) : std::string();
    };
    const auto [mlo, mhi] = lo_hi(sum.national_medians);
    const auto [glo, ghi] = lo_hi(sum.growth);
    if (want_csv) {
      doc.csv.rows.push_back({role.id, role.title, role.family, join(role.aliases, " "), num(mlo), year(mlo), num(mhi),
                              year(mhi), std::to_string(sum.national_medians.size()), std::to_string(anchors), num(glo),
                              num(ghi), std::to_string(present.size()), join(missing, " ")});
    }
    if (!want_json) {
      return;
    }
    roles.push_back({{"role", shape::role_ref(role.id, role.title)},
                     {"family", role.family},
                     {"aliases", role.aliases},
                     {"national_medians", medians_json(sum.national_medians)},
                     {"growth", growth_json(sum.growth)},
                     {"completeness", {{"parts", sum.parts.size()}, {"present", present}, {"missing", missing}}}});
  });
  if (search && listed == 0) {
    s.paragraphs.push_back("No curated role's id, title or alias contains '" + *search + "'.");
    s.table.columns.clear();
  }
  if (search) {
    s.heading = "Curated roles";
  }
  doc.sections.push_back(std::move(s));
  nlohmann::json j = {{"schema", "careerplan/roles/v2"}, {"roles", roles}};
  const bool shown = listed != 0;
  add_occupations(ctx, search, all, doc, j);
  if (shown) {
    std::vector<std::string> notes = {
        "US MEDIANS (national) and GROWTH give the lowest and highest figure the sources publish (a median with its "
        "reference year) and (N) how many there are; they are never averaged, and their bases differ (base pay, total "
        "compensation, unspecified). 'careerplan show ROLE' lists each with its source."};
    if (anchored) {
      notes.push_back("† the median of the role's anchor occupation (BLS OEWS), in which careerplan counts the role by "
                      "assumption; not a median of the role itself.");
    }
    notes.push_back("PROFILE counts the parts of the profile present, of: skills, ladder, salary, outlook, education, "
                    "routes, certifications, tools, projects ('careerplan roles --format json' names the missing ones).");
    doc.footnotes.insert(doc.footnotes.begin(), notes.begin(), notes.end());
  }
  ctx.emit({[&] { return std::move(doc); }, [&] { return std::move(j); }});
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
