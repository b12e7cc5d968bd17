#include "core/gap.hpp"

#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "core/errors.hpp"
#include "core/role_digest.hpp"
#include "core/text.hpp"

namespace careerplan {

std::vector<LevelMatch> match_seniority(const Role& role, double years)
{
  std::vector<LevelMatch> out;
  for (const auto& ladder : role.ladders) {
    const LadderLevel* current = nullptr;
    for (const auto& lv : ladder.levels) {
      if (lv.years_min && *lv.years_min <= years && (current == nullptr || *lv.years_min >= *current->years_min)) {
        current = &lv;
      }
    }
    if (current == nullptr) {
      continue;
    }
    LevelMatch m{ladder.id, ladder.source, current->level, current->title, {}, {}, std::nullopt};
    const LadderLevel* next = nullptr;
    for (const auto& lv : ladder.levels) {
      if (lv.years_min && *lv.years_min > *current->years_min && (next == nullptr || *lv.years_min < *next->years_min)) {
        next = &lv;
      }
    }
    if (next != nullptr) {
      m.next_level = next->level;
      m.next_title = next->title;
      m.years_to_next = *next->years_min - years;
    }
    out.push_back(std::move(m));
  }
  return out;
}

const Scale& role_scale(const Catalog& catalog, const Role& role)
{
  static const Scale rating_scale{k_rating_scale_id, "", k_rating_min, k_rating_max, {}, {}};
  const Scale* s = catalog.find_scale(role.scale);
  return s != nullptr ? *s : rating_scale;
}

double to_rating_scale(double value, const Scale& scale)
{
  const double span = static_cast<double>(scale.max - scale.min);
  const double normalised = (value - scale.min) / span * (k_rating_max - k_rating_min) + k_rating_min;
  return std::clamp(normalised, static_cast<double>(k_rating_min), static_cast<double>(k_rating_max));
}

double required_at(const RoleSkill& skill, const std::string& level, const Scale& scale)
{
  const auto it = skill.required.find(level);
  return it == skill.required.end() ? 0 : to_rating_scale(it->second, scale);
}

std::pair<std::string, std::string> choose_level(const Role& role, const std::string& level,
                                                 std::optional<double> years)
{
  if (!level.empty()) {
    const std::string key = to_lower(level);
    if (std::find(role.levels.begin(), role.levels.end(), key) != role.levels.end()) {
      return {key, "as asked (--level)"};
    }
    // A ladder's own title names its level too: "Senior ML Engineer" or "senior-ml-engineer".
    auto slug = [](const std::string& s) {
      std::string out;
      for (char c : to_lower(s)) {
        const bool word = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        if (word) {
          out += c;
        } else if (!out.empty() && out.back() != '-') {
          out += '-';
        }
      }
      while (!out.empty() && out.back() == '-') {
        out.pop_back();
      }
      return out;
    };
    for (const auto& ladder : role.ladders) {
      for (const auto& lv : ladder.levels) {
        if (iequals(level, lv.title) || slug(level) == slug(lv.title)) {
          return {lv.level, fmt::format("as asked (--level '{}', the {} ladder's title for {}) [{}]", level,
                                        ladder.id, lv.level, ladder.source)};
        }
      }
    }
    const std::string hint = did_you_mean(level, role.levels);
    throw UsageError(fmt::format("unknown level '{}' for role '{}'", level, role.id),
                     hint.empty() ? "levels are: " + join(role.levels, ", ") : hint);
  }
  if (years) {
    const auto matches = match_seniority(role, *years);
    auto basis = [&](const LevelMatch& m) {
      for (const auto& l : role.ladders) {
        if (l.id == m.ladder && l.basis) {
          return std::string(" (a ladder of careerplan's choosing: 'careerplan show ") + role.id + "')";
        }
      }
      return std::string();
    };
    for (const auto& m : matches) {
      if (m.ladder == role.primary_ladder || role.primary_ladder.empty()) {
        return {m.level, fmt::format("{} years of experience on the {} ladder [{}]{}", plain_number(*years), m.ladder,
                                     m.source, basis(m))};
      }
    }
    if (!matches.empty()) {
      return {matches.front().level, fmt::format("{} years of experience on the {} ladder [{}]{}", plain_number(*years),
                                                 matches.front().ladder, matches.front().source, basis(matches.front()))};
    }
  }
  if (years) {
    // Years were given but no ladder level starts at or below them: say where the ladders start.
    const Ladder* ladder = nullptr;
    for (const auto& l : role.ladders) {
      if (ladder == nullptr || l.id == role.primary_ladder) {
        ladder = &l;
      }
    }
    const LadderLevel* first = nullptr;
    std::size_t with_years = 0;
    if (ladder != nullptr) {
      for (const auto& lv : ladder->levels) {
        if (lv.years_min) {
          ++with_years;
          if (first == nullptr || *lv.years_min < *first->years_min) {
            first = &lv;
          }
        }
      }
    }
    if (first != nullptr) {
      return {first->level,
              fmt::format("the {} ladder's {} level ({}) starts at {} years of experience, and {} {} given [{}]",
                          ladder->id, with_years == 1 ? "only" : "first", first->level, plain_number(*first->years_min),
                          plain_number(*years), *years == 1 ? "year is" : "years are", ladder->source)};
    }
    return {role.levels.front(), fmt::format("the role's first level ({} years of experience given, but no ladder of "
                                             "the role gives years)",
                                             plain_number(*years))};
  }
  return {role.levels.front(), "the role's first level (no years of experience given)"};
}

std::string rule_applies_from(const Role& role, const Rule& rule)
{
  for (const auto& level : role.levels) {
    int count = 0;
    for (const auto& sk : rule.skills) {
      for (const auto& rs : role.skills) {
        if (rs.skill == sk) {
          const auto it = rs.required.find(level);
          if (it != rs.required.end() && it->second >= rule.min_level) {
            ++count;
          }
        }
      }
    }
    if (count >= rule.at_least) {
      return level;
    }
  }
  return {};
}

GapResult compute_gap(const Role& role, const Catalog& catalog, const Assessment& assessment, const std::string& level)
{
  GapResult r;
  r.role = &role;
  std::tie(r.level, r.level_basis) = choose_level(role, level, assessment.years_experience);
  const Scale* scale = &role_scale(catalog, role);
  for (const auto& rs : role.skills) {
    SkillGap g;
    g.source = &rs;
    g.skill = rs.skill;
    const SkillDef* def = catalog.find_skill(rs.skill);
    g.name = def != nullptr ? def->name : rs.skill;
    g.required = required_at(rs, r.level, *scale);
    const auto it = assessment.ratings.find(rs.skill);
    g.rated = it != assessment.ratings.end();
    g.rating = g.rated ? it->second : 0;
    g.gap = std::max(0.0, g.required - g.rating);
    g.weight = rs.weight;
    g.priority = g.weight * g.gap;
    r.met_weight += g.weight * std::min(static_cast<double>(g.rating), g.required);
    r.required_weight += g.weight * g.required;
    r.skills.push_back(std::move(g));
  }
  r.readiness = r.required_weight > 0 ? 100.0 * r.met_weight / r.required_weight : 100.0;
  std::stable_sort(r.skills.begin(), r.skills.end(), [](const SkillGap& a, const SkillGap& b) {
    if (a.priority != b.priority) {
      return a.priority > b.priority;
    }
    return a.weight > b.weight;
  });
  for (const auto& rule : role.rules) {
    RuleResult rr;
    rr.rule = &rule;
    const double min_level = to_rating_scale(rule.min_level, *scale); // rule levels are on the role's scale
    for (const auto& sk : rule.skills) {
      const auto it = assessment.ratings.find(sk);
      const double rating = it == assessment.ratings.end() ? 0 : it->second;
      if (rating >= min_level) {
        ++rr.count;
      } else {
        rr.below.push_back(sk);
      }
    }
    rr.met = rr.count >= rule.at_least;
    rr.applies_from = rule_applies_from(role, rule);
    if (!rr.applies_from.empty()) {
      const auto at = std::find(role.levels.begin(), role.levels.end(), r.level);
      const auto from = std::find(role.levels.begin(), role.levels.end(), rr.applies_from);
      rr.applies = at >= from;
    }
    r.rules.push_back(std::move(rr));
  }
  if (assessment.years_experience) {
    r.years = assessment.years_experience;
    r.seniority = match_seniority(role, *assessment.years_experience);
  }
  return r;
}

MatchResult compute_match(const Catalog& catalog, const Assessment& assessment)
{
  MatchResult m;
  std::set<int> values;
  for (const auto& [skill, rating] : assessment.ratings) {
    values.insert(rating);
  }
  m.rated = static_cast<int>(assessment.ratings.size());
  m.flat_ratings = m.rated >= 3 && values.size() == 1;
  for_each_role_digest(catalog, [&](const Role& role) {
    MatchEntry e{compute_gap(role, catalog, assessment), false, 0};
    auto held = std::make_unique<Role>();
    held->id = role.id;
    held->title = role.title;
    e.gap.role = held.get();
    m.held.push_back(std::move(held));
    for (auto& g : e.gap.skills) {
      g.source = nullptr;
    }
    for (auto& r : e.gap.rules) {
      r.rule = nullptr;
    }
    double total_weight = 0;
    for (const auto& g : e.gap.skills) {
      if (g.required > 0) {
        e.surplus += g.weight * std::max(0.0, g.rating - g.required);
        total_weight += g.weight;
      }
    }
    e.surplus = total_weight > 0 ? e.surplus / total_weight : 0;
    e.over_qualified = e.gap.readiness >= 100.0 && e.surplus >= k_over_qualified_surplus;
    // Only the rows match prints: the first three with a gap and the unrated ones, in order.
    std::vector<SkillGap> kept;
    std::size_t with_gap = 0;
    for (auto& g : e.gap.skills) {
      const bool top = g.gap > 0 && with_gap < 3;
      with_gap += top ? 1 : 0;
      if (top || !g.rated) {
        kept.push_back(std::move(g));
      }
    }
    e.gap.skills = std::move(kept);
    e.gap.rules = {};
    e.gap.seniority = {};
    m.roles.push_back(std::move(e));
  });
  std::stable_sort(m.roles.begin(), m.roles.end(), [](const MatchEntry& a, const MatchEntry& b) {
    return a.gap.readiness > b.gap.readiness;
  });
  return m;
}

} // namespace careerplan
