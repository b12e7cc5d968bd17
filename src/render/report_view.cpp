#include "render/report_view.hpp"

#include <nlohmann/json.hpp>

#include <fmt/format.h>

#include "core/text.hpp"
#include "render/format.hpp"
#include "render/gap_view.hpp"
#include "render/json_shape.hpp"
#include "render/plan_view.hpp"
#include "render/progress_view.hpp"
#include "render/salary_view.hpp"
#include "render/schema_ids.hpp"
#include "render/sources_view.hpp"

namespace careerplan {


std::string report_place(const Report& r)
{
  if (!r.local) {
    return {};
  }
  const Place& p = r.local->query.place;
  return fmt::format("{} ({})", p.name, p.code);
}

nlohmann::json report_json(const Report& r)
{
  const Assessment& a = r.assessment;
  nlohmann::json profile = {{"current_role", a.current_role}, {"target_role", a.target_role}};
  if (a.years_experience) {
    profile["years_experience"] = *a.years_experience;
  }
  if (!a.state.empty()) {
    profile["state"] = a.state;
  }
  if (!a.country.empty()) {
    profile["country"] = a.country;
  }
  nlohmann::json sources = nlohmann::json::array();
  for (const Source* s : r.sources) {
    sources.push_back(source_json(*s));
  }
  nlohmann::json problems = nlohmann::json::array();
  for (const auto& pr : r.history_problems) {
    nlohmann::json pj = {{"message", pr.message}};
    if (pr.line > 0) {
      pj["line"] = pr.line;
    }
    problems.push_back(pj);
  }
  return {{"schema", schema_id::report},
          {"generated_at", format_timestamp(r.generated)},
          {"assessment", a.file},
          {"role", shape::role_ref(r.role->id, r.role->title)},
          {"profile", profile},
          {"gap", gap_document_json(r.plan.gap, a.file)},
          {"plan", plan_steps_json(r.plan)},
          {"next_levels", next_levels_json(r.plan)},
          {"salary", {{"national", salary_json(r.national)}, {"local", r.local ? salary_json(*r.local) : nlohmann::json(nullptr)}}},
          {"history", r.history_file},
          {"history_problems", problems},
          {"progress", r.progress ? progress_role_json(*r.progress) : nlohmann::json(nullptr)},
          {"sources", sources}};
}

Document report_document(const Report& r)
{
  const GapResult& g = r.plan.gap;
  Document doc;
  doc.title = fmt::format("Career plan: {}", r.role->title);
  Section head;
  head.fields.emplace_back("generated", format_timestamp(r.generated));
  head.fields.emplace_back("assessment", r.assessment.file);
  if (!r.assessment.current_role.empty()) {
    head.fields.emplace_back("from", printable_text(r.assessment.current_role)); // free text from the file
  }
  if (r.assessment.years_experience) {
    head.fields.emplace_back("experience", plain_number(*r.assessment.years_experience) + " year(s)");
  }
  if (const std::string place = report_place(r); !place.empty()) {
    head.fields.emplace_back("place", place);
  }
  head.fields.emplace_back("level", fmt::format("{} — {}", g.level, g.level_basis));
  head.fields.emplace_back("readiness", percent(g.readiness) + " (weighted coverage of the required levels)");
  doc.sections.push_back(std::move(head));
  doc.sections.push_back(gap_table(g));
  if (!g.rules.empty()) {
    doc.sections.push_back(rules_section(g));
  }
  doc.sections.push_back(seniority_section(g));

  Section plan;
  plan.heading = "Learning plan, in order";
  std::size_t n = 0;
  for (const auto& st : r.plan.steps) {
    std::string text = plan_step_heading(++n, r.plan, st);
    std::vector<std::string> extra;
    for (const Tool* t : st.tools) {
      extra.push_back(t->name);
    }
    if (!extra.empty()) {
      text += "; learn " + join(extra, ", ");
    }
    for (const Project* p : st.projects) {
      text += "; prove it: " + p->text;
    }
    for (const Certification* c : st.certifications) {
      text += "; certification: " + certification_text(*c);
    }
    plan.bullets.push_back(text);
  }
  if (r.plan.steps.empty()) {
    plan.paragraphs.push_back("You meet every requirement at this level.");
  }
  doc.sections.push_back(std::move(plan));

  auto add_salary = [&doc](const SalaryResult& s, const std::string& heading) {
    Document d = salary_document(s);
    bool first = true;
    for (auto& sec : d.sections) {
      if (first) {
        sec.heading = heading;
        first = false;
      }
      doc.sections.push_back(std::move(sec));
    }
  };
  add_salary(r.national, "Pay by level (national)");
  if (r.local) {
    add_salary(*r.local, "Pay in " + report_place(r));
  }
  if (r.progress) {
    for (auto& s : progress_sections(*r.progress)) {
      if (s.heading.rfind(r.role->title, 0) == 0) {
        s.heading = "Progress";
      }
      doc.sections.push_back(std::move(s));
    }
  } else {
    Section p;
    p.heading = "Progress";
    p.paragraphs.push_back("No history yet: every 'careerplan assess' that saves the assessment adds a snapshot.");
    doc.sections.push_back(std::move(p));
  }
  Section src;
  src.heading = "Sources";
  for (const Source* s : r.sources) {
    src.bullets.push_back(fmt::format("[{}] {}, {} ({}){}", s->id, s->title, s->publisher, s->date,
                                      s->url.empty() ? "" : " " + s->url));
  }
  doc.sections.push_back(std::move(src));
  doc.csv = gap_csv(g, false);
  return doc;
}

} // namespace careerplan
