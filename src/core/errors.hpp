#pragma once
// The error types the core throws. The command-line layer catches them in one place and maps
// each to its exit status (PRODUCT.md: 1 I/O, 2 usage, 3 invalid data).
#include <stdexcept>
#include <string>
#include <vector>

namespace careerplan {

enum class ExitCode : int { ok = 0, io = 1, usage = 2, data = 3 };

class Error : public std::runtime_error
{
public:
  Error(ExitCode code, const std::string& message, std::string hint = {})
    : std::runtime_error(message), m_code(code), m_message(message), m_hint(std::move(hint))
  {
  }
  ExitCode code() const { return m_code; }
  // The whole message: what() is a C string, which a NUL from a data file would cut short.
  const std::string& message() const { return m_message; }
  const std::string& hint() const { return m_hint; }

private:
  ExitCode m_code;
  std::string m_message;
  std::string m_hint;
};

struct UsageError : Error
{
  explicit UsageError(const std::string& message, std::string hint = {})
    : Error(ExitCode::usage, message, std::move(hint))
  {
  }
};

struct IoError : Error
{
  explicit IoError(const std::string& message, std::string hint = {})
    : Error(ExitCode::io, message, std::move(hint))
  {
  }
};

// One problem in a data file: where (file and JSON pointer) and what.
struct Problem
{
  std::string file;
  std::string path; // JSON pointer, "" for the whole document
  std::string message;

  std::string to_string() const;
};

struct DataError : Error
{
  explicit DataError(std::vector<Problem> problems);
  std::vector<Problem> problems;
};

} // namespace careerplan
