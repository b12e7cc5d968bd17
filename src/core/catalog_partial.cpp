// Opening the catalog for a command that reads a few roles by id, without listing a directory
// (core/catalog_index.hpp, open_role_index), and the stamps of the roles/ directories that make
// it safe.
#include <algorithm>
#include <cerrno>
#include <cstring>
#include <memory>
#include <sys/stat.h>

#include "core/catalog_index.hpp"
#include "core/embedded.hpp"
#include "core/file_stamps.hpp"
#include "core/role_digest.hpp"
#include "core/role_index_file.hpp"

namespace careerplan {

namespace fs = std::filesystem;

using role_index::coarse_now;
using role_index::Dirs;
using role_index::index_path;
using role_index::IndexView;
using role_index::Record;
using role_index::Stamp;
using role_index::stamp_of;

std::vector<DirStamp> stamp_role_dirs(const std::vector<std::string>& data_dirs)
{
  std::vector<DirStamp> out;
  for (const auto& d : data_dirs) {
    DirStamp s;
    s.path = (fs::path(d) / "roles").string();
    const long long before = coarse_now(); // before the stat: see coarse_now
    struct stat st {};
    if (::stat(s.path.c_str(), &st) == 0) {
      s.size = static_cast<long long>(st.st_size);
      s.mtime = st.st_mtim.tv_sec * 1000000000LL + st.st_mtim.tv_nsec;
      s.ctime = st.st_ctim.tv_sec * 1000000000LL + st.st_ctim.tv_nsec;
      s.inode = static_cast<unsigned long long>(st.st_ino);
      s.trusted = s.ctime < before;
    } else {
      s.trusted = errno == ENOENT || errno == ENOTDIR; // none: its making changes the stamp
    }
    out.push_back(std::move(s));
  }
  return out;
}
bool open_role_index(Catalog& cat, const LoadOptions& options, const std::string& key,
                     std::function<void(Catalog&)> complete)
{
  const std::string path = index_path(options);
  const std::shared_ptr<const IndexView> view = path.empty() ? nullptr : IndexView::open(path, key);
  if (!view) {
    return false;
  }
  // The same roles/ directories, each with the stamp it had, before any of them was listed, and
  // a stamp that proves it: then no file was added, removed or renamed since.
  const auto& then = view->dirs();
  if (then != stamp_role_dirs(options.data_dirs) ||
      !std::all_of(then.begin(), then.end(), [](const DirStamp& d) { return d.trusted; })) {
    return false;
  }
  // A role id: its record, and its file's stamp now. Anything else (no record: no such file, or an
  // invalid or unreadable one; a changed file) is for the full pass.
  auto lookup = [view, dirs = std::make_shared<Dirs>()](Catalog& c, const std::string& id) {
    const std::size_t k = view->find(id);
    if (k == std::string_view::npos) {
      return false;
    }
    const Record r = view->record(k);
    RoleFile f{id, std::string(view->file(r)), {}, false, {}};
    const std::string bundled = std::string(k_bundled) + "/";
    if (f.file.starts_with(bundled)) {
      const std::string_view inner = std::string_view(f.file).substr(bundled.size());
      const auto& all = embedded_files();
      const auto e = std::find_if(all.begin(), all.end(), [&](const EmbeddedFile& x) { return x.path == inner; });
      if (e == all.end()) {
        return false;
      }
      f.text = e->content;
      f.bundled = true;
    }
    Stamp now;
    if (r.racy != 0 || stamp_of(f, now, *dirs) != 0 || !(now == Stamp{r.size, r.mtime, r.ctime, r.inode})) {
      return false;
    }
    c.add_role_file(std::move(f), false);
    return true;
  };
  cat.set_partial(std::move(lookup), std::move(complete));
  auto digests = std::make_shared<RoleDigests>();
  // A digest is of the file the index has for its id; used only for an id the lookup vouched for
  // (find_role_summary), or once the catalog is completed (which sets its own lookup).
  digests->set_lookup([view](const std::string& id) -> std::string_view {
    const std::size_t k = view->find(id);
    return k == std::string_view::npos ? std::string_view() : view->digest(view->record(k));
  });
  attach_role_digests(cat, std::move(digests));
  return true;
}

} // namespace careerplan
