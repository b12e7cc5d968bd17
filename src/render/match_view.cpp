#include "render/match_view.hpp"

#include <nlohmann/json.hpp>

#include <fmt/format.h>

#include "core/text.hpp"
#include "render/format.hpp"
#include "render/json_list.hpp"
#include "render/json_shape.hpp"
#include "render/onet_match_view.hpp"
#include "render/schema_ids.hpp"

namespace careerplan {

namespace {

// The first `most` skills with a gap (the gap rows are by priority).
std::vector<const SkillGap*> top_gaps(const GapResult& r, std::size_t most)
{
  std::vector<const SkillGap*> out;
  for (const auto& g : r.skills) {
    if (g.gap > 0 && out.size() < most) {
      out.push_back(&g);
    }
  }
  return out;
}

nlohmann::json match_head(const MatchReport& r, const Assessment& a)
{
  return {{"schema", schema_id::match}, {"assessment", a.file}, {"warnings", r.warnings}};
}

} // namespace

Document match_document(const MatchReport& r, const Assessment& a, MatchShown shown, bool want_csv)
{
  Document doc;
  doc.title = "Roles ranked by your readiness";
  doc.csv.columns = {"rank", "role", "level", "readiness", "over_qualified", "top_gaps"};
  if (!r.roles_left_out) {
    Section s;
    s.table.columns = {"#", "ROLE", "LEVEL", "READINESS", "", "TOP GAPS"};
    s.table.align = {Align::right, Align::left, Align::left, Align::right, Align::left, Align::left};
    s.table.droppable = {4, 2}; // the bar, then LEVEL, on a narrow terminal
    int n = 0;
    for (const auto& e : r.roles.roles) {
      std::vector<std::string> gaps;
      std::vector<std::string> cells; // a no-break space keeps each skill and its levels on one line
      for (const SkillGap* g : top_gaps(e.gap, 3)) {
        gaps.push_back(fmt::format("{} ({}→{})", g->skill, g->rating, plain_number(g->required)));
        cells.push_back(fmt::format("{}\u00A0({}→{})", g->skill, g->rating, plain_number(g->required)));
      }
      ++n;
      s.table.rows.push_back({std::to_string(n), e.gap.role->id, e.gap.level, percent(e.gap.readiness),
                              bar(e.gap.readiness, 100, 10),
                              (cells.empty() ? std::string("none") : join(cells, ", ")) +
                                  (e.over_qualified ? " — over-qualified" : "")});
      doc.csv.rows.push_back({std::to_string(n), e.gap.role->id, e.gap.level, fmt::format("{}", e.gap.readiness),
                              e.over_qualified ? "true" : "false", join(gaps, "; ")});
    }
    doc.sections.push_back(std::move(s));
  }
  if (r.onet) {
    nlohmann::json unused;
    add_onet_match(doc, unused, r.occupations, shown.top, shown.top_given, *r.onet, a.years_experience, a.education,
                   false, want_csv);
  }
  add_bullets(doc, "Warnings", r.warnings);
  doc.footnotes.push_back("Each role is compared at the level your years of experience give on its primary ladder. "
                          "'careerplan gap ROLE' shows the detail.");
  return doc;
}

std::string match_json_text(const MatchReport& r, const Assessment& a, MatchShown shown)
{
  nlohmann::json j = match_head(r, a);
  JsonListText roles;
  int n = 0;
  if (!r.roles_left_out) {
    for (const auto& e : r.roles.roles) {
      nlohmann::json gaps = nlohmann::json::array();
      for (const SkillGap* g : top_gaps(e.gap, 3)) {
        gaps.push_back({{"skill", g->skill}, {"rating", g->rating}, {"required", g->required}, {"gap", g->gap},
                        {"priority", g->priority}});
      }
      nlohmann::json unrated = nlohmann::json::array();
      for (const auto& g : e.gap.skills) {
        if (!g.rated) {
          unrated.push_back(g.skill);
        }
      }
      roles.add({{"rank", ++n},
                 {"role", shape::role_ref(e.gap.role->id, e.gap.role->title)},
                 {"level", e.gap.level},
                 {"level_basis", e.gap.level_basis},
                 {"readiness", shape::percent(e.gap.readiness)},
                 {"over_qualified", e.over_qualified},
                 {"surplus", e.surplus},
                 {"top_gaps", gaps},
                 {"unrated", unrated}});
    }
  }
  if (r.onet) {
    Document unused;
    add_onet_match(unused, j, r.occupations, shown.top, shown.top_given, *r.onet, a.years_experience, a.education,
                   true, false);
  }
  return roles.finish(std::move(j), "roles");
}

} // namespace careerplan
