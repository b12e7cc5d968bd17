// careerplan match: every role in the catalog ranked by readiness for the assessment.
#include <fmt/format.h>

#include "cli/context.hpp"
#include "core/gap.hpp"
#include "core/text.hpp"
#include "render/gap_view.hpp"

namespace careerplan {

namespace {

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

void run_match(Context& ctx)
{
  const Catalog& cat = ctx.catalog();
  const Assessment& a = ctx.assessment();
  const MatchResult m = compute_match(cat, a);
  Document doc;
  doc.title = "Roles ranked by your readiness";
  Section s;
  s.table.columns = {"#", "ROLE", "LEVEL", "READINESS", "", "TOP GAPS"};
  s.table.align = {Align::right, Align::left, Align::left, Align::right, Align::left, Align::left};
  s.table.droppable = {4, 2}; // the bar, then LEVEL, on a narrow terminal
  doc.csv.columns = {"rank", "role", "level", "readiness", "over_qualified", "top_gaps"};
  nlohmann::json roles = nlohmann::json::array();
  int n = 0;
  for (const auto& e : m.roles) {
    std::vector<std::string> gaps;
    nlohmann::json gaps_json = nlohmann::json::array();
    for (const SkillGap* g : top_gaps(e.gap, 3)) {
      gaps.push_back(fmt::format("{} ({}→{})", g->skill, g->rating, plain_number(g->required)));
      gaps_json.push_back({{"skill", g->skill}, {"rating", g->rating}, {"required", g->required}, {"gap", g->gap},
                           {"priority", g->priority}});
    }
    ++n;
    s.table.rows.push_back({std::to_string(n), e.gap.role->id, e.gap.level, percent(e.gap.readiness),
                            bar(e.gap.readiness, 100, 10),
                            (gaps.empty() ? std::string("none") : join(gaps, ", ")) + (e.over_qualified ? " — over-qualified" : "")});
    doc.csv.rows.push_back({std::to_string(n), e.gap.role->id, e.gap.level, fmt::format("{}", e.gap.readiness),
                            e.over_qualified ? "true" : "false", join(gaps, "; ")});
    roles.push_back({{"rank", n},
                     {"role", e.gap.role->id},
                     {"title", e.gap.role->title},
                     {"level", e.gap.level},
                     {"level_basis", e.gap.level_basis},
                     {"readiness", e.gap.readiness},
                     {"over_qualified", e.over_qualified},
                     {"surplus", e.surplus},
                     {"top_gaps", gaps_json}});
  }
  doc.sections.push_back(s);
  nlohmann::json warnings = nlohmann::json::array();
  if (m.flat_ratings) {
    warnings.push_back("every rating in the assessment is the same; flat self-ratings give misleading matches — "
                       "rate each skill against the scale's descriptors (careerplan assess)");
  }
  for (const auto& e : m.roles) {
    if (e.over_qualified) {
      warnings.push_back(fmt::format("you would be strongly over-qualified for {} (on average {} levels above its "
                                     "requirements): check that your ratings are not inflated, or look at a higher level "
                                     "with 'careerplan gap {} --level LEVEL'",
                                     e.gap.role->id, plain_number(e.surplus), e.gap.role->id));
    }
  }
  if (m.rated == 0) {
    warnings.push_back("the assessment rates no skills; every readiness is 0%");
  }
  Section w;
  w.heading = warnings.empty() ? "" : "Warnings";
  for (const auto& x : warnings) {
    w.bullets.push_back(x.get<std::string>());
  }
  if (!warnings.empty()) {
    doc.sections.push_back(w);
  }
  doc.footnotes.push_back("Each role is compared at the level your years of experience give on its primary ladder. "
                          "'careerplan gap ROLE' shows the detail.");
  ctx.emit(doc, {{"schema", "careerplan/match/v1"}, {"assessment", a.file}, {"roles", roles}, {"warnings", warnings}});
}

} // namespace

void setup_match(CLI::App& app, Context& ctx)
{
  auto* cmd = app.add_subcommand("match", "Rank every role in the catalog by your readiness for it");
  cmd->callback([&ctx] { run_match(ctx); });
}

} // namespace careerplan
