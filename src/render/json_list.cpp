#include "render/json_list.hpp"

namespace careerplan {

namespace {

std::string dumped(const nlohmann::json& j)
{
  return j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
}

const char* const k_placeholder = "\x01list\x01"; // no text of a document holds a control character

} // namespace

void JsonListText::add(const nlohmann::json& item)
{
  const std::string text = dumped(item); // a string's newlines are escaped: each '\n' starts a line
  m_items += m_items.empty() ? "    " : ",\n    ";
  for (const char c : text) {
    m_items += c;
    if (c == '\n') {
      m_items += "    ";
    }
  }
}

std::string JsonListText::finish(nlohmann::json document, const std::string& key) const
{
  document[key] = k_placeholder;
  std::string out = dumped(document);
  const std::string mark = nlohmann::json(k_placeholder).dump();
  const std::size_t at = out.find(mark);
  const std::string list = m_items.empty() ? std::string("[]") : "[\n" + m_items + "\n  ]";
  out.replace(at, mark.size(), list);
  out += '\n';
  return out;
}

} // namespace careerplan
