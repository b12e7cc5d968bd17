// The index of checked role files: which files of a set of data directories were read and found
// valid, with their aliases and digests, so that a command checks only the files that changed
// since, and a whole-catalog command reads the digests instead of every file.
//
// One index file per set of data directories, under the cache directory. Its first line names the
// format, a key (a hash of careerplan's version, the bundled files, and the skill catalogs and
// shared sources in use: a role is checked against them, so a change there checks every role
// again) and the length of the records. Then one record line per valid role file: path, size,
// modification and change times in nanoseconds, inode, aliases, and where its digest
// (core/role_digest.hpp) lies in the digests that follow the records (offset, length). A file
// is taken as checked only when all five still match. A one-role command reads the records
// only; a whole-catalog command reads the digests too, from the same open file.
#include "core/catalog_index.hpp"

#include <cerrno>
#include <charconv>
#include <cstdint>
#include <cstring>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <sstream>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <unordered_map>
#include <unordered_set>

#include <fmt/format.h>

#include "core/embedded.hpp"
#include "core/role_digest.hpp"
#include "core/text.hpp"
#include "version.hpp"

namespace careerplan {

namespace fs = std::filesystem;

namespace {

constexpr const char* k_index_format = "careerplan-role-index 2";

struct Stamp
{
  long long size = 0;
  long long mtime = 0;
  long long ctime = 0;
  unsigned long long inode = 0;
  bool operator==(const Stamp&) const = default;
};

// A check of the index's parts against damage (eight bytes at a time: the digests are megabytes).
std::uint64_t checksum(std::string_view s)
{
  std::uint64_t h = 0x9e3779b97f4a7c15ULL ^ s.size();
  std::size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    std::uint64_t w = 0;
    std::memcpy(&w, s.data() + i, 8);
    h = (h ^ w) * 0x100000001b3ULL;
    h ^= h >> 29;
  }
  for (; i < s.size(); ++i) {
    h = (h ^ static_cast<unsigned char>(s[i])) * 0x100000001b3ULL;
  }
  return h ^ (h >> 32);
}

struct Entry
{
  Stamp stamp;
  std::vector<std::string> aliases;
  std::string digest; // a changed file's digest, or
  std::size_t digest_at = 0, digest_size = 0; // where it lies in the index's digests
};

// The digests of an index file, read from the file opened for its records when first needed
// (the file may have been replaced since: the open one is read).
class DigestSection
{
public:
  DigestSection(int fd, std::size_t start, std::size_t size, std::uint64_t sum)
      : m_fd(fd), m_start(start), m_size(size), m_sum(sum)
  {
  }
  DigestSection(const DigestSection&) = delete;
  DigestSection& operator=(const DigestSection&) = delete;
  ~DigestSection() { ::close(m_fd); }
  // Every digest; empty when they cannot be read whole.
  std::string_view bytes()
  {
    if (!m_read) {
      m_read = true;
      m_bytes.resize(m_size);
      std::size_t got = 0;
      while (got < m_size) {
        const auto n = ::pread(m_fd, m_bytes.data() + got, m_size - got, static_cast<off_t>(m_start + got));
        if (n <= 0) {
          break;
        }
        got += static_cast<std::size_t>(n);
      }
      if (got != m_size || checksum(m_bytes) != m_sum) {
        m_bytes.clear(); // damaged: every digest is refused, and each role read from its file
      }
    }
    return m_bytes;
  }
  // One digest; empty when it cannot be read.
  std::string_view at(std::size_t offset, std::size_t size)
  {
    const std::string_view all = bytes();
    return offset <= all.size() && size <= all.size() - offset ? all.substr(offset, size) : std::string_view();
  }

private:
  int m_fd;
  std::size_t m_start, m_size;
  std::uint64_t m_sum;
  bool m_read = false;
  std::string m_bytes;
};

struct Cached
{
  std::unordered_map<std::string, Entry> entries; // by path
  std::shared_ptr<DigestSection> digests;
};

std::uint64_t fnv1a(std::string_view s, std::uint64_t h = 1469598103934665603ULL)
{
  for (const unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  return h;
}

template <typename T>
bool number(std::string_view text, T& out)
{
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc() && end == text.data() + text.size();
}

// Reads whole `size` bytes at `offset` of fd (false when it cannot).
bool read_at(int fd, std::string& into, std::size_t offset, std::size_t size)
{
  into.resize(size);
  std::size_t got = 0;
  while (got < size) {
    const auto n = ::pread(fd, into.data() + got, size - got, static_cast<off_t>(offset + got));
    if (n <= 0) {
      return false;
    }
    got += static_cast<std::size_t>(n);
  }
  return true;
}

Cached read_index(const std::string& path, const std::string& key)
{
  Cached out;
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    return out; // no index yet, or one that cannot be read: every file is checked
  }
  struct stat st {};
  std::string head;
  const std::string format = fmt::format("{}\t{}\t", k_index_format, key);
  std::size_t eol = std::string::npos;
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) ||
      !read_at(fd, head, 0, std::min<std::size_t>(static_cast<std::size_t>(st.st_size), format.size() + 80)) ||
      !head.starts_with(format) || (eol = head.find('\n', format.size())) == std::string::npos) {
    ::close(fd);
    return out;
  }
  // The rest of the first line: the records' length and checksum, the digests' checksum.
  const auto sizes = split(head.substr(format.size(), eol - format.size()), '\t');
  std::size_t records_size = 0;
  std::uint64_t records_sum = 0, digests_sum = 0;
  if (sizes.size() != 3 || !number(sizes[0], records_size) || !number(sizes[1], records_sum) ||
      !number(sizes[2], digests_sum) || records_size > static_cast<std::size_t>(st.st_size) - eol - 1) {
    ::close(fd);
    return out;
  }
  const std::size_t records_at = eol + 1;
  const std::size_t digests_at = records_at + records_size;
  std::string text;
  if (!read_at(fd, text, records_at, records_size) || checksum(text) != records_sum) {
    ::close(fd);
    return out;
  }
  out.digests = std::make_shared<DigestSection>(fd, digests_at, static_cast<std::size_t>(st.st_size) - digests_at,
                                                digests_sum);
  const std::string_view all(text);
  for (std::size_t at = 0; at < all.size();) {
    auto end = all.find('\n', at);
    if (end == std::string_view::npos) {
      end = all.size();
    }
    const auto f = split(std::string(all.substr(at, end - at)), '\t');
    at = end + 1;
    Entry e;
    if (f.size() != 8 || !number(f[1], e.stamp.size) || !number(f[2], e.stamp.mtime) || !number(f[3], e.stamp.ctime) ||
        !number(f[4], e.stamp.inode) || !number(f[6], e.digest_at) || !number(f[7], e.digest_size)) {
      continue; // a damaged record: that file is checked again
    }
    if (!f[5].empty()) {
      e.aliases = split(f[5], ',');
    }
    out.entries.insert_or_assign(f[0], std::move(e));
  }
  return out;
}

// Written beside and renamed over the old one, so that a reader never sees half an index.
// Failing to write costs the next command time, nothing else.
template <typename Keep, typename DigestOf>
void write_index(const std::string& path, const std::string& key, const std::vector<std::pair<std::string, Entry>>& entries,
                 Keep keep, DigestOf digest_of)
{
  std::string records;
  std::string digests;
  for (const auto& [file, e] : entries) {
    if (!keep(file)) {
      continue;
    }
    std::string aliases;
    for (const auto& a : e.aliases) {
      aliases += (aliases.empty() ? "" : ",") + a;
    }
    const std::string_view digest = digest_of(e);
    fmt::format_to(std::back_inserter(records), "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\n", file, e.stamp.size, e.stamp.mtime,
                   e.stamp.ctime, e.stamp.inode, aliases, digests.size(), digest.size());
    digests += digest;
  }
  std::error_code ec;
  fs::create_directories(fs::path(path).parent_path(), ec);
  const std::string tmp = fmt::format("{}.{}.tmp", path, ::getpid());
  {
    std::ofstream out(tmp, std::ios::trunc | std::ios::binary);
    if (!out) {
      return;
    }
    out << k_index_format << '\t' << key << '\t' << records.size() << '\t' << checksum(records) << '\t'
        << checksum(digests) << '\n'
        << records << digests;
    out.flush();
    if (!out) {
      out.close();
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
  h = fnv1a(std::to_string(k_role_digest_version), h);
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
  const Cached cached = path.empty() ? Cached() : read_index(path, key);

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
    const auto it = cached.entries.find(f.file);
    entry_ids.push_back(id);
    if (it != cached.entries.end() && it->second.stamp == stamp) {
      entries.emplace_back(f.file, it->second);
    } else {
      entries.emplace_back(f.file, Entry{stamp, {}, {}, 0, 0});
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
  std::unordered_map<std::string, std::string> digest_of; // file -> digest, changed files
  for (const RoleFile* f : changed) {
    try {
      const Role role = read_role_file(*f, cat);
      aliases_of[f->file] = role.aliases;
      digest_of[f->file] = encode_role_digest(role);
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
      e.digest = std::move(digest_of[file]);
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
  if (!path.empty() && (!changed.empty() || entries.size() != cached.entries.size())) {
    // The valid files, so that fixing one file re-checks that file only.
    write_index(
        path, key, entries,
        [&](const std::string& file) {
          return invalid.count(file) == 0 && file.find_first_of("\t\n") == std::string::npos;
        },
        [&](const Entry& e) -> std::string_view {
          if (!e.digest.empty() || !cached.digests) {
            return e.digest;
          }
          return cached.digests->at(e.digest_at, e.digest_size);
        });
  }
  if (!problems.empty()) {
    throw DataError(std::move(problems));
  }
  cat.set_aliases(std::move(alias_to_id));
  // The digests: a changed file's from memory, the others' from the index when first needed.
  auto digests = std::make_shared<RoleDigests>();
  if (cached.digests) {
    digests->set_section([section = cached.digests] { return section->bytes(); });
  }
  for (std::size_t k = 0; k < entries.size(); ++k) {
    auto& [file, e] = entries[k];
    if (invalid.count(file) != 0) {
      continue;
    }
    if (!e.digest.empty()) {
      digests->add(std::string(entry_ids[k]), std::move(e.digest));
    } else if (cached.digests && e.digest_size != 0) {
      digests->add_at(std::string(entry_ids[k]), e.digest_at, e.digest_size);
    }
  }
  attach_role_digests(cat, std::move(digests));
}

} // namespace careerplan
