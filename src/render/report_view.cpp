#include "render/report_view.hpp"

#include <fmt/format.h>

#include "core/text.hpp"
#include "render/format.hpp"
#include "render/gap_view.hpp"
#include "render/progress_view.hpp"
#include "render/salary_view.hpp"

namespace careerplan {

namespace {

nlohmann::json plan_steps_json(const Plan& p)
{
  nlohmann::json steps = nlohmann::json::array();
  int n = 0;
  for (const auto& st : p.steps) {
    nlohmann::json tools = nlohmann::json::array();
    for (const Tool* t : st.tools) {
      tools.push_back({{"name", t->name}, {"source", t->source}});
    }
    nlohmann::json projects = nlohmann::json::array();
    for (const Project* pr : st.projects) {
      projects.push_back({{"text", pr->text}, {"source", pr->source}});
    }
    nlohmann::json certs = nlohmann::json::array();
    for (const Certification* c : st.certifications) {
      nlohmann::json cj = {{"id", c->id}, {"name", c->name}, {"issuer", c->issuer}};
      if (c->cost) {
        cj["cost"] = *c->cost;
        cj["currency"] = c->currency;
        cj["cost_source"] = c->cost_source;
      }
      certs.push_back(cj);
    }
    steps.push_back({{"step", ++n},
                     {"skill", p.gap_of(st).skill},
                     {"name", p.gap_of(st).name},
                     {"rating", p.gap_of(st).rating},
                     {"required", p.gap_of(st).required},
                     {"gap", p.gap_of(st).gap},
                     {"priority", p.gap_of(st).priority},
                     {"tools", tools},
                     {"projects", projects},
                     {"certifications", certs}});
  }
  return steps;
}

} // namespace

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
    nlohmann::json j = {{"id", s->id}, {"title", s->title}, {"publisher", s->publisher}, {"date", s->date}};
    j["url"] = s->url.empty() ? nlohmann::json(nullptr) : nlohmann::json(s->url);
    sources.push_back(j);
  }
  nlohmann::json next = nlohmann::json::array();
  for (const auto& nl : r.plan.next) {
    nlohmann::json asks = nlohmann::json::array();
    for (const auto& g : nl.asks) {
      asks.push_back({{"skill", g.skill}, {"rating", g.rating}, {"required", g.required}});
    }
    next.push_back({{"level", nl.level}, {"ladder", nl.ladder}, {"asks", asks}});
  }
  nlohmann::json problems = nlohmann::json::array();
  for (const auto& pr : r.history_problems) {
    nlohmann::json pj = {{"message", pr.message}};
    if (pr.line > 0) {
      pj["line"] = pr.line;
    }
    problems.push_back(pj);
  }
  nlohmann::json gap = gap_json(r.plan.gap);
  gap["schema"] = "careerplan/gap/v1";
  gap["assessment"] = a.file;
  return {{"schema", "careerplan/report/v1"},
          {"generated_at", format_timestamp(r.generated)},
          {"assessment", a.file},
          {"role", r.role->id},
          {"title", r.role->title},
          {"profile", profile},
          {"gap", gap},
          {"plan", plan_steps_json(r.plan)},
          {"next_levels", next},
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
  int n = 0;
  for (const auto& st : r.plan.steps) {
    std::string text = fmt::format("{}. {}: from {} to {} (priority {:.3f})", ++n, r.plan.gap_of(st).name, r.plan.gap_of(st).rating,
                                   plain_number(r.plan.gap_of(st).required), r.plan.gap_of(st).priority);
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
      text += "; certification: " + c->name + (c->cost ? " (" + money(*c->cost, c->currency) + ")" : "");
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
  doc.csv = {};
  doc.csv.columns = {"skill", "name", "required", "rating", "gap", "weight", "priority"};
  for (const auto& k : g.skills) {
    doc.csv.rows.push_back({k.skill, k.name, fmt::format("{}", k.required), std::to_string(k.rating), fmt::format("{}", k.gap),
                            fmt::format("{}", k.weight), fmt::format("{}", k.priority)});
  }
  return doc;
}

} // namespace careerplan
