#pragma once
// `show ROLE`: the whole profile of one role as a document of named parts (`--section NAME`
// shows one), and its JSON (careerplan/show/v2).
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "core/catalog.hpp"
#include "render/document.hpp"

namespace careerplan {

// A part of the profile that `show --section NAME` can show alone.
struct ShowSectionInfo
{
  const char* name;
  const char* what;                  // for --help and the man page
  std::vector<const char*> json_keys; // the role file's keys (and show's own) it covers
};
const std::vector<ShowSectionInfo>& show_sections();
// "skills, salary, ..." in order; for messages and --help.
std::string show_section_names();
// The section of that name (case-insensitive); nullptr when there is none.
const ShowSectionInfo* find_show_section(const std::string& name);

// The profile as sections, each tagged with the part it belongs to.
struct ShowDocument
{
  std::string title;
  std::vector<std::pair<std::string, Section>> sections; // (part name, section)
  Table csv;                                              // the skills, one row each
  std::vector<std::string> footnotes;

  // Inserts `parts` after the last section of the part `after` (at the end when there is none).
  void insert_after(const std::string& after, std::vector<std::pair<std::string, Section>> parts);
  // The document to render: every part, or only `part` (empty: all). For one part other than
  // skills, the CSV is that part's first table (or its lines, one per row).
  Document select(const std::string& part) const;
};

ShowDocument show_document(const Role& role, const Catalog& cat);

// The shared sources (data/sources.json) the role cites, in order of first use.
std::vector<const Source*> shared_sources(const Role& role, const Catalog& cat);

// careerplan/show/v2: the role's profile under "role" (all of it, or its id, title and the keys of
// `part`), the shared sources it cites, and `extra` members (onet_occupations, wages) that belong
// to the part shown.
nlohmann::json show_json(const Role& role, const Catalog& cat, const std::string& part, const nlohmann::json& extra);

} // namespace careerplan
