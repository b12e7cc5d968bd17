#include "core/json_fast.hpp"

#include <cmath>

#include <simdjson.h>

namespace careerplan::detail {

namespace {

using nlohmann::json;
namespace dom = simdjson::dom;

// `depth`: the containers around `e`. False where the nlohmann parse must decide.
bool build(dom::element e, json& out, std::size_t depth, std::size_t max_depth)
{
  switch (e.type()) {
  case dom::element_type::ARRAY: {
    if (depth + 2 > max_depth) {
      return false; // near the limit: nlohmann's parse says whether it is over
    }
    out = json::array();
    auto& items = out.get_ref<json::array_t&>();
    for (const dom::element item : dom::array(e)) {
      if (!build(item, items.emplace_back(), depth + 1, max_depth)) {
        return false;
      }
    }
    return true;
  }
  case dom::element_type::OBJECT: {
    if (depth + 2 > max_depth) {
      return false;
    }
    out = json::object();
    auto& members = out.get_ref<json::object_t&>();
    for (const dom::key_value_pair member : dom::object(e)) {
      const auto [it, added] = members.try_emplace(std::string(member.key));
      if (!added || !build(member.value, it->second, depth + 1, max_depth)) {
        return false; // a duplicate key: reported by the nlohmann parse
      }
    }
    return true;
  }
  case dom::element_type::INT64: {
    const std::int64_t v = int64_t(e);
    // nlohmann types a number without a sign as unsigned, with one as signed.
    out = v >= 0 ? json(static_cast<json::number_unsigned_t>(v)) : json(static_cast<json::number_integer_t>(v));
    return true;
  }
  case dom::element_type::UINT64:
    out = static_cast<json::number_unsigned_t>(uint64_t(e));
    return true;
  case dom::element_type::DOUBLE: {
    const double v = double(e);
    if (v == 0 && std::signbit(v)) {
      return false; // -0.0 (or an underflow to it): nlohmann's parse keeps what it keeps
    }
    out = v;
    return true;
  }
  case dom::element_type::STRING:
    out = std::string(std::string_view(e));
    return true;
  case dom::element_type::BOOL:
    out = bool(e);
    return true;
  case dom::element_type::NULL_VALUE:
    out = nullptr;
    return true;
  }
  return false;
}

} // namespace

std::optional<json> parse_json_fast(std::string_view text, std::size_t max_depth)
{
  thread_local dom::parser parser; // `validate` reads files in several threads
  dom::element root;
  if (parser.parse(text.data(), text.size(), true).get(root) != simdjson::SUCCESS) {
    return std::nullopt;
  }
  json out;
  if (!build(root, out, 0, max_depth)) {
    return std::nullopt;
  }
  return out;
}

} // namespace careerplan::detail
