#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include <fmt/format.h>

#include "core/catalog.hpp"

#include "tiny_role.hpp"

using namespace careerplan;

namespace {

namespace fs = std::filesystem;

json role_named(const std::string& id)
{
  auto j = careerplan::test::tiny_role();
  j["id"] = id;
  j["title"] = "Tiny " + id;
  j["aliases"] = json::array({"alias-" + id});
  return j;
}

struct CatalogDir
{
  std::string path;
  CatalogDir()
  {
    path = (fs::temp_directory_path() / "careerplan-unit-XXXXXX").string();
    REQUIRE(::mkdtemp(path.data()) != nullptr);
  }
  ~CatalogDir() { fs::remove_all(path); }
  void write(const std::string& name, const std::string& text) const
  {
    fs::create_directories(fs::path(path + "/" + name).parent_path());
    std::ofstream(path + "/" + name) << text;
  }
};

std::vector<std::string> lines(const std::vector<Problem>& problems)
{
  std::vector<std::string> out;
  for (const auto& p : problems) {
    out.push_back(p.to_string());
  }
  return out;
}

} // namespace

TEST_CASE("validate's load: the same problems in the same order, whatever the threads and whatever it keeps")
{
  CatalogDir dir;
  // Enough role files for several threads, with a problem of every kind among them.
  for (int i = 0; i < 150; ++i) {
    const std::string id = fmt::format("role-{:03}", i);
    json j = role_named(id);
    if (i % 10 == 3) {
      j["skills"][0]["skill"] = "no-such-skill"; // against the catalog: after every file's own
    }
    if (i % 25 == 7) {
      j["title"] = 3; // the file's own problem
    }
    if (i % 40 == 11) {
      j["aliases"] = json::array({"alias-role-000"}); // names another role
    }
    dir.write("roles/" + id + ".json", j.dump());
  }
  dir.write("roles/role-050-bad.json", "{\"schema\": ");
  dir.write("roles/role-060-dup.json", R"({"schema": "careerplan/role/v1", "id": "x", "id": "y"})");
  dir.write("roles/role-070-other.json", role_named("role-007").dump()); // the id of another file
  dir.write("roles/role-080-kind.json", R"({"schema": "careerplan/skills/v1", "skills": []})");
  fs::create_directories(dir.path + "/roles/role-090-dir.json"); // cannot be read

  LoadOptions lo;
  lo.data_dirs = {dir.path};
  const LoadReport one = load_catalog_report(lo, KeptRoles::whole, 1);
  REQUIRE(one.problems.size() > 20);
  for (const unsigned threads : {2u, 3u, 8u}) {
    for (const KeptRoles kept : {KeptRoles::whole, KeptRoles::names}) {
      CAPTURE(threads);
      const LoadReport r = load_catalog_report(lo, kept, threads);
      CHECK(lines(r.problems) == lines(one.problems));
      CHECK(r.files == one.files);
      REQUIRE(r.catalog.roles.size() == one.catalog.roles.size());
      for (std::size_t i = 0; i < r.catalog.roles.size(); ++i) {
        CHECK(r.catalog.roles[i].id == one.catalog.roles[i].id);
        CHECK(r.catalog.roles[i].title == one.catalog.roles[i].title);
        CHECK(r.catalog.roles[i].aliases == one.catalog.roles[i].aliases);
        CHECK(r.catalog.roles[i].file == one.catalog.roles[i].file);
        CHECK(r.catalog.roles[i].skills.empty() == (kept == KeptRoles::names));
      }
    }
  }
  // Each file's own problems in file order, then each role's against the catalog, by id.
  const auto at = [&](const std::string& needle) {
    for (std::size_t i = 0; i < one.problems.size(); ++i) {
      if (one.problems[i].to_string().find(needle) != std::string::npos) {
        return i;
      }
    }
    FAIL("no problem names ", needle);
    return one.problems.size();
  };
  CHECK(at("role-007.json") < at("role-050-bad.json"));
  CHECK(at("role-050-bad.json") < at("role-060-dup.json"));
  CHECK(at("role-060-dup.json") < at("duplicate role id 'role-007'"));
  CHECK(at("role-080-kind.json") < at("role-090-dir.json"));
  CHECK(at("role-090-dir.json") < at("unknown skill 'no-such-skill'"));
  CHECK(at("role-070-other.json") < at("role-003.json: /skills/0/skill"));
  CHECK(at("role-003.json: /skills/0/skill") < at("role-013.json: /skills/0/skill"));
  CHECK(one.files.size() == 154); // every file that could be read
}
