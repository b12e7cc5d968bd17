#include <doctest/doctest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <unistd.h>

#include "core/catalog.hpp"
#include "core/role_digest.hpp"
#include "core/role_index_file.hpp"
#include "core/salary_bls.hpp"

using namespace careerplan;
using namespace careerplan::role_index;

namespace {

const Catalog& bundled()
{
  static const Catalog k_catalog = load_catalog({});
  return k_catalog;
}

std::string temp_index()
{
  return (std::filesystem::temp_directory_path() / ("careerplan-unit-" + std::to_string(::getpid()) + ".index")).string();
}

} // namespace

TEST_CASE("the role index is read in place as it was written: records by id, aliases, digests, BLS figures")
{
  const Catalog& cat = bundled();
  std::vector<std::string> ids;
  std::vector<RoleFile> files;
  std::unordered_map<std::string, std::vector<std::string>> aliases_of;
  std::unordered_map<std::string, std::string> digest_of;
  CatalogBls bls;
  for (const Role& r : cat.roles) { // sorted by id, as the index's records
    ids.push_back(r.id);
    files.push_back(RoleFile{r.id, "dir/roles/" + r.id + ".json", {}, false, {}});
    aliases_of[r.id] = r.aliases;
    digest_of[r.id] = encode_role_digest(r);
    bls.add(*decode_role_digest(digest_of[r.id]));
  }
  std::vector<IndexRow> rows;
  for (std::size_t i = 0; i < ids.size(); ++i) {
    rows.push_back(IndexRow{&ids[i], &files[i], Stamp{static_cast<long long>(i), 2, 3, 4}});
  }
  const std::string path = temp_index();
  const std::string key = "0123456789abcdef";
  write_index(path, key, rows, nullptr, aliases_of, digest_of);

  const auto view = IndexView::open(path, key);
  REQUIRE(view);
  CHECK_FALSE(IndexView::open(path, "fedcba9876543210")); // another key: every file is checked again
  REQUIRE(view->size() == ids.size());
  for (std::size_t i = 0; i < ids.size(); ++i) {
    CAPTURE(ids[i]);
    const std::size_t k = view->find(ids[i]);
    REQUIRE(k == i);
    const Record r = view->record(k);
    CHECK(r.size == static_cast<long long>(i));
    CHECK(view->file(r) == files[i].file);
    std::vector<std::string> aliases;
    each_alias(view->alias_bytes(r), [&](std::string_view a) { aliases.emplace_back(a); });
    CHECK(aliases == aliases_of[ids[i]]);
    CHECK(view->digest(r) == digest_of[ids[i]]);
  }
  CHECK(view->find("no-such-role") == std::string_view::npos);
  for (const auto& [k, figures] : bls.figures) {
    CAPTURE(k);
    const auto back = view->bls(k);
    REQUIRE(back.has_value());
    REQUIRE(back->size() == figures.size());
    for (std::size_t i = 0; i < figures.size(); ++i) {
      CHECK(back->at(i).id == figures[i].id);
      CHECK(back->at(i).median == figures[i].median);
    }
  }
  const auto none = view->bls("99-9999\tUS");
  REQUIRE(none.has_value());
  CHECK(none->empty());

  // A damaged file is no index (cut short, or longer than it says).
  std::string bytes;
  {
    std::ifstream in(path, std::ios::binary);
    bytes.assign(std::istreambuf_iterator<char>(in), {});
  }
  for (const std::string& damaged : {bytes.substr(0, bytes.size() - 7), bytes + "junk", bytes.substr(0, 100)}) {
    std::ofstream(path, std::ios::binary | std::ios::trunc) << damaged;
    CHECK_FALSE(IndexView::open(path, key));
  }
  std::remove(path.c_str());
}

TEST_CASE("salary figures survive their compact form")
{
  for (const Role& r : bundled().roles) {
    const auto back = decode_salary_figures(encode_salary_figures(r.salary));
    REQUIRE(back.has_value());
    REQUIRE(back->size() == r.salary.size());
    for (std::size_t i = 0; i < r.salary.size(); ++i) {
      CHECK(back->at(i).id == r.salary[i].id);
      CHECK(back->at(i).occupation == r.salary[i].occupation);
      CHECK(back->at(i).p90 == r.salary[i].p90);
    }
  }
}
