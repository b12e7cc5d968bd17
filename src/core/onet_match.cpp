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

// Why an element is left out of the readiness; empty when it counts.
const char* left_out_why(const Row& r)
{
  if (!r.im || !r.lv) {
    return "O*NET gives no importance or no level";
  }
  if (r.suppress) {
    return "low precision (O*NET: Recommend Suppress)";
  }
  if (r.not_relevant) {
    return "not relevant (O*NET: Not Relevant)";
  }
  if (*r.lv <= 0) {
    return "required level 0";
  }
  if (*r.im <= 1) {
    return "not important (IM 1)";
  }
  return "";
}

// The figures of a score, without its names (the match pass names only the gaps it keeps).
void score_figures(OnetElementScore& s, const Row& r, std::optional<int> rating)
{
  s.importance = r.im.value_or(0);
  s.level = r.lv.value_or(0);
  s.level_se = r.se;
  s.counted = *left_out_why(r) == '\0';
  if (s.counted) {
    s.weight = *r.im - 1;
  }
  if (rating) {
    s.rating = *rating;
    if (s.counted) {
      s.coverage = std::min<double>(*rating, s.level) / s.level;
      s.gap = std::max(0.0, s.level - *rating);
      s.priority = s.weight * s.gap;
    }
  }
}

std::optional<int> rating_of(const std::string& element, const std::map<std::string, int>& ratings)
{
  const auto it = ratings.find(element);
  return it == ratings.end() ? std::nullopt : std::optional<int>(it->second);
}

OnetElementScore score(const std::string& element, const std::string& name, const std::string& domain, const Row& r,
                       const std::map<std::string, int>& ratings)
{
  OnetElementScore s;
  s.element = element;
  s.name = name;
  s.domain = domain;
  s.why = left_out_why(r);
  score_figures(s, r, rating_of(element, ratings));
  return s;
}

// Readiness, its standard error and the weights, from the scored elements.
template <class Elements, class Get>
void summarize(OnetReadiness& out, const Elements& elements, Get get)
{
  double sum = 0;
  for (const auto& x : elements) {
    const OnetElementScore& e = get(x);
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
    const OnetElementScore& e = get(x);
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

std::vector<OnetMatchEntry> onet_match(Db& db, const std::map<std::string, int>& ratings,
                                       std::set<std::string>* elements_seen)
{
  // One pass over the ratings in their key's order (code, element, scale). An element's names
  // and the user's rating are looked up once per element, not per row; an occupation's scores
  // carry only their figures, and only the three top gaps kept get their names.
  struct Element
  {
    std::string id, name, domain;
    std::optional<int> rating;
  };
  struct Scored
  {
    OnetElementScore s;
    std::size_t element = 0;
  };
  std::vector<Element> info;
  std::map<std::string, std::size_t, std::less<>> index;
  std::vector<OnetMatchEntry> out;
  std::vector<Scored> scored;
  Stmt s(db, "SELECT r.code, o.title, o.job_zone, r.element, r.name, r.domain, r.scale, r.value, r.se, r.suppress, "
             "r.not_relevant FROM onet_rating r JOIN onet_occupation o ON o.code = r.code ORDER BY r.code, r.element");
  std::string code;
  std::size_t element = 0;
  bool have_element = false;
  Row row;
  OnetReadiness current;
  auto flush_element = [&] {
    if (have_element) {
      Scored x;
      x.element = element;
      score_figures(x.s, row, info[element].rating);
      scored.push_back(std::move(x));
    }
    have_element = false;
    row = Row{};
  };
  auto flush_occupation = [&] {
    flush_element();
    if (!current.code.empty()) {
      summarize(current, scored, [](const Scored& x) -> const OnetElementScore& { return x.s; });
      std::stable_sort(scored.begin(), scored.end(), [](const Scored& a, const Scored& b) { return by_priority(a.s, b.s); });
      for (auto& x : scored) {
        if (x.s.priority <= 0 || current.elements.size() == 3) {
          continue;
        }
        const Element& e = info[x.element];
        x.s.element = e.id;
        x.s.name = e.name;
        x.s.domain = e.domain;
        current.elements.push_back(std::move(x.s));
      }
      OnetMatchEntry entry;
      entry.result = std::move(current);
      out.push_back(std::move(entry));
    }
    scored.clear();
    current = OnetReadiness{};
  };
  while (s.step()) {
    if (const std::string_view c = s.view(0); c != code) {
      flush_occupation();
      code = c;
      current.code = code;
      current.title = s.text(1);
      if (!s.is_null(2)) {
        current.job_zone = static_cast<int>(s.integer(2));
      }
    }
    const std::string_view el = s.view(3);
    if (!have_element || el != info[element].id) {
      flush_element();
      auto it = index.find(el);
      if (it == index.end()) {
        Element e{std::string(el), s.text(4), s.text(5), std::nullopt};
        e.rating = rating_of(e.id, ratings);
        if (elements_seen != nullptr) {
          elements_seen->insert(e.id);
        }
        it = index.emplace(e.id, info.size()).first;
        info.push_back(std::move(e));
      }
      element = it->second;
      have_element = true;
    }
    const std::string_view scale = s.view(6);
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
