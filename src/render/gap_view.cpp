#include "render/gap_view.hpp"

#include <nlohmann/json.hpp>

#include <cmath>

#include <fmt/format.h>

#include "core/text.hpp"
#include "render/json_shape.hpp"
#include "render/schema_ids.hpp"

namespace careerplan {

std::string level_bar(int rating, double required, int max)
{
  std::string out;
  for (int i = 1; i <= max; ++i) {
    if (i <= rating && i <= required + 1e-9) {
      out += "█";
    } else if (i <= required + 1e-9) {
      out += "░";
    } else if (i <= rating) {
      out += "▓";
    } else {
      out += "·";
    }
  }
  return out;
}

std::string percent(double value)
{
  return fmt::format("{:.1f}%", value);
}

Section gap_table(const GapResult& r)
{
  Section s;
  s.heading = "Skills, what to learn first at the top";
  s.table.columns = {"#", "SKILL", "REQUIRED", "YOU", "GAP", "WEIGHT", "PRIORITY", "LEVEL"};
  s.table.align = {Align::right, Align::left, Align::right, Align::right, Align::right, Align::right, Align::right, Align::left};
  s.table.droppable = {7, 5}; // the bar, then WEIGHT (PRIORITY carries it), on a narrow terminal
  s.table.legends = {{7, "LEVEL: █ met, ░ gap, ▓ above the requirement."}};
  int n = 0;
  for (const auto& g : r.skills) {
    s.table.rows.push_back({std::to_string(++n), g.skill, plain_number(g.required),
                            g.rated ? std::to_string(g.rating) : "0 (unrated)", plain_number(g.gap),
                            plain_number(g.weight), fmt::format("{:.3f}", g.priority), level_bar(g.rating, g.required)});
  }
  return s;
}

Section rules_section(const GapResult& r)
{
  Section s;
  s.heading = "Rules";
  for (const auto& rr : r.rules) {
    const std::string status = !rr.applies ? "NOT ASKED" : rr.met ? "MET" : "NOT MET";
    const std::string why =
        rr.applies ? std::string()
                   : fmt::format("; not asked at {}: the role's own requirements first satisfy it at {}", r.level, rr.applies_from);
    s.bullets.push_back(fmt::format("{} {}: {} ({} of {} skills at level {}+, {} needed){}{} [{}]", status,
                                    rr.rule->id, rr.rule->description, rr.count, rr.rule->skills.size(),
                                    plain_number(rr.rule->min_level), rr.rule->at_least,
                                    rr.below.empty() ? "" : "; below: " + join(rr.below, ", "), why, rr.rule->basis.source));
  }
  return s;
}

Section seniority_section(const GapResult& r)
{
  Section s;
  s.heading = "Seniority (from your years of experience, by each source's ladder)";
  for (const auto& m : r.seniority) {
    std::string text = fmt::format("{} [{}]: {} ({})", m.ladder, m.source, m.level, m.title);
    if (!m.next_level.empty()) {
      text += fmt::format("; next: {} ({}) at {} more year(s)", m.next_level, m.next_title, plain_number(*m.years_to_next));
    } else {
      text += "; top of this ladder";
    }
    s.bullets.push_back(text);
  }
  if (r.seniority.empty() && !r.years) {
    s.bullets.push_back("no years of experience in the assessment");
  } else if (r.seniority.empty()) {
    // Years are given, but below the first level of every ladder that gives years (or no ladder does).
    bool any = false;
    for (const auto& ladder : r.role->ladders) {
      const LadderLevel* first = nullptr;
      for (const auto& lv : ladder.levels) {
        if (lv.years_min && (first == nullptr || *lv.years_min < *first->years_min)) {
          first = &lv;
        }
      }
      if (first != nullptr) {
        any = true;
        s.bullets.push_back(fmt::format("{} [{}]: below its first level, {} ({}), which starts at {} year(s) of "
                                        "experience ({} given)",
                                        ladder.id, ladder.source, first->level, first->title,
                                        plain_number(*first->years_min), plain_number(*r.years)));
      }
    }
    if (!any) {
      s.bullets.push_back("no ladder of this role gives years of experience");
    }
  }
  return s;
}

Section explain_section(const GapResult& r)
{
  Section s;
  s.heading = "How this was computed";
  s.paragraphs.push_back("gap = max(0, required − rating); priority = weight × gap (ties: heavier weight first); "
                         "readiness = 100 × Σ weight × min(rating, required) / Σ weight × required.");
  std::vector<std::string> met;
  std::vector<std::string> req;
  for (const auto& g : r.skills) {
    if (g.required <= 0) {
      continue;
    }
    met.push_back(fmt::format("{}×{}", plain_number(g.weight), plain_number(std::min<double>(g.rating, g.required))));
    req.push_back(fmt::format("{}×{}", plain_number(g.weight), plain_number(g.required)));
  }
  s.paragraphs.push_back(fmt::format("Σ weight × min(rating, required) = {} = {}", join(met, " + "), plain_number(r.met_weight)));
  s.paragraphs.push_back(fmt::format("Σ weight × required = {} = {}", join(req, " + "), plain_number(r.required_weight)));
  s.paragraphs.push_back(fmt::format("readiness = 100 × {} / {} = {}", plain_number(r.met_weight),
                                     plain_number(r.required_weight), percent(r.readiness)));
  return s;
}

nlohmann::json gap_item_json(const SkillGap& g)
{
  return {{"skill", g.skill}, {"required", g.required}, {"rating", g.rating}, {"gap", g.gap}, {"priority", g.priority}};
}

nlohmann::json gap_json(const GapResult& r)
{
  nlohmann::json skills = nlohmann::json::array();
  for (const auto& g : r.skills) {
    const RoleSkill& rs = *g.source;
    nlohmann::json j = gap_item_json(g);
    j.update({{"name", g.name},
              {"rated", g.rated},
              {"weight", g.weight},
              {"weight_basis", rs.weight_basis.kind},
              {"weight_source", rs.weight_basis.source},
              {"required_basis", rs.required_basis.kind},
              {"required_source", rs.required_basis.source}});
    skills.push_back(std::move(j));
  }
  nlohmann::json rules = nlohmann::json::array();
  for (const auto& rr : r.rules) {
    rules.push_back({{"id", rr.rule->id},
                     {"description", rr.rule->description},
                     {"skills", rr.rule->skills},
                     {"min_level", rr.rule->min_level},
                     {"at_least", rr.rule->at_least},
                     {"count", rr.count},
                     {"met", rr.met},
                     {"applies", rr.applies},
                     {"applies_from", rr.applies_from.empty() ? nlohmann::json() : nlohmann::json(rr.applies_from)},
                     {"below", rr.below},
                     {"basis", rr.rule->basis.kind},
                     {"source", rr.rule->basis.source}});
  }
  nlohmann::json seniority = nlohmann::json::array();
  for (const auto& m : r.seniority) {
    nlohmann::json j = {{"ladder", m.ladder}, {"source", m.source}, {"level", m.level}, {"title", m.title}};
    if (!m.next_level.empty()) {
      j["next_level"] = m.next_level;
      j["next_title"] = m.next_title;
      j["years_to_next"] = *m.years_to_next;
    }
    seniority.push_back(j);
  }
  return {{"role", shape::role_ref(r.role->id, r.role->title)},
          {"level", r.level},
          {"level_basis", r.level_basis},
          {"readiness", shape::percent(r.readiness)},
          {"met_weight", r.met_weight},
          {"required_weight", r.required_weight},
          {"skills", skills},
          {"rules", rules},
          {"seniority", seniority}};
}

nlohmann::json gap_document_json(const GapResult& r, const std::string& assessment)
{
  nlohmann::json j = gap_json(r);
  j["schema"] = schema_id::gap;
  j["assessment"] = assessment;
  return j;
}

Document gap_document(const GapResult& r, const std::string& assessment, bool explain)
{
  Document doc;
  doc.title = fmt::format("{}: gap at level {}", r.role->title, r.level);
  Section head;
  head.fields.emplace_back("assessment", assessment);
  head.fields.emplace_back("level", fmt::format("{} — {}", r.level, r.level_basis));
  head.fields.emplace_back("readiness", fmt::format("{} {} (weighted coverage of the required levels)",
                                                    percent(r.readiness), bar(r.readiness, 100, 20)));
  doc.sections.push_back(head);
  doc.sections.push_back(gap_table(r));
  if (!r.rules.empty()) {
    doc.sections.push_back(rules_section(r));
  }
  doc.sections.push_back(seniority_section(r));
  if (explain) {
    doc.sections.push_back(explain_section(r));
  }
  doc.footnotes.push_back("Weights and required levels are published, derived or modelling choices: 'careerplan show " +
                          r.role->id + "' says which, and why.");
  doc.csv = gap_csv(r, true);
  return doc;
}

Table gap_csv(const GapResult& r, bool with_rated)
{
  Table t;
  t.columns = {"skill", "name", "required", "rating"};
  if (with_rated) {
    t.columns.push_back("rated");
  }
  t.columns.insert(t.columns.end(), {"gap", "weight", "priority"});
  for (const auto& g : r.skills) {
    std::vector<std::string> row = {g.skill, g.name, fmt::format("{}", g.required), std::to_string(g.rating)};
    if (with_rated) {
      row.push_back(g.rated ? "true" : "false");
    }
    row.insert(row.end(), {fmt::format("{}", g.gap), fmt::format("{}", g.weight), fmt::format("{}", g.priority)});
    t.rows.push_back(std::move(row));
  }
  return t;
}

} // namespace careerplan
