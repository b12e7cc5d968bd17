// show ROLE: the profile as a document of named parts, and its JSON (careerplan/show/v2).
#include "render/show_view.hpp"

#include <nlohmann/json.hpp>
#include "render/sources_view.hpp"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "core/text.hpp"
#include "render/format.hpp"
#include "render/show_skills.hpp"
#include "render/schema_ids.hpp"

namespace careerplan {

// The shared sources (data/sources.json) the role cites, in order of first use.
std::vector<const Source*> shared_sources(const Role& role, const Catalog& cat)
{
  std::vector<const Source*> out;
  for (const auto& ref : role.refs.sources) {
    const std::string& id = ref.second;
    const bool local = std::any_of(role.sources.begin(), role.sources.end(), [&](const Source& s) { return s.id == id; });
    const Source* src = cat.find_source(&role, id);
    if (!local && src != nullptr && std::find(out.begin(), out.end(), src) == out.end()) {
      out.push_back(src);
    }
  }
  return out;
}

namespace {

std::string with_cite(const std::string& text, const std::string& source)
{
  return text + " " + cite(source);
}

Section cited_section(const std::string& heading, const std::vector<Cited>& items)
{
  Section s;
  s.heading = heading;
  for (const auto& c : items) {
    s.bullets.push_back(with_cite(c.text, c.source));
  }
  return s;
}

void add(ShowDocument& doc, const char* part, Section s)
{
  doc.sections.emplace_back(part, std::move(s));
}

void add_if(ShowDocument& doc, const char* part, Section s)
{
  if (!s.bullets.empty() || !s.fields.empty() || !s.table.rows.empty() || !s.paragraphs.empty()) {
    add(doc, part, std::move(s));
  }
}

} // namespace

ShowDocument show_document(const Role& role, const Catalog& cat)
{
  ShowDocument doc;
  doc.title = fmt::format("{} ({})", role.title, role.id);

  Section about;
  about.fields.emplace_back("aliases", role.aliases.empty() ? "—" : join(role.aliases, ", "));
  about.fields.emplace_back("family", role.family);
  about.fields.emplace_back("summary", with_cite(role.summary, role.summary_source));
  about.fields.emplace_back("file", role.file);
  add(doc, "about", about);

  Section soc;
  soc.heading = "Occupation codes (SOC)";
  soc.table.columns = {"CODE", "STATUS", "SOURCE", "TITLE AND NOTE"};
  for (const auto& m : role.soc) {
    soc.table.rows.push_back({m.code, std::string(id_of(m.status)), m.source, m.title + (m.note.empty() ? "" : ". " + m.note)});
  }
  add_if(doc, "occupations", soc);

  for (auto& sec : skill_sections(role)) {
    add(doc, "skills", std::move(sec));
  }

  Section rules;
  rules.heading = "Rules";
  for (const auto& r : role.rules) {
    rules.bullets.push_back(fmt::format("{}: {} — at least {} of {} at level {} or above. \"{}\" {} ({})", r.id,
                                        r.description, r.at_least, join(r.skills, ", "), plain_number(r.min_level),
                                        r.basis.quote, cite(r.basis.source), basis_text(r.basis)));
  }
  add_if(doc, "skills", rules);

  Section also;
  also = cited_section("Also named by the sources", role.skills_also_named);
  add_if(doc, "skills", also);

  Section weights;
  weights.heading = "Assessment relevance weights";
  weights.table.columns = {"FAMILY", "RELEVANCE", "SKILLS", "SOURCE"};
  weights.table.align = {Align::left, Align::right};
  for (const auto& w : role.assessment_weights) {
    weights.table.rows.push_back({w.family, plain_number(w.relevance), w.skills.empty() ? "—" : join(w.skills, ", "), w.source});
  }
  add_if(doc, "skills", weights);

  for (const auto& ladder : role.ladders) {
    Section l;
    l.heading = fmt::format("Seniority ladder {} {}{}", ladder.id, cite(ladder.source),
                            ladder.id == role.primary_ladder ? " (primary)" : "");
    if (ladder.basis) {
      l.paragraphs.push_back(fmt::format("A {}: {}{} {}", basis_text(*ladder.basis), ladder.basis->derivation,
                                         ladder.basis->quote.empty() ? "" : " It rests on: \"" + ladder.basis->quote + "\"",
                                         cite(ladder.basis->source)));
    }
    l.table.columns = {"LEVEL", "YEARS", "TITLE", "FOCUS AND PAY"};
    for (const auto& lv : ladder.levels) {
      l.table.rows.push_back({lv.level, years_text(lv), lv.title, lv.focus + (lv.pay.empty() ? "" : " Pay: " + lv.pay + ".")});
    }
    add_if(doc, "ladders", l);
  }

  Section pay;
  pay.heading = "Salary figures (annual; as published)";
  pay.table.columns = {"SCOPE", "BASIS", "YEAR", "SOURCE", "FIGURE"};
  for (const auto& f : role.salary) {
    std::string scope(id_of(f.scope));
    if (!f.level.empty()) {
      scope += " " + f.level;
    }
    if (!f.state.empty()) {
      scope += " " + f.state;
    }
    std::string text = f.label + ": " + figure_text(f);
    if (f.vs_national_pct) {
      text += fmt::format(" ({:+}% vs national, as published)", static_cast<int>(*f.vs_national_pct));
    }
    if (f.employment) {
      text += " · " + thousands(static_cast<double>(*f.employment)) + " employed";
    }
    if (!f.note.empty()) {
      text += ". " + f.note;
    }
    pay.table.rows.push_back({scope, std::string(id_of(f.basis)), f.year > 0 ? std::to_string(f.year) : "n.d.", f.source, text});
  }
  add_if(doc, "salary", pay);

  Section adj;
  adj.heading = "Regional adjustments (as published)";
  adj.table.columns = {"REGION", "CHANGE", "VS", "BASIS", "SOURCE", "DESCRIPTION"};
  for (const auto& a : role.adjustments) {
    const std::string change = a.change_low == 0 && a.change_high == 0
                                   ? "reference"
                                   : fmt::format("{}% to {}%", plain_number(a.change_low * 100), plain_number(a.change_high * 100));
    adj.table.rows.push_back({a.region, change, a.relative_to, std::string(id_of(a.basis)), a.source,
                              a.description + (a.members.empty() ? "" : " (" + join(a.members, " ") + "; membership is a modelling choice)")});
  }
  add_if(doc, "salary", adj);
  add_if(doc, "salary", cited_section("Pay notes", role.salary_notes));

  Section outlook;
  outlook.heading = "Outlook";
  for (const auto& o : role.outlook) {
    std::string text;
    const std::string for_occupation = o.occupation.empty() ? "" : " for " + o.occupation;
    const std::string in_period = o.period.empty() ? "" : " in " + o.period;
    if (o.value) {
      switch (o.metric) {
      case OutlookMetric::growth:
        text = fmt::format("Growth {}%{}{}", plain_number(*o.value), o.period.empty() ? "" : " over " + o.period,
                           for_occupation);
        break;
      case OutlookMetric::openings:
        text = fmt::format("{} openings a year{}", thousands(*o.value), for_occupation);
        break;
      case OutlookMetric::employment:
        text = fmt::format("Employment {}{}{}", thousands(*o.value), in_period, for_occupation);
        break;
      case OutlookMetric::statement:
        text = fmt::format("{} {}{}", plain_number(*o.value), o.unit, for_occupation);
        break;
      }
    }
    if (!o.text.empty()) {
      text += text.empty() ? o.text : " — \"" + o.text + "\"";
    }
    outlook.bullets.push_back(with_cite(text, o.source));
  }
  add_if(doc, "outlook", outlook);

  for (const auto& r : role.routes) {
    Section s;
    s.heading = fmt::format("Entry route: {} {}", r.title, cite(r.source));
    if (!r.from.empty()) {
      s.fields.emplace_back("from", join(r.from, ", "));
    }
    if (!r.cohort.empty()) {
      s.fields.emplace_back("cohort", r.cohort);
    }
    if (r.duration) {
      s.fields.emplace_back("duration", duration_text(*r.duration));
    }
    for (std::size_t i = 0; i < r.steps.size(); ++i) {
      s.fields.emplace_back(fmt::format("step {}", i + 1), r.steps[i]);
    }
    if (!r.develops.empty()) {
      s.fields.emplace_back("develops", join(r.develops, ", ") +
                                            (r.develops_basis ? fmt::format(" ({} {})", basis_text(*r.develops_basis),
                                                                            cite(r.develops_basis->source))
                                                              : ""));
    }
    for (const auto& a : r.advice) {
      s.bullets.push_back("Advice: " + with_cite(a.text, a.source));
    }
    for (const auto& p : r.pitfalls) {
      s.bullets.push_back("Watch out: " + with_cite(p.text, p.source));
    }
    add(doc, "routes", std::move(s));
  }

  Section path;
  path.heading = "Step-by-step path";
  path.table.columns = {"STEP", "DURATION", "SOURCE", "WHAT"};
  for (std::size_t i = 0; i < role.path.size(); ++i) {
    const auto& st = role.path[i];
    path.table.rows.push_back({std::to_string(i + 1), st.duration ? duration_text(*st.duration) : "—", st.source,
                               st.items.empty() ? st.title : st.title + ": " + join(st.items, "; ")});
  }
  add_if(doc, "routes", path);

  Section certs;
  certs.heading = "Certifications";
  certs.table.columns = {"COST", "ISSUER", "NAMED BY", "CERTIFICATION"};
  certs.table.align = {Align::right};
  for (const auto& c : role.certifications) {
    certs.table.rows.push_back({c.cost ? money(*c.cost, c.currency) + " " + cite(c.cost_source) : "not given",
                                c.issuer, join(c.named_by, ", "), c.name + (c.note.empty() ? "" : " — " + c.note)});
  }
  add_if(doc, "certifications", certs);

  Section tools;
  tools.heading = "Tools";
  tools.table.columns = {"CATEGORY", "SOURCE", "TOOL"};
  for (const auto& t : role.tools) {
    tools.table.rows.push_back({t.category, t.source, t.name + (t.note.empty() ? "" : " — " + t.note)});
  }
  add_if(doc, "tools", tools);

  auto links = [&](const std::string& heading, const std::vector<Link>& items) {
    Section s;
    s.heading = heading;
    for (const auto& l : items) {
      std::string text = l.title;
      if (!l.role.empty()) {
        text += cat.role_id(l.role) ? " (careerplan show " + l.role + ")" : " (" + l.role + ", not in the catalog)";
      }
      s.bullets.push_back(with_cite(text, l.source));
    }
    add_if(doc, "progressions", s);
  };
  links("Progresses to", role.progressions);
  links("Pivots to", role.pivots);

  Section projects;
  projects.heading = "Proof projects";
  for (const auto& p : role.projects) {
    projects.bullets.push_back(with_cite(p.text, p.source) + (p.skills.empty() ? "" : " — shows: " + join(p.skills, ", ")));
  }
  add_if(doc, "projects", projects);
  add_if(doc, "projects", cited_section("Interview topics", role.interview_topics));
  add_if(doc, "education", cited_section("Education and credentials", role.education));
  add_if(doc, "education", cited_section("Challenges", role.challenges));

  Section absent;
  absent.heading = "Not in this profile";
  for (const auto& a : role.absent) {
    absent.bullets.push_back(fmt::format("{}: {}", id_of(a.part), a.note));
  }
  add_if(doc, "about", absent);

  Section sources;
  sources.heading = "Sources";
  sources.table.columns = {"ID", "DATE", "TITLE AND PUBLISHER"};
  for (const auto& s : role.sources) {
    sources.table.rows.push_back({s.id, s.date, s.title + " — " + s.publisher});
  }
  for (const Source* src : shared_sources(role, cat)) {
    sources.table.rows.push_back({src->id, src->date, src->title + " — " + src->publisher});
  }
  add_if(doc, "sources", sources);
  doc.footnotes.push_back("[id] names the source of each figure; 'careerplan sources " + role.id +
                          "' lists them with where each is used.");

  doc.csv.columns = {"skill", "name", "rank", "weight", "weight_basis", "weight_source"};
  for (const auto& level : role.levels) {
    doc.csv.columns.push_back("required_" + level);
  }
  doc.csv.columns.push_back("required_basis");
  doc.csv.columns.push_back("required_source");
  for (const auto& rs : role.skills) {
    const SkillDef* def = cat.find_skill(rs.skill);
    std::vector<std::string> row = {rs.skill, def != nullptr ? def->name : rs.skill,
                                    rs.rank > 0 ? std::to_string(rs.rank) : "", plain_number(rs.weight),
                                    std::string(basis_kind_id(rs.weight_basis.kind)), rs.weight_basis.source};
    for (const auto& level : role.levels) {
      const auto it = rs.required.find(level);
      row.push_back(it == rs.required.end() ? "" : plain_number(it->second));
    }
    row.push_back(std::string(basis_kind_id(rs.required_basis.kind)));
    row.push_back(rs.required_basis.source);
    doc.csv.rows.push_back(std::move(row));
  }
  return doc;
}

namespace {

bool has_key(const ShowSectionInfo& info, const std::string& key)
{
  return std::any_of(info.json_keys.begin(), info.json_keys.end(), [&](const char* k) { return key == k; });
}

} // namespace

const std::vector<ShowSectionInfo>& show_sections()
{
  static const std::vector<ShowSectionInfo> k_sections = {
      {"about", "aliases, family, summary, file and the parts it lacks",
       {"family", "aliases", "summary", "scale", "levels", "absent"}},
      {"occupations", "the SOC codes (and imported O*NET occupations)", {"soc", "onet_occupations"}},
      {"skills", "skills with weights and required levels, their bases, rules and relevance weights",
       {"scale", "levels", "skills", "skills_also_named", "rules", "assessment_weights"}},
      {"ladders", "the seniority ladders", {"levels", "primary_ladder", "ladders"}},
      {"salary", "published salary figures, regional adjustments and pay notes",
       {"salary", "adjustments", "salary_notes"}},
      {"outlook", "growth and openings", {"outlook"}},
      {"routes", "the entry routes and the step-by-step path", {"routes", "path"}},
      {"certifications", "certifications and their cost", {"certifications"}},
      {"tools", "tools by category", {"tools"}},
      {"progressions", "the roles it progresses and pivots to", {"progressions", "pivots"}},
      {"projects", "proof projects and interview topics", {"projects", "interview_topics"}},
      {"education", "education, credentials and challenges", {"education", "challenges"}},
      {"sources", "the sources every figure names", {"sources", "shared_sources"}},
  };
  return k_sections;
}

std::string show_section_names()
{
  std::string out;
  for (const auto& s : show_sections()) {
    out += (out.empty() ? "" : ", ") + std::string(s.name);
  }
  return out;
}

const ShowSectionInfo* find_show_section(const std::string& name)
{
  for (const auto& s : show_sections()) {
    if (to_lower(name) == s.name) {
      return &s;
    }
  }
  return nullptr;
}

void ShowDocument::insert_after(const std::string& after, std::vector<std::pair<std::string, Section>> parts)
{
  auto at = sections.end();
  for (auto it = sections.begin(); it != sections.end(); ++it) {
    if (it->first == after) {
      at = it + 1;
    }
  }
  sections.insert(at, std::make_move_iterator(parts.begin()), std::make_move_iterator(parts.end()));
}

Document ShowDocument::select(const std::string& part) const
{
  Document doc;
  doc.title = title;
  doc.footnotes = footnotes;
  doc.csv = csv;
  for (const auto& [name, section] : sections) {
    if (part.empty() || name == part) {
      doc.sections.push_back(section);
    }
  }
  if (part.empty() || part == "skills") {
    return doc;
  }
  doc.csv = Table{};
  for (const auto& s : doc.sections) {
    if (!s.table.rows.empty()) {
      doc.csv.columns = s.table.columns;
      doc.csv.rows = s.table.rows;
      return doc;
    }
  }
  doc.csv.columns = {"section", "text"};
  for (const auto& s : doc.sections) {
    for (const auto& [key, value] : s.fields) {
      doc.csv.rows.push_back({s.heading, key + ": " + value});
    }
    for (const auto& text : s.paragraphs) {
      doc.csv.rows.push_back({s.heading, text});
    }
    for (const auto& text : s.bullets) {
      doc.csv.rows.push_back({s.heading, text});
    }
  }
  return doc;
}

nlohmann::json show_json(const Role& role, const Catalog& cat, const std::string& part, const nlohmann::json& extra)
{
  nlohmann::json shared = nlohmann::json::array();
  for (const Source* src : shared_sources(role, cat)) {
    shared.push_back(source_json(*src));
  }
  nlohmann::json j = {{"schema", schema_id::show}, {"section", part.empty() ? nlohmann::json() : nlohmann::json(part)}};
  const ShowSectionInfo* info = part.empty() ? nullptr : find_show_section(part);
  if (info == nullptr) {
    j["role"] = role.raw ? *role.raw : nlohmann::json();
    j["shared_sources"] = shared;
    for (const auto& [key, value] : extra.items()) {
      j[key] = value;
    }
    return j;
  }
  nlohmann::json r = {{"id", role.id}, {"title", role.title}};
  const nlohmann::json raw = role.raw ? *role.raw : nlohmann::json::object();
  for (const auto& [key, value] : raw.items()) {
    if (has_key(*info, key)) {
      r[key] = value;
    }
  }
  j["role"] = r;
  if (has_key(*info, "shared_sources")) {
    j["shared_sources"] = shared;
  }
  for (const auto& [key, value] : extra.items()) {
    if (has_key(*info, key)) {
      j[key] = value;
    }
  }
  return j;
}

} // namespace careerplan
