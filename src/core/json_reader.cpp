// Reading the fields of a parsed document, each problem with its JSON path (core/json_reader.hpp).
#include "core/json_reader.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "core/text.hpp"

namespace careerplan {

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
