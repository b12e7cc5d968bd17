#pragma once
// A JSON document with one long list, written item by item: the same text as dump(2) of the
// whole document, without holding every item's JSON at once (a catalog of 10,000 roles).
#include <functional>
#include <string>
#include <string_view>

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

// The same text handed to `write` piece by piece, so that neither the items' JSON nor their text
// is held: the document's text up to the list at begin(), each item's as it is added, the rest
// at finish(). The concatenated pieces equal JsonListText's finish().
class JsonListStream
{
public:
  using Write = std::function<void(std::string_view)>;
  JsonListStream(std::string key, Write write) : m_key(std::move(key)), m_write(std::move(write)) {}
  // The document around the list (its other keys); before the first add().
  void begin(nlohmann::json document);
  bool begun() const { return m_begun; }
  void add(const nlohmann::json& item);
  // The list's end and the rest of the document (begin() must have been called).
  void finish();

private:
  std::string m_key;
  Write m_write;
  std::string m_after; // the document's text after the list
  std::string m_text; // the item being written
  bool m_begun = false;
  bool m_any = false;
};

} // namespace careerplan
