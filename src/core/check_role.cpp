// The checks of a role against the rest of the catalog: the skills, sources, levels and scale it
// names. Each lookup is hashed, so a file with tens of thousands of references checks in linear time.
#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include <fmt/format.h>

#include "core/catalog.hpp"
#include "core/check_quotes.hpp"
#include "core/text.hpp"

namespace careerplan {

namespace {

// Suggestions cost a scan of every candidate; past a few, or for a name no id could be, none.
constexpr std::size_t k_max_hints = 20;

std::string hint_for(const std::string& wanted, const std::vector<std::string>& candidates, std::size_t& hints)
{
  if (wanted.size() > 64 || hints >= k_max_hints) {
    return {};
  }
  ++hints;
  const std::string hint = did_you_mean(wanted, candidates);
  return hint.empty() ? hint : "; " + hint;
}

// At most this many items of a list are named in one message.
std::string join_some(const std::vector<std::string>& items)
{
  constexpr std::size_t k_shown = 12;
  if (items.size() <= k_shown) {
    return join(items, ", ");
  }
  const std::vector<std::string> some(items.begin(), items.begin() + k_shown);
  return fmt::format("{}, and {} more", join(some, ", "), items.size() - k_shown);
}

} // namespace

void check_role_refs(const Role& role, const Catalog& catalog, std::vector<Problem>& problems)
{
  const ReadContext ctx{role.file, &problems};
  std::size_t hints = 0;
  std::vector<std::string> source_ids;
  const RoleSources role_sources(role, catalog);
  for (const auto& [path, id] : role.refs.sources) {
    if (role_sources.find(id) == nullptr) {
      if (source_ids.empty()) {
        for (const auto& s : role.sources) {
          source_ids.push_back(s.id);
        }
        for (const auto& s : catalog.sources) {
          source_ids.push_back(s.id);
        }
      }
      ctx.add(path, fmt::format("source '{}' does not resolve to any source{}", id, hint_for(id, source_ids, hints)));
    }
  }
  std::vector<std::string> skill_ids;
  for (const auto& [path, id] : role.refs.skills) {
    const SkillDef* def = catalog.find_skill(id);
    if (def == nullptr) {
      if (skill_ids.empty()) {
        skill_ids = catalog.skill_ids();
      }
      ctx.add(path, fmt::format("unknown skill '{}'{}", id, hint_for(id, skill_ids, hints)));
    } else if (def->id != id) {
      ctx.add(path, fmt::format("write the skill id '{}', not its alias '{}'", def->id, id));
    }
  }
  const std::unordered_set<std::string_view> levels(role.levels.begin(), role.levels.end());
  for (const auto& [path, id] : role.refs.levels) {
    if (levels.count(id) == 0) {
      ctx.add(path, fmt::format("level '{}' is not one of the role's levels ({}){}", id, join_some(role.levels),
                                hint_for(id, role.levels, hints)));
    }
  }
  const Scale* scale = catalog.find_scale(role.scale);
  if (scale == nullptr) {
    ctx.add("/scale", fmt::format("unknown scale '{}'", role.scale));
  } else {
    for (std::size_t i = 0; i < role.skills.size(); ++i) {
      for (const auto& [level, value] : role.skills[i].required) {
        if (value < scale->min || value > scale->max) {
          ctx.add(pointer_append(pointer_append(pointer_append("/skills", i), "required"), level),
                  fmt::format("{} is outside the scale '{}' ({} to {})", plain_number(value), scale->id, scale->min,
                              scale->max));
        }
      }
    }
    for (std::size_t i = 0; i < role.rules.size(); ++i) {
      if (role.rules[i].min_level < scale->min || role.rules[i].min_level > scale->max) {
        ctx.add(pointer_append("/rules", i) + "/min_level",
                fmt::format("{} is outside the scale '{}'", plain_number(role.rules[i].min_level), scale->id));
      }
    }
  }
  check_role_figures(role, catalog, problems);
}

void check_role(const Role& role, const Catalog& catalog, std::vector<Problem>& problems)
{
  check_role_refs(role, catalog, problems);
  auto roles = catalog.all_roles();
  std::erase_if(roles, [&](const Role& r) { return r.id == role.id; });
  roles.insert(roles.begin(), role);
  std::vector<Problem> clashes;
  check_aliases(roles, clashes);
  for (auto& p : clashes) {
    if (p.file == role.file) {
      problems.push_back(std::move(p));
    }
  }
}

void check_aliases(const std::vector<std::reference_wrapper<const Role>>& roles, std::vector<Problem>& problems)
{
  // Every name (id or alias) and the roles it names, in catalog order.
  std::unordered_map<std::string_view, std::vector<std::size_t>> named;
  for (std::size_t r = 0; r < roles.size(); ++r) {
    const Role& role = roles[r];
    named[role.id].push_back(r);
    for (const auto& a : role.aliases) {
      auto& v = named[a];
      if (v.empty() || v.back() != r) {
        v.push_back(r);
      }
    }
  }
  // A clash between a bundled role and a user's is the user's file to change, so it is reported
  // there, never at the bundled file.
  const auto bundled = [](const Role& x) { return x.file.rfind(k_bundled, 0) == 0; };
  for (std::size_t r = 0; r < roles.size(); ++r) {
    const Role& role = roles[r];
    const ReadContext ctx{role.file, &problems};
    if (!bundled(role)) {
      for (const std::size_t other : named[role.id]) {
        const Role& o = roles[other];
        if (o.id != role.id && bundled(o) && std::find(o.aliases.begin(), o.aliases.end(), role.id) != o.aliases.end()) {
          ctx.add("/id", fmt::format("role id '{}' is an alias of the bundled role '{}'; choose another id", role.id, o.id));
        }
      }
    }
    std::vector<std::pair<std::size_t, std::size_t>> clashes; // (other role, alias index)
    for (std::size_t i = 0; i < role.aliases.size(); ++i) {
      for (const std::size_t other : named[role.aliases[i]]) {
        const Role& o = roles[other];
        if (o.id != role.id && !(bundled(role) && !bundled(o))) {
          clashes.emplace_back(other, i);
        }
      }
    }
    std::sort(clashes.begin(), clashes.end());
    for (const auto& [other, i] : clashes) {
      ctx.add(pointer_append("/aliases", i),
              fmt::format("alias '{}' is also a name of role '{}'", role.aliases[i], roles[other].get().id));
    }
  }
}

} // namespace careerplan
