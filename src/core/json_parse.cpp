// Reading a data file and parsing it as JSON: the file's size bounded, each parse error with its
// line and column, nesting over the limit and duplicate keys refused (core/json_reader.hpp).
#include "core/json_reader.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

#include "core/json_dom_builder.hpp"
#include "core/json_fast.hpp"
#include "core/text.hpp"

namespace careerplan {

std::string read_file(const std::string& path)
{
  return read_file(path, k_max_file_size);
}

std::string read_file(const std::string& path, std::size_t max_size)
{
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) {
    throw IoError(fmt::format("cannot read '{}': {}", path, std::strerror(errno)));
  }
  if (S_ISDIR(st.st_mode)) {
    throw IoError(fmt::format("cannot read '{}': it is a directory", path));
  }
  if (!S_ISREG(st.st_mode)) {
    throw IoError(fmt::format("cannot read '{}': not a regular file", path));
  }
  if (static_cast<std::size_t>(st.st_size) > max_size) {
    throw IoError(fmt::format("cannot read '{}': {} bytes is over the limit of {} bytes", path, st.st_size,
                              max_size));
  }
  // open and read, not an ifstream: a stream's set-up costs more than reading a role file.
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    throw IoError(fmt::format("cannot read '{}': {}", path, std::strerror(errno)));
  }
  std::string text;
  text.resize(static_cast<std::size_t>(st.st_size));
  std::size_t got = 0;
  while (got < text.size()) {
    const ssize_t n = ::read(fd, text.data() + got, text.size() - got);
    if (n < 0 && errno == EINTR) {
      continue;
    }
    if (n < 0) {
      ::close(fd);
      throw IoError(fmt::format("cannot read '{}': read error", path));
    }
    if (n == 0) {
      break; // the file is shorter than it was: what it holds now
    }
    got += static_cast<std::size_t>(n);
  }
  ::close(fd);
  text.resize(got);
  return text;
}

namespace {

std::pair<std::size_t, std::size_t> line_column(std::string_view text, std::size_t offset)
{
  offset = std::min(offset, text.size());
  std::size_t line = 1;
  std::size_t column = 1;
  for (std::size_t i = 0; i < offset; ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      ++column;
    }
  }
  return {line, column};
}

// nlohmann's messages read "[json.exception.parse_error.101] parse error at line 1, column 2: syntax
// error while parsing value - invalid literal; last read: 'x'"; keep the part after the position.
std::string short_parse_message(const std::string& what)
{
  std::string msg = what;
  if (const auto colon = msg.find(": "); colon != std::string::npos) {
    msg = msg.substr(colon + 2);
  }
  if (msg.rfind("syntax error while parsing ", 0) == 0) {
    msg = msg.substr(std::strlen("syntax error while parsing "));
  }
  return msg;
}

// Nesting deeper than any careerplan document needs is refused: copying or walking a deeply
// nested value recurses once per level. The parse stops at that depth; whether the text goes
// deeper is also asked when the parse fails, so that a file both too deep and malformed (or
// with a duplicate key) is reported as too deep wherever its first error is, as a scan of the
// text before the parse found (the scan costs about a tenth of the parse: it is made only then).
std::optional<Problem> too_deep(std::string_view text, const std::string& file)
{
  std::size_t depth = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        in_string = false;
      }
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > k_max_json_depth) {
        const auto [line, column] = line_column(text, i);
        return Problem{file, "", fmt::format("line {}, column {}: nested more than {} levels deep", line, column,
                                             k_max_json_depth)};
      }
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return std::nullopt;
}

} // namespace

std::optional<json> parse_json(std::string_view text, const std::string& file, std::vector<Problem>& problems)
{
  if (text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF") {
    problems.push_back({file, "", "line 1, column 1: a byte-order mark is not allowed; save the file as UTF-8 without BOM"});
    return std::nullopt;
  }
  if (auto fast = detail::parse_json_fast(text, k_max_json_depth)) {
    return fast;
  }
  const auto deep = [&] {
    if (auto p = too_deep(text, file)) {
      problems.push_back(std::move(*p));
      return true;
    }
    return false;
  };
  // Duplicate keys: nlohmann keeps the last silently, so the document is built here, each key
  // looked up in its object as it is added (faster than nlohmann's parse with a callback).
  std::string duplicate;
  try {
    json j;
    detail::DomBuilder builder(j, duplicate, k_max_json_depth);
    json::sax_parse(text.begin(), text.end(), &builder, json::input_format_t::json, /*strict=*/true,
                    /*ignore_comments=*/false);
    if (builder.too_deep()) {
      if (!deep()) { // the scan finds what the parse found: never here
        problems.push_back({file, "", fmt::format("nested more than {} levels deep", k_max_json_depth)});
      }
      return std::nullopt;
    }
    if (!duplicate.empty()) {
      problems.push_back({file, "", bounded(fmt::format("duplicate key '{}' in an object", duplicate), k_max_message)});
      return std::nullopt;
    }
    return j;
  } catch (const json::parse_error& e) {
    if (deep()) {
      return std::nullopt;
    }
    if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) {
      problems.push_back({file, "", "the file is empty; expected a JSON object"});
      return std::nullopt;
    }
    const std::size_t at = e.byte == 0 ? 0 : e.byte - 1;
    const auto [line, column] = line_column(text, at);
    problems.push_back({file, "", fmt::format("line {}, column {}: malformed JSON: {}", line, column,
                                              short_parse_message(e.what()))});
    return std::nullopt;
  } catch (const json::out_of_range& e) {
    if (deep()) {
      return std::nullopt;
    }
    // A number too large for a double ("1e99999"); the message names the number, so find it.
    const std::string what = e.what();
    const auto open_quote = what.find('\'');
    const auto close_quote = what.rfind('\'');
    std::string where;
    if (open_quote != std::string::npos && close_quote > open_quote) {
      const std::string token = what.substr(open_quote + 1, close_quote - open_quote - 1);
      const auto at = text.find(token);
      if (!token.empty() && at != std::string_view::npos) {
        const auto [line, column] = line_column(text, at);
        where = fmt::format("line {}, column {}: ", line, column);
      }
      problems.push_back({file, "", fmt::format("{}the number {} is too large", where, token)});
    } else {
      problems.push_back({file, "", "a number is too large"});
    }
    return std::nullopt;
  }
}

} // namespace careerplan
