// careerplan match: every role in the catalog ranked by readiness for the assessment.
#include <algorithm>

#include <CLI/CLI.hpp>

#include <nlohmann/json.hpp>
#include <cctype>
#include <map>
#include <memory>
#include <set>

#include <fmt/format.h>

#include "cli/context.hpp"
#include "core/errors.hpp"
#include "core/gap.hpp"
#include "core/oews_store.hpp"
#include "core/onet.hpp"
#include "core/onet_match.hpp"
#include "core/text.hpp"
#include "render/gap_view.hpp"
#include "render/json_list.hpp"
#include "render/json_shape.hpp"
#include "render/onet_match_view.hpp"

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

struct MatchOptions
{
  std::size_t top = 20;
  int zone = 0;
  std::string family;
  std::string search;
  std::optional<double> min_wage;
};

// O*NET occupations the options let through.
bool keep(const OnetMatchEntry& e, const MatchOptions& o)
{
  if (o.zone != 0 && e.result.job_zone != o.zone) {
    return false;
  }
  if (!o.family.empty() && e.result.code.compare(0, o.family.size(), o.family) != 0) {
    return false;
  }
  return o.search.empty() || to_lower(e.result.title).find(to_lower(o.search)) != std::string::npos;
}

// The O*NET ranking, when the assessment rates O*NET elements; what was left out, in warnings.
void match_occupations(Context& ctx, const Assessment& a, const MatchOptions& o, bool top_given, Document& doc,
                       nlohmann::json& j, nlohmann::json& warnings)
{
  Db* db = ctx.store();
  const auto release = db != nullptr ? onet_release(*db) : std::nullopt;
  if (a.onet_ratings.empty()) {
    if (release) {
      warnings.push_back("O*NET occupations are left out: the assessment rates none of O*NET's skills (rate them with "
                         "'careerplan assess --set 2.A.1.e=N', ids from 'careerplan show OCC')");
    }
    return;
  }
  if (!release) {
    warnings.push_back("the assessment has O*NET ratings but no O*NET data is imported, so occupations are left out; "
                       "download O*NET's text release and run 'careerplan import onet DIR'");
    return;
  }
  if (!a.onet_release.empty() && a.onet_release != release->version) {
    warnings.push_back(fmt::format("the O*NET ratings were made against O*NET {}; O*NET {} is imported",
                                   a.onet_release, release->version));
  }
  if (o.min_wage && !has_oews(*db)) {
    throw UsageError("--min-wage needs BLS wages and no OEWS data is imported",
                     "download BLS's national OEWS file (national_M2024_dl.xlsx) and run 'careerplan import oews FILE'");
  }
  const OnetProfiles profiles = read_onet_profiles(*db);
  if (!profiles.stored) {
    warnings.push_back(fmt::format("the O*NET data was imported by an older careerplan, so match reads every rating "
                                   "row (slower); re-run 'careerplan import onet {}' to make it fast",
                                   release->directory.empty() ? std::string("DIR") : printable(release->directory)));
  }
  std::set<std::string> elements;
  for (const auto& e : profiles.elements) {
    elements.insert(e.id);
  }
  std::map<std::string, int> known;
  std::vector<std::string> unknown;
  for (const auto& entry : a.onet_ratings) {
    if (elements.count(entry.first) > 0) {
      known.emplace(entry.first, entry.second);
    } else {
      unknown.push_back(entry.first);
    }
  }
  if (!unknown.empty()) {
    warnings.push_back(fmt::format("O*NET rating(s) for {} left out: not a skill or knowledge element of {}", join(unknown, ", "),
                                   release->source_id()));
  }
  std::vector<OnetMatchEntry> all = onet_match(profiles, known);
  add_national_medians(*db, all);
  std::vector<OnetMatchEntry> kept;
  std::size_t no_wage = 0, below_wage = 0;
  for (auto& e : all) {
    if (!keep(e, o)) {
      continue;
    }
    if (o.min_wage && (!e.median || !e.median->value || (e.median->top_coded && *e.median->value < *o.min_wage))) {
      ++no_wage;
      continue;
    }
    if (o.min_wage && *e.median->value < *o.min_wage) {
      ++below_wage;
      continue;
    }
    kept.push_back(std::move(e));
  }
  if (o.min_wage) {
    warnings.push_back(fmt::format("--min-wage {}: {} occupation(s) left out with a national median below it, and {} "
                                   "left out for having no national median wage in the imported BLS OEWS data",
                                   plain_number(*o.min_wage), below_wage, no_wage));
  }
  mark_too_close(kept); // between the neighbours shown, not those the options left out
  const bool flat = known.size() >= 3 && std::all_of(known.begin(), known.end(), [&](const auto& kv) {
    return kv.second == known.begin()->second;
  });
  if (flat) {
    warnings.push_back("every O*NET rating is the same; flat self-ratings give misleading matches — rate each against "
                       "O*NET's anchors ('careerplan show OCC')");
  }
  add_onet_match(doc, j, kept, o.top, top_given, *release, a.years_experience, a.education, ctx.json(),
                 ctx.format() == "csv");
}

void run_match(Context& ctx, const MatchOptions& o, bool top_given)
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
  std::set<std::string> unrated_skills; // skills of a ranked role the assessment does not rate
  int n = 0;
  const bool as_json = ctx.json();
  JsonListText roles_text; // each role's JSON is written as it is made (10,000 roles)
  for (const auto& e : m.roles) {
    std::vector<std::string> gaps;
    std::vector<std::string> cells; // a no-break space keeps each skill and its levels on one line
    nlohmann::json gaps_json = nlohmann::json::array();
    for (const SkillGap* g : top_gaps(e.gap, 3)) {
      gaps.push_back(fmt::format("{} ({}→{})", g->skill, g->rating, plain_number(g->required)));
      cells.push_back(fmt::format("{}\u00A0({}→{})", g->skill, g->rating, plain_number(g->required)));
      gaps_json.push_back({{"skill", g->skill}, {"rating", g->rating}, {"required", g->required}, {"gap", g->gap},
                           {"priority", g->priority}});
    }
    nlohmann::json unrated = nlohmann::json::array();
    for (const auto& g : e.gap.skills) {
      if (!g.rated) {
        unrated.push_back(g.skill);
        unrated_skills.insert(g.skill);
      }
    }
    ++n;
    if (!as_json) { // only the format asked for is built: at 10,000 roles each is tens of MiB
      s.table.rows.push_back({std::to_string(n), e.gap.role->id, e.gap.level, percent(e.gap.readiness),
                              bar(e.gap.readiness, 100, 10),
                              (cells.empty() ? std::string("none") : join(cells, ", ")) + (e.over_qualified ? " — over-qualified" : "")});
      doc.csv.rows.push_back({std::to_string(n), e.gap.role->id, e.gap.level, fmt::format("{}", e.gap.readiness),
                              e.over_qualified ? "true" : "false", join(gaps, "; ")});
      continue;
    }
    roles_text.add({{"rank", n},
                     {"role", shape::role_ref(e.gap.role->id, e.gap.role->title)},
                     {"level", e.gap.level},
                     {"level_basis", e.gap.level_basis},
                     {"readiness", shape::percent(e.gap.readiness)},
                     {"over_qualified", e.over_qualified},
                     {"surplus", e.surplus},
                     {"top_gaps", gaps_json},
                     {"unrated", unrated}});
  }
  nlohmann::json warnings = nlohmann::json::array();
  nlohmann::json j = {{"schema", "careerplan/match/v2"}, {"assessment", a.file}};
  if (a.ratings.empty() && !a.onet_ratings.empty()) {
    warnings.push_back("the curated roles are left out: the assessment rates none of their skills (0-5 ratings)");
    roles_text.clear();
  } else {
    doc.sections.push_back(std::move(s));
  }
  match_occupations(ctx, a, o, top_given, doc, j, warnings);
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
  if (!unrated_skills.empty() && !a.ratings.empty()) {
    std::vector<std::string> list(unrated_skills.begin(), unrated_skills.end());
    warnings.push_back(fmt::format("{} skill(s) that roles require are not rated in the assessment and count as 0 in "
                                   "their readiness: {}; rate them with 'careerplan assess' (it offers the skills of "
                                   "several roles) or 'careerplan assess --set SKILL=N'",
                                   list.size(), join(list, ", ")));
  }
  if (m.rated == 0 && a.onet_ratings.empty()) {
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
  j["warnings"] = warnings;
  if (as_json) {
    ctx.emit({nullptr, nullptr, [&] { return roles_text.finish(j, "roles"); }});
    return;
  }
  ctx.emit(doc, j);
}

} // namespace

void setup_match(CLI::App& app, Context& ctx)
{
  auto* cmd = app.add_subcommand("match", "Rank every role in the catalog, and every imported O*NET occupation when you "
                                          "rated O*NET's skills, by your readiness for it");
  auto o = std::make_shared<MatchOptions>();
  ctx.keep(o);
  auto* top = cmd->add_option("--top", o->top, "O*NET occupations: how many the table shows (default 20; JSON: all "
                                                "unless --top is given)")
                  ->check(CLI::Range(1, 100000))
                  ->option_text("N");
  cmd->add_option("--zone", o->zone, "O*NET occupations: only this job zone (1-5)")->check(CLI::Range(1, 5))->option_text("Z");
  cmd->add_option("--family", o->family, "O*NET occupations: only this SOC major group, e.g. 15 (computer and "
                                         "mathematical)")
      ->check([](const std::string& v) {
        return v.size() == 2 && std::isdigit(static_cast<unsigned char>(v[0])) && std::isdigit(static_cast<unsigned char>(v[1]))
                   ? std::string()
                   : std::string("a SOC major group is two digits, e.g. 15");
      })
      ->option_text("NN");
  cmd->add_option("--min-wage", o->min_wage, "O*NET occupations: only those whose national median annual wage (BLS "
                                              "OEWS, imported) is at least N US dollars")
      ->check(decimal_number(0, 1e8, "an annual amount of money"))
      ->option_text("N");
  cmd->add_option("--search", o->search, "O*NET occupations: only those whose title contains TEXT")->option_text("TEXT");
  cmd->callback([&ctx, o, top] { run_match(ctx, *o, top->count() > 0); });
}

} // namespace careerplan
