#include "core/onet_match.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "core/errors.hpp"
#include "core/onet_import.hpp"
#include "core/text.hpp"

namespace careerplan {

namespace {

struct Row
{
  std::optional<double> im, lv, se;
  bool suppress = false;
  bool not_relevant = false;
};

OnetElementScore score(const std::string& element, const std::string& name, const std::string& domain, const Row& r,
                       const std::map<std::string, int>& ratings)
{
  OnetElementScore s;
  s.element = element;
  s.name = name;
  s.domain = domain;
  s.importance = r.im.value_or(0);
  s.level = r.lv.value_or(0);
  s.level_se = r.se;
  if (!r.im || !r.lv) {
    s.why = "O*NET gives no importance or no level";
  } else if (r.suppress) {
    s.why = "low precision (O*NET: Recommend Suppress)";
  } else if (r.not_relevant) {
    s.why = "not relevant (O*NET: Not Relevant)";
  } else if (*r.lv <= 0) {
    s.why = "required level 0";
  } else if (*r.im <= 1) {
    s.why = "not important (IM 1)";
  } else {
    s.counted = true;
    s.weight = *r.im - 1;
  }
  if (const auto it = ratings.find(element); it != ratings.end()) {
    s.rating = it->second;
    if (s.counted) {
      s.coverage = std::min<double>(it->second, s.level) / s.level;
      s.gap = std::max(0.0, s.level - it->second);
      s.priority = s.weight * s.gap;
    }
  }
  return s;
}

// Readiness, its standard error and the weights, from the scored elements.
void summarize(OnetReadiness& out)
{
  double sum = 0;
  for (const auto& e : out.elements) {
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
  for (const auto& e : out.elements) {
    if (e.counted && e.rating && *e.rating < e.level && e.level_se) {
      const double d = (e.weight / out.weight_rated) * (*e.rating / (e.level * e.level)) * *e.level_se;
      var += d * d;
    }
  }
  out.se = 100 * std::sqrt(var);
}

bool by_priority(const OnetElementScore& a, const OnetElementScore& b)
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
  Stmt s(db, "SELECT DISTINCT element, name, domain FROM onet_rating ORDER BY domain DESC, element");
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
      Row row;
      if (r.importance) {
        row.im = r.importance->value;
        row.suppress = row.suppress || r.importance->suppress;
      }
      if (r.level) {
        row.lv = r.level->value;
        row.se = r.level->se;
        row.suppress = row.suppress || r.level->suppress;
      }
      row.not_relevant = r.not_relevant.value_or(false);
      OnetElementScore s = score(r.element, r.name, r.domain, row, ratings);
      s.anchor = r.anchor;
      out.elements.push_back(std::move(s));
    }
  }
  summarize(out);
  std::stable_sort(out.elements.begin(), out.elements.end(), by_priority);
  return out;
}

std::vector<OnetMatchEntry> onet_match(Db& db, const std::map<std::string, int>& ratings)
{
  std::vector<OnetMatchEntry> out;
  Stmt s(db, "SELECT r.code, o.title, o.job_zone, r.element, r.name, r.domain, r.scale, r.value, r.se, r.suppress, "
             "r.not_relevant FROM onet_rating r JOIN onet_occupation o ON o.code = r.code ORDER BY r.code, r.element");
  std::string code, element, name, domain;
  Row row;
  OnetReadiness current;
  auto flush_element = [&] {
    if (!element.empty()) {
      current.elements.push_back(score(element, name, domain, row, ratings));
    }
    row = Row{};
  };
  auto flush_occupation = [&] {
    flush_element();
    if (!current.code.empty()) {
      summarize(current);
      std::stable_sort(current.elements.begin(), current.elements.end(), by_priority);
      auto& el = current.elements;
      el.erase(std::remove_if(el.begin(), el.end(), [](const OnetElementScore& e) { return e.priority <= 0; }), el.end());
      if (el.size() > 3) {
        el.resize(3);
      }
      out.push_back({std::move(current), false});
    }
    current = OnetReadiness{};
    element.clear();
  };
  while (s.step()) {
    std::string c = s.text(0);
    if (c != code) {
      flush_occupation();
      code = c;
      current.code = std::move(c);
      current.title = s.text(1);
      if (!s.is_null(2)) {
        current.job_zone = static_cast<int>(s.integer(2));
      }
    }
    std::string el = s.text(3);
    if (el != element) {
      flush_element();
      element = std::move(el);
      name = s.text(4);
      domain = s.text(5);
    }
    const std::string scale = s.text(6);
    const bool suppress = !s.is_null(9) && s.integer(9) == 1;
    if (scale == "IM") {
      row.im = s.real(7);
    } else if (scale == "LV") {
      row.lv = s.real(7);
      row.se = s.opt_real(8);
      row.not_relevant = !s.is_null(10) && s.integer(10) == 1;
    }
    row.suppress = row.suppress || suppress;
  }
  flush_occupation();
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
