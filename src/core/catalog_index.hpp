#pragma once
// The index of checked role files (see catalog_index.cpp for its format and why it is safe).
#include <string>
#include <utility>
#include <vector>

#include "core/catalog.hpp"

namespace careerplan {

// A key for the index: careerplan's version, its bundled files, and the shared files in use
// (path, text), whose change makes every role be checked again.
std::string catalog_key(const std::vector<std::pair<std::string, std::string>>& shared_files);

// Checks the indexed role files of `cat` that changed since the index in options.cache_dir was
// written (every file, without one): each is read and checked whole, and its aliases against
// every role. A file that cannot be read is reported through options.warn and left out; the
// problems of invalid files are thrown together as one DataError. Gives `cat` every alias.
void refresh_role_index(Catalog& cat, const LoadOptions& options, const std::string& key);

} // namespace careerplan
