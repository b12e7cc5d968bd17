// `careerplan next` over O*NET occupations: one pass over the store's ratings, each occupation
// scored once by onet_readiness, then each rated element's one-level step as a change of one term.
#include <algorithm>
#include <cmath>
#include <set>

#include "core/next.hpp"
#include "core/onet.hpp"
#include "core/onet_match.hpp"
#include "core/store.hpp"

namespace careerplan {

namespace {

// Every occupation with ratings, as onet_readiness reads them (importance, level, flags).
std::vector<Occupation> rated_occupations(Db& db)
{
  std::vector<Occupation> out;
  Stmt s(db, "SELECT r.code, o.title, o.job_zone, r.element, r.name, r.domain, r.scale, r.value, r.se, r.suppress, "
             "r.not_relevant FROM onet_rating r JOIN onet_occupation o ON o.code = r.code ORDER BY r.code, r.element");
  OnetRating* current = nullptr;
  while (s.step()) {
    const std::string code = s.text(0);
    if (out.empty() || out.back().code != code) {
      Occupation occ;
      occ.code = code;
      occ.title = s.text(1);
      if (!s.is_null(2)) {
        occ.job_zone = OnetJobZone{};
        occ.job_zone->zone = static_cast<int>(s.integer(2));
      }
      out.push_back(std::move(occ));
      current = nullptr;
    }
    Occupation& occ = out.back();
    const std::string element = s.text(3);
    if (current == nullptr || current->element != element) {
      auto& list = s.text(5) == "knowledge" ? occ.knowledge : occ.skills;
      list.push_back(OnetRating{});
      current = &list.back();
      current->element = element;
      current->name = s.text(4);
      current->domain = s.text(5);
    }
    OnetScore score;
    score.value = s.real(7);
    score.se = s.opt_real(8);
    score.suppress = !s.is_null(9) && s.integer(9) == 1;
    const std::string scale = s.text(6);
    if (scale == "IM") {
      current->importance = score;
    } else if (scale == "LV") {
      current->level = score;
      current->not_relevant = !s.is_null(10) && s.integer(10) == 1;
    }
  }
  return out;
}

} // namespace

NextRanking next_onet(Db& db, const std::map<std::string, int>& ratings, const std::vector<std::string>& targets,
                      const NextOptions& o, const OccupationMedian& median)
{
  const std::set<std::string> target_set(targets.begin(), targets.end());
  std::vector<NextUnit> units;
  std::map<std::string, NextCandidate> candidates;
  std::map<std::string, std::set<std::string>> unrated;
  std::set<std::string> at_max;
  std::map<std::string, std::string> names;
  for (const Occupation& occ : rated_occupations(db)) {
    const OnetReadiness r = onet_readiness(occ, ratings);
    const bool target = target_set.count(occ.code) > 0;
    for (const auto& e : r.elements) {
      names.emplace(e.element, e.name);
      if (e.counted && !e.rating && target) {
        unrated[e.element].insert(occ.code);
      }
    }
    if (!r.readiness) {
      continue; // no counted element is rated: no readiness (a target's is reported missing by the caller)
    }
    NextUnit u{occ.code, occ.title, *r.readiness, target, r.job_zone, std::nullopt, {}};
    if (median) {
      if (auto m = median(occ.code)) {
        u.median = m->first;
        u.median_source = m->second;
      }
    }
    const std::size_t index = units.size();
    units.push_back(std::move(u));
    for (const auto& e : r.elements) {
      if (!e.counted || !e.rating) {
        continue;
      }
      const int rating = *e.rating;
      if (rating >= k_onet_rating_max) {
        at_max.insert(e.element);
        continue;
      }
      const double lv = e.level;
      const double step = std::min<double>(rating + 1, lv) - std::min<double>(rating, lv);
      if (step <= 0) {
        continue;
      }
      const double share = 100.0 * e.weight / r.weight_rated;
      const double gain = share * step / lv;
      // d(gain)/d(LV): -1/LV² when LV ≥ r+1, r/LV² when r < LV < r+1
      const double slope = lv >= rating + 1 ? 1.0 / (lv * lv) : rating / (lv * lv);
      const double se = e.level_se ? share * slope * *e.level_se : 0.0;
      auto& c = candidates[e.element];
      c.skill = e.element;
      c.name = e.name;
      c.from = rating;
      c.to = rating + 1;
      c.effects.push_back({index, gain, se});
    }
  }
  // every rated element below the top is a candidate, even where it changes nothing
  for (const auto& [id, rating] : ratings) {
    if (rating < k_onet_rating_max && candidates.count(id) == 0 && names.count(id) > 0) {
      candidates[id] = NextCandidate{id, names[id], rating, rating + 1, {}};
    }
  }
  std::vector<NextCandidate> list;
  for (auto& [id, c] : candidates) {
    list.push_back(std::move(c));
  }
  NextRanking out = rank_next_steps(std::move(units), list, o);
  for (const auto& [id, needed] : unrated) {
    out.unrated.push_back({id, names[id], {needed.begin(), needed.end()}});
  }
  std::stable_sort(out.unrated.begin(), out.unrated.end(),
                   [](const NextUnrated& x, const NextUnrated& y) { return x.needed_by.size() > y.needed_by.size(); });
  out.at_max.assign(at_max.begin(), at_max.end());
  return out;
}

} // namespace careerplan
