// The index of checked role files: which files of a set of data directories were read and found
// valid, with their aliases and digests, so that a command checks only the files that changed
// since, and a whole-catalog command reads the digests instead of every file.
//
// One index file per set of data directories, under the cache directory, mapped into memory and
// read in place (nothing is parsed into per-file objects: a one-role command among ten thousand
// roles compares stamps and looks one id up). Its first line names the format and a key (a hash
// of careerplan's version, the bundled files, and the skill catalogs and shared sources in use:
// a role is checked against them, so a change there checks every role again). Then a header of
// twelve numbers (record count, where the records, the string pool and the digests lie, a
// checksum of records and pool, the file's whole length, where the BLS section lies, its checksum
// and whether there is one), one fixed-width record per valid role file sorted by role id (size,
// modification and change times in nanoseconds, inode, where its id, path, aliases and digest
// lie, and the digest's own checksum), the pool, the BLS section (the catalog's BLS figures by
// SOC code and area, core/salary_bls.hpp, so that `salary ROLE` decodes no digest), and the
// digests (core/role_digest.hpp). A file is taken as checked only when all four stamps match.
#include "core/catalog_index.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <cstdio>
#include <dirent.h>
#include <filesystem>
#include <fstream>
#include <memory>
#include <thread>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <unordered_map>
#include <unordered_set>

#include <fmt/format.h>

#include "core/embedded.hpp"
#include "core/role_digest.hpp"
#include "core/salary_bls.hpp"
#include "core/text.hpp"
#include "version.hpp"

namespace careerplan {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view k_magic = "careerplan-role-index 3\t"; // then the key (16 hex digits), '\n'
constexpr std::size_t k_head_line = 48; // the line, padded with spaces before its '\n'
constexpr std::size_t k_head = k_head_line + 12 * 8;

struct Stamp
{
  long long size = 0;
  long long mtime = 0;
  long long ctime = 0;
  unsigned long long inode = 0;
  bool operator==(const Stamp&) const = default;
};

// One record of the index (read and written with memcpy: the file is read in place).
struct Record
{
  std::int64_t size, mtime, ctime;
  std::uint64_t inode;
  std::uint64_t digest_at, digest_sum;
  std::uint32_t digest_size;
  std::uint32_t id_at, id_len, file_at, file_len, aliases_at, aliases_len; // in the pool
  std::uint32_t reserved;
};
static_assert(sizeof(Record) == 80);

// A check of the index's parts against damage (eight bytes at a time).
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

std::uint64_t fnv1a(std::string_view s, std::uint64_t h = 1469598103934665603ULL)
{
  for (const unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  return h;
}

// An index file mapped into memory. The file is replaced by renaming, never written in place, so
// the mapping stays whole while the command runs.
class IndexView
{
public:
  // The index at `path` when it is whole and has this key; nullptr otherwise.
  static std::shared_ptr<IndexView> open(const std::string& path, const std::string& key)
  {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
      return nullptr; // no index yet, or one that cannot be read: every file is checked
    }
    struct stat st {};
    void* map = MAP_FAILED;
    if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && static_cast<std::size_t>(st.st_size) >= k_head) {
      map = ::mmap(nullptr, static_cast<std::size_t>(st.st_size), PROT_READ, MAP_PRIVATE, fd, 0);
    }
    ::close(fd);
    if (map == MAP_FAILED) {
      return nullptr;
    }
    auto view = std::shared_ptr<IndexView>(new IndexView(static_cast<const char*>(map), static_cast<std::size_t>(st.st_size)));
    return view->whole(key) ? view : nullptr;
  }
  IndexView(const IndexView&) = delete;
  IndexView& operator=(const IndexView&) = delete;
  ~IndexView() { ::munmap(const_cast<char*>(m_data), m_size); }

  std::size_t size() const { return m_count; }
  Record record(std::size_t i) const
  {
    Record r;
    std::memcpy(&r, m_data + m_table + i * sizeof(Record), sizeof r);
    return r;
  }
  std::string_view id(const Record& r) const { return pool(r.id_at, r.id_len); }
  std::string_view id(std::size_t i) const
  {
    std::uint32_t at_len[2];
    std::memcpy(at_len, m_data + m_table + i * sizeof(Record) + offsetof(Record, id_at), sizeof at_len);
    return pool(at_len[0], at_len[1]);
  }
  std::string_view file(const Record& r) const { return pool(r.file_at, r.file_len); }
  std::string_view alias_bytes(const Record& r) const { return pool(r.aliases_at, r.aliases_len); }
  // The digest; empty when it is not whole.
  std::string_view digest(const Record& r) const
  {
    if (r.digest_at > m_digests_size || r.digest_size > m_digests_size - r.digest_at) {
      return {};
    }
    release_before(r.digest_at);
    const std::string_view d(m_data + m_digests + r.digest_at, r.digest_size);
    return checksum(d) == r.digest_sum ? d : std::string_view();
  }
  // The record of a role id; npos when none.
  std::size_t find(std::string_view id) const
  {
    std::size_t lo = 0, hi = m_count;
    while (lo < hi) {
      const std::size_t mid = lo + (hi - lo) / 2;
      if (this->id(mid) < id) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo < m_count && this->id(lo) == id ? lo : std::string_view::npos;
  }

private:
  IndexView(const char* data, std::size_t size) : m_data(data), m_size(size) {}
  std::string_view pool(std::uint32_t at, std::uint32_t len) const
  {
    return at <= m_pool_size && len <= m_pool_size - at ? std::string_view(m_data + m_pool + at, len) : std::string_view();
  }
  bool whole(const std::string& key)
  {
    const std::string_view all(m_data, m_size);
    if (!all.starts_with(k_magic) || all.substr(k_magic.size(), key.size()) != key || all[k_head_line - 1] != '\n') {
      return false;
    }
    std::uint64_t h[12];
    std::memcpy(h, m_data + k_head_line, sizeof h);
    const auto [count, table, pool, pool_size, digests, digests_size, sum, total, bls, bls_size, bls_sum, has_bls] = h;
    if (total != m_size || table != k_head || count > (m_size - table) / sizeof(Record) ||
        pool != table + count * sizeof(Record) || pool_size > m_size - pool || bls != pool + pool_size ||
        bls_size > m_size - bls || digests != bls + bls_size || digests_size != m_size - digests ||
        checksum(all.substr(table, count * sizeof(Record) + pool_size)) != sum) {
      return false;
    }
    m_count = count;
    m_table = table;
    m_pool = pool;
    m_pool_size = pool_size;
    m_digests = digests;
    m_digests_size = digests_size;
    if (has_bls == 1 && checksum(all.substr(bls, bls_size)) == bls_sum) {
      m_bls = all.substr(bls, bls_size);
      m_has_bls = true;
    }
    return true;
  }

  const char* m_data;
  std::size_t m_size;
  std::size_t m_count = 0, m_table = 0, m_pool = 0, m_pool_size = 0, m_digests = 0, m_digests_size = 0;
  std::string_view m_bls;
  bool m_has_bls = false;
  // Where the digest asked for before lies: a command that goes through every role (in id order,
  // as the digests lie) has decoded it by now.
  mutable std::size_t m_previous = 0;
  mutable std::size_t m_released = 0; // digests before this offset are given back

  // Gives back the pages of the digests decoded before (a whole-catalog command would otherwise
  // hold every page it read: tens of megabytes at ten thousand roles). They are read again from
  // the file should a command go back to them.
  void release_before(std::size_t at) const
  {
    constexpr std::size_t k_batch = 4 << 20;
    const std::size_t done = std::min(at, m_previous); // the previous digest is decoded: not it, nor this one
    m_previous = at;
    const auto page = static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
    const std::size_t from = m_digests + m_released;
    const std::size_t to = (m_digests + done) / page * page;
    if (to >= from + k_batch) {
      const std::size_t start = (from + page - 1) / page * page;
      ::madvise(const_cast<char*>(m_data) + start, to - start, MADV_DONTNEED);
      m_released = to - m_digests;
    }
  }

public:
  // The BLS section's figures for "CODE\tAREA" (none: an empty list); nullopt when it has no
  // whole section.
  std::optional<std::vector<SalaryFigure>> bls(std::string_view key) const
  {
    if (!m_has_bls) {
      return std::nullopt;
    }
    for (std::size_t at = 0; at + 6 <= m_bls.size();) {
      std::uint16_t n = 0;
      std::uint32_t size = 0;
      std::memcpy(&n, m_bls.data() + at, 2);
      if (n > m_bls.size() - at - 6) {
        return std::nullopt;
      }
      const std::string_view k = m_bls.substr(at + 2, n);
      std::memcpy(&size, m_bls.data() + at + 2 + n, 4);
      at += 6 + n;
      if (size > m_bls.size() - at) {
        return std::nullopt;
      }
      if (k == key) {
        return decode_salary_figures(m_bls.substr(at, size));
      }
      at += size;
    }
    return std::vector<SalaryFigure>{};
  }
};

// The BLS section of the catalog's roles (in catalog order, as `for_each_role_digest` gives them);
// nullopt when a digest does not decode.
std::optional<std::string> bls_section(const std::vector<std::string_view>& digests)
{
  CatalogBls collect;
  for (const auto& d : digests) {
    const auto role = decode_role_digest(d);
    if (!role) {
      return std::nullopt;
    }
    collect.add(*role);
  }
  std::string out;
  for (const auto& [key, figures] : collect.figures) {
    const std::string blob = encode_salary_figures(figures);
    if (key.size() > 0xffff || blob.size() > 0xffffffffULL) {
      return std::nullopt;
    }
    const auto n = static_cast<std::uint16_t>(key.size());
    const auto size = static_cast<std::uint32_t>(blob.size());
    out.append(reinterpret_cast<const char*>(&n), 2).append(key).append(reinterpret_cast<const char*>(&size), 4).append(blob);
  }
  return out;
}

// Aliases in the pool: each as two bytes of length, then its bytes.
template <typename F>
void each_alias(std::string_view bytes, F f)
{
  for (std::size_t at = 0; at + 2 <= bytes.size();) {
    const std::size_t n = static_cast<unsigned char>(bytes[at]) | (static_cast<std::size_t>(static_cast<unsigned char>(bytes[at + 1])) << 8);
    at += 2;
    if (n > bytes.size() - at) {
      return;
    }
    f(bytes.substr(at, n));
    at += n;
  }
}

// What the writer needs of one valid role file.
struct Row
{
  const std::string* id;
  const RoleFile* file;
  Stamp stamp;
  std::size_t record = std::string_view::npos; // in the old index, when unchanged
};

// Written beside and renamed over the old one, so that a reader never sees half an index.
// Failing to write costs the next command time, nothing else.
void write_index(const std::string& path, const std::string& key, const std::vector<Row>& rows, const IndexView* old,
                 const std::unordered_map<std::string, std::vector<std::string>>& aliases_of,
                 const std::unordered_map<std::string, std::string>& digest_of)
{
  std::string table, pool, digests;
  std::vector<std::string_view> each; // every digest, for the BLS section
  table.reserve(rows.size() * sizeof(Record));
  for (const Row& row : rows) {
    if (row.file->file.size() > 0xffff || row.id->size() > 0xffff) {
      continue;
    }
    Record r{};
    r.size = row.stamp.size;
    r.mtime = row.stamp.mtime;
    r.ctime = row.stamp.ctime;
    r.inode = row.stamp.inode;
    r.id_at = static_cast<std::uint32_t>(pool.size());
    r.id_len = static_cast<std::uint32_t>(row.id->size());
    pool += *row.id;
    r.file_at = static_cast<std::uint32_t>(pool.size());
    r.file_len = static_cast<std::uint32_t>(row.file->file.size());
    pool += row.file->file;
    r.aliases_at = static_cast<std::uint32_t>(pool.size());
    std::string_view digest;
    if (row.record != std::string_view::npos && old != nullptr) {
      const Record o = old->record(row.record);
      pool += old->alias_bytes(o);
      digest = old->digest(o);
    } else {
      for (const auto& a : aliases_of.at(*row.id)) {
        const std::size_t n = std::min<std::size_t>(a.size(), 0xffff);
        pool += static_cast<char>(n & 0xff);
        pool += static_cast<char>(n >> 8);
        pool.append(a, 0, n);
      }
      digest = digest_of.at(*row.id);
    }
    r.aliases_len = static_cast<std::uint32_t>(pool.size() - r.aliases_at);
    r.digest_at = digests.size();
    r.digest_size = static_cast<std::uint32_t>(digest.size());
    r.digest_sum = checksum(digest);
    digests += digest;
    each.push_back(digest);
    table.append(reinterpret_cast<const char*>(&r), sizeof r);
  }
  if (pool.size() > 0xffffffffULL || digests.size() > 0xffffffffULL * 16) {
    return;
  }
  std::string head = fmt::format("{}{}", k_magic, key);
  head.resize(k_head_line - 1, ' ');
  head += '\n';
  const std::optional<std::string> bls = bls_section(each);
  const std::uint64_t count = table.size() / sizeof(Record);
  const std::uint64_t pool_at = k_head + table.size();
  const std::uint64_t bls_at = pool_at + pool.size();
  const std::uint64_t bls_size = bls ? bls->size() : 0;
  const std::uint64_t digests_at = bls_at + bls_size;
  const std::uint64_t h[12] = {count,   k_head,   pool_at,     pool.size(), digests_at, digests.size(), checksum(table + pool),
                               digests_at + digests.size(), bls_at, bls_size, checksum(bls.value_or("")), bls ? 1U : 0U};
  head.append(reinterpret_cast<const char*>(h), sizeof h);

  std::error_code ec;
  fs::create_directories(fs::path(path).parent_path(), ec);
  const std::string tmp = fmt::format("{}.{}.tmp", path, ::getpid());
  {
    std::ofstream out(tmp, std::ios::trunc | std::ios::binary);
    if (!out) {
      return;
    }
    out << head << table << pool << bls.value_or("") << digests;
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

// Directories opened once, so that each file is looked up by its name alone (files come grouped
// by directory: the last one is kept).
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
    const std::string_view dir(file.data(), slash);
    if (m_last == nullptr || m_last->first != dir) {
      auto it = m_fds.find(std::string(dir));
      if (it == m_fds.end()) {
        it = m_fds.emplace(std::string(dir), ::open(std::string(dir).c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC)).first;
      }
      m_last = &*it;
    }
    return m_last->second < 0 ? std::pair<int, const char*>{AT_FDCWD, file.c_str()}
                              : std::pair<int, const char*>{m_last->second, file.c_str() + slash + 1};
  }

private:
  std::unordered_map<std::string, int> m_fds;
  const std::pair<const std::string, int>* m_last = nullptr;
};

// The file's stamp; 0, or the errno of the failed stat, or -1 when it is no regular file
// (-2 a directory). (A file made unreadable has a new change time, so it is read again, and
// that read reports it.)
int stamp_of(const RoleFile& f, Stamp& stamp, Dirs& dirs)
{
  if (f.bundled) {
    stamp = {static_cast<long long>(f.text.size()), 0, 0, 0};
    return 0;
  }
  struct stat st {};
  const auto [fd, name] = dirs.at(f.file);
  if (::fstatat(fd, name, &st, 0) != 0) {
    return errno != 0 ? errno : EIO;
  }
  if (!S_ISREG(st.st_mode)) {
    return S_ISDIR(st.st_mode) ? -2 : -1;
  }
  stamp = {static_cast<long long>(st.st_size), st.st_mtim.tv_sec * 1000000000LL + st.st_mtim.tv_nsec,
           st.st_ctim.tv_sec * 1000000000LL + st.st_ctim.tv_nsec, static_cast<unsigned long long>(st.st_ino)};
  return 0;
}

std::string stamp_error(const RoleFile& f, int error)
{
  return fmt::format("cannot read '{}': {}", f.file,
                     error == -2 ? "it is a directory" : error == -1 ? "not a regular file" : std::strerror(error));
}

// Every file's stamp, in two threads when there are many (a stat is a few microseconds: ten
// thousand of them are most of a one-role command's time).
void stamp_all(const std::vector<const std::pair<const std::string, RoleFile>*>& files, std::vector<Stamp>& stamps,
               std::vector<int>& errors)
{
  stamps.resize(files.size());
  errors.resize(files.size());
  auto part = [&](std::size_t from, std::size_t to) {
    Dirs dirs;
    for (std::size_t i = from; i < to; ++i) {
      errors[i] = stamp_of(files[i]->second, stamps[i], dirs);
    }
  };
  constexpr std::size_t k_many = 512;
  const std::size_t half = files.size() / 2;
  if (files.size() < k_many) {
    part(0, files.size());
    return;
  }
  std::thread other;
  try {
    other = std::thread(part, half, files.size());
  } catch (const std::system_error&) {
    part(0, files.size()); // no thread to be had: one does it all
    return;
  }
  part(0, half);
  other.join();
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
  const std::shared_ptr<const IndexView> view = path.empty() ? nullptr : IndexView::open(path, key);

  // Every file's stamp against its record (files and records both sorted by id).
  std::vector<const std::pair<const std::string, RoleFile>*> files;
  files.reserve(cat.role_files().size());
  for (const auto& f : cat.role_files()) {
    files.push_back(&f);
  }
  std::vector<Stamp> stamps;
  std::vector<int> errors;
  stamp_all(files, stamps, errors);
  std::vector<Row> rows; // the valid files, by id
  rows.reserve(files.size());
  std::vector<std::size_t> changed; // in rows
  std::size_t next = 0; // the next record to compare
  for (std::size_t k = 0; k < files.size(); ++k) {
    const auto& [id, f] = *files[k];
    if (errors[k] != 0) {
      std::string why = stamp_error(f, errors[k]);
      if (options.warn) {
        options.warn(fmt::format("{}; role '{}' is left out", why, id));
      }
      cat.mark_unreadable(id, std::move(why));
      continue;
    }
    Row row{&id, &f, stamps[k]};
    if (view) {
      while (next < view->size() && view->id(next) < id) {
        ++next;
      }
      if (next < view->size() && view->id(next) == id) {
        const Record r = view->record(next);
        if (view->file(r) == f.file && Stamp{r.size, r.mtime, r.ctime, r.inode} == row.stamp) {
          row.record = next;
        }
      }
    }
    if (row.record == std::string_view::npos) {
      changed.push_back(rows.size());
    }
    rows.push_back(row);
  }

  // Each changed file is read and checked whole, then let go (a first run over ten thousand
  // files holds one at a time).
  std::vector<Problem> problems;
  std::unordered_set<std::string> invalid; // ids
  std::unordered_map<std::string, std::vector<std::string>> aliases_of; // id -> aliases, changed valid files
  std::unordered_map<std::string, std::string> digest_of; // id -> digest, changed valid files
  for (const std::size_t k : changed) {
    const RoleFile& f = *rows[k].file;
    try {
      const Role role = read_role_file(f, cat);
      aliases_of[f.id] = role.aliases;
      digest_of[f.id] = encode_role_digest(role);
    } catch (const DataError& e) {
      problems.insert(problems.end(), e.problems.begin(), e.problems.end());
      invalid.insert(f.id);
    } catch (const IoError& e) {
      if (options.warn) {
        options.warn(fmt::format("{}; role '{}' is left out", e.what(), f.id));
      }
      cat.mark_unreadable(f.id, e.what());
      invalid.insert(f.id);
    }
  }
  // When a file changed: every name of every role and its aliases against them.
  if (!changed.empty()) {
    std::unordered_map<std::string, std::vector<std::string>> names; // name -> role ids
    for (const auto& [id, f] : cat.role_files()) {
      names[id].push_back(id);
    }
    auto add_name = [&](std::string_view alias, const std::string& id) {
      auto& v = names[std::string(alias)];
      if (v.empty() || v.back() != id) {
        v.push_back(id);
      }
    };
    for (const Row& row : rows) {
      if (row.record != std::string_view::npos) {
        each_alias(view->alias_bytes(view->record(row.record)), [&](std::string_view a) { add_name(a, *row.id); });
      } else if (const auto it = aliases_of.find(*row.id); it != aliases_of.end()) {
        for (const auto& a : it->second) {
          add_name(a, *row.id);
        }
      }
    }
    // A clash between a bundled role and a user's is reported at the user's file, never at the bundled one.
    auto bundled = [&](const std::string& id) {
      const auto rf = cat.role_files().find(id);
      return rf != cat.role_files().end() && rf->second.bundled;
    };
    for (const std::size_t k : changed) {
      const RoleFile& f = *rows[k].file;
      const auto it = aliases_of.find(f.id);
      if (it == aliases_of.end()) {
        continue;
      }
      const ReadContext ctx{f.file, &problems};
      if (!f.bundled) {
        for (const auto& other : names[f.id]) {
          if (other != f.id && bundled(other)) {
            ctx.add("/id", fmt::format("role id '{}' is an alias of the bundled role '{}'; choose another id", f.id, other));
            invalid.insert(f.id);
          }
        }
      }
      for (std::size_t i = 0; i < it->second.size(); ++i) {
        for (const auto& other : names[it->second[i]]) {
          if (other != f.id && !(f.bundled && !bundled(other))) {
            ctx.add(pointer_append("/aliases", i),
                    fmt::format("alias '{}' is also a name of role '{}'", it->second[i], other));
            invalid.insert(f.id);
          }
        }
      }
    }
  }
  const bool stale = !changed.empty() || !view || rows.size() != view->size();
  if (!path.empty() && stale) {
    // The valid files, so that fixing one file re-checks that file only.
    std::vector<Row> valid;
    valid.reserve(rows.size());
    for (const Row& row : rows) {
      if (invalid.count(*row.id) == 0) {
        valid.push_back(row);
      }
    }
    write_index(path, key, valid, view.get(), aliases_of, digest_of);
  }
  if (!problems.empty()) {
    throw DataError(std::move(problems));
  }
  // The aliases and the digests: a changed file's from memory, the others' from the index, each
  // looked up when a command asks.
  std::vector<std::uint32_t> used; // the records of unchanged files
  for (const Row& row : rows) {
    if (row.record != std::string_view::npos) {
      used.push_back(static_cast<std::uint32_t>(row.record));
    }
  }
  std::vector<std::pair<std::string, std::vector<std::string>>> changed_aliases(aliases_of.begin(), aliases_of.end());
  cat.set_alias_source([view, used = std::move(used), changed_aliases = std::move(changed_aliases)] {
    std::unordered_map<std::string, std::string> alias_to_id;
    alias_to_id.reserve(used.size() + changed_aliases.size());
    for (const std::uint32_t k : used) {
      const Record r = view->record(k);
      const std::string_view id = view->id(r);
      each_alias(view->alias_bytes(r), [&](std::string_view a) { alias_to_id.emplace(std::string(a), std::string(id)); });
    }
    for (const auto& [id, aliases] : changed_aliases) {
      for (const auto& a : aliases) {
        alias_to_id.emplace(a, id);
      }
    }
    return alias_to_id;
  });
  auto digests = std::make_shared<RoleDigests>();
  for (auto& [id, bytes] : digest_of) {
    digests->add(id, std::move(bytes));
  }
  if (view) {
    // A changed file's digest is in memory; any other id in use has its record matched above.
    digests->set_lookup([view](const std::string& id) -> std::string_view {
      const std::size_t k = view->find(id);
      return k == std::string_view::npos ? std::string_view() : view->digest(view->record(k));
    });
    if (!stale) { // the section is of these very files
      digests->set_bls([view](const std::string& key) { return view->bls(key); });
    }
  }
  attach_role_digests(cat, std::move(digests));
}

} // namespace careerplan
