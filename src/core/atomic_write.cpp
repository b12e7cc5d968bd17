#include "core/atomic_write.hpp"

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <thread>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

#include "core/errors.hpp"

namespace careerplan {

namespace {

namespace fs = std::filesystem;

// The file a save replaces: `path` itself, or the file its symbolic link(s) lead to.
std::string save_target(const std::string& path)
{
  struct stat st {};
  if (::lstat(path.c_str(), &st) != 0) {
    if (errno == ENOENT) {
      return path; // a new file
    }
    throw IoError(fmt::format("cannot write '{}': {}", path, std::strerror(errno)));
  }
  std::string target = path;
  if (S_ISLNK(st.st_mode)) {
    std::error_code ec;
    target = fs::canonical(path, ec).string();
    if (ec || ::stat(target.c_str(), &st) != 0) {
      throw IoError(fmt::format("cannot write '{}': it is a symbolic link to a file that does not exist", path),
                    "create the file it points to, or remove the link");
    }
  }
  if (S_ISDIR(st.st_mode)) {
    throw IoError(fmt::format("cannot write '{}': it is a directory", path));
  }
  if (!S_ISREG(st.st_mode)) {
    throw IoError(fmt::format("cannot write '{}': not a regular file (a FIFO, socket or device is never replaced)", path),
                  "use --output - to print the assessment");
  }
  return target;
}

} // namespace

SaveLock::SaveLock(const std::string& path) : m_path(path), m_target(save_target(path)), m_lock(m_target + ".lock")
{
  const fs::path target(m_target);
  const fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) {
    throw IoError(fmt::format("cannot create '{}': {}", dir.string(), ec.message()));
  }
  const auto deadline = std::chrono::steady_clock::now() + k_save_lock_wait;
  for (;;) {
    // Read-only: flock needs no more, and a lock left behind by another user stays usable.
    const int fd = ::open(m_lock.c_str(), O_RDONLY | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0644);
    if (fd < 0) {
      throw IoError(fmt::format("cannot write '{}': cannot create the lock '{}': {}", path, m_lock, std::strerror(errno)));
    }
    if (::flock(fd, LOCK_EX | LOCK_NB) == 0) {
      // The holder before us removes the lock file as it ends: lock the file that is there now.
      struct stat held {};
      struct stat there {};
      if (::fstat(fd, &held) == 0 && ::stat(m_lock.c_str(), &there) == 0 && held.st_dev == there.st_dev &&
          held.st_ino == there.st_ino) {
        m_fd = fd;
        return;
      }
      ::close(fd);
      continue;
    }
    const int err = errno;
    ::close(fd);
    if (err != EWOULDBLOCK && err != EINTR) {
      throw IoError(fmt::format("cannot write '{}': cannot lock '{}': {}", path, m_lock, std::strerror(err)));
    }
    if (std::chrono::steady_clock::now() >= deadline) {
      throw IoError(fmt::format("cannot write '{}': another process has been saving it for {} s (it holds '{}')", path,
                                k_save_lock_wait.count(), m_lock),
                    "try again when it has finished");
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
}

SaveLock::~SaveLock()
{
  // Remove the lock file while still holding it, then let go: a waiter that opened the old file
  // sees that it is gone and locks afresh.
  ::unlink(m_lock.c_str());
  ::close(m_fd);
}

void SaveLock::write(const std::string& content) const
{
  const fs::path target(m_target);
  const fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
  const std::string& path = m_path;
  std::string tmpl = (dir / ("." + target.filename().string() + ".XXXXXX")).string();
  const int fd = ::mkstemp(tmpl.data());
  if (fd < 0) {
    throw IoError(fmt::format("cannot write '{}': {}", path, std::strerror(errno)));
  }
  auto fail = [&](const char* what) {
    const int err = errno;
    ::close(fd);
    ::unlink(tmpl.c_str());
    throw IoError(fmt::format("cannot write '{}': {}: {}", path, what, std::strerror(err)));
  };
  std::size_t done = 0;
  while (done < content.size()) {
    const ssize_t n = ::write(fd, content.data() + done, content.size() - done);
    if (n < 0) {
      if (errno == EINTR) {
        continue;
      }
      fail("write");
    }
    done += static_cast<std::size_t>(n);
  }
  // The new file keeps the old one's owner, group and permissions (root saving a user's file
  // leaves it the user's); a new file stays private to its owner (0600, as mkstemp made it): an
  // assessment may hold the user's pay. The owner first: chown may clear set-id bits.
  struct stat old {};
  if (::stat(m_target.c_str(), &old) == 0) {
    if ((old.st_uid != ::geteuid() || old.st_gid != ::getegid()) && ::fchown(fd, old.st_uid, old.st_gid) != 0) {
      fail("cannot keep its owner and group");
    }
    if (::fchmod(fd, old.st_mode & 07777) != 0) {
      fail("cannot keep its permissions");
    }
  }
  if (::fsync(fd) != 0) {
    fail("sync");
  }
  if (::close(fd) != 0) {
    ::unlink(tmpl.c_str());
    throw IoError(fmt::format("cannot write '{}': {}", path, std::strerror(errno)));
  }
#ifdef CAREERPLAN_FAULT_INJECTION
  // Test builds only: stop here (the new content complete in the temporary file, the old file
  // untouched) so that a test can kill the process in the middle of saving.
  if (const char* pause = std::getenv("CAREERPLAN_FAULT_PAUSE_BEFORE_RENAME")) {
    std::this_thread::sleep_for(std::chrono::seconds(std::atoi(pause)));
  }
#endif
  if (::rename(tmpl.c_str(), m_target.c_str()) != 0) {
    const int err = errno;
    ::unlink(tmpl.c_str());
    throw IoError(fmt::format("cannot write '{}': {}", path, std::strerror(err)));
  }
  // Make the rename itself durable.
  const int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY);
  if (dfd >= 0) {
    ::fsync(dfd);
    ::close(dfd);
  }
}

void write_file_atomic(const std::string& path, const std::string& content)
{
  SaveLock(path).write(content);
}

} // namespace careerplan
