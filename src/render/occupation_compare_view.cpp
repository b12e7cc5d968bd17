// `compare OCC OCC...`: O*NET's own figures for each occupation, side by side.
#include <algorithm>

#include <nlohmann/json.hpp>
#include <map>

#include <fmt/format.h>

#include "core/text.hpp"
#include "render/format.hpp"
#include "render/schema_ids.hpp"
#include "render/import_view.hpp"
#include "render/occupation_view.hpp"

namespace careerplan {

namespace {

// "IM / LV" for one element of one occupation; "—" when O*NET has no row.
std::string im_lv(const std::vector<OnetRating>& ratings, const std::string& element)
{
  const auto it = std::find_if(ratings.begin(), ratings.end(), [&](const OnetRating& r) { return r.element == element; });
  if (it == ratings.end()) {
    return "—";
  }
  auto v = [](const std::optional<OnetScore>& s) { return s ? fmt::format("{:.2f}", s->value) : std::string("—"); };
  const bool low = (it->importance && it->importance->suppress) || (it->level && it->level->suppress);
  return v(it->importance) + " / " + v(it->level) + (low ? " *" : "");
}

Section side_by_side(const std::string& heading, const std::vector<Occupation>& occs,
                     std::vector<OnetRating> Occupation::*list)
{
  // Elements in order of their highest importance in any of the occupations.
  std::map<std::string, std::pair<double, std::string>> elements;
  for (const auto& o : occs) {
    for (const auto& r : o.*list) {
      auto& [im, name] = elements[r.element];
      im = std::max(im, r.importance ? r.importance->value : 0.0);
      name = r.name;
    }
  }
  std::vector<std::pair<std::string, std::pair<double, std::string>>> order(elements.begin(), elements.end());
  std::stable_sort(order.begin(), order.end(), [](const auto& a, const auto& b) { return a.second.first > b.second.first; });
  Section s;
  s.heading = heading;
  s.table.columns = {"ELEMENT"};
  s.table.align = {Align::left};
  for (const auto& o : occs) {
    s.table.columns.push_back(o.code);
    s.table.align.push_back(Align::right);
  }
  for (const auto& [element, im_name] : order) {
    std::vector<std::string> row = {im_name.second};
    for (const auto& o : occs) {
      row.push_back(im_lv(o.*list, element));
    }
    s.table.rows.push_back(std::move(row));
  }
  if (s.table.rows.empty()) {
    s.table.columns.clear();
    s.paragraphs.push_back("None of these occupations is rated in this release.");
  }
  return s;
}

std::string modal_education(const Occupation& o)
{
  const auto it = std::max_element(o.education.begin(), o.education.end(),
                                   [](const OnetShare& a, const OnetShare& b) { return a.percent < b.percent; });
  if (it == o.education.end()) {
    return "—";
  }
  const std::string d = it->description.substr(0, it->description.find(" - "));
  return fmt::format("{} ({:.1f}%)", d, it->percent);
}

} // namespace

Document compare_occupations_document(const std::vector<Occupation>& occs, const OnetRelease& release)
{
  const std::string src = cite(release.source_id());
  Document doc;
  std::vector<std::string> names;
  for (const auto& o : occs) {
    names.push_back(o.title + " (" + o.code + ")");
  }
  doc.title = join(names, " vs ");

  Section overview;
  overview.heading = "Occupations " + src;
  overview.table.columns = {"", "TITLE", "JOB ZONE", "MOST COMMON REQUIRED EDUCATION", "RATED"};
  overview.table.wrap = 3;
  for (const auto& o : occs) {
    overview.table.rows.push_back({o.code, o.title, o.job_zone ? std::to_string(o.job_zone->zone) : "—", modal_education(o),
                                   o.skills.empty() && o.knowledge.empty() ? "no" : "yes"});
  }
  doc.sections.push_back(std::move(overview));
  doc.sections.push_back(side_by_side("Skills: importance / level (IM 1–5 / LV 0–7) " + src, occs, &Occupation::skills));
  doc.sections.push_back(side_by_side("Knowledge: importance / level " + src, occs, &Occupation::knowledge));
  doc.footnotes.push_back("Figures as O*NET publishes them; * marks a figure O*NET recommends suppressing (low precision); "
                          "— where O*NET has no rating. 'careerplan show CODE' gives N, standard errors and anchors.");
  doc.footnotes.push_back(k_onet_credit);

  doc.csv.columns = {"code", "title", "domain", "element", "name", "importance", "level"};
  for (const auto& o : occs) {
    for (const auto* list : {&o.skills, &o.knowledge}) {
      for (const auto& r : *list) {
        doc.csv.rows.push_back({o.code, o.title, r.domain, r.element, r.name,
                                r.importance ? fmt::format("{:.2f}", r.importance->value) : "",
                                r.level ? fmt::format("{:.2f}", r.level->value) : ""});
      }
    }
  }
  return doc;
}

nlohmann::json compare_occupations_json(const std::vector<Occupation>& occs, const OnetRelease& release,
                                        const std::vector<std::vector<AnchoredRole>>& roles)
{
  nlohmann::json arr = nlohmann::json::array();
  for (std::size_t i = 0; i < occs.size(); ++i) {
    arr.push_back(occupation_object(occs[i], roles[i]));
  }
  return {{"schema", schema_id::compare_occupations}, {"source", onet_source_json(release)}, {"occupations", arr}};
}

} // namespace careerplan
