#include "core/json_scan.hpp"

#include <nlohmann/json.hpp>

namespace careerplan {

namespace {

using nlohmann::json;

// Follows the depth and the last top-level key; takes the key's string value, or the strings of
// its array, and stops there.
class TopKeyScanner : public nlohmann::json_sax<json>
{
public:
  explicit TopKeyScanner(std::string_view key) : m_key(key) {}

  std::optional<std::string> string_value;
  std::vector<std::string> array_strings;

  bool null() override { return scalar(); }
  bool boolean(bool /*v*/) override { return scalar(); }
  bool number_integer(number_integer_t /*v*/) override { return scalar(); }
  bool number_unsigned(number_unsigned_t /*v*/) override { return scalar(); }
  bool number_float(number_float_t /*v*/, const string_t& /*s*/) override { return scalar(); }
  bool binary(binary_t& /*v*/) override { return scalar(); }
  bool string(string_t& v) override
  {
    if (m_at_key && m_depth == 1) {
      string_value = std::move(v);
      return false; // found: stop
    }
    if (m_in_array && m_depth == 2) {
      array_strings.push_back(std::move(v));
    }
    return scalar();
  }
  bool start_object(std::size_t /*n*/) override
  {
    m_at_key = false;
    ++m_depth;
    return true;
  }
  bool start_array(std::size_t /*n*/) override
  {
    if (m_depth == 1) {
      m_in_array = m_at_key;
    }
    m_at_key = false;
    ++m_depth;
    return true;
  }
  bool end_object() override { return close(); }
  bool end_array() override { return close(); }
  bool key(string_t& k) override
  {
    m_at_key = m_depth == 1 && k == m_key;
    return true;
  }
  bool parse_error(std::size_t /*pos*/, const std::string& /*token*/, const nlohmann::detail::exception& /*e*/) override
  {
    return false;
  }

private:
  std::string_view m_key;
  int m_depth = 0;
  bool m_at_key = false; // the value read next is the key's
  bool m_in_array = false; // in the key's array
  bool scalar()
  {
    if (m_depth == 1) {
      m_at_key = false;
    }
    return true;
  }
  bool close()
  {
    --m_depth;
    return !(m_in_array && m_depth == 1); // the array is read: stop
  }
};

// (A syntax error ends the reading: parse_error returns false, and sax_parse returns rather than
// throw.)
TopKeyScanner scan(std::string_view text, std::string_view key)
{
  TopKeyScanner scanner(key);
  json::sax_parse(text.begin(), text.end(), &scanner, json::input_format_t::json, /*strict=*/false);
  return scanner;
}

} // namespace

std::optional<std::string> scan_top_string(std::string_view text, std::string_view key)
{
  return scan(text, key).string_value;
}

std::vector<std::string> scan_top_strings(std::string_view text, std::string_view key)
{
  return scan(text, key).array_strings;
}

} // namespace careerplan
