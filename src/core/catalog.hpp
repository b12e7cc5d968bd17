#pragma once
// Loading and validating the catalog: the skill catalog, shared sources and role profiles, from
// the bundled data and from data directories that add or override roles.
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

// Cross-reference checks for a role against the loaded catalog: skills, levels, sources, aliases.
void check_role(const Role& role, const Catalog& catalog, std::vector<Problem>& problems);

struct LoadOptions
{
  // Data directories in increasing precedence; each may hold skills.json, sources.json and roles/*.json.
  std::vector<std::string> data_dirs;
  bool bundled = true;
};

struct LoadReport
{
  Catalog catalog;
  std::vector<std::string> files; // every file read, in order
  std::vector<Problem> problems;
};

// Loads everything and reports every problem without throwing for invalid data (for `validate`).
LoadReport load_catalog_report(const LoadOptions& options);
// Loads everything; throws DataError on the first invalid file (exit 3), IoError when a directory cannot be read.
Catalog load_catalog(const LoadOptions& options);

// Reads a single file of any kind, by its schema id, for `validate PATH` (problems appended).
void validate_file(const std::string& path, const Catalog& catalog, std::vector<Problem>& problems);

// The role for an id or alias, case-insensitive; a UsageError (exit 2) with the nearest ids otherwise.
const Role& resolve_role(const Catalog& catalog, const std::string& id_or_alias);

} // namespace careerplan
