#include "core/match.hpp"

#include <algorithm>
#include <map>
#include <set>

#include <fmt/format.h>

#include "core/errors.hpp"
#include "core/oews_store.hpp"
#include "core/text.hpp"

namespace careerplan {

namespace {

bool keep(const OnetMatchEntry& e, const OnetMatchFilter& f)
{
  if (f.zone != 0 && e.result.job_zone != f.zone) {
    return false;
  }
  if (!f.family.empty() && e.result.code.compare(0, f.family.size(), f.family) != 0) {
    return false;
  }
  return f.search.empty() || to_lower(e.result.title).find(to_lower(f.search)) != std::string::npos;
}

// The O*NET ranking, when the assessment rates O*NET elements; what was left out, in warnings.
void match_occupations(Db* db, const Assessment& a, const OnetMatchFilter& f, MatchReport& r)
{
  auto& warnings = r.warnings;
  const auto release = db != nullptr ? onet_release(*db) : std::nullopt;
  if (a.onet_ratings.empty()) {
    if (release) {
      warnings.emplace_back("O*NET occupations are left out: the assessment rates none of O*NET's skills (rate them "
                            "with 'careerplan assess --set 2.A.1.e=N', ids from 'careerplan show OCC')");
    }
    return;
  }
  if (!release) {
    warnings.emplace_back("the assessment has O*NET ratings but no O*NET data is imported, so occupations are left "
                          "out; download O*NET's text release and run 'careerplan import onet DIR'");
    return;
  }
  if (!a.onet_release.empty() && a.onet_release != release->version) {
    warnings.push_back(fmt::format("the O*NET ratings were made against O*NET {}; O*NET {} is imported",
                                   a.onet_release, release->version));
  }
  if (f.min_wage && !has_oews(*db)) {
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
    warnings.push_back(fmt::format("O*NET rating(s) for {} left out: not a skill or knowledge element of {}",
                                   join(unknown, ", "), release->source_id()));
  }
  std::vector<OnetMatchEntry> all = onet_match(profiles, known);
  add_national_medians(*db, all);
  std::size_t no_wage = 0, below_wage = 0;
  for (auto& e : all) {
    if (!keep(e, f)) {
      continue;
    }
    if (f.min_wage && (!e.median || !e.median->value || (e.median->top_coded && *e.median->value < *f.min_wage))) {
      ++no_wage;
      continue;
    }
    if (f.min_wage && *e.median->value < *f.min_wage) {
      ++below_wage;
      continue;
    }
    r.occupations.push_back(std::move(e));
  }
  if (f.min_wage) {
    warnings.push_back(fmt::format("--min-wage {}: {} occupation(s) left out with a national median below it, and {} "
                                   "left out for having no national median wage in the imported BLS OEWS data",
                                   plain_number(*f.min_wage), below_wage, no_wage));
  }
  mark_too_close(r.occupations); // between the neighbours shown, not those the filter left out
  const bool flat = known.size() >= 3 && std::all_of(known.begin(), known.end(), [&](const auto& kv) {
    return kv.second == known.begin()->second;
  });
  if (flat) {
    warnings.emplace_back("every O*NET rating is the same; flat self-ratings give misleading matches — rate each "
                          "against O*NET's anchors ('careerplan show OCC')");
  }
  r.onet = release;
}

} // namespace

MatchReport run_match(const Catalog& catalog, Db* db, const Assessment& a, const OnetMatchFilter& filter)
{
  MatchReport r;
  r.roles = compute_match(catalog, a);
  if (a.ratings.empty() && !a.onet_ratings.empty()) {
    r.warnings.emplace_back("the curated roles are left out: the assessment rates none of their skills (0-5 ratings)");
    r.roles_left_out = true;
  }
  match_occupations(db, a, filter, r);
  if (r.roles.flat_ratings) {
    r.warnings.emplace_back("every rating in the assessment is the same; flat self-ratings give misleading matches — "
                            "rate each skill against the scale's descriptors (careerplan assess)");
  }
  std::set<std::string> unrated; // skills of a ranked role the assessment does not rate
  for (const auto& e : r.roles.roles) {
    if (e.over_qualified) {
      r.warnings.push_back(fmt::format("you would be strongly over-qualified for {} (on average {} levels above its "
                                       "requirements): check that your ratings are not inflated, or look at a higher "
                                       "level with 'careerplan gap {} --level LEVEL'",
                                       e.gap.role->id, plain_number(e.surplus), e.gap.role->id));
    }
    for (const auto& g : e.gap.skills) {
      if (!g.rated) {
        unrated.insert(g.skill);
      }
    }
  }
  if (!unrated.empty() && !a.ratings.empty()) {
    const std::vector<std::string> list(unrated.begin(), unrated.end());
    r.warnings.push_back(fmt::format("{} skill(s) that roles require are not rated in the assessment and count as 0 "
                                     "in their readiness: {}; rate them with 'careerplan assess' (it offers the skills "
                                     "of several roles) or 'careerplan assess --set SKILL=N'",
                                     list.size(), join(list, ", ")));
  }
  if (r.roles.rated == 0 && a.onet_ratings.empty()) {
    r.warnings.emplace_back("the assessment rates no skills; every readiness is 0%");
  }
  return r;
}

} // namespace careerplan
