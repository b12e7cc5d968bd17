#pragma once
#include <string>

namespace careerplan {

// Writes `content` to `path` without ever leaving a half-written file: a temporary file in the
// same directory, flushed and synced, then renamed over `path`. Throws IoError.
void write_file_atomic(const std::string& path, const std::string& content);

} // namespace careerplan
