#pragma once
// Internal to core/json_reader.cpp: a document built from nlohmann's SAX events.
#include <deque>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

namespace careerplan::detail {

using nlohmann::json;

// Builds the document from nlohmann's SAX events, as nlohmann's own parser does, and names in
// `duplicate` the first key that its object already has. An array or object nested deeper than
// `max_depth` stops the parse (sax_parse returns false) with too_deep() set.
class DomBuilder
{
public:
  using number_integer_t = json::number_integer_t;
  using number_unsigned_t = json::number_unsigned_t;
  using number_float_t = json::number_float_t;
  using string_t = json::string_t;
  using binary_t = json::binary_t;

  DomBuilder(json& root, std::string& duplicate, std::size_t max_depth)
    : m_root(root), m_duplicate(duplicate), m_max_depth(max_depth)
  {
  }

  bool too_deep() const { return m_too_deep; }

  bool null() { return add(nullptr) != nullptr; }
  bool boolean(bool v) { return add(v) != nullptr; }
  bool number_integer(number_integer_t v) { return add(v) != nullptr; }
  bool number_unsigned(number_unsigned_t v) { return add(v) != nullptr; }
  bool number_float(number_float_t v, const string_t& /*s*/) { return add(v) != nullptr; }
  bool string(string_t& v) { return add(std::move(v)) != nullptr; }
  bool binary(binary_t& v) { return add(json::binary(std::move(v))) != nullptr; }
  bool start_object(std::size_t /*n*/) { return open(json::value_t::object); }
  bool key(string_t& k)
  {
    auto& object = m_stack.back()->get_ref<json::object_t&>();
    const auto [it, added] = object.try_emplace(std::move(k));
    if (added) {
      m_member = &it->second;
    } else {
      // Reported after the parse (a malformed file is reported as that); the value is dropped.
      if (m_duplicate.empty()) {
        m_duplicate = it->first;
      }
      // Each dropped value has its own slot: a dropped object may itself hold a duplicate key
      // while it is being built (on m_stack), so one shared slot would be freed under it.
      m_member = &m_dropped.emplace_back();
    }
    return true;
  }
  bool end_object()
  {
    m_stack.pop_back();
    return true;
  }
  bool start_array(std::size_t /*n*/) { return open(json::value_t::array); }
  bool end_array()
  {
    m_stack.pop_back();
    return true;
  }
  template <class Exception>
  bool parse_error(std::size_t /*position*/, const std::string& /*token*/, const Exception& e)
  {
    throw e;
  }

private:
  json& m_root;
  std::string& m_duplicate;
  std::vector<json*> m_stack;
  json* m_member = nullptr;
  std::deque<json> m_dropped; // stable addresses: emplace_back keeps the others where they are
  std::size_t m_max_depth;
  bool m_too_deep = false;

  bool open(json::value_t type)
  {
    if (m_stack.size() >= m_max_depth) {
      m_too_deep = true;
      return false;
    }
    m_stack.push_back(add(type));
    return true;
  }

  template <typename T>
  json* add(T&& v)
  {
    if (m_stack.empty()) {
      m_root = json(std::forward<T>(v));
      return &m_root;
    }
    if (m_stack.back()->is_array()) {
      auto& array = m_stack.back()->get_ref<json::array_t&>();
      array.emplace_back(std::forward<T>(v));
      return &array.back();
    }
    *m_member = json(std::forward<T>(v));
    return m_member;
  }
};

} // namespace careerplan::detail
