// Reading the whole catalog for `validate`: every file of every layer, each problem reported
// with its file and JSON path, then the checks across files (references, aliases).
#include <algorithm>
#include <filesystem>
#include <unordered_map>
#include <unordered_set>

#include <fmt/format.h>

#include "core/assessment.hpp"
#include "core/catalog.hpp"
#include "core/catalog_layers.hpp"

namespace careerplan {

namespace fs = std::filesystem;

namespace {

enum class FileKind { skills, sources, role, assessment, unknown };

FileKind file_kind(const json& j)
{
  if (!j.is_object() || !j.contains("schema") || !j["schema"].is_string()) {
    return FileKind::unknown;
  }
  const auto& s = j["schema"].get_ref<const std::string&>();
  if (s == k_schema_skills) {
    return FileKind::skills;
  }
  if (s == k_schema_sources) {
    return FileKind::sources;
  }
  if (s == k_schema_role) {
    return FileKind::role;
  }
  if (s.rfind("careerplan/assessment/", 0) == 0) {
    return FileKind::assessment;
  }
  return FileKind::unknown;
}

} // namespace

LoadReport load_catalog_report(const LoadOptions& options)
{
  LoadReport report;
  std::vector<detail::Layer> layers;
  if (options.bundled) {
    layers.push_back(detail::bundled_layer());
  }
  for (const auto& dir : options.data_dirs) {
    layers.push_back(detail::directory_layer(dir));
  }
  Catalog& cat = report.catalog;
  std::unordered_map<std::string, std::size_t> role_at; // id -> index in cat.roles
  for (const auto& layer : layers) {
    std::unordered_set<std::string> layer_role_ids;
    for (const auto& f : layer.files) {
      // One file that cannot be read is one problem: the others are still checked.
      std::string owned;
      if (!f.bundled) {
        try {
          owned = read_file(f.path);
        } catch (const IoError& e) {
          report.problems.push_back({f.path, "", e.what()});
          continue;
        }
        report.files.push_back(f.path);
      }
      const std::string_view text = f.bundled ? f.text : std::string_view(owned);
      if (!detail::in_roles_dir(f.path)) {
        detail::read_shared(f.path, text, cat, report.problems);
        continue;
      }
      const ReadContext ctx{f.path, &report.problems};
      const auto j = parse_json(text, f.path, report.problems);
      if (!j) {
        continue;
      }
      if (file_kind(*j) != FileKind::role) {
        Role ignored = read_role(*j, ctx); // reports the schema and every other problem
        (void)ignored;
        continue;
      }
      Role role = read_role(*j, ctx);
      const std::string base = fs::path(f.path).filename().string();
      if (!role.id.empty() && base != role.id + ".json") {
        ctx.add("/id", fmt::format("role id '{}' does not match the file name '{}'", role.id, base));
      }
      if (!layer_role_ids.insert(role.id).second) {
        ctx.add("/id", fmt::format("duplicate role id '{}'", role.id));
        continue;
      }
      if (const auto it = role_at.find(role.id); it != role_at.end()) {
        cat.roles[it->second] = std::move(role); // a later data directory overrides
      } else {
        role_at.emplace(role.id, cat.roles.size());
        cat.roles.push_back(std::move(role));
      }
    }
  }
  std::sort(cat.roles.begin(), cat.roles.end(), [](const Role& a, const Role& b) { return a.id < b.id; });
  // Each role's checks against the catalog, then whether its aliases name another role.
  std::vector<Problem> clashes;
  check_aliases(cat.all_roles(), clashes);
  std::unordered_map<std::string, std::vector<Problem>> clashes_of;
  for (auto& p : clashes) {
    clashes_of[p.file].push_back(std::move(p));
  }
  for (const auto& role : cat.roles) {
    check_role_refs(role, cat, report.problems);
    if (const auto it = clashes_of.find(role.file); it != clashes_of.end()) {
      report.problems.insert(report.problems.end(), it->second.begin(), it->second.end());
      clashes_of.erase(it);
    }
  }
  return report;
}

Catalog load_catalog(const LoadOptions& options)
{
  LoadReport report = load_catalog_report(options);
  if (!report.problems.empty()) {
    throw DataError(std::move(report.problems));
  }
  return std::move(report.catalog);
}

void validate_file(const std::string& path, const Catalog& catalog, std::vector<Problem>& problems)
{
  const std::string text = read_file(path);
  const ReadContext ctx{path, &problems};
  const auto j = parse_json(text, path, problems);
  if (!j) {
    return;
  }
  switch (file_kind(*j)) {
  case FileKind::skills:
    read_skill_catalog(*j, ctx);
    break;
  case FileKind::sources:
    read_sources(*j, ctx);
    break;
  case FileKind::role: {
    Role role = read_role(*j, ctx);
    if (problems.empty()) {
      check_role(role, catalog, problems);
    }
    break;
  }
  case FileKind::assessment:
    validate_assessment_json(*j, path, catalog, problems);
    break;
  case FileKind::unknown:
    ctx.add("/schema", fmt::format("not a careerplan file: expected a \"schema\" of {}, {}, {} or careerplan/assessment/v1",
                                   k_schema_role, k_schema_skills, k_schema_sources));
    break;
  }
}

} // namespace careerplan
