#include "core/role_names.hpp"

#include <algorithm>

#include "core/json_scan.hpp"
#include "core/role_digest.hpp"
#include "core/text.hpp"

namespace careerplan {

std::string role_slug(const std::string& name)
{
  std::string out;
  bool gap = false;
  for (const unsigned char c : to_lower(name)) {
    if (c == ' ' || c == '_' || c == '-' || c == '\t') {
      gap = !out.empty();
      continue;
    }
    if (gap) {
      out += '-';
      gap = false;
    }
    out += static_cast<char>(c);
  }
  return out;
}

std::optional<std::string> role_id_by_name(const Catalog& catalog, const std::string& name)
{
  if (name.empty()) {
    return std::nullopt;
  }
  if (name.size() <= 200) {
    if (auto id = catalog.role_id(name)) {
      return id;
    }
  }
  const Role* r = find_role_by_name(catalog, name);
  return r == nullptr ? std::nullopt : std::optional<std::string>(r->id);
}

const Role* find_role_by_name(const Catalog& catalog, const std::string& name)
{
  if (name.empty() || name.size() > 200) {
    return name.empty() ? nullptr : catalog.find_role(name);
  }
  if (const Role* r = catalog.find_role(name)) {
    return r;
  }
  const std::string slug = role_slug(name);
  if (slug.empty()) {
    return nullptr;
  }
  if (slug != to_lower(name)) {
    if (const Role* r = catalog.find_role(slug)) {
      return r;
    }
  }
  for (const Role& r : catalog.all_roles()) {
    if (role_slug(r.title) == slug) {
      return &r;
    }
  }
  return nullptr;
}

bool role_mentions(const Role& role, const std::string& text)
{
  const std::string t = to_lower(text);
  auto has = [&](const std::string& s) { return to_lower(s).find(t) != std::string::npos; };
  return has(role.id) || has(role.title) ||
         std::any_of(role.aliases.begin(), role.aliases.end(), [&](const std::string& a) { return has(a); });
}

std::optional<RoleName> find_role_name(const Catalog& catalog, const std::string& id_or_alias)
{
  const auto id = catalog.role_id(id_or_alias);
  if (!id) {
    return std::nullopt;
  }
  if (RoleDigests* digests = role_digests(catalog)) {
    if (const Role* r = digests->role(*id)) {
      return RoleName{r->id, r->title};
    }
  } else if (catalog.roles.empty()) { // open_catalog without data directories: the bundled roles alone
    const auto& files = catalog.role_files();
    if (const auto it = files.find(*id); it != files.end() && it->second.bundled) {
      if (auto title = scan_top_string(it->second.text, "title")) {
        return RoleName{*id, std::move(*title)};
      }
    }
  }
  const Role* r = catalog.find_role(*id);
  return r == nullptr ? std::nullopt : std::optional<RoleName>(RoleName{r->id, r->title});
}

} // namespace careerplan
