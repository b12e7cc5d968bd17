#include "render/onet_routes_view.hpp"

#include <nlohmann/json.hpp>

#include <fmt/format.h>

#include "core/text.hpp"
#include "render/format.hpp"
#include "render/import_view.hpp"
#include "render/json_shape.hpp"
#include "render/schema_ids.hpp"

namespace careerplan {

namespace {

std::string step_text(std::optional<int> step)
{
  if (!step) {
    return "—";
  }
  return *step > 0 ? fmt::format("+{}", *step) : std::to_string(*step);
}

std::string why_text(const OnetRoute& r)
{
  if (r.is_from) {
    return "your current occupation";
  }
  return r.readiness ? fmt::format("your readiness {:.1f}% ± {:.1f}", *r.readiness, r.readiness_se.value_or(0)) : "";
}

nlohmann::json opt(std::optional<int> v)
{
  return v ? nlohmann::json(*v) : nlohmann::json();
}

} // namespace

Document onet_routes_document(const OnetRoutesResult& r, const OnetRelease& release)
{
  const std::string src = cite(release.source_id());
  Document doc;
  doc.title = fmt::format("Ways into {} ({})", r.title, r.code);
  Section about;
  if (r.job_zone) {
    about.fields.emplace_back("job zone", fmt::format("{}{} {}", *r.job_zone, r.job_zone_name.empty() ? "" : " — " + r.job_zone_name, src));
  }
  if (!r.from_code.empty()) {
    std::string from = fmt::format("{} ({}){}", r.from_title, r.from_code, r.from_role.empty() ? "" : ", the anchor occupation of " + r.from_role);
    about.fields.emplace_back("from", from + " — " + r.from_basis);
    if (r.zone_step) {
      about.fields.emplace_back(
          "job-zone step",
          *r.zone_step == 0 ? fmt::format("none: both are in job zone {}", *r.job_zone)
          : *r.zone_step > 0 ? fmt::format("up {} (zone {} to {}): more preparation is typical", *r.zone_step, *r.from_zone, *r.job_zone)
                             : fmt::format("down {} (zone {} to {})", -*r.zone_step, *r.from_zone, *r.job_zone));
    }
    about.fields.emplace_back("related", r.from_related ? "O*NET relates your occupation to this one"
                                                        : "O*NET does not relate your occupation to this one");
  } else {
    about.fields.emplace_back("from", "unknown: give --from OCC_OR_ROLE, or a current_role in the assessment, to rank "
                                      "your own occupation first and show the job-zone step");
  }
  if (r.experience) {
    std::string exp = fmt::format("{} ({:.0f}% of respondents) {}", r.experience->description, r.experience->percent, src);
    if (r.years) {
      exp += fmt::format("; you have {} y: {}", plain_number(*r.years), experience_fit(*r.years, *r.experience));
    }
    about.fields.emplace_back("typical experience", exp);
  }
  doc.sections.push_back(std::move(about));

  Section s;
  s.heading = "Related occupations as ways in " + src;
  s.table.columns = {"#", "CODE", "TITLE", "TIER", "INDEX", "ZONE", "STEP", "WHY FIRST"};
  s.table.align = {Align::right, Align::left, Align::left, Align::left, Align::right, Align::right, Align::right, Align::left};
  s.table.droppable = {4, 5};
  s.table.wrap = 7;
  doc.csv.columns = {"rank", "code", "title", "tier", "index", "job_zone", "zone_step", "readiness", "readiness_se", "why"};
  int n = 0;
  for (const auto& x : r.routes) {
    ++n;
    s.table.rows.push_back({std::to_string(n), x.related.code, x.related.title.empty() ? "—" : x.related.title, x.related.tier,
                            std::to_string(x.related.index), x.job_zone ? std::to_string(*x.job_zone) : "—",
                            step_text(x.zone_step), why_text(x)});
    doc.csv.rows.push_back({std::to_string(n), x.related.code, x.related.title, x.related.tier, std::to_string(x.related.index),
                            x.job_zone ? std::to_string(*x.job_zone) : "", x.zone_step ? std::to_string(*x.zone_step) : "",
                            x.readiness ? fmt::format("{:.1f}", *x.readiness) : "",
                            x.readiness_se ? fmt::format("{:.1f}", *x.readiness_se) : "", x.why});
  }
  if (r.routes.empty()) {
    s.paragraphs.push_back(fmt::format("{} lists no related occupations for {}.", release.source_id(), r.code));
  }
  s.paragraphs.push_back(
      r.rated ? "Ranked (careerplan's order): your current occupation first, then by your readiness on O*NET's skills "
                "(careerplan match's formula), then O*NET's tier and index. STEP is this occupation's job zone minus "
                "the related one's."
              : "In O*NET's order: tier (Primary-Short, Primary-Long, Supplemental), then index; your current occupation "
                "first. Rate O*NET's skills ('careerplan assess --set ID=N') to rank by readiness. STEP is this "
                "occupation's job zone minus the related one's.");
  doc.sections.push_back(std::move(s));

  Section edu;
  edu.heading = "Education typically required (O*NET's Required Level of Education, share of respondents) " + src;
  for (const auto& e : r.education) {
    if (e.percent >= 5) {
      edu.bullets.push_back(fmt::format("{:.0f}%: {}", e.percent, e.description.empty() ? "category " + std::to_string(e.category) : e.description));
    }
  }
  if (r.education.empty()) {
    edu.paragraphs.push_back("Not in the imported release (O*NET's Education, Training, and Experience file).");
  } else {
    edu.paragraphs.push_back(fmt::format("Categories of 5% or more{}.", r.education_n ? fmt::format(", of {} respondents", *r.education_n) : ""));
  }
  doc.sections.push_back(std::move(edu));
  if (!r.from_role.empty() && r.from_basis.empty()) { // a role named to start from, with no occupation of its own
    add_bullets(doc, "Warnings",
                {fmt::format("{} has no anchor O*NET occupation that is imported, so there is no occupation to start "
                             "from",
                             r.from_role)});
  }
  doc.footnotes.push_back(k_onet_credit);
  return doc;
}

nlohmann::json onet_routes_json(const OnetRoutesResult& r, const OnetRelease& release, const std::string& assessment)
{
  nlohmann::json routes = nlohmann::json::array();
  int n = 0;
  for (const auto& x : r.routes) {
    routes.push_back({{"rank", ++n},
                      {"occupation", shape::occupation_ref(x.related.code, x.related.title)},
                      {"tier", x.related.tier},
                      {"index", x.related.index},
                      {"job_zone", opt(x.job_zone)},
                      {"zone_step", opt(x.zone_step)},
                      {"readiness", x.readiness ? nlohmann::json(shape::percent(*x.readiness)) : nlohmann::json()},
                      {"readiness_se", x.readiness_se ? nlohmann::json(shape::percent(*x.readiness_se)) : nlohmann::json()},
                      {"is_from", x.is_from},
                      {"why", x.why}});
  }
  nlohmann::json from;
  if (!r.from_code.empty()) {
    from = {{"occupation", shape::occupation_ref(r.from_code, r.from_title)},
            {"role", r.from_role.empty() ? nlohmann::json() : shape::role_ref(r.from_role, r.from_role_title)},
            {"basis", r.from_basis},
            {"job_zone", opt(r.from_zone)},
            {"related", r.from_related}};
  }
  nlohmann::json edu = nlohmann::json::array();
  for (const auto& e : r.education) {
    edu.push_back({{"category", e.category}, {"description", e.description}, {"percent", shape::percent(e.percent)}});
  }
  nlohmann::json exp;
  if (r.experience) {
    const auto& t = *r.experience;
    exp = {{"category", t.category},
           {"description", t.description},
           {"percent", shape::percent(t.percent)},
           {"min_years", t.min_years},
           {"max_years", t.max_years ? nlohmann::json(*t.max_years) : nlohmann::json()},
           {"years", r.years ? nlohmann::json(*r.years) : nlohmann::json()},
           {"fit", r.years ? nlohmann::json(experience_fit(*r.years, t)) : nlohmann::json()}};
  }
  return {{"schema", schema_id::onet_routes},
          {"assessment", assessment.empty() ? nlohmann::json() : nlohmann::json(assessment)},
          {"source", onet_source_json(release)},
          {"occupation", shape::occupation_ref(r.code, r.title)},
          {"job_zone", opt(r.job_zone)},
          {"from", from},
          {"zone_step", opt(r.zone_step)},
          {"ranked_by_readiness", r.rated},
          {"routes", routes},
          {"education", edu},
          {"education_n", r.education_n ? nlohmann::json(*r.education_n) : nlohmann::json()},
          {"experience", exp}};
}

} // namespace careerplan
