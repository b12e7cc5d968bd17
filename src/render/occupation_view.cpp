#include "render/occupation_view.hpp"

#include <nlohmann/json.hpp>

#include <fmt/format.h>

#include "core/text.hpp"
#include "render/format.hpp"
#include "render/import_view.hpp"
#include "render/json_shape.hpp"
#include "render/salary_view.hpp"
#include "render/schema_ids.hpp"

namespace careerplan {

namespace {

std::string num(double v, int decimals)
{
  return fmt::format("{:.{}f}", v, decimals);
}

std::string note_of(const OnetRating& r)
{
  std::vector<std::string> notes;
  if ((r.importance && r.importance->suppress) || (r.level && r.level->suppress)) {
    notes.emplace_back("low precision (O*NET: Recommend Suppress)");
  }
  if (r.not_relevant.value_or(false)) {
    notes.emplace_back("not relevant (O*NET: Not Relevant)");
  }
  return join(notes, "; ");
}

Section ratings_section(const std::string& heading, const std::vector<OnetRating>& ratings)
{
  Section s;
  s.heading = heading;
  s.table.columns = {"ELEMENT", "IM", "LV", "N", "SE (LV)", "O*NET'S ANCHOR NEAR THE LEVEL, AND NOTES"};
  s.table.align = {Align::left, Align::right, Align::right, Align::right, Align::right, Align::left};
  s.table.droppable = {4, 3};
  s.table.wrap = 5;
  for (const auto& r : ratings) {
    std::string text;
    if (r.anchor) {
      text = fmt::format("{}: {}", plain_number(r.anchor->value), r.anchor->text);
    }
    if (const std::string n = note_of(r); !n.empty()) {
      text += (text.empty() ? "" : " — ") + n;
    }
    s.table.rows.push_back({r.name, r.importance ? num(r.importance->value, 2) : "—", r.level ? num(r.level->value, 2) : "—",
                            r.level && r.level->n ? std::to_string(*r.level->n) : "—",
                            r.level && r.level->se ? num(*r.level->se, 4) : "—", text});
  }
  return s;
}

nlohmann::json score_json(const std::optional<OnetScore>& s)
{
  if (!s) {
    return nullptr;
  }
  return {{"value", s->value}, {"n", s->n ? nlohmann::json(*s->n) : nlohmann::json()},
          {"standard_error", s->se ? nlohmann::json(*s->se) : nlohmann::json()},
          {"lower_ci", s->lower ? nlohmann::json(*s->lower) : nlohmann::json()},
          {"upper_ci", s->upper ? nlohmann::json(*s->upper) : nlohmann::json()},
          {"recommend_suppress", s->suppress}};
}

nlohmann::json ratings_json(const std::vector<OnetRating>& ratings)
{
  nlohmann::json arr = nlohmann::json::array();
  for (const auto& r : ratings) {
    nlohmann::json j = {{"element", r.element},       {"name", r.name},
                        {"importance", score_json(r.importance)}, {"level", score_json(r.level)},
                        {"not_relevant", r.not_relevant ? nlohmann::json(*r.not_relevant) : nlohmann::json()},
                        {"date", r.date},             {"domain_source", r.source}};
    j["anchor"] = r.anchor ? nlohmann::json{{"value", r.anchor->value}, {"text", r.anchor->text}} : nlohmann::json();
    arr.push_back(std::move(j));
  }
  return arr;
}

} // namespace

Document occupation_document(const Occupation& occ, const OnetRelease& release, const std::vector<AnchoredRole>& roles)
{
  const std::string src = cite(release.source_id());
  Document doc;
  doc.title = fmt::format("{} ({}) — O*NET occupation", occ.title, occ.code);

  Section about;
  about.fields.emplace_back("alias", occ.slug);
  about.fields.emplace_back("summary", occ.description + " " + src);
  if (occ.job_zone) {
    const auto& z = *occ.job_zone;
    about.fields.emplace_back("job zone", fmt::format("{}{} {}", z.zone, z.name.empty() ? "" : " — " + z.name, src));
    if (!z.experience.empty()) {
      about.fields.emplace_back("experience", z.experience);
    }
    if (!z.education.empty()) {
      about.fields.emplace_back("education", z.education);
    }
  } else {
    about.fields.emplace_back("job zone", "not given in " + release.source_id());
  }
  for (const auto& r : roles) {
    about.fields.emplace_back("curated role", fmt::format("{} ({}), anchored to SOC {} ({})", r.title, r.id,
                                                          occ.code.substr(0, 7), id_of(r.status)));
  }
  doc.sections.push_back(std::move(about));

  if (occ.skills.empty() && occ.knowledge.empty()) {
    Section none;
    none.heading = "Skills and knowledge";
    none.paragraphs.push_back(fmt::format("{} has no skill or knowledge ratings for this occupation. careerplan does not "
                                          "fill the gap with ratings of its own.",
                                          release.release.empty() ? "This O*NET release" : release.release));
    // Point to the curated roles that are this occupation as published; else to every role anchored here.
    std::vector<std::string> covering;
    for (const auto& r : roles) {
      if (r.status == SocStatus::as_published) {
        covering.push_back("'careerplan show " + r.id + "'");
      }
    }
    if (covering.empty()) {
      for (const auto& r : roles) {
        covering.push_back("'careerplan show " + r.id + "'");
      }
    }
    if (!covering.empty()) {
      none.paragraphs.push_back(fmt::format("A curated role covers this occupation: {}.", join(covering, ", ")));
    }
    doc.sections.push_back(std::move(none));
  } else {
    doc.sections.push_back(ratings_section(
        fmt::format("Skills: importance (IM, 1–5) and level (LV, 0–7) as O*NET publishes them {}", src), occ.skills));
    doc.sections.push_back(ratings_section(fmt::format("Knowledge: importance and level {}", src), occ.knowledge));
  }

  if (!occ.education.empty()) {
    Section s;
    s.heading = fmt::format("Required level of education: share of respondents{} {}",
                            occ.education_n ? fmt::format(" (N = {})", *occ.education_n) : "", src);
    s.table.columns = {"SHARE", "CATEGORY"};
    s.table.align = {Align::right, Align::left};
    for (const auto& e : occ.education) {
      if (e.percent > 0) {
        s.table.rows.push_back({num(e.percent, 2) + "%", e.description.empty() ? std::to_string(e.category) : e.description});
      }
    }
    doc.sections.push_back(std::move(s));
  }

  if (!occ.related.empty()) {
    Section s;
    s.heading = "Related occupations " + src;
    s.table.columns = {"TIER", "INDEX", "CODE", "TITLE"};
    s.table.align = {Align::left, Align::right, Align::left, Align::left};
    for (const auto& r : occ.related) {
      s.table.rows.push_back({r.tier, std::to_string(r.index), r.code, r.title});
    }
    doc.sections.push_back(std::move(s));
  }

  if (!occ.technology.empty()) {
    Section s;
    s.heading = "Technologies: in demand and hot " + src;
    std::size_t others = 0;
    for (const auto& t : occ.technology) {
      std::vector<std::string> tags;
      if (t.in_demand.value_or(false)) {
        tags.emplace_back("in demand");
      }
      if (t.hot.value_or(false)) {
        tags.emplace_back("hot");
      }
      if (tags.empty()) {
        ++others;
        continue;
      }
      s.bullets.push_back(fmt::format("{} ({}; {})", t.example, t.commodity, join(tags, ", ")));
    }
    if (others > 0) {
      s.paragraphs.push_back(fmt::format("{} more technologies are listed; --json gives them all.", others));
    }
    doc.sections.push_back(std::move(s));
  }

  if (!occ.interests.empty()) {
    Section s;
    s.heading = "Interests (RIASEC, 1–7) " + src;
    s.table.columns = {"INTEREST", "SCORE"};
    s.table.align = {Align::left, Align::right};
    for (const auto& i : occ.interests) {
      s.table.rows.push_back({i.name, num(i.value, 2)});
    }
    doc.sections.push_back(std::move(s));
  }

  if (!occ.alternate_titles.empty()) {
    Section s;
    s.heading = fmt::format("Alternate titles ({}) {}", occ.alternate_titles.size(), src);
    const std::size_t shown = std::min<std::size_t>(occ.alternate_titles.size(), 12);
    std::vector<std::string> first(occ.alternate_titles.begin(), occ.alternate_titles.begin() + static_cast<long>(shown));
    s.paragraphs.push_back(join(first, "; ") + (shown < occ.alternate_titles.size() ? "; …" : ""));
    doc.sections.push_back(std::move(s));
  }

  doc.footnotes.push_back(fmt::format("Every figure is {}'s own: {} ('careerplan sources' says when it was imported). "
                                      "IM and LV are O*NET's means; N is the number of ratings; SE the standard error.",
                                      release.source_id(), release.release.empty() ? "O*NET" : release.release));
  doc.footnotes.push_back(k_onet_credit);

  doc.csv.columns = {"domain", "element", "name", "importance", "level", "n", "standard_error", "recommend_suppress",
                     "not_relevant"};
  for (const auto* list : {&occ.skills, &occ.knowledge}) {
    for (const auto& r : *list) {
      doc.csv.rows.push_back({r.domain, r.element, r.name, r.importance ? num(r.importance->value, 2) : "",
                              r.level ? num(r.level->value, 2) : "",
                              r.level && r.level->n ? std::to_string(*r.level->n) : "",
                              r.level && r.level->se ? num(*r.level->se, 4) : "",
                              (r.importance && r.importance->suppress) || (r.level && r.level->suppress) ? "Y" : "N",
                              r.not_relevant ? (*r.not_relevant ? "Y" : "N") : ""});
    }
  }
  return doc;
}

nlohmann::json occupation_json(const Occupation& occ, const OnetRelease& release, const std::vector<AnchoredRole>& roles)
{
  return {{"schema", schema_id::occupation}, {"source", onet_source_json(release)},
          {"occupation", occupation_object(occ, roles)}};
}

nlohmann::json occupation_object(const Occupation& occ, const std::vector<AnchoredRole>& roles)
{
  nlohmann::json zone = nullptr;
  if (occ.job_zone) {
    const auto& z = *occ.job_zone;
    zone = {{"zone", z.zone}, {"name", z.name}, {"experience", z.experience}, {"education", z.education},
            {"training", z.training}, {"examples", z.examples}, {"svp_range", z.svp}};
  }
  nlohmann::json education = nlohmann::json::array();
  for (const auto& e : occ.education) {
    education.push_back({{"category", e.category}, {"description", e.description}, {"percent", e.percent}});
  }
  nlohmann::json related = nlohmann::json::array();
  for (const auto& r : occ.related) {
    related.push_back({{"code", r.code}, {"title", r.title}, {"tier", r.tier}, {"index", r.index}});
  }
  nlohmann::json tech = nlohmann::json::array();
  for (const auto& t : occ.technology) {
    tech.push_back({{"example", t.example}, {"commodity", t.commodity},
                    {"hot", t.hot ? nlohmann::json(*t.hot) : nlohmann::json()},
                    {"in_demand", t.in_demand ? nlohmann::json(*t.in_demand) : nlohmann::json()}});
  }
  nlohmann::json interests = nlohmann::json::array();
  for (const auto& i : occ.interests) {
    interests.push_back({{"element", i.element}, {"name", i.name}, {"value", i.value}});
  }
  nlohmann::json curated = nlohmann::json::array();
  for (const auto& r : roles) {
    curated.push_back({{"id", r.id}, {"title", r.title}, {"status", r.status}});
  }
  return {{"code", occ.code},
            {"soc", occ.code.substr(0, 7)},
            {"title", occ.title},
            {"alias", occ.slug},
            {"description", occ.description},
            {"rated", !occ.skills.empty() || !occ.knowledge.empty()},
            {"job_zone", zone},
            {"skills", ratings_json(occ.skills)},
            {"knowledge", ratings_json(occ.knowledge)},
            {"education", {{"n", occ.education_n ? nlohmann::json(*occ.education_n) : nlohmann::json()}, {"shares", education}}},
            {"related", related},
            {"technology", tech},
            {"interests", interests},
            {"alternate_titles", occ.alternate_titles},
            {"curated_roles", curated}};
}

void add_occupation_wages(Document& doc, const OccupationWages& wages)
{
  Section head;
  head.heading = "Wages (BLS OEWS, national)";
  if (!wages.result) {
    head.paragraphs.push_back(fmt::format("The imported BLS files have no national figure for SOC {}.", wages.soc));
    doc.sections.push_back(std::move(head));
    return;
  }
  Document w = salary_document(*wages.result);
  head.paragraphs.push_back(w.title);
  doc.sections.push_back(std::move(head));
  for (auto& sec : w.sections) {
    doc.sections.push_back(std::move(sec));
  }
}

void add_occupation_wages(nlohmann::json& j, const OccupationWages& wages)
{
  j["wages"] = wages.result ? salary_json(*wages.result) : nlohmann::json();
}

void add_role_occupations(ShowDocument& doc, const OnetRelease& release, const std::vector<SocOccupation>& occupations)
{
  if (occupations.empty()) {
    return;
  }
  Section s;
  s.heading = "O*NET occupations under these codes " + cite(release.source_id());
  s.table.columns = {"CODE", "TITLE", "O*NET RATINGS"};
  for (const auto& [soc, h] : occupations) {
    s.table.rows.push_back({h.code, h.title, h.rated ? "rated" : "not rated in " + release.source_id()});
  }
  std::vector<std::pair<std::string, Section>> parts;
  parts.emplace_back("occupations", std::move(s));
  doc.insert_after("occupations", std::move(parts));
  doc.footnotes.push_back(k_onet_credit);
}

void add_role_occupations(nlohmann::json& extra, const std::vector<SocOccupation>& occupations)
{
  nlohmann::json arr = nlohmann::json::array();
  for (const auto& [soc, h] : occupations) {
    arr.push_back({{"occupation", shape::occupation_ref(h.code, h.title)}, {"soc", soc}, {"rated", h.rated}});
  }
  extra["onet_occupations"] = arr;
}

} // namespace careerplan
