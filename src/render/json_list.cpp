#include "render/json_list.hpp"

namespace careerplan {

namespace {

std::string dumped(const nlohmann::json& j)
{
  return j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
}

const char* const k_placeholder = "\x01list\x01"; // no text of a document holds a control character

// An item's text as it stands inside the list of a document's top-level key, appended to `out`:
// what dump(2) of the whole document writes there. This is the serializer dump() itself runs,
// started at the item's depth (4 spaces) instead of 0, so that the text is neither copied nor
// indented again line by line.
void append_indented(std::string& out, const nlohmann::json& item)
{
  using serializer = nlohmann::detail::serializer<nlohmann::json>;
  serializer s(nlohmann::detail::output_adapter<char, std::string>(out), ' ', nlohmann::json::error_handler_t::replace);
  s.dump(item, true, false, 2, 4);
}

// The document's text with `key` set to a placeholder, split there: before and after the list.
std::pair<std::string, std::string> split_at_list(nlohmann::json document, const std::string& key)
{
  document[key] = k_placeholder;
  std::string out = dumped(document);
  const std::string mark = nlohmann::json(k_placeholder).dump();
  const std::size_t at = out.find(mark);
  return {out.substr(0, at), out.substr(at + mark.size()) + "\n"};
}

} // namespace

void JsonListText::add(const nlohmann::json& item)
{
  m_items += m_items.empty() ? "    " : ",\n    ";
  append_indented(m_items, item);
}

std::string JsonListText::finish(nlohmann::json document, const std::string& key) const
{
  const auto [before, after] = split_at_list(std::move(document), key);
  const std::string list = m_items.empty() ? std::string("[]") : "[\n" + m_items + "\n  ]";
  return before + list + after;
}

void JsonListStream::begin(nlohmann::json document)
{
  auto [before, after] = split_at_list(std::move(document), m_key);
  m_after = std::move(after);
  m_begun = true;
  m_write(before);
}

void JsonListStream::add(const nlohmann::json& item)
{
  m_text.assign(m_any ? ",\n    " : "[\n    "); // the buffer is kept: its room serves the next item
  m_any = true;
  append_indented(m_text, item);
  m_write(m_text);
}

void JsonListStream::finish()
{
  m_write(m_any ? "\n  ]" : "[]");
  m_write(m_after);
}

} // namespace careerplan
