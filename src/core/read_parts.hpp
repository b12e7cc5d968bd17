#pragma once
// Readers for the parts a role profile is made of (sources, bases, salary figures, adjustments,
// routes...), shared by the role and catalog readers. Internal to src/core.
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "core/json_reader.hpp"
#include "core/model.hpp"

namespace careerplan::detail {

void check_schema(ObjectReader& o, const char* expected);
std::string read_id(ObjectReader& o, std::string_view key = "id");
std::string read_source_ref(ObjectReader& o, Role::Refs* refs, std::string_view key = "source", bool required = true);
std::string read_enum(ObjectReader& o, std::string_view key, const std::vector<std::string>& allowed, bool required,
                      std::string fallback = {});
// An enum-like field (model_kinds.hpp): an id not among E's is reported (the role is then
// refused) and `fallback` kept; an absent optional field is `fallback`.
template <IdEnum E>
E read_kind(ObjectReader& o, std::string_view key, E fallback, bool required = true)
{
  static const std::vector<std::string> k_ids = enum_ids<E>(); // made once, not for every field read
  const std::string id = read_enum(o, key, k_ids, required, std::string(id_of(fallback)));
  return from_id<E>(id).value_or(fallback);
}
Source read_source(const json& j, const std::string& path, const ReadContext& ctx);
Basis read_basis(const json& j, const std::string& path, const ReadContext& ctx, Role::Refs& refs);
std::vector<Cited> read_cited_list(ObjectReader& o, std::string_view key, Role::Refs& refs);
std::optional<Duration> read_duration(ObjectReader& o, std::string_view key);
std::vector<Link> read_links(ObjectReader& o, std::string_view key, Role::Refs& refs);
SalaryFigure read_figure(const json& j, const std::string& path, const ReadContext& ctx, Role& role);
Adjustment read_adjustment(const json& j, const std::string& path, const ReadContext& ctx, Role& role);
Route read_route(const json& j, const std::string& path, const ReadContext& ctx, Role& role);

// Reports every repeated id of items (one problem per repeat, at its index).
template <typename T>
void check_unique(const std::vector<T>& items, const std::string& path, const char* what, const ReadContext& ctx)
{
  std::set<std::string_view> seen;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (!items[i].id.empty() && !seen.insert(items[i].id).second) {
      ctx.add(pointer_append(path, i), fmt::format("duplicate {} id '{}'", what, items[i].id));
    }
  }
}

// A skill's id and aliases name it only (skills of the same file, or of the catalog loaded before).
void check_skill_names(const std::vector<SkillDef>& skills, const std::vector<SkillDef>& others, const ReadContext& ctx);

} // namespace careerplan::detail
