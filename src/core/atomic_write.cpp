#include "core/atomic_write.hpp"

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <thread>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

#include "core/errors.hpp"

namespace careerplan {

void write_file_atomic(const std::string& path, const std::string& content)
{
  namespace fs = std::filesystem;
  const fs::path target(path);
  const fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) {
    throw IoError(fmt::format("cannot create '{}': {}", dir.string(), ec.message()));
  }
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
  // The new file keeps the old one's permissions; a new file stays private to its owner (0600,
  // as mkstemp made it): an assessment may hold the user's pay.
  struct stat old {};
  if (::stat(path.c_str(), &old) == 0 && ::fchmod(fd, old.st_mode & 07777) != 0) {
    fail("chmod");
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
  if (::rename(tmpl.c_str(), path.c_str()) != 0) {
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

} // namespace careerplan
