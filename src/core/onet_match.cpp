#include "core/onet_match.hpp"

#include <algorithm>
#include <array>
#include <cmath>

#include <fmt/format.h>

#include "core/errors.hpp"
#include "core/onet_import.hpp"
#include "core/text.hpp"

namespace careerplan {

namespace {

// Why an element is left out of the readiness; empty when it counts.
const char* left_out_why(const OnetProfileRating& r)
{
  if (!r.importance || !r.level) {
    return "O*NET gives no importance or no level";
  }
  if (r.suppress) {
    return "low precision (O*NET: Recommend Suppress)";
  }
  if (r.not_relevant) {
    return "not relevant (O*NET: Not Relevant)";
  }
  if (*r.level <= 0) {
    return "required level 0";
  }
  if (*r.importance <= 1) {
    return "not important (IM 1)";
  }
  return "";
}

// The figures of one element's score, without its names (the match pass names only the gaps it
// keeps). Its fields are named as OnetElementScore's, so summarize() and by_priority() take both.
struct Figures
{
  double importance = 0, level = 0, weight = 0;
  std::optional<double> level_se;
  bool counted = false;
  std::optional<int> rating;
  double coverage = 0, gap = 0, priority = 0;
};

Figures figures(const OnetProfileRating& r, std::optional<int> rating)
{
  Figures s;
  s.importance = r.importance.value_or(0);
  s.level = r.level.value_or(0);
  s.level_se = r.level_se;
  s.counted = *left_out_why(r) == '\0';
  if (s.counted) {
    s.weight = *r.importance - 1;
  }
  if (rating) {
    s.rating = *rating;
    if (s.counted) {
      s.coverage = std::min<double>(*rating, s.level) / s.level;
      s.gap = std::max(0.0, s.level - *rating);
      s.priority = s.weight * s.gap;
    }
  }
  return s;
}

void copy_figures(OnetElementScore& s, const Figures& f)
{
  s.importance = f.importance;
  s.level = f.level;
  s.weight = f.weight;
  s.level_se = f.level_se;
  s.counted = f.counted;
  s.rating = f.rating;
  s.coverage = f.coverage;
  s.gap = f.gap;
  s.priority = f.priority;
}

std::optional<int> rating_of(const std::string& element, const std::map<std::string, int>& ratings)
{
  const auto it = ratings.find(element);
  return it == ratings.end() ? std::nullopt : std::optional<int>(it->second);
}

// Readiness, its standard error and the weights, from the scored elements.
template <class Elements, class Get>
void summarize(OnetReadiness& out, const Elements& elements, Get get)
{
  double sum = 0;
  for (const auto& x : elements) {
    const auto& e = get(x);
    if (!e.counted) {
      continue;
    }
    if (e.rating) {
      out.weight_rated += e.weight;
      sum += e.weight * e.coverage;
      ++out.counted_rated;
    } else {
      out.weight_unrated += e.weight;
      ++out.counted_unrated;
    }
  }
  if (out.weight_rated <= 0) {
    return;
  }
  out.readiness = 100 * sum / out.weight_rated;
  double var = 0;
  for (const auto& x : elements) {
    const auto& e = get(x);
    if (e.counted && e.rating && *e.rating < e.level && e.level_se) {
      const double d = (e.weight / out.weight_rated) * (*e.rating / (e.level * e.level)) * *e.level_se;
      var += d * d;
    }
  }
  out.se = 100 * std::sqrt(var);
}

void summarize(OnetReadiness& out)
{
  summarize(out, out.elements, [](const OnetElementScore& e) -> const OnetElementScore& { return e; });
}

template <class Score>
bool by_priority(const Score& a, const Score& b)
{
  if (a.priority != b.priority) {
    return a.priority > b.priority;
  }
  return a.weight > b.weight;
}

} // namespace

std::vector<OnetElementRef> onet_elements(Db& db)
{
  std::vector<OnetElementRef> out;
  // The import's list of them (core/onet_profile.hpp): ~100 rows, not every rating row.
  Stmt s(db, db.has_table("onet_profile_element")
                 ? "SELECT element, name, domain FROM onet_profile_element ORDER BY domain DESC, element"
                 : "SELECT DISTINCT element, name, domain FROM onet_rating ORDER BY domain DESC, element");
  while (s.step()) {
    out.push_back({s.text(0), s.text(1), s.text(2)});
  }
  return out;
}

OnetElementRef resolve_onet_element(Db& db, const std::string& key)
{
  std::string wanted = to_lower(key);
  if (wanted.rfind("onet:", 0) == 0) {
    wanted.erase(0, 5);
  }
  const auto all = onet_elements(db);
  std::vector<OnetElementRef> found;
  std::vector<std::string> names;
  for (const auto& e : all) {
    if (to_lower(e.id) == wanted || title_slug(e.name) == wanted) {
      found.push_back(e);
    }
    names.push_back(title_slug(e.name));
  }
  if (found.size() == 1) {
    return found.front();
  }
  const std::string shown = printable(key.substr(0, 80));
  if (found.size() > 1) {
    std::vector<std::string> ids;
    for (const auto& e : found) {
      ids.push_back(fmt::format("{} ({} {})", e.id, e.domain, e.name));
    }
    throw UsageError(fmt::format("'{}' names more than one O*NET element", shown), "use its id: " + join(ids, " or "));
  }
  const std::string hint = did_you_mean(wanted, names);
  throw UsageError(fmt::format("unknown skill '{}' (neither a careerplan skill nor an O*NET skill or knowledge area)", shown),
                   hint.empty() ? "'careerplan show OCC' lists O*NET's elements with their ids" : hint);
}

OnetReadiness onet_readiness(const Occupation& occ, const std::map<std::string, int>& ratings)
{
  OnetReadiness out;
  out.code = occ.code;
  out.title = occ.title;
  if (occ.job_zone) {
    out.job_zone = occ.job_zone->zone;
  }
  for (const auto* list : {&occ.skills, &occ.knowledge}) {
    for (const auto& r : *list) {
      OnetProfileRating row;
      if (r.importance) {
        row.importance = r.importance->value;
        row.suppress = row.suppress || r.importance->suppress;
      }
      if (r.level) {
        row.level = r.level->value;
        row.level_se = r.level->se;
        row.suppress = row.suppress || r.level->suppress;
      }
      row.not_relevant = r.not_relevant.value_or(false);
      OnetElementScore s;
      s.element = r.element;
      s.name = r.name;
      s.domain = r.domain;
      s.why = left_out_why(row);
      copy_figures(s, figures(row, rating_of(r.element, ratings)));
      s.anchor = r.anchor;
      out.elements.push_back(std::move(s));
    }
  }
  summarize(out);
  std::stable_sort(out.elements.begin(), out.elements.end(), by_priority<OnetElementScore>);
  return out;
}

std::vector<OnetMatchEntry> onet_match(const OnetProfiles& profiles, const std::map<std::string, int>& ratings)
{
  // The user's rating of each element, looked up once per element, not per occupation.
  std::vector<std::optional<int>> rating(profiles.elements.size());
  for (std::size_t i = 0; i < rating.size(); ++i) {
    rating[i] = rating_of(profiles.elements[i].id, ratings);
  }
  std::vector<OnetMatchEntry> out;
  out.reserve(profiles.occupations.size());
  std::vector<std::pair<Figures, std::uint16_t>> scored;
  for (const OnetProfile& p : profiles.occupations) {
    scored.clear();
    for (const auto& r : p.ratings) {
      scored.emplace_back(figures(r, rating[r.element]), r.element);
    }
    OnetMatchEntry entry;
    OnetReadiness& current = entry.result;
    current.code = p.code;
    current.title = p.title;
    current.job_zone = p.job_zone;
    summarize(current, scored, [](const auto& x) -> const Figures& { return x.first; });
    // The three top gaps, as a stable sort by priority, then weight, would put them first.
    std::array<const std::pair<Figures, std::uint16_t>*, 3> top{};
    std::size_t kept = 0;
    for (const auto& x : scored) {
      if (x.first.priority <= 0) {
        continue;
      }
      std::size_t at = 0;
      while (at < kept && !by_priority(x.first, top[at]->first)) {
        ++at;
      }
      if (at == top.size()) {
        continue;
      }
      for (std::size_t i = std::min(kept, top.size() - 1); i > at; --i) {
        top[i] = top[i - 1];
      }
      top[at] = &x;
      kept = std::min(kept + 1, top.size());
    }
    for (std::size_t i = 0; i < kept; ++i) {
      const OnetProfileElement& e = profiles.elements[top[i]->second];
      OnetElementScore g;
      g.element = e.id;
      g.name = e.name;
      g.domain = e.domain;
      copy_figures(g, top[i]->first);
      current.elements.push_back(std::move(g));
    }
    entry.experience = p.experience;
    entry.education = p.education;
    out.push_back(std::move(entry));
  }
  std::stable_sort(out.begin(), out.end(), [](const OnetMatchEntry& a, const OnetMatchEntry& b) {
    if (a.result.readiness.has_value() != b.result.readiness.has_value()) {
      return a.result.readiness.has_value();
    }
    return a.result.readiness.value_or(0) > b.result.readiness.value_or(0);
  });
  mark_too_close(out);
  return out;
}

void mark_too_close(std::vector<OnetMatchEntry>& ranked)
{
  for (std::size_t i = 0; i < ranked.size(); ++i) {
    ranked[i].too_close_to_previous = false;
    if (i == 0) {
      continue;
    }
    const auto& p = ranked[i - 1].result;
    const auto& q = ranked[i].result;
    if (p.readiness && q.readiness) {
      ranked[i].too_close_to_previous = std::abs(*p.readiness - *q.readiness) < 1.96 * std::hypot(p.se, q.se);
    }
  }
}

} // namespace careerplan
