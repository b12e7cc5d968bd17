#pragma once
// One way to read a role named by a person, used by every command that takes one (ROLE,
// --from, --current-role, an assessment's current_role): the id or an alias, case-insensitive
// (Catalog::find_role), else the same with spaces and underscores read as hyphens ("Backend
// Engineer" for the alias backend-engineer), else a role's title, case-insensitive ("Machine
// Learning Engineer").
#include <optional>
#include <optional>
#include <string>

#include "core/model.hpp"

namespace careerplan {

const Role* find_role_by_name(const Catalog& catalog, const std::string& name);
// The id of the role find_role_by_name finds, without reading its file when the name is an id
// the catalog holds checked (Catalog::role_id).
std::optional<std::string> role_id_by_name(const Catalog& catalog, const std::string& name);
// "Backend Engineer" -> "backend-engineer": lower case, each run of spaces, underscores and
// hyphens one hyphen, none at either end.
std::string role_slug(const std::string& name);
// Whether the role's id, title or an alias contains `text`, case-insensitive (`roles --search`).
bool role_mentions(const Role& role, const std::string& text);

// A role's id and title, for a command that only names it (a link's target, a route's origin
// without an assessment): from its digest, or from a bundled role's text without reading the
// whole profile (a catalog without data directories has no digests, and its bundled roles were
// checked when careerplan was built), else from the role read whole; none when there is no role.
struct RoleName
{
  std::string id;
  std::string title;
};
std::optional<RoleName> find_role_name(const Catalog& catalog, const std::string& id_or_alias);

} // namespace careerplan
