#pragma once
// Reading JSON documents into plain structs while recording every problem with its file and
// JSON pointer, so that `validate` can list them all and a load can name the first exactly.
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/errors.hpp"

namespace careerplan {

using nlohmann::json;

// Files larger than this are refused before they are read (a role profile is a few tens of KiB).
inline constexpr std::size_t k_max_file_size = 4 * 1024 * 1024;
// JSON nested deeper than this is refused (careerplan's documents need fewer than ten levels).
inline constexpr std::size_t k_max_json_depth = 64;

// Reads a regular file of at most k_max_file_size bytes; throws IoError naming the file otherwise.
std::string read_file(const std::string& path);
// The same with another limit (the OEWS reader's).
std::string read_file(const std::string& path, std::size_t max_size);

// Parses JSON text; malformed text, a byte-order mark, invalid UTF-8 and duplicate keys are
// reported as problems with line and column. Returns nullopt when the text is not usable.
std::optional<json> parse_json(std::string_view text, const std::string& file, std::vector<Problem>& problems);

std::string pointer_append(const std::string& path, std::string_view key);
// At most `max` bytes of s (cut at a character boundary), with "..." when it was longer.
std::string bounded(std::string s, std::size_t max);
inline constexpr std::size_t k_max_message = 400;
std::string pointer_append(const std::string& path, std::size_t index);
std::string type_name(const json& j);

struct ReadContext
{
  std::string file;
  std::vector<Problem>* problems;
  // Records a problem; a path or message made long by the data (a megabyte key) is shortened.
  void add(const std::string& path, std::string message) const;
};

// Ids of every kind (roles, skills, levels, regions, scales, ladders, sources and their aliases)
// are plain names (text.hpp's is_plain_id): an id is offered to shells by completion and printed
// in messages, so it must never carry shell, terminal or path syntax. Reports a problem at `path`
// and returns false when `id` is not one.
bool check_id(const ReadContext& ctx, const std::string& path, const std::string& id);

// A view of one JSON object. Each getter marks its key as known; finish() reports the keys
// nobody asked for, so that a misspelt field is an error rather than silently ignored.
class ObjectReader
{
public:
  ObjectReader(const ReadContext& ctx, const json& j, std::string path);
  ObjectReader(const ObjectReader&) = delete;
  ObjectReader& operator=(const ObjectReader&) = delete;
  ~ObjectReader() = default;

  bool ok() const { return m_ok; }
  const std::string& path() const { return m_path; }
  std::string path_of(std::string_view key) const { return pointer_append(m_path, key); }
  const ReadContext& ctx() const { return m_ctx; }

  const json* get(std::string_view key);
  std::string req_str(std::string_view key);
  std::string opt_str(std::string_view key, std::string fallback = {});
  std::optional<double> opt_num(std::string_view key, double min, double max);
  double req_num(std::string_view key, double min, double max);
  std::optional<long> opt_int(std::string_view key, long min, long max);
  long req_int(std::string_view key, long min, long max);
  bool opt_bool(std::string_view key, bool fallback = false);
  std::vector<std::string> opt_str_list(std::string_view key);
  // Ids (see check_id): "" (or no element) where the value is not a plain id.
  std::string req_id(std::string_view key);
  std::string opt_id(std::string_view key, std::string fallback = {});
  std::vector<std::string> opt_id_list(std::string_view key);
  // Calls each(element, path) for every element of an array at key; required arrays must exist.
  void array(std::string_view key, bool required, const std::function<void(const json&, const std::string&)>& each);
  // Calls each(key, value, path) for every member of an object at key.
  void object(std::string_view key, bool required,
              const std::function<void(const std::string&, const json&, const std::string&)>& each);
  void finish();

private:
  const ReadContext& m_ctx;
  const json* m_json;
  std::string m_path;
  bool m_ok;
  std::vector<std::string_view> m_known; // the keys asked for: the callers' string literals
};

} // namespace careerplan
