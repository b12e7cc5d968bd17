#include "core/role_names.hpp"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "core/role_digest.hpp"
#include "core/text.hpp"

namespace careerplan {

std::string role_slug(const std::string& name)
{
  std::string out;
  bool gap = false;
  for (const unsigned char c : to_lower(name)) {
    if (c == ' ' || c == '_' || c == '-' || c == '\t') {
      gap = !out.empty();
      continue;
    }
    if (gap) {
      out += '-';
      gap = false;
    }
    out += static_cast<char>(c);
  }
  return out;
}

std::optional<std::string> role_id_by_name(const Catalog& catalog, const std::string& name)
{
  if (name.empty()) {
    return std::nullopt;
  }
  if (name.size() <= 200) {
    if (auto id = catalog.role_id(name)) {
      return id;
    }
  }
  const Role* r = find_role_by_name(catalog, name);
  return r == nullptr ? std::nullopt : std::optional<std::string>(r->id);
}

const Role* find_role_by_name(const Catalog& catalog, const std::string& name)
{
  if (name.empty() || name.size() > 200) {
    return name.empty() ? nullptr : catalog.find_role(name);
  }
  if (const Role* r = catalog.find_role(name)) {
    return r;
  }
  const std::string slug = role_slug(name);
  if (slug.empty()) {
    return nullptr;
  }
  if (slug != to_lower(name)) {
    if (const Role* r = catalog.find_role(slug)) {
      return r;
    }
  }
  for (const Role& r : catalog.all_roles()) {
    if (role_slug(r.title) == slug) {
      return &r;
    }
  }
  return nullptr;
}

bool role_mentions(const Role& role, const std::string& text)
{
  const std::string t = to_lower(text);
  auto has = [&](const std::string& s) { return to_lower(s).find(t) != std::string::npos; };
  return has(role.id) || has(role.title) ||
         std::any_of(role.aliases.begin(), role.aliases.end(), [&](const std::string& a) { return has(a); });
}

namespace {

using nlohmann::json;

// The string value of the document's top-level "title", read up to there and no further.
class TitleScanner : public nlohmann::json_sax<json>
{
public:
  std::optional<std::string> title;

  bool null() override { return true; }
  bool boolean(bool /*v*/) override { return true; }
  bool number_integer(number_integer_t /*v*/) override { return true; }
  bool number_unsigned(number_unsigned_t /*v*/) override { return true; }
  bool number_float(number_float_t /*v*/, const string_t& /*s*/) override { return true; }
  bool string(string_t& v) override
  {
    if (m_title_key && m_depth == 1) {
      title = std::move(v);
      return false; // found: stop
    }
    return true;
  }
  bool binary(binary_t& /*v*/) override { return true; }
  bool start_object(std::size_t /*n*/) override { return open(); }
  bool end_object() override { return close(); }
  bool start_array(std::size_t /*n*/) override { return open(); }
  bool end_array() override { return close(); }
  bool key(string_t& k) override
  {
    m_title_key = m_depth == 1 && k == "title";
    return true;
  }
  bool parse_error(std::size_t /*pos*/, const std::string& /*token*/, const nlohmann::detail::exception& /*e*/) override
  {
    return false;
  }

private:
  int m_depth = 0;
  bool m_title_key = false;
  bool open()
  {
    ++m_depth;
    m_title_key = false;
    return true;
  }
  bool close()
  {
    --m_depth;
    return true;
  }
};

std::optional<std::string> scan_title(std::string_view text)
{
  TitleScanner scanner;
  try {
    json::sax_parse(text.begin(), text.end(), &scanner, json::input_format_t::json, /*strict=*/false);
  } catch (const std::exception&) {
    return std::nullopt; // read whole below, which reports what is wrong
  }
  return scanner.title;
}

} // namespace

std::optional<RoleName> find_role_name(const Catalog& catalog, const std::string& id_or_alias)
{
  const auto id = catalog.role_id(id_or_alias);
  if (!id) {
    return std::nullopt;
  }
  if (RoleDigests* digests = role_digests(catalog)) {
    if (const Role* r = digests->role(*id)) {
      return RoleName{r->id, r->title};
    }
  } else if (catalog.roles.empty()) { // open_catalog without data directories: the bundled roles alone
    const auto& files = catalog.role_files();
    if (const auto it = files.find(*id); it != files.end() && it->second.bundled) {
      if (auto title = scan_title(it->second.text)) {
        return RoleName{*id, std::move(*title)};
      }
    }
  }
  const Role* r = catalog.find_role(*id);
  return r == nullptr ? std::nullopt : std::optional<RoleName>(RoleName{r->id, r->title});
}

} // namespace careerplan
