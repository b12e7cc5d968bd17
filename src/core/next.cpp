#include "core/next.hpp"

#include <algorithm>
#include <cmath>
#include <set>

#include <fmt/format.h>

#include "core/gap.hpp"
#include "core/text.hpp"

namespace careerplan {

namespace {

// Floating-point noise in a sum of a few terms; gains closer than this are equal.
constexpr double k_equal = 1e-9;

NextReached judge(const NextUnit& u, std::size_t index, double before, double after, const NextOptions& o)
{
  NextReached r;
  r.unit = index;
  r.before = before;
  r.after = after;
  std::vector<std::string> why;
  if (u.job_zone && o.current_zone) {
    r.zone_step = *u.job_zone - *o.current_zone;
    if (std::abs(*r.zone_step) > o.max_zone_step) {
      why.push_back(fmt::format("job zone {} is {} from yours ({}), more than {}", *u.job_zone, std::abs(*r.zone_step),
                                *o.current_zone, o.max_zone_step));
    }
  }
  if (u.median && o.current_pay && *o.current_pay > 0) {
    r.pay_ratio = *u.median / *o.current_pay;
    if (*r.pay_ratio < o.min_pay_ratio) {
      why.push_back(fmt::format("median {} of your current pay, below {}", plain_number(std::round(*r.pay_ratio * 100) / 100),
                                plain_number(o.min_pay_ratio)));
    }
  }
  r.counts = why.empty();
  r.why_not = join(why, "; ");
  return r;
}

} // namespace

NextRanking rank_next_steps(std::vector<NextUnit> units, const std::vector<NextCandidate>& candidates,
                            const NextOptions& o)
{
  NextRanking out;
  std::vector<std::size_t> targets;
  for (std::size_t i = 0; i < units.size(); ++i) {
    if (units[i].target) {
      targets.push_back(i);
    }
  }
  for (const auto& c : candidates) {
    NextStep s;
    s.skill = c.skill;
    s.name = c.name;
    s.from = c.from;
    s.to = c.to;
    std::map<std::size_t, const NextEffect*> by_unit;
    for (const auto& e : c.effects) {
      by_unit[e.unit] = &e;
    }
    double var = 0;
    for (std::size_t t : targets) {
      NextTargetGain g;
      g.unit = t;
      g.before = units[t].readiness;
      if (const auto it = by_unit.find(t); it != by_unit.end()) {
        g.gain = it->second->gain;
        g.se = it->second->se;
      }
      g.after = g.before + g.gain;
      s.gain += g.gain;
      var += g.se * g.se;
      s.targets.push_back(g);
    }
    if (!targets.empty()) {
      s.gain /= static_cast<double>(targets.size());
      s.se = std::sqrt(var) / static_cast<double>(targets.size());
    }
    for (const auto& e : c.effects) {
      const NextUnit& u = units[e.unit];
      const double after = u.readiness + e.gain;
      if (u.readiness < o.threshold && after >= o.threshold - k_equal) {
        s.reached.push_back(judge(u, e.unit, u.readiness, after, o));
      }
    }
    std::stable_sort(s.reached.begin(), s.reached.end(), [&](const NextReached& a, const NextReached& b) {
      if (a.counts != b.counts) {
        return a.counts;
      }
      return units[a.unit].median.value_or(-1) > units[b.unit].median.value_or(-1);
    });
    for (const auto& r : s.reached) {
      if (r.counts) {
        ++s.reached_count;
        if (units[r.unit].median && (!s.best_median || *units[r.unit].median > *s.best_median)) {
          s.best_median = units[r.unit].median;
        }
      }
    }
    if (s.gain <= k_equal && s.reached.empty()) {
      ++out.buys_nothing;
      continue;
    }
    out.steps.push_back(std::move(s));
  }
  std::stable_sort(out.steps.begin(), out.steps.end(), [](const NextStep& a, const NextStep& b) {
    if (std::abs(a.gain - b.gain) > k_equal) {
      return a.gain > b.gain;
    }
    if (a.reached_count != b.reached_count) {
      return a.reached_count > b.reached_count;
    }
    if (a.best_median.value_or(-1) != b.best_median.value_or(-1)) {
      return a.best_median.value_or(-1) > b.best_median.value_or(-1);
    }
    return a.skill < b.skill;
  });
  for (std::size_t i = 1; i < out.steps.size(); ++i) {
    const auto& p = out.steps[i - 1];
    const auto& q = out.steps[i];
    const double margin = 1.96 * std::hypot(p.se, q.se);
    out.steps[i].too_close_to_previous = !targets.empty() && std::abs(p.gain - q.gain) <= std::max(margin, k_equal);
  }
  out.units = std::move(units);
  return out;
}

NextRanking next_curated(const Catalog& catalog, const Assessment& a, const std::vector<std::string>& targets,
                         const NextOptions& o, const MedianLookup& median)
{
  std::vector<NextUnit> units;
  std::vector<GapResult> gaps;
  std::set<std::string> target_set(targets.begin(), targets.end());
  for (const Role& role : catalog.all_roles()) {
    GapResult g = compute_gap(role, catalog, a);
    NextUnit u;
    u.id = role.id;
    u.title = role.title;
    u.readiness = g.readiness;
    u.target = target_set.count(role.id) > 0;
    if (median) {
      if (auto m = median(role)) {
        u.median = m->first;
        u.median_source = m->second;
      }
    }
    units.push_back(std::move(u));
    gaps.push_back(std::move(g));
  }
  // skill -> effects, for every skill some role requires above 0
  std::map<std::string, std::vector<NextEffect>> effects;
  std::map<std::string, std::set<std::string>> unrated_needed;
  std::set<std::string> at_max;
  for (std::size_t i = 0; i < gaps.size(); ++i) {
    const GapResult& g = gaps[i];
    for (const auto& sg : g.skills) {
      if (sg.required <= 0) {
        continue;
      }
      if (!sg.rated) {
        if (units[i].target) {
          unrated_needed[sg.skill].insert(units[i].id);
        } else {
          unrated_needed[sg.skill];
        }
        continue;
      }
      if (sg.rating >= k_rating_max) {
        at_max.insert(sg.skill);
        continue;
      }
      const double r = sg.rating;
      const double gain = g.required_weight > 0 ? 100.0 * sg.weight *
                                                      (std::min(r + 1, sg.required) - std::min(r, sg.required)) /
                                                      g.required_weight
                                                : 0.0;
      auto& list = effects[sg.skill];
      if (gain > 0) {
        list.push_back({i, gain, 0.0});
      }
    }
  }
  std::vector<NextCandidate> candidates;
  for (auto& [skill, list] : effects) {
    NextCandidate c;
    c.skill = skill;
    const SkillDef* def = catalog.find_skill(skill);
    c.name = def != nullptr ? def->name : skill;
    c.from = a.ratings.at(skill);
    c.to = c.from + 1;
    c.effects = std::move(list);
    candidates.push_back(std::move(c));
  }
  NextRanking out = rank_next_steps(std::move(units), candidates, o);
  for (const auto& [skill, needed] : unrated_needed) {
    const SkillDef* def = catalog.find_skill(skill);
    out.unrated.push_back({skill, def != nullptr ? def->name : skill, {needed.begin(), needed.end()}});
  }
  // the skills the targets need first
  std::stable_sort(out.unrated.begin(), out.unrated.end(),
                   [](const NextUnrated& x, const NextUnrated& y) { return x.needed_by.size() > y.needed_by.size(); });
  out.at_max.assign(at_max.begin(), at_max.end());
  return out;
}

} // namespace careerplan
