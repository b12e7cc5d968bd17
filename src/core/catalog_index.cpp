// The index of checked role files: which files of a set of data directories were read and found
// valid, with their aliases and digests, so that a command checks only the files that changed
// since, and a whole-catalog command reads the digests instead of every file.
//
// One index file per set of data directories, under the cache directory, mapped into memory and
// read in place (nothing is parsed into per-file objects: a one-role command among ten thousand
// roles compares stamps and looks one id up). Its first line names the format and a key (a hash
// of careerplan's version, the bundled files, and the skill catalogs and shared sources in use:
// a role is checked against them, so a change there checks every role again). Then a header of
// ten numbers (record count, where the records, the string pool and the digests lie, a checksum
// of records, pool and directory stamps, the file's whole length, where the directory stamps
// lie), one fixed-width record per valid role file sorted by role id (size, modification and
// change times in nanoseconds, inode, where its id, path, aliases and digest lie, the digest's
// own checksum, and whether the stamp is racy), the pool, the stamps of the roles/ directories
// (taken before they were listed; core/catalog_partial.cpp), and the digests
// (core/role_digest.hpp). A file is taken as checked only when all four stamps match and the
// stamp is not racy: its change time fell in the clock tick it was taken in, when a second change
// could have left the same stamp (core/file_stamps.hpp, coarse_now).
#include "core/catalog_index.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <cstdio>
#include <ctime>
#include <dirent.h>
#include <filesystem>
#include <fstream>
#include <memory>
#include <thread>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <unordered_map>
#include <unordered_set>

#include <fmt/format.h>

#include "core/embedded.hpp"
#include "core/file_stamps.hpp"
#include "core/role_digest.hpp"
#include "core/role_index_file.hpp"
#include "core/text.hpp"
#include "version.hpp"

namespace careerplan {

namespace fs = std::filesystem;

using role_index::checksum;
using role_index::coarse_now;
using role_index::Dirs;
using role_index::each_alias;
using role_index::fnv1a;
using role_index::index_path;
using role_index::IndexRow;
using role_index::IndexView;
using role_index::Record;
using role_index::Stamp;
using role_index::stamp_error;
using role_index::stamp_of;
using role_index::write_index;

namespace {

// Every file's stamp, in two threads when there are many (a stat is a few microseconds: ten
// thousand of them are most of a one-role command's time).
void stamp_all(const std::vector<const std::pair<const std::string, RoleFile>*>& files, std::vector<Stamp>& stamps,
               std::vector<int>& errors)
{
  stamps.resize(files.size());
  errors.resize(files.size());
  auto part = [&](std::size_t from, std::size_t to) {
    Dirs dirs;
    for (std::size_t i = from; i < to; ++i) {
      errors[i] = stamp_of(files[i]->second, stamps[i], dirs);
    }
  };
  constexpr std::size_t k_many = 512;
  const std::size_t half = files.size() / 2;
  if (files.size() < k_many) {
    part(0, files.size());
    return;
  }
  std::thread other;
  try {
    other = std::thread(part, half, files.size());
  } catch (const std::system_error&) {
    part(0, files.size()); // no thread to be had: one does it all
    return;
  }
  part(0, half);
  other.join();
}

} // namespace

std::string catalog_key(const std::vector<std::pair<std::string, std::string>>& shared_files)
{
  std::uint64_t h = fnv1a(k_version);
  h = fnv1a(std::to_string(k_role_digest_version), h);
  // (checksum takes eight bytes a step: the bundled files are a third of a megabyte, hashed on
  // every run)
  for (const auto& f : embedded_files()) {
    h = fnv1a(f.path, h);
    h = (h ^ checksum(f.content)) * 1099511628211ULL;
  }
  for (const auto& [path, text] : shared_files) {
    h = fnv1a(path, h);
    h = (h ^ checksum(text)) * 1099511628211ULL;
  }
  return fmt::format("{:016x}", h);
}

void refresh_role_index(Catalog& cat, const LoadOptions& options, const std::string& key,
                        const std::vector<DirStamp>& dir_stamps)
{
  const std::string path = index_path(options);
  const std::shared_ptr<const IndexView> view = path.empty() ? nullptr : IndexView::open(path, key);

  // Every file's stamp against its record (files and records both sorted by id).
  std::vector<const std::pair<const std::string, RoleFile>*> files;
  files.reserve(cat.role_files().size());
  for (const auto& f : cat.role_files()) {
    files.push_back(&f);
  }
  std::vector<Stamp> stamps;
  std::vector<int> errors;
  const long long before = coarse_now(); // a file changed since may show the same stamp
  stamp_all(files, stamps, errors);
  std::vector<IndexRow> rows; // the valid files, by id
  rows.reserve(files.size());
  std::vector<std::size_t> changed; // in rows
  std::size_t next = 0; // the next record to compare
  for (std::size_t k = 0; k < files.size(); ++k) {
    const auto& [id, f] = *files[k];
    if (errors[k] != 0) {
      std::string why = stamp_error(f, errors[k]);
      if (options.warn) {
        options.warn(fmt::format("{}; role '{}' is left out", why, id));
      }
      cat.mark_unreadable(id, std::move(why));
      continue;
    }
    IndexRow row{&id, &f, stamps[k]};
    row.racy = !f.bundled && row.stamp.ctime >= before;
    if (view) {
      while (next < view->size() && view->id(next) < id) {
        ++next;
      }
      if (next < view->size() && view->id(next) == id) {
        const Record r = view->record(next);
        if (view->file(r) == f.file && r.racy == 0 && Stamp{r.size, r.mtime, r.ctime, r.inode} == row.stamp) {
          row.record = next;
        }
      }
    }
    if (row.record == std::string_view::npos) {
      changed.push_back(rows.size());
    }
    rows.push_back(row);
  }

  // Each changed file is read and checked whole, then let go (a first run over ten thousand
  // files holds one at a time).
  std::vector<Problem> problems;
  std::unordered_set<std::string> invalid; // ids
  std::unordered_map<std::string, std::vector<std::string>> aliases_of; // id -> aliases, changed valid files
  std::unordered_map<std::string, std::string> digest_of; // id -> digest, changed valid files
  for (const std::size_t k : changed) {
    const RoleFile& f = *rows[k].file;
    try {
      const Role role = read_role_file(f, cat);
      aliases_of[f.id] = role.aliases;
      digest_of[f.id] = encode_role_digest(role);
    } catch (const DataError& e) {
      problems.insert(problems.end(), e.problems.begin(), e.problems.end());
      invalid.insert(f.id);
    } catch (const IoError& e) {
      if (options.warn) {
        options.warn(fmt::format("{}; role '{}' is left out", e.what(), f.id));
      }
      cat.mark_unreadable(f.id, e.what());
      invalid.insert(f.id);
    }
  }
  // When a file changed: every name of every role and its aliases against them.
  if (!changed.empty()) {
    std::unordered_map<std::string, std::vector<std::string>> names; // name -> role ids
    for (const auto& [id, f] : cat.role_files()) {
      names[id].push_back(id);
    }
    auto add_name = [&](std::string_view alias, const std::string& id) {
      auto& v = names[std::string(alias)];
      if (v.empty() || v.back() != id) {
        v.push_back(id);
      }
    };
    for (const IndexRow& row : rows) {
      if (row.record != std::string_view::npos) {
        each_alias(view->alias_bytes(view->record(row.record)), [&](std::string_view a) { add_name(a, *row.id); });
      } else if (const auto it = aliases_of.find(*row.id); it != aliases_of.end()) {
        for (const auto& a : it->second) {
          add_name(a, *row.id);
        }
      }
    }
    // A clash between a bundled role and a user's is reported at the user's file, never at the bundled one.
    auto bundled = [&](const std::string& id) {
      const auto rf = cat.role_files().find(id);
      return rf != cat.role_files().end() && rf->second.bundled;
    };
    for (const std::size_t k : changed) {
      const RoleFile& f = *rows[k].file;
      const auto it = aliases_of.find(f.id);
      if (it == aliases_of.end()) {
        continue;
      }
      const ReadContext ctx{f.file, &problems};
      if (!f.bundled) {
        for (const auto& other : names[f.id]) {
          if (other != f.id && bundled(other)) {
            ctx.add("/id", fmt::format("role id '{}' is an alias of the bundled role '{}'; choose another id", f.id, other));
            invalid.insert(f.id);
          }
        }
      }
      for (std::size_t i = 0; i < it->second.size(); ++i) {
        for (const auto& other : names[it->second[i]]) {
          if (other != f.id && !(f.bundled && !bundled(other))) {
            ctx.add(pointer_append("/aliases", i),
                    fmt::format("alias '{}' is also a name of role '{}'", it->second[i], other));
            invalid.insert(f.id);
          }
        }
      }
    }
  }
  const bool stale = !changed.empty() || !view || rows.size() != view->size();
  if (!path.empty() && (stale || view->dirs() != dir_stamps ||
                        std::any_of(rows.begin(), rows.end(), [](const IndexRow& r) { return r.racy; }))) {
    // The valid files, so that fixing one file re-checks that file only.
    std::vector<IndexRow> valid;
    valid.reserve(rows.size());
    for (const IndexRow& row : rows) {
      if (invalid.count(*row.id) == 0) {
        valid.push_back(row);
      }
    }
    write_index(path, key, valid, view.get(), aliases_of, digest_of, dir_stamps);
  }
  if (!problems.empty()) {
    throw DataError(std::move(problems));
  }
  // The aliases and the digests: a changed file's from memory, the others' from the index, each
  // looked up when a command asks.
  std::vector<std::uint32_t> used; // the records of unchanged files
  for (const IndexRow& row : rows) {
    if (row.record != std::string_view::npos) {
      used.push_back(static_cast<std::uint32_t>(row.record));
    }
  }
  std::vector<std::pair<std::string, std::vector<std::string>>> changed_aliases(aliases_of.begin(), aliases_of.end());
  cat.set_alias_source([view, used = std::move(used), changed_aliases = std::move(changed_aliases)] {
    std::unordered_map<std::string, std::string> alias_to_id;
    alias_to_id.reserve(used.size() + changed_aliases.size());
    for (const std::uint32_t k : used) {
      const Record r = view->record(k);
      const std::string_view id = view->id(r);
      each_alias(view->alias_bytes(r), [&](std::string_view a) { alias_to_id.emplace(std::string(a), std::string(id)); });
    }
    for (const auto& [id, aliases] : changed_aliases) {
      for (const auto& a : aliases) {
        alias_to_id.emplace(a, id);
      }
    }
    return alias_to_id;
  });
  // The catalog's digests object stays the same (a command may hold it while the catalog is
  // completed: open_role_index).
  std::shared_ptr<RoleDigests> digests = cat.digests ? cat.digests : std::make_shared<RoleDigests>();
  for (auto& [id, bytes] : digest_of) {
    digests->add(id, std::move(bytes));
  }
  digests->set_lookup(nullptr); // (a partial catalog's, of another view)
  if (view) {
    // A changed file's digest is in memory; any other id in use has its record matched above.
    digests->set_lookup([view](const std::string& id) -> std::string_view {
      const std::size_t k = view->find(id);
      return k == std::string_view::npos ? std::string_view() : view->digest(view->record(k));
    });
  }
  attach_role_digests(cat, std::move(digests));
}

} // namespace careerplan
