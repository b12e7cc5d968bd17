#pragma once
// The bundled catalog for the unit tests, read once per run: whole (load_catalog: every role
// read and checked), or indexed by file as the commands open it (open_catalog: each role read
// on first use, its document kept).
#include <algorithm>
#include <cstddef>
#include <string_view>

#include "core/catalog.hpp"
#include "core/embedded.hpp"

namespace careerplan::test {

inline const Catalog& bundled()
{
  static const Catalog k_catalog = load_catalog({});
  return k_catalog;
}

inline const Catalog& bundled_indexed()
{
  static const Catalog k_catalog = open_catalog({});
  return k_catalog;
}

// The text of a bundled data file ("roles/data-analyst.json"); empty when there is none.
inline std::string_view bundled_file(std::string_view path)
{
  const auto& files = embedded_files();
  const auto f = std::find_if(files.begin(), files.end(), [&](const EmbeddedFile& e) { return e.path == path; });
  return f == files.end() ? std::string_view() : f->content;
}

// How many roles are bundled.
inline std::size_t bundled_role_count()
{
  const auto& files = embedded_files();
  return static_cast<std::size_t>(
      std::count_if(files.begin(), files.end(), [](const EmbeddedFile& f) { return f.path.starts_with("roles/"); }));
}

} // namespace careerplan::test
