#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <thread>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include "core/catalog.hpp"
#include "core/catalog_index.hpp"
#include "core/errors.hpp"
#include "core/role_digest.hpp"
#include "core/role_index_file.hpp"
#include "core/salary_bls.hpp"

#include "bundled_catalog.hpp"

using namespace careerplan;
using careerplan::test::bundled;
using namespace careerplan::role_index;

namespace {

std::string temp_index()
{
  return (std::filesystem::temp_directory_path() / ("careerplan-unit-" + std::to_string(::getpid()) + ".index")).string();
}

} // namespace

TEST_CASE("the role index is read in place as it was written: records by id, aliases, digests")
{
  const Catalog& cat = bundled();
  std::vector<std::string> ids;
  std::vector<RoleFile> files;
  std::unordered_map<std::string, std::vector<std::string>> aliases_of;
  std::unordered_map<std::string, std::string> digest_of;
  for (const Role& r : cat.roles) { // sorted by id, as the index's records
    ids.push_back(r.id);
    files.push_back(RoleFile{r.id, "dir/roles/" + r.id + ".json", {}, false, {}});
    aliases_of[r.id] = r.aliases;
    digest_of[r.id] = encode_role_digest(r);
  }
  std::vector<IndexRow> rows;
  for (std::size_t i = 0; i < ids.size(); ++i) {
    rows.push_back(IndexRow{&ids[i], &files[i], Stamp{static_cast<long long>(i), 2, 3, 4}});
  }
  rows[1].racy = true;
  const std::string path = temp_index();
  const std::string key = "0123456789abcdef";
  const std::vector<DirStamp> dirs = {{"a/roles", 4096, 10, 11, 12, true}, {"b/roles", -1, 0, 0, 0, true},
                                      {"c/roles", 7, 8, 9, 10, false}};
  write_index(path, key, rows, nullptr, aliases_of, digest_of, dirs);

  const auto view = IndexView::open(path, key);
  REQUIRE(view);
  CHECK(view->dirs() == dirs);
  CHECK(view->record(0).racy == 0);
  CHECK(view->record(1).racy == 1);
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

TEST_CASE("a catalog opened for one role reads the files it uses and completes itself for anything more")
{
  namespace fs = std::filesystem;
  const fs::path tmp = fs::temp_directory_path() / ("careerplan-unit-partial-" + std::to_string(::getpid()));
  fs::remove_all(tmp);
  fs::create_directories(tmp / "data" / "roles");
  const std::string_view da = careerplan::test::bundled_file("roles/data-analyst.json");
  REQUIRE_FALSE(da.empty());
  nlohmann::json role = nlohmann::json::parse(da);
  role["id"] = "extra-role";
  role["aliases"] = {"extra-alias"};
  const std::string extra = role.dump();
  const fs::path extra_path = tmp / "data" / "roles" / "extra-role.json";
  std::ofstream(extra_path) << extra;

  LoadOptions lo;
  lo.data_dirs = {(tmp / "data").string()};
  lo.cache_dir = (tmp / "cache").string();
  const auto stamps = stamp_role_dirs(lo.data_dirs);
  REQUIRE(stamps.size() == 1);
  CHECK(stamps[0].path == (tmp / "data" / "roles").string());
  CHECK(stamps[0].size >= 0);
  CHECK(stamp_role_dirs({(tmp / "none").string()})[0] == DirStamp{(tmp / "none" / "roles").string(), -1, 0, 0, 0, true});

  open_catalog(lo); // writes the index (its stamps, taken in the tick of the last change, prove nothing)
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  open_catalog(lo); // and again, with stamps that prove the directory unchanged
  lo.one_role = true;
  {
    const Catalog cat = open_catalog(lo);
    const Role* r = cat.find_role("extra-role");
    REQUIRE(r != nullptr);
    CHECK(r->id == "extra-role");
    CHECK(cat.find_role("data-analyst") != nullptr);
    const Role* summary = find_role_summary(cat, "data-scientist"); // from its digest: no file parsed
    REQUIRE(summary != nullptr);
    CHECK(summary->from_digest);
    CHECK(summary->id == "data-scientist");
    CHECK(cat.role_ids().size() == careerplan::test::bundled_role_count() + 1); // completed: every role
    CHECK(cat.find_role("extra-role") == r); // a role read before completing stays
  }
  // Broken in place: a one-role catalog that does not read it is not stopped; one that does, or
  // that needs every role, is.
  std::ofstream(extra_path, std::ios::trunc) << "{";
  {
    const Catalog cat = open_catalog(lo);
    CHECK(cat.find_role("data-analyst") != nullptr);
    CHECK_THROWS_AS(cat.find_role("extra-role"), DataError);
  }
  {
    // salary ROLE's BLS figures are the reference roles' (the bundled ones) and its own: no other file is read.
    const Catalog cat = open_catalog(lo);
    const Role* analyst = cat.find_role("data-analyst");
    REQUIRE(analyst != nullptr);
    std::vector<std::string> ids;
    for (const auto& f : catalog_bls_figures(cat, "15-2051", "US", analyst)) {
      ids.push_back(f.figure.id);
    }
    CHECK(ids == std::vector<std::string>{"bls-oews-2024-15-2051", "bls-oews-2023-15-2051"});
  }
  {
    const Catalog cat = open_catalog(lo);
    CHECK_THROWS_AS(cat.role_ids(), DataError);
  }
  lo.one_role = false;
  CHECK_THROWS_AS(open_catalog(lo), DataError);
  fs::remove_all(tmp);
}
