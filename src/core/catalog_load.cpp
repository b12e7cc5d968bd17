// Finding the catalog's files (bundled and in data directories) and reading them: whole for
// `validate`, or as an index of role files read one by one for every other command.
#include <algorithm>
#include <cerrno>
#include <cstring>
#include <dirent.h>
#include <filesystem>
#include <unordered_map>
#include <unordered_set>

#include <fmt/format.h>

#include "core/assessment.hpp"
#include "core/catalog.hpp"
#include "core/catalog_index.hpp"
#include "core/embedded.hpp"
#include "core/read_parts.hpp"

namespace careerplan {

namespace fs = std::filesystem;

namespace {

enum class Kind { skills, sources, role, assessment, unknown };

Kind kind_of(const json& j)
{
  if (!j.is_object() || !j.contains("schema") || !j["schema"].is_string()) {
    return Kind::unknown;
  }
  const auto& s = j["schema"].get_ref<const std::string&>();
  if (s == k_schema_skills) {
    return Kind::skills;
  }
  if (s == k_schema_sources) {
    return Kind::sources;
  }
  if (s == k_schema_role) {
    return Kind::role;
  }
  if (s.rfind("careerplan/assessment/", 0) == 0) {
    return Kind::assessment;
  }
  return Kind::unknown;
}

// A file of a layer: bundled text, or a path read when its turn comes.
struct LayerFile
{
  std::string path; // display path
  std::string_view text; // bundled text
  bool bundled = false;
};

struct Layer
{
  std::string name; // "<bundled>" or a directory
  std::vector<LayerFile> files; // skills.json and sources.json first, then roles/*.json by name
};

Layer bundled_layer()
{
  Layer layer{k_bundled, {}};
  for (const auto& f : embedded_files()) {
    if (f.path.rfind("examples/", 0) == 0) {
      continue;
    }
    layer.files.push_back({std::string(k_bundled) + "/" + std::string(f.path), f.content, true});
  }
  return layer;
}

// A data directory's files. A name starting with '.' is no catalog file (hidden files, editors'
// backups, the "._x.json" that macOS leaves on foreign disks). Whether a file can be read is
// found out when it is read.
Layer directory_layer(const std::string& dir)
{
  Layer layer{dir, {}};
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    throw IoError(fmt::format("data directory '{}' does not exist or is not a directory", dir));
  }
  for (const char* name : {"skills.json", "sources.json"}) {
    const fs::path p = fs::path(dir) / name;
    if (fs::exists(fs::symlink_status(p, ec)) || fs::exists(p, ec)) {
      layer.files.push_back({p.string(), {}, false});
    }
  }
  const std::string roles = (fs::path(dir) / "roles").string();
  if (fs::is_directory(roles, ec)) {
    // readdir itself: a directory of ten thousand roles is listed in a millisecond or two.
    DIR* d = ::opendir(roles.c_str());
    if (d == nullptr) {
      throw IoError(fmt::format("cannot list '{}': {}", roles, std::strerror(errno)));
    }
    std::vector<std::string> found;
    const std::string prefix = roles + '/';
    errno = 0;
    while (const dirent* e = ::readdir(d)) {
      const std::string_view name(e->d_name);
      if (name.size() > 5 && name.ends_with(".json") && name.front() != '.') {
        found.emplace_back(prefix).append(name);
      }
      errno = 0;
    }
    const int error = errno;
    ::closedir(d);
    if (error != 0) {
      throw IoError(fmt::format("cannot list '{}': {}", roles, std::strerror(error)));
    }
    std::sort(found.begin(), found.end());
    layer.files.reserve(layer.files.size() + found.size());
    for (auto& p : found) {
      layer.files.push_back({std::move(p), {}, false});
    }
  }
  return layer;
}

bool in_roles_dir(const std::string& file)
{
  const std::string_view f(file);
  const auto slash = f.rfind('/');
  return slash != std::string_view::npos && (f.substr(0, slash) == "roles" || f.substr(0, slash).ends_with("/roles"));
}

// "dir/roles/x.json" -> "x"
std::string stem_of(const std::string& file)
{
  const auto slash = file.rfind('/');
  const std::string_view name = std::string_view(file).substr(slash == std::string::npos ? 0 : slash + 1);
  return std::string(name.ends_with(".json") ? name.substr(0, name.size() - 5) : name);
}

template <typename T>
void merge_by_id(std::vector<T>& into, std::vector<T> from)
{
  std::unordered_map<std::string, std::size_t> at;
  for (std::size_t i = 0; i < into.size(); ++i) {
    at.emplace(into[i].id, i);
  }
  for (auto& s : from) {
    if (const auto it = at.find(s.id); it != at.end()) {
      into[it->second] = std::move(s);
    } else {
      at.emplace(s.id, into.size());
      into.push_back(std::move(s));
    }
  }
}

// Reads skills.json or sources.json into the catalog.
void read_shared(const std::string& file, std::string_view text, Catalog& cat, std::vector<Problem>& problems)
{
  const ReadContext ctx{file, &problems};
  const auto j = parse_json(text, file, problems);
  if (!j) {
    return;
  }
  const std::string base = fs::path(file).filename().string();
  if (base == "skills.json") {
    SkillCatalog sk = read_skill_catalog(*j, ctx);
    detail::check_skill_names(sk.skills, cat.skills.skills, ctx);
    merge_by_id(cat.skills.scales, std::move(sk.scales));
    merge_by_id(cat.skills.skills, std::move(sk.skills));
  } else if (base == "sources.json") {
    merge_by_id(cat.sources, read_sources(*j, ctx));
  }
}

} // namespace

LoadReport load_catalog_report(const LoadOptions& options)
{
  LoadReport report;
  std::vector<Layer> layers;
  if (options.bundled) {
    layers.push_back(bundled_layer());
  }
  for (const auto& dir : options.data_dirs) {
    layers.push_back(directory_layer(dir));
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
      if (!in_roles_dir(f.path)) {
        read_shared(f.path, text, cat, report.problems);
        continue;
      }
      const ReadContext ctx{f.path, &report.problems};
      const auto j = parse_json(text, f.path, report.problems);
      if (!j) {
        continue;
      }
      if (kind_of(*j) != Kind::role) {
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

namespace {

// Every role file of the catalog, the last layer first (it is usually the large one, and its
// files come in order): a role that a later layer has already given is overridden, so it is not
// added (nor is one the catalog has already: a partial catalog's).
void add_role_files(Catalog& cat, std::vector<Layer>& layers)
{
  for (auto layer = layers.rbegin(); layer != layers.rend(); ++layer) {
    for (auto& f : layer->files) {
      if (in_roles_dir(f.path)) {
        cat.add_role_file(RoleFile{stem_of(f.path), std::move(f.path), f.text, f.bundled, {}}, false);
      }
    }
  }
}

} // namespace

Catalog open_catalog(const LoadOptions& options)
{
  for (const auto& dir : options.data_dirs) {
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) {
      throw IoError(fmt::format("data directory '{}' does not exist or is not a directory", dir));
    }
  }
  Catalog cat;
  cat.warn = options.warn;
  std::vector<Problem> problems;
  std::vector<std::pair<std::string, std::string>> shared; // data directories' skills and sources
  if (options.bundled) {
    for (const auto& f : bundled_layer().files) {
      if (!in_roles_dir(f.path)) {
        read_shared(f.path, f.text, cat, problems);
      }
    }
  }
  for (const auto& dir : options.data_dirs) {
    for (const char* name : {"skills.json", "sources.json"}) {
      const fs::path p = fs::path(dir) / name;
      std::error_code ec;
      if (fs::exists(fs::symlink_status(p, ec)) || fs::exists(p, ec)) {
        shared.emplace_back(p.string(), read_file(p.string()));
        read_shared(shared.back().first, shared.back().second, cat, problems);
      }
    }
  }
  if (!problems.empty()) {
    throw DataError(std::move(problems));
  }
  auto layers = [options] {
    std::vector<Layer> out;
    if (options.bundled) {
      out.push_back(bundled_layer());
    }
    for (const auto& dir : options.data_dirs) {
      out.push_back(directory_layer(dir));
    }
    return out;
  };
  if (options.data_dirs.empty()) {
    auto all = layers();
    add_role_files(cat, all);
    return cat; // the bundled catalog is checked when it is built
  }
  // A data directory's files are checked when they change (and the bundled roles with them,
  // against the data directories' skills). Without the bundled catalog a role file is checked
  // against other skills: another key.
  const std::string key = catalog_key(shared) + (options.bundled ? "" : "-no-bundled");
  auto complete = [options, key, layers](Catalog& c) {
    const std::vector<DirStamp> stamps = stamp_role_dirs(options.data_dirs); // before listing them
    auto all = layers();
    add_role_files(c, all);
    refresh_role_index(c, options, key, stamps);
  };
  if (options.one_role && open_role_index(cat, options, key, complete)) {
    return cat;
  }
  complete(cat);
  return cat;
}

void validate_file(const std::string& path, const Catalog& catalog, std::vector<Problem>& problems)
{
  const std::string text = read_file(path);
  const ReadContext ctx{path, &problems};
  const auto j = parse_json(text, path, problems);
  if (!j) {
    return;
  }
  switch (kind_of(*j)) {
  case Kind::skills:
    read_skill_catalog(*j, ctx);
    break;
  case Kind::sources:
    read_sources(*j, ctx);
    break;
  case Kind::role: {
    Role role = read_role(*j, ctx);
    if (problems.empty()) {
      check_role(role, catalog, problems);
    }
    break;
  }
  case Kind::assessment:
    validate_assessment_json(*j, path, catalog, problems);
    break;
  case Kind::unknown:
    ctx.add("/schema", fmt::format("not a careerplan file: expected a \"schema\" of {}, {}, {} or careerplan/assessment/v1",
                                   k_schema_role, k_schema_skills, k_schema_sources));
    break;
  }
}

} // namespace careerplan
