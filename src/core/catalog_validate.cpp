// Reading the whole catalog for `validate`: every file of every layer, each problem reported
// with its file and JSON path, then the checks across files (references, aliases).
#include <algorithm>
#include <atomic>
#include <exception>
#include <iterator>
#include <mutex>
#include <system_error>
#include <thread>
#include <unordered_map>
#include <unordered_set>

#include <fmt/format.h>

#include "core/assessment.hpp"
#include "core/catalog.hpp"
#include "core/catalog_layers.hpp"

namespace careerplan {

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

// What `validate` learns from one file of the catalog, in its layer's order.
struct FileResult
{
  std::vector<Problem> problems; // the file's own problems, in the order they were found
  bool read = false; // a file of a data directory that could be read (LoadReport::files)
  bool is_role = false; // a role document, read into `role`
  Role role; // whole, or its names only (KeptRoles::names)
  std::vector<Problem> ref_problems; // its references against the catalog, reported after every file
};

// Reads, reads into a Role and checks one role file against the catalog's skills and sources
// (which are complete by then). Touches nothing but `out`: several files are read at once.
void read_role_result(const detail::LayerFile& f, const Catalog& cat, KeptRoles kept, FileResult& out)
{
  std::string owned;
  if (!f.bundled) {
    try {
      owned = read_file(f.path);
    } catch (const IoError& e) {
      out.problems.push_back({f.path, "", e.what()});
      return;
    }
    out.read = true;
  }
  const std::string_view text = f.bundled ? f.text : std::string_view(owned);
  const ReadContext ctx{f.path, &out.problems};
  auto j = parse_json(text, f.path, out.problems);
  owned = std::string();
  if (!j) {
    return;
  }
  out.is_role = file_kind(*j) == FileKind::role;
  Role role = read_role(*j, ctx); // a document of another kind: the schema and every other problem
  j.reset();
  if (!out.is_role) {
    return;
  }
  const std::string_view base = std::string_view(f.path).substr(f.path.rfind('/') + 1);
  if (!role.id.empty() && (base.size() != role.id.size() + 5 || !base.starts_with(role.id) || !base.ends_with(".json"))) {
    ctx.add("/id", fmt::format("role id '{}' does not match the file name '{}'", role.id, base));
  }
  check_role_refs(role, cat, out.ref_problems);
  if (kept == KeptRoles::whole) {
    out.role = std::move(role);
  } else {
    out.role.id = std::move(role.id);
    out.role.file = std::move(role.file);
    out.role.title = std::move(role.title);
    out.role.aliases = std::move(role.aliases);
  }
}

// Reads the role files of `files` (indices into `results`), in `threads` threads at once.
void read_role_results(const std::vector<const detail::LayerFile*>& files, const std::vector<std::size_t>& at,
                       const Catalog& cat, KeptRoles kept, std::vector<FileResult>& results, unsigned threads)
{
  std::atomic<std::size_t> next{0};
  std::mutex failed_lock;
  std::exception_ptr failed;
  auto work = [&] {
    try {
      for (std::size_t i = next++; i < at.size(); i = next++) {
        read_role_result(*files[at[i]], cat, kept, results[at[i]]);
      }
    } catch (...) {
      const std::lock_guard<std::mutex> lock(failed_lock);
      failed = failed ? failed : std::current_exception();
      next = at.size();
    }
  };
  std::vector<std::thread> workers;
  for (unsigned t = 1; t < threads; ++t) {
    try {
      workers.emplace_back(work);
    } catch (const std::system_error&) {
      break; // no more threads to be had: the ones there are read every file
    }
  }
  work();
  for (auto& w : workers) {
    w.join();
  }
  if (failed) {
    std::rethrow_exception(failed);
  }
}

unsigned validate_threads(std::size_t role_files)
{
  // A thread costs about as much as reading a few role files: small catalogs are read in one.
  constexpr std::size_t k_files_per_thread = 32;
  const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  return static_cast<unsigned>(std::clamp<std::size_t>(role_files / k_files_per_thread, 1, std::min(cores, 8u)));
}

} // namespace

LoadReport load_catalog_report(const LoadOptions& options, KeptRoles kept, unsigned threads)
{
  LoadReport report;
  report.catalog.bundled = options.bundled;
  std::vector<detail::Layer> layers;
  if (options.bundled) {
    layers.push_back(detail::bundled_layer());
  }
  for (const auto& dir : options.data_dirs) {
    layers.push_back(detail::directory_layer(dir));
  }
  std::vector<const detail::LayerFile*> files; // every layer's, in order
  std::vector<std::size_t> layer_of;
  for (std::size_t l = 0; l < layers.size(); ++l) {
    for (const auto& f : layers[l].files) {
      files.push_back(&f);
      layer_of.push_back(l);
    }
  }
  std::vector<FileResult> results(files.size());
  Catalog& cat = report.catalog;
  // The shared files first, in order (each layer's skills and sources add to or replace the
  // earlier ones'): a role is checked against all of them, whichever layer it comes from.
  std::vector<std::size_t> role_files;
  for (std::size_t i = 0; i < files.size(); ++i) {
    const detail::LayerFile& f = *files[i];
    if (detail::in_roles_dir(f.path)) {
      role_files.push_back(i);
      continue;
    }
    std::string owned;
    if (!f.bundled) {
      try {
        owned = read_file(f.path);
      } catch (const IoError& e) {
        results[i].problems.push_back({f.path, "", e.what()});
        continue;
      }
      results[i].read = true;
    }
    detail::read_shared(f.path, f.bundled ? f.text : std::string_view(owned), cat, results[i].problems);
  }
  (void)cat.find_skill({}); // the catalog's lookups are made now, before threads read them
  read_role_results(files, role_files, cat, kept, results, threads > 0 ? threads : validate_threads(role_files.size()));

  // Every file's problems in order; a role id given twice in a layer is the second file's
  // problem, and a later data directory's role replaces an earlier one's.
  struct Kept
  {
    Role role;
    std::vector<Problem> ref_problems;
  };
  std::vector<Kept> roles;
  std::unordered_map<std::string, std::size_t> role_at; // id -> index in roles
  std::unordered_set<std::string> layer_role_ids;
  for (std::size_t i = 0; i < files.size(); ++i) {
    FileResult& r = results[i];
    if (i > 0 && layer_of[i] != layer_of[i - 1]) {
      layer_role_ids.clear();
    }
    if (r.read) {
      report.files.push_back(files[i]->path);
    }
    std::move(r.problems.begin(), r.problems.end(), std::back_inserter(report.problems));
    r.problems = {};
    if (!r.is_role) {
      continue;
    }
    if (!layer_role_ids.insert(r.role.id).second) {
      const ReadContext ctx{files[i]->path, &report.problems};
      ctx.add("/id", fmt::format("duplicate role id '{}'", r.role.id));
      r = {};
      continue;
    }
    Kept k{std::move(r.role), std::move(r.ref_problems)};
    r = {};
    if (const auto it = role_at.find(k.role.id); it != role_at.end()) {
      roles[it->second] = std::move(k);
    } else {
      role_at.emplace(k.role.id, roles.size());
      roles.push_back(std::move(k));
    }
  }
  results = {};
  std::sort(roles.begin(), roles.end(), [](const Kept& a, const Kept& b) { return a.role.id < b.role.id; });
  cat.roles.reserve(roles.size());
  for (auto& k : roles) {
    cat.roles.push_back(std::move(k.role));
  }
  // Each role's checks against the catalog, then whether its aliases name another role.
  std::vector<Problem> clashes;
  check_aliases(cat.all_roles(), clashes);
  std::unordered_map<std::string, std::vector<Problem>> clashes_of;
  for (auto& p : clashes) {
    clashes_of[p.file].push_back(std::move(p));
  }
  for (std::size_t i = 0; i < cat.roles.size(); ++i) {
    std::move(roles[i].ref_problems.begin(), roles[i].ref_problems.end(), std::back_inserter(report.problems));
    if (const auto it = clashes_of.find(cat.roles[i].file); it != clashes_of.end()) {
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
