#pragma once
// A role's digest: the parts of a checked role that the whole-catalog commands (roles, match,
// salary without a role) use, in a compact binary form kept in the role index, so that those
// commands do not parse every role file on every run.
//
// In the digest: id, title, family, aliases, scale, levels, primary ladder, SOC mappings, skills,
// assessment weights, rules, ladders, salary figures and notes, adjustments, outlook, the role's
// own sources and its file; the bases of skills, rules and adjustments' members keep their kind
// and source, not their quotes and derivations. Left out (a one-role command reads the file): summary, routes, path,
// certifications, tools, progressions, pivots, projects, interview topics, education,
// challenges, skills also named, the document and the references to check.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/model.hpp"

namespace careerplan {

// The layout of a digest: a change of it makes every index be written again (core/catalog_index.cpp).
inline constexpr std::uint8_t k_role_digest_version = 3;

// The digest of a role (read and checked before).
std::string encode_role_digest(const Role& role);
// The role a digest holds (the parts listed above); nullopt when the bytes are not a whole digest
// of this version, so that the caller reads the file instead.
std::optional<Role> decode_role_digest(std::string_view bytes);

// The digests of a catalog's valid role files (core/catalog_index.cpp fills it from the index),
// each decoded when first asked for.
class RoleDigests
{
public:
  void add(const std::string& id, std::string bytes);
  // Where the digests not added lie: the bytes of an id's digest (the index's, kept mapped as long
  // as the function lives), empty when there is none.
  void set_lookup(std::function<std::string_view(const std::string&)> lookup);
  // The role the digest of `id` holds; nullptr when there is none or it does not decode.
  const Role* role(const std::string& id);
  // The same, decoded anew and not kept.
  std::optional<Role> decode(const std::string& id);
  // The role decoded and kept before by role(id); nullptr when none.
  const Role* kept(const std::string& id) const;
  // A value worked out once per catalog from its roles (see catalog_memo).
  std::shared_ptr<const void>& memo(const std::string& name) { return m_memo[name]; }

private:
  std::unordered_map<std::string, std::string> m_added;
  std::function<std::string_view(const std::string&)> m_lookup;
  std::unordered_map<std::string, std::unique_ptr<Role>> m_roles;
  std::unordered_map<std::string, std::shared_ptr<const void>> m_memo;
};

// Gives the catalog its digests (Catalog::digests).
void attach_role_digests(Catalog& catalog, std::shared_ptr<RoleDigests> digests);
// The catalog's digests; nullptr when it has none (no data directory, or a catalog built by hand).
RoleDigests* role_digests(const Catalog& catalog);

// The role of that id or alias (Catalog::find_role) with the parts its digest keeps: decoded from
// the digest when the catalog has one (no file is parsed), else read whole; nullptr when none.
// For a role a command names but does not print whole (a route's origin, a link's target).
const Role* find_role_summary(const Catalog& catalog, const std::string& id_or_alias);

// Every role, sorted by id, as Catalog::all_roles gives them, but each as its digest (the parts
// listed above): for the whole-catalog commands (roles, match, salary without a role), which use
// only those parts. When a role has no digest, every role is read whole (Catalog::all_roles).
std::vector<std::reference_wrapper<const Role>> all_role_digests(const Catalog& catalog);

// Calls `use` with every role in the order of all_role_digests, each decoded only for the call
// (for a command that keeps nothing of a role: memory stays that of one role).
void for_each_role_digest(const Catalog& catalog, const std::function<void(const Role&)>& use);

// A value worked out from the catalog's roles once per catalog when it has digests (roles read
// from files do not change while it lives), and at each call otherwise.
template <typename T, typename Make>
std::shared_ptr<const T> catalog_memo(const Catalog& catalog, const std::string& name, Make make)
{
  RoleDigests* digests = role_digests(catalog);
  if (digests == nullptr) {
    return std::make_shared<const T>(make());
  }
  auto& slot = digests->memo(name);
  if (!slot) {
    slot = std::make_shared<const T>(make());
  }
  return std::static_pointer_cast<const T>(slot);
}

} // namespace careerplan
