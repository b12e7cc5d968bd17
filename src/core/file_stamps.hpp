#pragma once
// Stamps of role files and of the roles/ directories, for the role index (core/catalog_index.cpp
// and core/catalog_partial.cpp). Internal to src/core.
#include <cerrno>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

#include "core/catalog.hpp"
#include "core/role_index_file.hpp"

namespace careerplan::role_index {

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
inline int stamp_of(const RoleFile& f, Stamp& stamp, Dirs& dirs)
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

inline std::string stamp_error(const RoleFile& f, int error)
{
  return fmt::format("cannot read '{}': {}", f.file,
                     error == -2 ? "it is a directory" : error == -1 ? "not a regular file" : std::strerror(error));
}

// The coarse clock, in nanoseconds: a file or directory changed after this moment has a later
// change time (the kernel stamps files from this clock, or a finer one), so a stamp whose change
// time is before it proves that nothing changed since; one in the same tick proves nothing.
inline long long coarse_now()
{
  timespec ts {};
  ::clock_gettime(CLOCK_REALTIME_COARSE, &ts);
  return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

inline std::string index_path(const LoadOptions& options)
{
  if (options.cache_dir.empty()) {
    return {};
  }
  std::string dirs;
  for (const auto& d : options.data_dirs) {
    std::error_code ec;
    dirs += fs::absolute(d, ec).lexically_normal().string() + '\n';
  }
  return fmt::format("{}/roles-{:016x}.index", options.cache_dir, fnv1a(dirs));
}

} // namespace careerplan::role_index
