#include "render/roles_view.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "core/text.hpp"
#include "render/format.hpp"
#include "render/json_shape.hpp"
#include "render/schema_ids.hpp"

namespace careerplan {

namespace {

// The lowest and highest figure; none when there is none.
std::pair<const HeadlineFigure*, const HeadlineFigure*> lo_hi(const std::vector<HeadlineFigure>& f)
{
  if (f.empty()) {
    return {nullptr, nullptr};
  }
  const auto [lo, hi] =
      std::minmax_element(f.begin(), f.end(), [](const auto& a, const auto& b) { return a.value < b.value; });
  return {&*lo, &*hi};
}

// "$108,020 (2023)–$112,590 (2024†) (2)": the lowest and highest figure, each shown by `show`, and
// how many there are.
template <class Show>
std::string range_text(const std::vector<HeadlineFigure>& figures, Show show)
{
  const auto [lo, hi] = lo_hi(figures);
  if (lo == nullptr) {
    return "—";
  }
  if (figures.size() == 1) {
    return show(*lo) + " (1)";
  }
  return fmt::format("{}–{} ({})", show(*lo), show(*hi), figures.size());
}

// A median with its year; † marks the anchor occupation's figure.
std::string median_text(const std::vector<HeadlineFigure>& figures)
{
  return range_text(figures, [](const HeadlineFigure& f) {
    return fmt::format("{} ({}{})", money(f.value, "USD"), f.year != 0 ? std::to_string(f.year) : "undated",
                       f.anchor.empty() ? "" : "†");
  });
}

std::string growth_text(const std::vector<HeadlineFigure>& figures)
{
  return range_text(figures, [](const HeadlineFigure& f) { return plain_number(f.value) + "%"; });
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

} // namespace

RolesView::RolesView(ViewFormat format, std::optional<std::string> search)
    : m_format(format), m_search(std::move(search)),
      m_json({{"schema", schema_id::roles}, {"roles", nlohmann::json::array()}})
{
  m_roles.table.columns = {"ID", "TITLE", "FAMILY", "US MEDIANS (N)", "GROWTH (N)", "PROFILE"};
  m_roles.table.droppable = {2, 1}; // FAMILY, then TITLE (the id names the role), on a narrow terminal
  m_roles.table.wrap = 3; // then the medians wrap (each with its year)
  m_doc.csv.columns = {"id", "title", "family", "aliases", "median_low", "median_low_year", "median_high",
                       "median_high_year", "median_figures", "anchor_medians", "growth_low", "growth_high",
                       "profile_parts", "profile_missing"};
}

void RolesView::add(const Role& role, const RoleSummary& sum)
{
  ++m_listed;
  std::vector<std::string> present;
  std::vector<std::string> missing;
  for (const auto& p : sum.parts) {
    (p.present ? present : missing).push_back(p.name);
  }
  const std::size_t anchors = static_cast<std::size_t>(std::count_if(
      sum.national_medians.begin(), sum.national_medians.end(), [](const auto& f) { return !f.anchor.empty(); }));
  m_anchored = m_anchored || anchors > 0;
  switch (m_format) {
  case ViewFormat::table:
    m_roles.table.rows.push_back({role.id, role.title, role.family, median_text(sum.national_medians),
                                  growth_text(sum.growth), fmt::format("{}/{}", present.size(), sum.parts.size())});
    break;
  case ViewFormat::csv: {
    auto num = [](const HeadlineFigure* f) { return f != nullptr ? plain_number(f->value) : std::string(); };
    auto year = [](const HeadlineFigure* f) {
      return f != nullptr && f->year != 0 ? std::to_string(f->year) : std::string();
    };
    const auto [mlo, mhi] = lo_hi(sum.national_medians);
    const auto [glo, ghi] = lo_hi(sum.growth);
    m_doc.csv.rows.push_back({role.id, role.title, role.family, join(role.aliases, " "), num(mlo), year(mlo), num(mhi),
                              year(mhi), std::to_string(sum.national_medians.size()), std::to_string(anchors), num(glo),
                              num(ghi), std::to_string(present.size()), join(missing, " ")});
    break;
  }
  case ViewFormat::json_document:
    m_json["roles"].push_back(
        {{"role", shape::role_ref(role.id, role.title)},
         {"family", role.family},
         {"aliases", role.aliases},
         {"national_medians", medians_json(sum.national_medians)},
         {"growth", growth_json(sum.growth)},
         {"completeness", {{"parts", sum.parts.size()}, {"present", present}, {"missing", missing}}}});
    break;
  }
}

void RolesView::add_occupations(const OnetRelease& release, const std::vector<OccupationHit>& hits)
{
  Section s;
  s.heading = fmt::format("O*NET occupations ({}) {}", hits.size(), cite(release.source_id()));
  s.table.columns = {"CODE", "TITLE", "ALIAS", "ZONE", "RATED", "MATCHED ALTERNATE TITLE"};
  s.table.droppable = {2, 5};
  s.table.wrap = 1;
  nlohmann::json arr = nlohmann::json::array();
  for (const auto& h : hits) {
    switch (m_format) {
    case ViewFormat::table:
      s.table.rows.push_back({h.code, h.title, h.slug, h.job_zone ? std::to_string(*h.job_zone) : "—",
                              h.rated ? "yes" : "no", h.matched});
      break;
    case ViewFormat::csv:
      m_doc.csv.rows.push_back({h.code, h.title, "O*NET occupation", h.slug, "", "", "", "", ""});
      break;
    case ViewFormat::json_document: {
      nlohmann::json o = {{"code", h.code}, {"title", h.title}, {"alias", h.slug}, {"rated", h.rated},
                          {"job_zone", h.job_zone ? nlohmann::json(*h.job_zone) : nlohmann::json()}};
      if (!h.matched.empty()) {
        o["matched_alternate_title"] = h.matched;
      }
      arr.push_back(std::move(o));
      break;
    }
    }
  }
  if (hits.empty()) {
    s.paragraphs.push_back("No occupation's title or alternate title contains '" + m_search.value_or("") + "'.");
    s.table.columns.clear();
  }
  m_occupations = std::move(s);
  m_json["occupations"] = std::move(arr);
  m_json["onet_source"] = release.source_id();
  m_occupation_notes.push_back(k_onet_credit);
}

void RolesView::mention_occupations(const OnetRelease& release)
{
  m_occupation_notes.push_back(fmt::format(
      "{} occupations of {} are imported too: 'careerplan roles --onet' lists them, "
      "'careerplan roles --search TEXT' finds them by title or alternate title.",
      thousands(static_cast<double>(release.occupations)), release.release));
}

Document RolesView::document()
{
  if (m_search && m_listed == 0) {
    m_roles.paragraphs.push_back("No curated role's id, title or alias contains '" + *m_search + "'.");
    m_roles.table.columns.clear();
  }
  if (m_search) {
    m_roles.heading = "Curated roles";
  }
  m_doc.sections.push_back(std::move(m_roles));
  if (m_occupations) {
    m_doc.sections.push_back(std::move(*m_occupations));
  }
  if (m_listed != 0) {
    m_doc.footnotes.push_back(
        "US MEDIANS (national) and GROWTH give the lowest and highest figure the sources publish (a median with its "
        "reference year) and (N) how many there are; they are never averaged, and their bases differ (base pay, total "
        "compensation, unspecified). 'careerplan show ROLE' lists each with its source.");
    if (m_anchored) {
      m_doc.footnotes.push_back(
          "† the median of the role's anchor occupation (BLS OEWS), in which careerplan counts the role by "
          "assumption; not a median of the role itself.");
    }
    m_doc.footnotes.push_back(
        "PROFILE counts the parts of the profile present, of: skills, ladder, salary, outlook, education, "
        "routes, certifications, tools, projects ('careerplan roles --format json' names the missing ones).");
  }
  m_doc.footnotes.insert(m_doc.footnotes.end(), m_occupation_notes.begin(), m_occupation_notes.end());
  return std::move(m_doc);
}

nlohmann::json RolesView::json()
{
  return std::move(m_json);
}

} // namespace careerplan
