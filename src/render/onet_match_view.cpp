#include "render/onet_match_view.hpp"

#include <nlohmann/json.hpp>

#include <fmt/format.h>

#include "core/onet.hpp"
#include "core/text.hpp"
#include "render/format.hpp"
#include "render/import_view.hpp"
#include "render/json_shape.hpp"
#include "render/schema_ids.hpp"

namespace careerplan {

namespace {

std::string pct(double v)
{
  return fmt::format("{:.1f}%", v);
}

nlohmann::json element_json(const OnetElementScore& e)
{
  nlohmann::json j = {{"element", e.element}, {"name", e.name},  {"domain", e.domain},     {"importance", e.importance},
                      {"weight", e.weight},   {"required", e.level}, {"counted", e.counted},
                      {"rating", e.rating ? nlohmann::json(*e.rating) : nlohmann::json()},
                      {"gap", e.gap},         {"priority", e.priority}};
  j["level_standard_error"] = e.level_se ? nlohmann::json(*e.level_se) : nlohmann::json();
  if (!e.counted) {
    j["left_out"] = e.why;
  }
  if (e.anchor) {
    j["anchor"] = {{"value", e.anchor->value}, {"text", e.anchor->text}};
  }
  return j;
}

nlohmann::json readiness_json(const OnetReadiness& r)
{
  return {{"code", r.code},
          {"title", r.title},
          {"job_zone", r.job_zone ? nlohmann::json(*r.job_zone) : nlohmann::json()},
          {"readiness", r.readiness ? nlohmann::json(*r.readiness) : nlohmann::json()},
          {"readiness_se", r.se},
          {"counted_rated", r.counted_rated},
          {"counted_unrated", r.counted_unrated},
          {"weight_rated", r.weight_rated},
          {"weight_unrated", r.weight_unrated}};
}

// An occupation of the ranking (match v2: the occupation under "occupation", percentages with one decimal).
nlohmann::json match_item_json(const OnetMatchEntry& e, std::size_t rank, std::optional<double> years,
                               const std::string& education)
{
  const auto& r = e.result;
  nlohmann::json o = {{"rank", rank},
                      {"occupation", shape::occupation_ref(r.code, r.title)},
                      {"job_zone", r.job_zone ? nlohmann::json(*r.job_zone) : nlohmann::json()},
                      {"readiness", r.readiness ? nlohmann::json(shape::percent(*r.readiness)) : nlohmann::json()},
                      {"readiness_se", shape::percent(r.se)},
                      {"too_close_to_previous", e.too_close_to_previous},
                      {"counted_rated", r.counted_rated},
                      {"counted_unrated", r.counted_unrated},
                      {"weight_rated", r.weight_rated},
                      {"weight_unrated", r.weight_unrated}};
  nlohmann::json exp;
  if (e.experience) {
    const auto& t = *e.experience;
    exp = {{"category", t.category},
           {"description", t.description},
           {"percent", shape::percent(t.percent)},
           {"min_years", t.min_years},
           {"max_years", t.max_years ? nlohmann::json(*t.max_years) : nlohmann::json()},
           {"years", years ? nlohmann::json(*years) : nlohmann::json()},
           {"fit", years ? nlohmann::json(experience_fit(*years, t)) : nlohmann::json()}};
  }
  o["experience"] = exp;
  nlohmann::json edu;
  if (e.education) {
    const int yours = education_category(education);
    edu = {{"category", e.education->category},
           {"description", e.education->description},
           {"percent", shape::percent(e.education->percent)},
           {"yours", education.empty() ? nlohmann::json() : nlohmann::json(education)},
           {"fit", yours > 0 ? nlohmann::json(education_fit(yours, *e.education)) : nlohmann::json()}};
  }
  o["education"] = edu;
  nlohmann::json wage;
  if (e.median) {
    wage = {{"median", shape::amount(e.median->value, "USD", "year")},
            {"period", e.median->period},
            {"top_coded", e.median->top_coded},
            {"derived_from_hourly", e.median->derived}};
  }
  o["wage"] = wage;
  return o;
}

std::string experience_cell(const OnetMatchEntry& e, std::optional<double> years)
{
  if (!e.experience) {
    return "—";
  }
  const std::string range = years_range_text(*e.experience);
  return years ? range + ", " + experience_fit(*years, *e.experience) : range;
}

std::string wage_cell(const OnetMatchEntry& e)
{
  if (!e.median || !e.median->value) {
    return "—";
  }
  return (e.median->top_coded ? "≥ " : "") + money(*e.median->value, "USD");
}

} // namespace

void add_onet_match(Document& doc, nlohmann::json& j, const std::vector<OnetMatchEntry>& entries, std::size_t shown,
                    bool limit_json, const OnetRelease& release, std::optional<double> years,
                    const std::string& education, bool want_json, bool want_csv)
{
  std::size_t edu_compared = 0, edu_below = 0;
  Section s;
  s.heading = fmt::format("O*NET occupations ranked by your readiness on O*NET's skills and knowledge {}",
                          cite(release.source_id()));
  s.table.columns = {"#", "CODE", "TITLE", "ZONE", "EXPERIENCE", "MEDIAN", "READINESS", "± SE", "TOP GAPS (YOU→REQUIRED)"};
  s.table.align = {Align::right, Align::left, Align::left,  Align::right, Align::left,
                   Align::right, Align::right, Align::right, Align::left};
  s.table.droppable = {7, 3, 4};
  s.table.wrap = 8;
  s.table.wrap_also = {2}; // long titles wrap too, so that 80 columns show a table, not a block per row
  s.paragraphs.push_back(
      years ? fmt::format("You have {} y of experience (the assessment's years_experience). EXPERIENCE is the "
                          "occupation's typical related work experience (O*NET's most frequent answer) and where your "
                          "years fall: below, within or above it (careerplan's comparison).",
                          plain_number(*years))
            : std::string("EXPERIENCE is the occupation's typical related work experience (O*NET's most frequent "
                          "answer); the assessment gives no years_experience to compare with."));
  s.paragraphs.push_back("MEDIAN is BLS OEWS's national median annual wage for the occupation's SOC code, where "
                         "imported ('careerplan import oews'); — where not known.");
  nlohmann::json arr = nlohmann::json::array();
  std::size_t rank = 0, not_comparable = 0;
  for (const auto& e : entries) {
    const auto& r = e.result;
    if (!r.readiness) {
      ++not_comparable;
      continue;
    }
    ++rank;
    const bool listed = !limit_json || rank <= shown; // in JSON and CSV
    std::vector<std::string> gaps; // text for the table's rows and CSV's only
    nlohmann::json gaps_json = nlohmann::json::array();
    for (const auto& g : r.elements) {
      if (rank <= shown || (listed && want_csv)) {
        gaps.push_back(fmt::format("{} ({}→{:.2f})", g.name, g.rating.value_or(0), g.level));
      }
      if (listed && want_json) {
        gaps_json.push_back(element_json(g));
      }
    }
    if (rank <= shown) {
      s.table.rows.push_back({std::to_string(rank), r.code, r.title, r.job_zone ? std::to_string(*r.job_zone) : "—",
                              experience_cell(e, years), wage_cell(e), pct(*r.readiness), fmt::format("{:.1f}", r.se),
                              (e.too_close_to_previous ? "too close to call with #" + std::to_string(rank - 1) + "; " : "") +
                                  (gaps.empty() ? std::string("none") : join(gaps, ", "))});
    }
    if (listed) {
      if (e.education && education_category(education) > 0) {
        ++edu_compared;
        edu_below += education_fit(education_category(education), *e.education) == "below" ? 1 : 0;
      }
      if (want_json) {
        nlohmann::json o = match_item_json(e, rank, years, education);
        o["top_gaps"] = gaps_json;
        arr.push_back(std::move(o));
      }
      if (want_csv) {
        doc.csv.rows.push_back({std::to_string(rank), r.code, "", fmt::format("{}", *r.readiness), "false", join(gaps, "; ")});
      }
    }
  }
  if (rank > shown) {
    s.paragraphs.push_back(fmt::format("{} more; --top N shows more, --json lists them all.", rank - shown));
  }
  if (edu_compared > 0) {
    s.paragraphs.push_back(fmt::format("Your education ({}) is below the typical level (O*NET's Required Level of "
                                       "Education, most frequent answer) of {} of the {} occupation(s) listed; "
                                       "--json gives each (careerplan's comparison).",
                                       education, edu_below, edu_compared));
  }
  if (not_comparable > 0) {
    s.paragraphs.push_back(fmt::format("{} occupation(s) left out: none of their counted skills is rated in your assessment.",
                                       not_comparable));
  }
  doc.sections.push_back(std::move(s));
  j["occupations"] = arr;
  j["onet_source"] = release.source_id();
  doc.footnotes.push_back(
      "O*NET readiness is careerplan's formula, not O*NET's: weight IM−1 per element, coverage min(you, LV)/LV, over the "
      "elements you rated; ± SE from O*NET's standard errors; 'too close to call' when two neighbours differ by less than "
      "1.96 × their combined SE (man careerplan, FORMULAS).");
  doc.footnotes.push_back(k_onet_credit);
}

Document onet_gap_document(const OnetReadiness& r, const OnetRelease& release, const std::string& assessment)
{
  const std::string src = cite(release.source_id());
  Document doc;
  doc.title = fmt::format("{} ({}): gap on O*NET's skills and knowledge", r.title, r.code);
  Section about;
  about.fields.emplace_back("assessment", assessment);
  about.fields.emplace_back("readiness", r.readiness ? fmt::format("{} ± {:.1f} (weighted coverage of O*NET's required "
                                                                   "levels, over the {} element(s) you rated)",
                                                                   pct(*r.readiness), r.se, r.counted_rated)
                                                     : std::string("— (you rated none of the elements that count)"));
  if (r.counted_unrated > 0) {
    about.fields.emplace_back("unrated", fmt::format("{} element(s) that count are not rated in your assessment and are "
                                                     "left out; 'careerplan assess --set ID=N' rates them",
                                                     r.counted_unrated));
  }
  doc.sections.push_back(std::move(about));
  Section s;
  s.heading = "What to raise first, on O*NET's level scale (0–7) " + src;
  s.table.columns = {"#", "ELEMENT", "ID", "REQUIRED", "YOU", "GAP", "PRIORITY", "O*NET'S ANCHOR NEAR THE REQUIRED LEVEL"};
  s.table.align = {Align::right, Align::left, Align::left, Align::right, Align::right, Align::right, Align::right, Align::left};
  s.table.droppable = {2};
  s.table.wrap = 7;
  doc.csv.columns = {"element", "name", "domain", "importance", "weight", "required", "rating", "gap", "priority", "counted"};
  int n = 0;
  std::vector<std::string> left_out;
  for (const auto& e : r.elements) {
    doc.csv.rows.push_back({e.element, e.name, e.domain, fmt::format("{}", e.importance), fmt::format("{}", e.weight),
                            fmt::format("{}", e.level), e.rating ? std::to_string(*e.rating) : "", fmt::format("{}", e.gap),
                            fmt::format("{}", e.priority), e.counted ? "true" : "false"});
    if (!e.counted) {
      left_out.push_back(e.name + ": " + e.why);
      continue;
    }
    s.table.rows.push_back({std::to_string(++n), e.name, e.element, fmt::format("{:.2f}", e.level),
                            e.rating ? std::to_string(*e.rating) : "unrated", e.rating ? fmt::format("{:.2f}", e.gap) : "—",
                            e.rating ? fmt::format("{:.2f}", e.priority) : "—",
                            e.anchor ? fmt::format("{}: {}", plain_number(e.anchor->value), e.anchor->text) : ""});
  }
  doc.sections.push_back(std::move(s));
  if (!left_out.empty()) {
    Section l;
    l.heading = "Left out of the readiness";
    l.bullets = std::move(left_out);
    doc.sections.push_back(std::move(l));
  }
  doc.footnotes.push_back("PRIORITY = (IM − 1) × GAP; readiness and priority are careerplan's formulas on O*NET's figures "
                          "(man careerplan, FORMULAS).");
  doc.footnotes.push_back(k_onet_credit);
  return doc;
}

nlohmann::json onet_gap_json(const OnetReadiness& r, const OnetRelease& release, const std::string& assessment)
{
  nlohmann::json j = readiness_json(r);
  nlohmann::json els = nlohmann::json::array();
  for (const auto& e : r.elements) {
    els.push_back(element_json(e));
  }
  j["elements"] = els;
  return {{"schema", schema_id::onet_gap}, {"assessment", assessment}, {"source", onet_source_json(release)},
          {"occupation", j}};
}

namespace {

std::vector<const OnetTechnology*> to_learn(const Occupation& occ)
{
  std::vector<const OnetTechnology*> out;
  for (const auto& t : occ.technology) {
    if (t.in_demand.value_or(false) || t.hot.value_or(false)) {
      out.push_back(&t);
    }
  }
  return out;
}

} // namespace

Document onet_plan_document(const OnetReadiness& r, const Occupation& occ, const OnetRelease& release,
                            const std::string& assessment)
{
  const std::string src = cite(release.source_id());
  Document doc;
  doc.title = fmt::format("{} ({}): learning plan on O*NET's skills and knowledge", r.title, r.code);
  Section about;
  about.fields.emplace_back("assessment", assessment);
  about.fields.emplace_back("readiness", r.readiness ? fmt::format("{} ± {:.1f}", pct(*r.readiness), r.se) : "—");
  if (occ.job_zone) {
    about.fields.emplace_back("job zone", fmt::format("{}{} {}", occ.job_zone->zone,
                                                      occ.job_zone->name.empty() ? "" : " — " + occ.job_zone->name, src));
  }
  doc.sections.push_back(std::move(about));
  Section steps;
  steps.heading = "Raise, in this order (priority = (IM − 1) × gap) " + src;
  Section rate;
  rate.heading = "Rate these first: they count, and your assessment does not rate them";
  doc.csv.columns = {"step", "element", "name", "rating", "required", "gap", "priority", "anchor"};
  int n = 0;
  for (const auto& e : r.elements) {
    if (!e.counted) {
      continue;
    }
    if (!e.rating) {
      rate.bullets.push_back(fmt::format("{} ({}): O*NET requires {:.2f}; 'careerplan assess --set {}=N'", e.name, e.element,
                                         e.level, e.element));
      continue;
    }
    if (e.gap <= 0) {
      continue;
    }
    const std::string anchor = e.anchor ? fmt::format(" — at {}, O*NET's example: {}", plain_number(e.anchor->value), e.anchor->text) : "";
    steps.bullets.push_back(fmt::format("{}. {}: from {} to {:.2f} (priority {:.2f}){}", ++n, e.name, *e.rating, e.level,
                                        e.priority, anchor));
    doc.csv.rows.push_back({std::to_string(n), e.element, e.name, std::to_string(*e.rating), fmt::format("{}", e.level),
                            fmt::format("{}", e.gap), fmt::format("{}", e.priority), e.anchor ? e.anchor->text : ""});
  }
  if (steps.bullets.empty()) {
    steps.paragraphs.push_back("No gap on the elements you rated.");
  }
  doc.sections.push_back(std::move(steps));
  if (!rate.bullets.empty()) {
    doc.sections.push_back(std::move(rate));
  }
  Section tech;
  tech.heading = "Technologies to learn: in demand or hot for this occupation " + src;
  for (const auto* t : to_learn(occ)) {
    std::vector<std::string> tags;
    if (t->in_demand.value_or(false)) {
      tags.emplace_back("in demand");
    }
    if (t->hot.value_or(false)) {
      tags.emplace_back("hot");
    }
    tech.bullets.push_back(fmt::format("{} ({}; {})", t->example, t->commodity, join(tags, ", ")));
  }
  if (tech.bullets.empty()) {
    tech.paragraphs.push_back(fmt::format("{} marks none of this occupation's technologies as in demand or hot.",
                                          release.source_id()));
  }
  doc.sections.push_back(std::move(tech));
  doc.footnotes.push_back(k_onet_credit);
  return doc;
}

nlohmann::json onet_plan_json(const OnetReadiness& r, const Occupation& occ, const OnetRelease& release,
                              const std::string& assessment)
{
  nlohmann::json steps = nlohmann::json::array();
  nlohmann::json unrated = nlohmann::json::array();
  for (const auto& e : r.elements) {
    if (e.counted && !e.rating) {
      unrated.push_back(element_json(e));
    } else if (e.counted && e.gap > 0) {
      steps.push_back(element_json(e));
    }
  }
  nlohmann::json tech = nlohmann::json::array();
  for (const auto* t : to_learn(occ)) {
    tech.push_back({{"example", t->example}, {"commodity", t->commodity},
                    {"hot", t->hot ? nlohmann::json(*t->hot) : nlohmann::json()},
                    {"in_demand", t->in_demand ? nlohmann::json(*t->in_demand) : nlohmann::json()}});
  }
  nlohmann::json o = readiness_json(r);
  o["steps"] = steps;
  o["unrated"] = unrated;
  o["technologies"] = tech;
  return {{"schema", schema_id::onet_plan}, {"assessment", assessment}, {"source", onet_source_json(release)},
          {"occupation", o}};
}

} // namespace careerplan
