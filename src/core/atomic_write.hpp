#pragma once
#include <chrono>
#include <string>

namespace careerplan {

// How long a second writer waits for the first to finish saving before it gives up.
inline constexpr std::chrono::seconds k_save_lock_wait{5};

// The right to replace one file, held from before it is read until after it is replaced, so that
// two processes saving at once cannot lose either's change (read, modify and write under it).
//
// The file to replace: a symbolic link is followed to its target (a file kept in a dotfiles
// repository stays a link); anything that exists and is not a regular file (a FIFO, a device, a
// directory, a link to nothing) is refused. The lock is "<target>.lock" beside the target (as
// git's index.lock), held with flock(2), so a lock left by a killed process is no obstacle; it is
// removed when the SaveLock ends. Every failure throws IoError (exit 1).
class SaveLock
{
public:
  explicit SaveLock(const std::string& path);
  ~SaveLock();
  SaveLock(const SaveLock&) = delete;
  SaveLock& operator=(const SaveLock&) = delete;

  // The file that write() replaces: `path`, or the target of the link `path` is.
  const std::string& target() const { return m_target; }
  // Replaces the target without ever leaving a half-written file: a temporary file in the same
  // directory, flushed and synced, then renamed over it. The new file keeps the owner, group and
  // mode of the one it replaces; a new file is private to its owner (0600).
  void write(const std::string& content) const;

private:
  std::string m_path;
  std::string m_target;
  std::string m_lock;
  int m_fd = -1;
};

// SaveLock(path).write(content).
void write_file_atomic(const std::string& path, const std::string& content);

} // namespace careerplan
