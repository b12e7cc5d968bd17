#include "core/json_reader.hpp"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <fcntl.h>
#include <set>
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

std::string pointer_append(const std::string& path, std::string_view key)
{
  std::string out;
  out.reserve(path.size() + 1 + key.size());
  out.append(path).push_back('/');
  if (std::none_of(key.begin(), key.end(), [](char c) { return c == '~' || c == '/'; })) {
    return out.append(key); // every key of a careerplan document: one allocation, no scan per character
  }
  for (char c : key) {
    if (c == '~') {
      out += "~0";
    } else if (c == '/') {
      out += "~1";
    } else {
      out += c;
    }
  }
  return out;
}

std::string bounded(std::string s, std::size_t max)
{
  if (s.size() <= max) {
    return s;
  }
  std::size_t cut = max;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) {
    --cut;
  }
  s.resize(cut);
  return s + "...";
}

void ReadContext::add(const std::string& path, std::string message) const
{
  problems->push_back({file, bounded(path, k_max_message / 2), bounded(std::move(message), k_max_message)});
}

std::string pointer_append(const std::string& path, std::size_t index)
{
  std::string out;
  out.reserve(path.size() + 8);
  return out.append(path).append(1, '/').append(std::to_string(index));
}

std::string type_name(const json& j)
{
  switch (j.type()) {
  case json::value_t::null: return "null";
  case json::value_t::boolean: return "a boolean";
  case json::value_t::string: return "a string";
  case json::value_t::array: return "an array";
  case json::value_t::object: return "an object";
  case json::value_t::number_float: return "a number";
  case json::value_t::number_integer:
  case json::value_t::number_unsigned: return "an integer";
  default: return "an unknown value";
  }
}

ObjectReader::ObjectReader(const ReadContext& ctx, const json& j, std::string path)
  : m_ctx(ctx), m_json(&j), m_path(std::move(path)), m_ok(j.is_object())
{
  m_known.reserve(16); // most objects of a document have fewer keys: one allocation
  if (!m_ok) {
    m_ctx.add(m_path, fmt::format("expected an object, found {}", type_name(j)));
  }
}

const json* ObjectReader::get(std::string_view key)
{
  m_known.emplace_back(key);
  if (!m_ok) {
    return nullptr;
  }
  const auto it = m_json->find(key);
  return it == m_json->end() ? nullptr : &*it;
}

std::string ObjectReader::req_str(std::string_view key)
{
  const json* v = get(key);
  if (m_ok && v == nullptr) {
    m_ctx.add(path_of(key), "required field is missing");
    return {};
  }
  if (v != nullptr && (!v->is_string() || v->get_ref<const std::string&>().empty())) {
    m_ctx.add(path_of(key), v->is_string() ? "must not be empty" : fmt::format("expected a string, found {}", type_name(*v)));
    return {};
  }
  return v == nullptr ? std::string() : v->get<std::string>();
}

std::string ObjectReader::opt_str(std::string_view key, std::string fallback)
{
  const json* v = get(key);
  if (v == nullptr) {
    return fallback;
  }
  if (!v->is_string()) {
    m_ctx.add(path_of(key), fmt::format("expected a string, found {}", type_name(*v)));
    return fallback;
  }
  return v->get<std::string>();
}

namespace {

std::optional<double> check_number(const ReadContext& ctx, const json& v, const std::string& path, double min,
                                   double max)
{
  if (!v.is_number()) {
    ctx.add(path, fmt::format("expected a number, found {}", type_name(v)));
    return std::nullopt;
  }
  const double d = v.get<double>();
  if (!std::isfinite(d) || d < min || d > max) {
    ctx.add(path, fmt::format("{} is out of range ({} to {})", v.dump(), plain_number(min), plain_number(max)));
    return std::nullopt;
  }
  return d;
}

} // namespace

std::optional<double> ObjectReader::opt_num(std::string_view key, double min, double max)
{
  const json* v = get(key);
  if (v == nullptr) {
    return std::nullopt;
  }
  return check_number(m_ctx, *v, path_of(key), min, max);
}

double ObjectReader::req_num(std::string_view key, double min, double max)
{
  const json* v = get(key);
  if (m_ok && v == nullptr) {
    m_ctx.add(path_of(key), "required field is missing");
    return min;
  }
  return v == nullptr ? min : check_number(m_ctx, *v, path_of(key), min, max).value_or(min);
}

std::optional<long> ObjectReader::opt_int(std::string_view key, long min, long max)
{
  const json* v = get(key);
  if (v == nullptr) {
    return std::nullopt;
  }
  if (!v->is_number_integer()) {
    m_ctx.add(path_of(key), fmt::format("expected an integer, found {}", v->is_number() ? v->dump() : type_name(*v)));
    return std::nullopt;
  }
  const double d = v->get<double>();
  if (d < static_cast<double>(min) || d > static_cast<double>(max)) {
    m_ctx.add(path_of(key), fmt::format("{} is out of range ({} to {})", v->dump(), min, max));
    return std::nullopt;
  }
  return v->get<long>();
}

long ObjectReader::req_int(std::string_view key, long min, long max)
{
  if (m_ok && m_json->find(key) == m_json->end()) {
    m_known.emplace_back(key);
    m_ctx.add(path_of(key), "required field is missing");
    return min;
  }
  return opt_int(key, min, max).value_or(min);
}

bool ObjectReader::opt_bool(std::string_view key, bool fallback)
{
  const json* v = get(key);
  if (v == nullptr) {
    return fallback;
  }
  if (!v->is_boolean()) {
    m_ctx.add(path_of(key), fmt::format("expected true or false, found {}", type_name(*v)));
    return fallback;
  }
  return v->get<bool>();
}

std::vector<std::string> ObjectReader::opt_str_list(std::string_view key)
{
  std::vector<std::string> out;
  array(key, false, [&](const json& e, const std::string& p) {
    if (!e.is_string() || e.get_ref<const std::string&>().empty()) {
      m_ctx.add(p, e.is_string() ? "must not be empty" : fmt::format("expected a string, found {}", type_name(e)));
      return;
    }
    out.push_back(e.get<std::string>());
  });
  return out;
}

bool check_id(const ReadContext& ctx, const std::string& path, const std::string& id)
{
  if (is_plain_id(id)) {
    return true;
  }
  ctx.add(path, fmt::format("'{}' is not a plain id (lower-case letters, digits and '-', starting with a letter, "
                            "at most 64 characters)", printable(id)));
  return false;
}

std::string ObjectReader::req_id(std::string_view key)
{
  std::string id = req_str(key);
  return id.empty() || check_id(m_ctx, path_of(key), id) ? id : std::string();
}

std::string ObjectReader::opt_id(std::string_view key, std::string fallback)
{
  const bool present = m_ok && m_json->find(key) != m_json->end();
  std::string id = opt_str(key, fallback);
  if (!present || id.empty()) {
    return id;
  }
  return check_id(m_ctx, path_of(key), id) ? id : std::string();
}

std::vector<std::string> ObjectReader::opt_id_list(std::string_view key)
{
  std::vector<std::string> out;
  array(key, false, [&](const json& e, const std::string& p) {
    if (!e.is_string()) {
      m_ctx.add(p, fmt::format("expected a string, found {}", type_name(e)));
      return;
    }
    if (check_id(m_ctx, p, e.get<std::string>())) {
      out.push_back(e.get<std::string>());
    }
  });
  return out;
}

void ObjectReader::array(std::string_view key, bool required,
                         const std::function<void(const json&, const std::string&)>& each)
{
  const json* v = get(key);
  if (v == nullptr) {
    if (m_ok && required) {
      m_ctx.add(path_of(key), "required field is missing");
    }
    return;
  }
  if (!v->is_array()) {
    m_ctx.add(path_of(key), fmt::format("expected an array, found {}", type_name(*v)));
    return;
  }
  // One string for every element's path, its index written over the last one's.
  std::string at = path_of(key) + '/';
  const std::size_t prefix = at.size();
  for (std::size_t i = 0; i < v->size(); ++i) {
    at.resize(prefix);
    at += std::to_string(i);
    each((*v)[i], at);
  }
}

void ObjectReader::object(std::string_view key, bool required,
                          const std::function<void(const std::string&, const json&, const std::string&)>& each)
{
  const json* v = get(key);
  if (v == nullptr) {
    if (m_ok && required) {
      m_ctx.add(path_of(key), "required field is missing");
    }
    return;
  }
  if (!v->is_object()) {
    m_ctx.add(path_of(key), fmt::format("expected an object, found {}", type_name(*v)));
    return;
  }
  const std::string at = path_of(key);
  for (const auto& [k, value] : v->items()) {
    each(k, value, pointer_append(at, k));
  }
}

void ObjectReader::finish()
{
  if (!m_ok) {
    return;
  }
  for (const auto& [k, v] : m_json->items()) {
    if (std::find(m_known.begin(), m_known.end(), k) == m_known.end()) {
      // No id is longer than 64 characters: a longer key is no misspelling of one.
      const std::string hint = k.size() > 64 ? std::string() : did_you_mean(k, {m_known.begin(), m_known.end()});
      m_ctx.add(path_of(k), hint.empty() ? "unknown field" : "unknown field; " + hint);
    }
  }
}

} // namespace careerplan
