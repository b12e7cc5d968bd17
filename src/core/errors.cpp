#include "core/errors.hpp"

#include <algorithm>
#include <cctype>
#include <cstring>

#include <fmt/format.h>

#include "core/catalog.hpp"

namespace careerplan {

std::string Problem::to_string() const
{
  if (path.empty()) {
    return fmt::format("{}: {}", file, message);
  }
  return fmt::format("{}: {}: {}", file, path, message);
}

namespace {

// A file name as a shell word: as it is when it is plain, else in single quotes.
std::string shell_word(const std::string& s)
{
  const bool plain = !s.empty() && std::all_of(s.begin(), s.end(), [](unsigned char c) {
    return std::isalnum(c) != 0 || std::strchr("_./@%+=:,-", c) != nullptr;
  });
  if (plain) {
    return s;
  }
  std::string out = "'";
  for (const char c : s) {
    out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  }
  return out + "'";
}

// The exact command that lists every problem: 'careerplan validate FILE...' with the files that
// have them (an assessment given with --assessment is not among what plain 'validate' checks).
std::string validate_hint(const std::vector<Problem>& p)
{
  if (p.size() < 2) {
    return {};
  }
  std::vector<std::string> files;
  for (const auto& problem : p) {
    if (problem.file.empty() || problem.file.rfind(k_bundled, 0) == 0) {
      files.clear();
      break;
    }
    if (std::find(files.begin(), files.end(), problem.file) == files.end()) {
      files.push_back(problem.file);
    }
  }
  std::string command = "careerplan validate";
  for (const auto& f : files) {
    command += " " + shell_word(f);
  }
  return fmt::format("{} more problem(s); run '{}' to list them", p.size() - 1, command);
}

} // namespace

DataError::DataError(std::vector<Problem> p)
  : Error(ExitCode::data, p.empty() ? std::string("invalid data") : p.front().to_string(), validate_hint(p)),
    problems(std::move(p))
{
}

} // namespace careerplan
