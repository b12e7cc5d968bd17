#pragma once
// Loading and validating the catalog: the skill catalog, shared sources and role profiles, from
// the bundled data and from data directories that add or override roles.
#include <functional>
#include <string>
#include <vector>

#include "core/json_reader.hpp"
#include "core/model.hpp"

namespace careerplan {

inline constexpr const char* k_schema_skills = "careerplan/skills/v1";
inline constexpr const char* k_schema_sources = "careerplan/sources/v1";
inline constexpr const char* k_schema_role = "careerplan/role/v1";

inline constexpr const char* k_bundled = "<bundled>";

// Read one document of each kind; problems are appended to ctx.problems.
SkillCatalog read_skill_catalog(const json& j, const ReadContext& ctx);
std::vector<Source> read_sources(const json& j, const ReadContext& ctx);
Role read_role(const json& j, const ReadContext& ctx);

// Cross-reference checks for a role against the loaded catalog: skills, levels, sources, scale,
// and that its aliases name no other role.
void check_role(const Role& role, const Catalog& catalog, std::vector<Problem>& problems);
// The same without the aliases, which need every role (a role read on its own).
void check_role_refs(const Role& role, const Catalog& catalog, std::vector<Problem>& problems);
// The one check across role files: an alias names one role only (roles in catalog order).
void check_aliases(const std::vector<std::reference_wrapper<const Role>>& roles, std::vector<Problem>& problems);

struct LoadOptions
{
  // Data directories in increasing precedence; each may hold skills.json, sources.json and roles/*.json.
  std::vector<std::string> data_dirs;
  bool bundled = true;
  // Told, one line each, of a role file a whole-catalog command leaves out because it cannot be read.
  std::function<void(const std::string&)> warn;
  // Where open_catalog keeps its index of checked role files ("" for none: every file is checked
  // on every run). The index only saves time: a file whose size, times or inode changed is read
  // and checked again, and an index that cannot be written is not an error.
  std::string cache_dir;
  // For a command that reads a few roles by id (show, gap, plan, routes, salary ROLE): when the
  // index allows, open_catalog lists no directory and checks only the files the command reads
  // (core/catalog_index.hpp, open_role_index); anything more completes the catalog first.
  bool one_role = false;
};

struct LoadReport
{
  Catalog catalog;
  std::vector<std::string> files; // every file read, in order
  std::vector<Problem> problems;
};

// What load_catalog_report keeps of each role: all of it, or only what the checks across files
// and a single file's checks need (its id, title, aliases and file), so that a catalog of ten
// thousand roles is checked in the memory of a few.
enum class KeptRoles { whole, names };
// Loads everything and reports every problem without throwing for invalid data (for `validate`).
// The role files are read in several threads when there are many; the problems come in the same
// order, whatever the threads: each file's own in file order, then each role's (sorted by id)
// against the catalog and the other roles.
// `threads`: how many at once (0: as many as there are cores, for a catalog large enough).
LoadReport load_catalog_report(const LoadOptions& options, KeptRoles kept = KeptRoles::whole, unsigned threads = 0);
// Loads everything; throws DataError on the first invalid file (exit 3), IoError when a directory cannot be read.
Catalog load_catalog(const LoadOptions& options);
// What commands use: reads the skills and shared sources, and indexes the role files by name
// without reading them; each role is read, and checked, when a command first asks for it
// (Catalog::find_role, Catalog::all_roles). Files whose names start with '.' are not catalog files.
Catalog open_catalog(const LoadOptions& options);

// Reads and checks one indexed role file (all but its aliases): DataError with every problem,
// IoError when it cannot be read. The parsed document is moved into *document when asked for.
Role read_role_file(const RoleFile& f, const Catalog& catalog, json* document = nullptr);

// Reads a single file of any kind, by its schema id, for `validate PATH` (problems appended).
void validate_file(const std::string& path, const Catalog& catalog, std::vector<Problem>& problems);

// The role for an id or alias, case-insensitive; a UsageError (exit 2) with the nearest ids otherwise.
const Role& resolve_role(const Catalog& catalog, const std::string& id_or_alias);

} // namespace careerplan
