// The index of checked role files: which files of a set of data directories were read and found
// valid, with their aliases, so that a command checks only the files that changed since.
//
// One index file per set of data directories, under the cache directory. Its first line names the
// format and a key: a hash of careerplan's version, the bundled files, and the skill catalogs and
// shared sources in use (a role is checked against them, so a change there checks every role
// again). Then one line per valid role file: path, size, modification and change times in
// nanoseconds, inode, aliases. A file is taken as checked only when all five still match.
#include "core/catalog_index.hpp"

#include <cerrno>
#include <cstring>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <unordered_map>
#include <unordered_set>

#include <fmt/format.h>

#include "core/embedded.hpp"
#include "core/text.hpp"
#include "version.hpp"

namespace careerplan {

namespace fs = std::filesystem;

namespace {

constexpr const char* k_index_format = "careerplan-role-index 1";

struct Stamp
{
  long long size = 0;
  long long mtime = 0;
  long long ctime = 0;
  unsigned long long inode = 0;
  bool operator==(const Stamp&) const = default;
};

struct Entry
{
  Stamp stamp;
  std::vector<std::string> aliases;
};

std::uint64_t fnv1a(std::string_view s, std::uint64_t h = 1469598103934665603ULL)
{
  for (const unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  return h;
}

std::unordered_map<std::string, Entry> read_index(const std::string& path, const std::string& key)
{
  std::unordered_map<std::string, Entry> out;
  std::ifstream in(path);
  std::string line;
  if (!in || !std::getline(in, line) || line != fmt::format("{}\t{}", k_index_format, key)) {
    return out;
  }
  while (std::getline(in, line)) {
    const auto f = split(line, '\t');
    if (f.size() != 6) {
      continue;
    }
    try {
      Entry e{{std::stoll(f[1]), std::stoll(f[2]), std::stoll(f[3]), std::stoull(f[4])}, {}};
      if (!f[5].empty()) {
        e.aliases = split(f[5], ',');
      }
      out.insert_or_assign(f[0], std::move(e));
    } catch (const std::exception&) {
      continue; // a damaged line: that file is checked again
    }
  }
  return out;
}

// Written beside and renamed over the old one, so that a reader never sees half an index.
// Failing to write costs the next command time, nothing else.
void write_index(const std::string& path, const std::string& key, const std::vector<std::pair<std::string, Entry>>& entries)
{
  std::error_code ec;
  fs::create_directories(fs::path(path).parent_path(), ec);
  const std::string tmp = fmt::format("{}.{}.tmp", path, ::getpid());
  {
    std::ofstream out(tmp, std::ios::trunc);
    if (!out) {
      return;
    }
    out << k_index_format << '\t' << key << '\n';
    for (const auto& [file, e] : entries) {
      std::string aliases;
      for (const auto& a : e.aliases) {
        aliases += (aliases.empty() ? "" : ",") + a;
      }
      out << file << '\t' << e.stamp.size << '\t' << e.stamp.mtime << '\t' << e.stamp.ctime << '\t' << e.stamp.inode
          << '\t' << aliases << '\n';
    }
    out.flush();
    if (!out) {
      fs::remove(tmp, ec);
      return;
    }
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    fs::remove(tmp, ec);
  }
}

// Directories opened once, so that each file is looked up by its name alone.
class Dirs
{
public:
  Dirs() = default;
  Dirs(const Dirs&) = delete;
  Dirs& operator=(const Dirs&) = delete;
  ~Dirs()
  {
    for (const auto& [path, fd] : m_fds) {
      if (fd >= 0) {
        ::close(fd);
      }
    }
  }
  // The directory's descriptor and the file's name in it (AT_FDCWD and the path when unsure).
  std::pair<int, const char*> at(const std::string& file)
  {
    const auto slash = file.rfind('/');
    if (slash == std::string::npos || slash == 0) {
      return {AT_FDCWD, file.c_str()};
    }
    const std::string dir = file.substr(0, slash);
    auto it = m_fds.find(dir);
    if (it == m_fds.end()) {
      it = m_fds.emplace(dir, ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC)).first;
    }
    return it->second < 0 ? std::pair<int, const char*>{AT_FDCWD, file.c_str()}
                          : std::pair<int, const char*>{it->second, file.c_str() + slash + 1};
  }

private:
  std::unordered_map<std::string, int> m_fds;
};

// The file's stamp; an error message when it is no regular file or cannot be found. (A file
// made unreadable has a new change time, so it is read again, and that read reports it.)
std::string stamp_of(const RoleFile& f, Stamp& stamp, Dirs& dirs)
{
  if (f.bundled) {
    stamp = {static_cast<long long>(f.text.size()), 0, 0, 0};
    return {};
  }
  struct stat st {};
  const auto [fd, name] = dirs.at(f.file);
  if (::fstatat(fd, name, &st, 0) != 0) {
    return fmt::format("cannot read '{}': {}", f.file, std::strerror(errno));
  }
  if (!S_ISREG(st.st_mode)) {
    return fmt::format("cannot read '{}': {}", f.file, S_ISDIR(st.st_mode) ? "it is a directory" : "not a regular file");
  }
  stamp = {static_cast<long long>(st.st_size), st.st_mtim.tv_sec * 1000000000LL + st.st_mtim.tv_nsec,
           st.st_ctim.tv_sec * 1000000000LL + st.st_ctim.tv_nsec, static_cast<unsigned long long>(st.st_ino)};
  return {};
}

} // namespace

std::string catalog_key(const std::vector<std::pair<std::string, std::string>>& shared_files)
{
  std::uint64_t h = fnv1a(k_version);
  for (const auto& f : embedded_files()) {
    h = fnv1a(f.path, h);
    h = fnv1a(f.content, h);
  }
  for (const auto& [path, text] : shared_files) {
    h = fnv1a(path, h);
    h = fnv1a(text, h);
  }
  return fmt::format("{:016x}", h);
}

void refresh_role_index(Catalog& cat, const LoadOptions& options, const std::string& key)
{
  std::string dirs;
  for (const auto& d : options.data_dirs) {
    std::error_code ec;
    dirs += fs::absolute(d, ec).lexically_normal().string() + '\n';
  }
  const std::string path =
      options.cache_dir.empty() ? std::string() : fmt::format("{}/roles-{:016x}.index", options.cache_dir, fnv1a(dirs));
  const auto cached = path.empty() ? std::unordered_map<std::string, Entry>() : read_index(path, key);

  std::vector<std::pair<std::string, Entry>> entries; // the index to write
  std::vector<std::string_view> entry_ids; // the role id of each entry
  std::vector<const RoleFile*> changed;
  std::vector<std::pair<std::string, std::string>> unreadable; // (id, why)
  entries.reserve(cat.role_files().size());
  Dirs opened;
  for (const auto& [id, f] : cat.role_files()) {
    Stamp stamp;
    if (std::string why = stamp_of(f, stamp, opened); !why.empty()) {
      unreadable.emplace_back(id, std::move(why));
      continue;
    }
    const auto it = cached.find(f.file);
    entry_ids.push_back(id);
    if (it != cached.end() && it->second.stamp == stamp) {
      entries.emplace_back(f.file, it->second);
    } else {
      entries.emplace_back(f.file, Entry{stamp, {}});
      changed.push_back(&f);
    }
  }
  for (auto& [id, why] : unreadable) {
    if (options.warn) {
      options.warn(fmt::format("{}; role '{}' is left out", why, id));
    }
    cat.mark_unreadable(id, std::move(why));
  }

  // Each changed file is read and checked whole, then let go (a first run over ten thousand
  // files holds one at a time).
  std::vector<Problem> problems;
  std::unordered_set<std::string> invalid;
  std::unordered_map<std::string, std::vector<std::string>> aliases_of; // file -> aliases, changed files
  for (const RoleFile* f : changed) {
    try {
      aliases_of[f->file] = read_role_file(*f, cat).aliases;
    } catch (const DataError& e) {
      problems.insert(problems.end(), e.problems.begin(), e.problems.end());
      invalid.insert(f->file);
    } catch (const IoError& e) {
      if (options.warn) {
        options.warn(fmt::format("{}; role '{}' is left out", e.what(), f->id));
      }
      cat.mark_unreadable(f->id, e.what());
      invalid.insert(f->file);
    }
  }
  // Every alias; when a file changed, every name of every role and its aliases against them.
  std::unordered_map<std::string, std::string> alias_to_id;
  std::unordered_map<std::string, std::vector<std::string>> names; // name -> role ids
  if (!changed.empty()) {
    for (const auto& [id, f] : cat.role_files()) {
      names[id].push_back(id);
    }
  }
  alias_to_id.reserve(entries.size());
  for (std::size_t k = 0; k < entries.size(); ++k) {
    auto& [file, e] = entries[k];
    if (const auto it = aliases_of.find(file); it != aliases_of.end()) {
      e.aliases = it->second;
    }
    const std::string id(entry_ids[k]);
    for (const auto& a : e.aliases) {
      alias_to_id.emplace(a, id);
      if (changed.empty()) {
        continue;
      }
      auto& v = names[a];
      if (v.empty() || v.back() != id) {
        v.push_back(id);
      }
    }
  }
  for (const RoleFile* f : changed) {
    const auto it = aliases_of.find(f->file);
    if (it == aliases_of.end()) {
      continue;
    }
    const ReadContext ctx{f->file, &problems};
    // A clash between a bundled role and a user's is reported at the user's file, never at the bundled one.
    auto bundled = [&](const std::string& id) {
      const auto rf = cat.role_files().find(id);
      return rf != cat.role_files().end() && rf->second.bundled;
    };
    if (!f->bundled) {
      for (const auto& other : names[f->id]) {
        if (other != f->id && bundled(other)) {
          ctx.add("/id", fmt::format("role id '{}' is an alias of the bundled role '{}'; choose another id", f->id, other));
          invalid.insert(f->file);
        }
      }
    }
    for (std::size_t i = 0; i < it->second.size(); ++i) {
      for (const auto& other : names[it->second[i]]) {
        if (other != f->id && !(f->bundled && !bundled(other))) {
          ctx.add(pointer_append("/aliases", i),
                  fmt::format("alias '{}' is also a name of role '{}'", it->second[i], other));
          invalid.insert(f->file);
        }
      }
    }
  }
  if (!path.empty() && (!changed.empty() || entries.size() != cached.size())) {
    std::erase_if(entries, [&](const auto& e) {
      return invalid.count(e.first) != 0 || e.first.find_first_of("\t\n") != std::string::npos;
    });
    write_index(path, key, entries); // the valid files, so that fixing one file re-checks that file only
  }
  if (!problems.empty()) {
    throw DataError(std::move(problems));
  }
  cat.set_aliases(std::move(alias_to_id));
}

} // namespace careerplan
