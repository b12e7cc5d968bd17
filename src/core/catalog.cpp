// The catalog's lookups. Every lookup is hashed (a catalog may hold tens of thousands of skills,
// sources or roles), and a role indexed by its file is read only when a command first asks for it.
#include "core/catalog.hpp"

#include <algorithm>
#include <filesystem>
#include <unordered_map>

#include <fmt/format.h>

#include "core/json_scan.hpp"
#include "core/role_names.hpp"
#include "core/text.hpp"

namespace careerplan {

namespace {

// A role file's aliases, lowercased (a malformed file names those before its error; reading it
// reports why).
std::vector<std::string> scan_aliases(std::string_view text)
{
  std::vector<std::string> aliases = scan_top_strings(text, "aliases");
  for (auto& a : aliases) {
    a = to_lower(a);
  }
  return aliases;
}

} // namespace

struct Catalog::Index
{
  // Lookups over the public vectors, rebuilt when a vector has changed (tests fill them by hand).
  const void* skills_at = nullptr;
  std::size_t skills_n = 0;
  std::unordered_map<std::string, const SkillDef*> skill_by_name;
  const void* scales_at = nullptr;
  std::size_t scales_n = 0;
  std::unordered_map<std::string, const Scale*> scale_by_id;
  const void* sources_at = nullptr;
  std::size_t sources_n = 0;
  std::unordered_map<std::string, const Source*> source_by_id;
  const void* roles_at = nullptr;
  std::size_t roles_n = 0;
  std::unordered_map<std::string, const Role*> role_by_name;
  // A role's own sources, for roles with many of them.
  std::unordered_map<const Role*, std::unordered_map<std::string, const Source*>> role_sources;

  // Roles indexed by file (open_catalog), read on first use.
  std::map<std::string, RoleFile> files; // by id
  std::unordered_map<std::string, std::unique_ptr<Role>> loaded; // by id
  std::unordered_map<std::string, std::string> alias_to_id;
  bool aliases_scanned = false;
  std::function<std::unordered_map<std::string, std::string>()> alias_source; // instead of a scan
  // A partial catalog (set_partial): files added by id until it is completed.
  std::function<bool(Catalog&, const std::string&)> lookup;
  std::function<void(Catalog&)> complete;
};

Catalog::Catalog() : m_index(std::make_unique<Index>()) {}
Catalog::~Catalog() = default;
Catalog::Catalog(Catalog&&) noexcept = default;
Catalog& Catalog::operator=(Catalog&&) noexcept = default;

Catalog::Index& Catalog::index() const
{
  Index& ix = *m_index;
  if (ix.skills_at != skills.skills.data() || ix.skills_n != skills.skills.size()) {
    ix.skill_by_name.clear();
    for (const auto& s : skills.skills) {
      ix.skill_by_name.emplace(s.id, &s);
    }
    for (const auto& s : skills.skills) {
      for (const auto& a : s.aliases) {
        ix.skill_by_name.emplace(a, &s); // an id wins over an alias, the first alias over a later one
      }
    }
    ix.skills_at = skills.skills.data();
    ix.skills_n = skills.skills.size();
  }
  if (ix.scales_at != skills.scales.data() || ix.scales_n != skills.scales.size()) {
    ix.scale_by_id.clear();
    for (const auto& s : skills.scales) {
      ix.scale_by_id.emplace(s.id, &s);
    }
    ix.scales_at = skills.scales.data();
    ix.scales_n = skills.scales.size();
  }
  if (ix.sources_at != sources.data() || ix.sources_n != sources.size()) {
    ix.source_by_id.clear();
    for (const auto& s : sources) {
      ix.source_by_id.emplace(s.id, &s);
    }
    ix.sources_at = sources.data();
    ix.sources_n = sources.size();
  }
  if (ix.roles_at != roles.data() || ix.roles_n != roles.size()) {
    ix.role_by_name.clear();
    ix.role_sources.clear();
    for (const auto& r : roles) {
      ix.role_by_name.emplace(r.id, &r);
    }
    for (const auto& r : roles) {
      for (const auto& a : r.aliases) {
        ix.role_by_name.emplace(a, &r);
      }
    }
    ix.roles_at = roles.data();
    ix.roles_n = roles.size();
  }
  return ix;
}

const SkillDef* Catalog::find_skill(const std::string& id_or_alias) const
{
  const auto& m = index().skill_by_name;
  const auto it = m.find(to_lower(id_or_alias));
  return it == m.end() ? nullptr : it->second;
}

const Scale* Catalog::find_scale(const std::string& id) const
{
  const auto& m = index().scale_by_id;
  const auto it = m.find(id);
  return it == m.end() ? nullptr : it->second;
}

void Catalog::add_role_file(RoleFile f, bool override_existing)
{
  Index& ix = *m_index; // no lookup of skills or roles is needed here
  std::string id = f.id;
  // Files come sorted by name within a directory: the end is the place to try first.
  if (override_existing) {
    ix.files.insert_or_assign(ix.files.end(), id, std::move(f));
    if (!ix.loaded.empty()) {
      ix.loaded.erase(id); // read from the file replaced
    }
  } else {
    ix.files.try_emplace(ix.files.end(), std::move(id), std::move(f)); // a file there stays, and its role
  }
  ix.aliases_scanned = false;
}

void Catalog::set_partial(std::function<bool(Catalog&, const std::string&)> lookup, std::function<void(Catalog&)> complete)
{
  index().lookup = std::move(lookup);
  index().complete = std::move(complete);
}

Catalog::Index& Catalog::full_index() const
{
  Index& ix = index();
  if (ix.complete) {
    auto complete = std::move(ix.complete);
    ix.complete = nullptr;
    ix.lookup = nullptr;
    try {
      // The catalog object is never const itself: only the references commands hold to it.
      complete(const_cast<Catalog&>(*this));
    } catch (...) {
      ix.complete = std::move(complete); // asked again, it fails again
      throw;
    }
  }
  return ix;
}

const std::map<std::string, RoleFile>& Catalog::role_files() const
{
  return full_index().files;
}

void Catalog::mark_unreadable(const std::string& id, std::string why)
{
  if (const auto it = index().files.find(id); it != index().files.end()) {
    it->second.unreadable = std::move(why);
  }
}

void Catalog::set_alias_source(std::function<std::unordered_map<std::string, std::string>()> alias_to_id)
{
  index().alias_source = std::move(alias_to_id);
  index().aliases_scanned = false;
}

Role read_role_file(const RoleFile& f, const Catalog& catalog, json* document)
{
  const std::string text = f.bundled ? std::string() : read_file(f.file);
  const std::string_view view = f.bundled ? f.text : std::string_view(text);
  std::vector<Problem> problems;
  auto j = parse_json(view, f.file, problems);
  if (!j) {
    throw DataError(std::move(problems));
  }
  const ReadContext ctx{f.file, &problems};
  Role role = read_role(*j, ctx);
  if (!role.id.empty() && role.id != f.id) {
    ctx.add("/id", fmt::format("role id '{}' does not match the file name '{}'", role.id,
                               std::filesystem::path(f.file).filename().string()));
  }
  if (problems.empty()) {
    check_role_refs(role, catalog, problems); // aliases: checked with every role when the file changed
  }
  if (!problems.empty()) {
    throw DataError(std::move(problems));
  }
  if (document != nullptr) {
    *document = std::move(*j);
  }
  return role;
}

const Role* Catalog::load(const RoleFile& f, bool keep_document) const
{
  Index& ix = index();
  const auto found = ix.loaded.find(f.id);
  if (found != ix.loaded.end()) {
    if (keep_document && !found->second->raw) {
      // Read before for a whole-catalog command: add its document.
      auto document = std::make_shared<json>();
      read_role_file(f, *this, document.get());
      found->second->raw = std::move(document);
    }
    return found->second.get();
  }
  json document;
  auto role = std::make_unique<Role>(read_role_file(f, *this, keep_document ? &document : nullptr));
  if (keep_document) {
    role->raw = std::make_shared<const json>(std::move(document));
  }
  auto& slot = ix.loaded[f.id];
  slot = std::move(role);
  return slot.get();
}

const Role* Catalog::find_role(const std::string& id_or_alias) const
{
  const std::string key = to_lower(id_or_alias);
  Index& ix = index();
  if (const auto it = ix.role_by_name.find(key); it != ix.role_by_name.end()) {
    return it->second;
  }
  if (const auto it = ix.files.find(key); it != ix.files.end()) {
    return load(it->second, true);
  }
  if (ix.lookup && ix.lookup(const_cast<Catalog&>(*this), key)) { // a partial catalog vouches for the id
    return load(ix.files.at(key), true);
  }
  if (ix.complete) { // anything else needs every file: an alias, an invalid file, no such role
    full_index();
    if (const auto it = ix.files.find(key); it != ix.files.end()) {
      return load(it->second, true);
    }
  }
  if (ix.files.empty()) {
    return nullptr;
  }
  if (!ix.aliases_scanned && ix.alias_source) {
    ix.alias_to_id = ix.alias_source();
    ix.aliases_scanned = true;
  }
  if (!ix.aliases_scanned) {
    ix.alias_to_id.clear();
    for (const auto& [id, f] : ix.files) {
      std::string text;
      if (!f.bundled) {
        try {
          text = read_file(f.file);
        } catch (const IoError&) {
          continue; // named only by its id, which reading it reports
        }
      }
      for (auto& a : scan_aliases(f.bundled ? f.text : std::string_view(text))) {
        ix.alias_to_id.emplace(std::move(a), id);
      }
    }
    ix.aliases_scanned = true;
  }
  if (const auto it = ix.alias_to_id.find(key); it != ix.alias_to_id.end()) {
    const Role* r = load(ix.files.at(it->second), true);
    // The scan found the alias; the role as read must still have it.
    if (std::find(r->aliases.begin(), r->aliases.end(), key) != r->aliases.end()) {
      return r;
    }
  }
  return nullptr;
}

std::optional<std::string> Catalog::role_id(const std::string& id_or_alias) const
{
  const std::string key = to_lower(id_or_alias);
  Index& ix = index();
  if (const auto it = ix.role_by_name.find(key); it != ix.role_by_name.end()) {
    return it->second->id;
  }
  // An indexed file is checked when the catalog is opened (open_catalog), or vouched for by a
  // partial catalog's lookup; one that cannot be read is for find_role to report.
  if (const auto it = ix.files.find(key); it != ix.files.end() && it->second.unreadable.empty()) {
    return key;
  }
  if (ix.files.find(key) == ix.files.end() && ix.lookup && ix.lookup(const_cast<Catalog&>(*this), key)) {
    return key;
  }
  const Role* r = find_role(id_or_alias);
  return r == nullptr ? std::nullopt : std::optional<std::string>(r->id);
}

std::vector<std::reference_wrapper<const Role>> Catalog::all_roles() const
{
  Index& ix = full_index();
  std::vector<std::reference_wrapper<const Role>> out;
  out.reserve(roles.size() + ix.files.size());
  for (const auto& r : roles) {
    out.emplace_back(r);
  }
  std::vector<Problem> problems;
  for (const auto& [id, f] : ix.files) {
    if (ix.role_by_name.count(id) != 0) {
      continue;
    }
    if (!f.unreadable.empty()) {
      continue; // reported when the catalog was opened
    }
    try {
      out.emplace_back(*load(f, false));
    } catch (const DataError& e) {
      problems.insert(problems.end(), e.problems.begin(), e.problems.end());
    } catch (const IoError& e) {
      if (warn) {
        warn(fmt::format("{}; left out", e.what()));
      }
    }
  }
  if (!problems.empty()) {
    throw DataError(std::move(problems));
  }
  if (!roles.empty() && !ix.files.empty()) {
    std::sort(out.begin(), out.end(), [](const Role& a, const Role& b) { return a.id < b.id; });
  }
  return out;
}

std::vector<std::string> Catalog::role_ids() const
{
  std::vector<std::string> ids;
  for (const auto& r : roles) {
    ids.push_back(r.id);
  }
  for (const auto& [id, f] : full_index().files) {
    ids.push_back(id);
  }
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  return ids;
}

std::vector<std::string> Catalog::skill_ids() const
{
  std::vector<std::string> ids;
  ids.reserve(skills.skills.size());
  for (const auto& s : skills.skills) {
    ids.push_back(s.id);
  }
  return ids;
}

std::vector<std::string> Catalog::role_names() const
{
  std::vector<std::string> names;
  for (const auto& r : roles) {
    names.push_back(r.id);
    names.insert(names.end(), r.aliases.begin(), r.aliases.end());
  }
  Index& ix = full_index();
  if (!ix.files.empty()) {
    find_role(""); // scans the aliases once
    for (const auto& [id, f] : ix.files) {
      names.push_back(id);
    }
    for (const auto& [alias, id] : ix.alias_to_id) {
      names.push_back(alias);
    }
  }
  return names;
}

const Source* Catalog::find_source(const Role* role, const std::string& id) const
{
  Index& ix = index();
  if (role != nullptr) {
    constexpr std::size_t k_few = 16; // below this a scan is as fast as a table
    if (role->sources.size() < k_few) {
      for (const auto& s : role->sources) {
        if (s.id == id) {
          return &s;
        }
      }
    } else {
      auto& m = ix.role_sources[role];
      if (m.empty()) {
        for (const auto& s : role->sources) {
          m.emplace(s.id, &s);
        }
      }
      if (const auto it = m.find(id); it != m.end()) {
        return it->second;
      }
    }
  }
  const auto it = ix.source_by_id.find(id);
  return it == ix.source_by_id.end() ? nullptr : it->second;
}

const Role& resolve_role(const Catalog& catalog, const std::string& id_or_alias)
{
  if (const Role* r = find_role_by_name(catalog, id_or_alias)) {
    return *r;
  }
  std::string shown;
  for (unsigned char c : id_or_alias.substr(0, 200)) {
    shown += (c < 0x20 || c == 0x7f) ? '?' : static_cast<char>(c);
  }
  const std::string hint = id_or_alias.size() > 64 ? std::string() : did_you_mean(id_or_alias, catalog.role_names());
  throw UsageError(fmt::format("unknown role '{}'{}", shown, id_or_alias.size() > 200 ? "..." : ""),
                   hint.empty() ? "run 'careerplan roles' to list the roles" : hint);
}

} // namespace careerplan
