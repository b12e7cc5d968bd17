#pragma once
// The role index's file (core/catalog_index.cpp describes its format and use): reading it in
// place and writing it. Internal to src/core.
#include <algorithm>
#include <cstdint>
#include <cstring>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

#include "core/catalog_index.hpp"
#include "core/model.hpp"
#include "core/role_digest.hpp"

namespace careerplan::role_index {

namespace fs = std::filesystem;

inline constexpr std::string_view k_magic = "careerplan-role-index 5\t"; // then the key (16 hex digits), '\n'
inline constexpr std::size_t k_head_line = 48; // the line, padded with spaces before its '\n'
inline constexpr std::size_t k_head = k_head_line + 10 * 8;

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
  std::uint32_t racy; // 1: the file changed in the clock tick its stamp was taken in, so the stamp proves nothing
};
static_assert(sizeof(Record) == 80);

// A check of the index's parts against damage (eight bytes at a time).
inline std::uint64_t checksum(std::string_view s)
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

inline std::uint64_t fnv1a(std::string_view s, std::uint64_t h = 1469598103934665603ULL)
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
  // The roles/ directories' stamps when the index was written, in the order of the data directories.
  const std::vector<DirStamp>& dirs() const { return m_dirs; }
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
    std::uint64_t h[10];
    std::memcpy(h, m_data + k_head_line, sizeof h);
    const auto [count, table, pool, pool_size, digests, digests_size, sum, total, dirs, dirs_size] = h;
    if (total != m_size || table != k_head || count > (m_size - table) / sizeof(Record) ||
        pool != table + count * sizeof(Record) || pool_size > m_size - pool || dirs != pool + pool_size ||
        dirs_size > m_size - dirs || digests != dirs + dirs_size || digests_size != m_size - digests ||
        checksum(all.substr(table, count * sizeof(Record) + pool_size + dirs_size)) != sum ||
        !read_dirs(all.substr(dirs, dirs_size))) {
      return false;
    }
    m_count = count;
    m_table = table;
    m_pool = pool;
    m_pool_size = pool_size;
    m_digests = digests;
    m_digests_size = digests_size;
    return true;
  }

  // The dirs section: per roles/ directory its stamp (size, mtime, ctime, inode), whether it is
  // trusted and its path.
  bool read_dirs(std::string_view d)
  {
    for (std::size_t at = 0; at < d.size();) {
      if (d.size() - at < 40) {
        return false;
      }
      std::int64_t v[3];
      std::uint64_t inode = 0;
      std::uint32_t trusted = 0, len = 0;
      std::memcpy(v, d.data() + at, 24);
      std::memcpy(&inode, d.data() + at + 24, 8);
      std::memcpy(&trusted, d.data() + at + 32, 4);
      std::memcpy(&len, d.data() + at + 36, 4);
      at += 40;
      if (len > d.size() - at) {
        return false;
      }
      m_dirs.push_back({std::string(d.substr(at, len)), v[0], v[1], v[2], inode, trusted == 1});
      at += len;
    }
    return true;
  }

  const char* m_data;
  std::size_t m_size;
  std::vector<DirStamp> m_dirs;
  std::size_t m_count = 0, m_table = 0, m_pool = 0, m_pool_size = 0, m_digests = 0, m_digests_size = 0;
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
    if (at < m_released) { // back before what was given back (a lookup had jumped ahead): from here on again
      m_released = at;
    }
    const auto page = static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
    const std::size_t from = m_digests + m_released;
    const std::size_t to = (m_digests + done) / page * page;
    if (to >= from + k_batch) {
      const std::size_t start = (from + page - 1) / page * page;
      ::madvise(const_cast<char*>(m_data) + start, to - start, MADV_DONTNEED);
      m_released = to - m_digests;
    }
  }
};

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
struct IndexRow
{
  const std::string* id;
  const RoleFile* file;
  Stamp stamp;
  std::size_t record = std::string_view::npos; // in the old index, when unchanged
  bool racy = false; // changed in the clock tick its stamp was taken in: checked again next time
};

// Written beside and renamed over the old one, so that a reader never sees half an index.
// Failing to write costs the next command time, nothing else.
inline void write_index(const std::string& path, const std::string& key, const std::vector<IndexRow>& rows, const IndexView* old,
                 const std::unordered_map<std::string, std::vector<std::string>>& aliases_of,
                 const std::unordered_map<std::string, std::string>& digest_of, const std::vector<DirStamp>& dir_stamps)
{
  std::string table, pool, digests;
  table.reserve(rows.size() * sizeof(Record));
  for (const IndexRow& row : rows) {
    if (row.file->file.size() > 0xffff || row.id->size() > 0xffff) {
      continue;
    }
    Record r{};
    r.size = row.stamp.size;
    r.mtime = row.stamp.mtime;
    r.ctime = row.stamp.ctime;
    r.inode = row.stamp.inode;
    r.racy = row.racy ? 1 : 0;
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
    table.append(reinterpret_cast<const char*>(&r), sizeof r);
  }
  if (pool.size() > 0xffffffffULL || digests.size() > 0xffffffffULL * 16) {
    return;
  }
  std::string dirs;
  for (const DirStamp& d : dir_stamps) {
    const std::int64_t v[3] = {d.size, d.mtime, d.ctime};
    const std::uint64_t inode = d.inode;
    const std::uint32_t trusted = d.trusted ? 1 : 0;
    const auto len = static_cast<std::uint32_t>(std::min<std::size_t>(d.path.size(), 0xffff));
    dirs.append(reinterpret_cast<const char*>(v), 24).append(reinterpret_cast<const char*>(&inode), 8);
    dirs.append(reinterpret_cast<const char*>(&trusted), 4).append(reinterpret_cast<const char*>(&len), 4);
    dirs.append(d.path, 0, len);
  }
  std::string head = fmt::format("{}{}", k_magic, key);
  head.resize(k_head_line - 1, ' ');
  head += '\n';
  const std::uint64_t count = table.size() / sizeof(Record);
  const std::uint64_t pool_at = k_head + table.size();
  const std::uint64_t dirs_at = pool_at + pool.size();
  const std::uint64_t digests_at = dirs_at + dirs.size();
  const std::uint64_t h[10] = {count,      k_head,         pool_at,
                               pool.size(), digests_at,    digests.size(),
                               checksum(table + pool + dirs), digests_at + digests.size(), dirs_at,
                               dirs.size()};
  head.append(reinterpret_cast<const char*>(h), sizeof h);

  std::error_code ec;
  fs::create_directories(fs::path(path).parent_path(), ec);
  const std::string tmp = fmt::format("{}.{}.tmp", path, ::getpid());
  {
    std::ofstream out(tmp, std::ios::trunc | std::ios::binary);
    if (!out) {
      return;
    }
    out << head << table << pool << dirs << digests;
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

} // namespace careerplan::role_index
