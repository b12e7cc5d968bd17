#pragma once
// A JSON document with one long list, written item by item: the same text as dump(2) of the
// whole document, without holding every item's JSON at once (a catalog of 10,000 roles).
#include <string>

#include <nlohmann/json.hpp>

namespace careerplan {

class JsonListText
{
public:
  // Appends one item of the list, indented as it is inside the document.
  void add(const nlohmann::json& item);
  void clear() { m_items.clear(); }
  // `document` with `key` (a key of the document itself) set to the list: dump(2) and a newline.
  std::string finish(nlohmann::json document, const std::string& key) const;

private:
  std::string m_items;
};

} // namespace careerplan
