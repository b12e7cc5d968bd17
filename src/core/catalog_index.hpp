#pragma once
// The index of checked role files (see catalog_index.cpp for its format and why it is safe).
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "core/catalog.hpp"

namespace careerplan {

// A key for the index: careerplan's version, its bundled files, and the shared files in use
// (path, text), whose change makes every role be checked again.
std::string catalog_key(const std::vector<std::pair<std::string, std::string>>& shared_files);

// The stamp of a data directory's roles/ directory (size -1: there is none), taken before it is
// listed. Untrusted when it cannot prove that the listing is unchanged: the directory changed in
// the clock tick the stamp was taken in (a change in the same tick may leave the same times), or
// it could not be stat'ed.
struct DirStamp
{
  std::string path; // "DIR/roles"
  long long size = -1, mtime = 0, ctime = 0;
  unsigned long long inode = 0;
  bool trusted = false;
  bool operator==(const DirStamp&) const = default;
};
std::vector<DirStamp> stamp_role_dirs(const std::vector<std::string>& data_dirs);

// Checks the indexed role files of `cat` that changed since the index in options.cache_dir was
// written (every file, without one): each is read and checked whole, and its aliases against
// every role. A file that cannot be read is reported through options.warn and left out; the
// problems of invalid files are thrown together as one DataError. Gives `cat` every alias.
// `dirs`: the roles/ directories' stamps, taken before they were listed into `cat`.
void refresh_role_index(Catalog& cat, const LoadOptions& options, const std::string& key,
                        const std::vector<DirStamp>& dirs);

// For a command that reads a few roles by id (LoadOptions::one_role): when the index of these
// data directories is whole, has this key, and every roles/ directory has the stamp it had when
// the index was written (so the set of role files is the one indexed), opens `cat` without listing
// a directory: a role id is looked up in the index and its one file stat'ed; any other need (a
// name that is not an indexed id, a file whose stamp changed, every role) runs `complete` (the
// full pass: list, stamp every file, refresh_role_index) first. False, leaving `cat` as it was,
// when the index cannot be used so.
bool open_role_index(Catalog& cat, const LoadOptions& options, const std::string& key,
                     std::function<void(Catalog&)> complete);

} // namespace careerplan
