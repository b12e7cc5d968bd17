#pragma once
// Internal to src/core (catalog_load.cpp, catalog_validate.cpp): the files of the catalog's
// layers (the bundled data, then each data directory) and the reading of its shared files.
#include <string>
#include <string_view>
#include <vector>

#include "core/catalog.hpp"

namespace careerplan::detail {

// A file of a layer: bundled text, or a path read when its turn comes.
struct LayerFile
{
  std::string path; // display path
  std::string_view text; // bundled text
  bool bundled = false;
};

struct Layer
{
  std::string name; // "<bundled>" or a directory
  std::vector<LayerFile> files; // skills.json and sources.json first, then roles/*.json by name
};

Layer bundled_layer();
// A data directory's files; IoError when it is no directory or cannot be listed.
Layer directory_layer(const std::string& dir);
// Whether a file is in a roles/ directory (a role file) rather than skills.json or sources.json.
bool in_roles_dir(const std::string& file);
// Reads skills.json or sources.json into the catalog.
void read_shared(const std::string& file, std::string_view text, Catalog& cat, std::vector<Problem>& problems);

} // namespace careerplan::detail
