// Finding the catalog's files (bundled and in data directories) and indexing the role files, read
// one by one, for every command but `validate` (core/catalog_validate.cpp reads them all).
#include <algorithm>
#include <cerrno>
#include <cstring>
#include <dirent.h>
#include <filesystem>
#include <unordered_map>
#include <unordered_set>

#include <fmt/format.h>

#include "core/catalog.hpp"
#include "core/catalog_index.hpp"
#include "core/catalog_layers.hpp"
#include "core/embedded.hpp"
#include "core/read_parts.hpp"

namespace careerplan {

namespace fs = std::filesystem;
using detail::bundled_layer;
using detail::directory_layer;
using detail::in_roles_dir;
using detail::Layer;
using detail::read_shared;

namespace detail {

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

} // namespace detail

namespace {

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

} // namespace

// Reads skills.json or sources.json into the catalog.
void detail::read_shared(const std::string& file, std::string_view text, Catalog& cat, std::vector<Problem>& problems)
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
  cat.bundled = options.bundled;
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

} // namespace careerplan
