#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "core/catalog.hpp"

#include "bundled_catalog.hpp"
#include "tiny_role.hpp"

using namespace careerplan;
using careerplan::test::bundled;

namespace {

std::vector<Problem> role_problems(const json& j)
{
  std::vector<Problem> problems;
  const ReadContext ctx{"tiny.json", &problems};
  Role r = read_role(j, ctx);
  if (problems.empty()) {
    check_role(r, bundled(), problems);
  }
  return problems;
}

} // namespace

TEST_CASE("the bundled catalog loads and validates")
{
  const Catalog& cat = bundled();
  REQUIRE_FALSE(cat.roles.empty());
  const Role* mle = cat.find_role("MLE");
  REQUIRE(mle != nullptr);
  CHECK(mle->id == "machine-learning-engineer");
  CHECK(cat.find_role("ml-engineer") == mle);
  CHECK(cat.find_role("nope") == nullptr);
  CHECK(cat.find_skill("py")->id == "python");
  CHECK(cat.find_source(mle, "hakia-mle-2026") != nullptr);
  CHECK(cat.find_source(mle, "bls-oews-2024") != nullptr);
  CHECK(cat.find_source(nullptr, "hakia-mle-2026") != nullptr); // the seeds are shared by several roles
  CHECK(cat.find_source(nullptr, "nope") == nullptr);
  CHECK(cat.roles.size() == 10);
  for (const auto& role : cat.roles) {
    CHECK_MESSAGE(!role.skills.empty(), role.id);
    CHECK_MESSAGE(!role.ladders.empty(), role.id);
  }
}

TEST_CASE("resolve_role suggests the nearest names")
{
  try {
    resolve_role(bundled(), "mlx");
    FAIL("expected a UsageError");
  } catch (const UsageError& e) {
    CHECK(std::string(e.what()) == "unknown role 'mlx'");
    CHECK(e.hint() == "did you mean 'mle'?");
    CHECK(e.code() == ExitCode::usage);
  }
  CHECK_THROWS_AS(resolve_role(bundled(), "../etc/passwd"), UsageError);
}

TEST_CASE("a minimal role is valid and every rejection names its path")
{
  CHECK(role_problems(careerplan::test::tiny_role()).empty());

  auto j = careerplan::test::tiny_role();
  j["skills"][0]["skill"] = "pyton";
  auto p = role_problems(j);
  REQUIRE(p.size() == 1);
  CHECK(p[0].path == "/skills/0/skill");
  CHECK(p[0].message == "unknown skill 'pyton'; did you mean 'python'?");

  j = careerplan::test::tiny_role();
  j["skills"][0]["skill"] = "py";
  CHECK(role_problems(j).at(0).message == "write the skill id 'python', not its alias 'py'");

  j = careerplan::test::tiny_role();
  j["skills"][0]["required"]["mid"] = 7;
  CHECK(role_problems(j).at(0).path == "/skills/0/required/mid");

  j = careerplan::test::tiny_role();
  j["summary"]["source"] = "made-up";
  CHECK(role_problems(j).at(0).message.find("does not resolve") != std::string::npos);

  j = careerplan::test::tiny_role();
  j["aliases"] = {"mle"};
  CHECK(role_problems(j).at(0).message == "alias 'mle' is also a name of role 'machine-learning-engineer'");

  j = careerplan::test::tiny_role();
  j["skills"][0]["weight"] = 0;
  CHECK(role_problems(j).at(0).path == "/skills/0/weight");

  j = careerplan::test::tiny_role();
  j.erase("levels");
  CHECK(role_problems(j).at(0).path == "/levels");
}

TEST_CASE("salary figures need a value and an ordered band")
{
  auto j = careerplan::test::tiny_role();
  j["salary"] = json::parse(R"([{"id": "f", "label": "x", "basis": "base", "scope": "national", "source": "bls-oews-2024"}])");
  CHECK(role_problems(j).at(0).message.find("needs a value") != std::string::npos);
  j["salary"][0]["low"] = 200;
  j["salary"][0]["median"] = 100;
  CHECK(role_problems(j).at(0).path == "/salary/0/median");
  j["salary"][0]["median"] = 300;
  CHECK(role_problems(j).empty());
  j["salary"][0]["scope"] = "state";
  CHECK(role_problems(j).at(0).path == "/salary/0/state");
  j["salary"][0]["state"] = "ca";
  CHECK(role_problems(j).empty());
}

TEST_CASE("without the bundled catalog, the data directories alone are the catalog")
{
  namespace fs = std::filesystem;
  std::string dir = (fs::temp_directory_path() / "careerplan-unit-XXXXXX").string();
  REQUIRE(::mkdtemp(dir.data()) != nullptr);
  const auto write = [&](const std::string& name, const std::string& text) {
    fs::create_directories(fs::path(dir + "/" + name).parent_path());
    std::ofstream(dir + "/" + name) << text;
  };
  write("skills.json", R"({"schema": "careerplan/skills/v1", "scales": [], "skills": [
    {"id": "python", "name": "Python", "category": "programming", "description": "d"}]})");
  write("sources.json", R"({"schema": "careerplan/sources/v1", "sources": [
    {"id": "bls-oews-2024", "title": "t", "publisher": "p", "date": "2025", "kind": "statistics"}]})");
  auto role = careerplan::test::tiny_role();
  role["scale"] = "own-scale"; // no scale is bundled in: the role names one its directory lacks
  write("roles/tiny.json", role.dump());

  LoadOptions lo;
  lo.bundled = false;
  lo.data_dirs = {dir};
  const LoadReport report = load_catalog_report(lo);
  REQUIRE(report.catalog.roles.size() == 1);
  CHECK(report.catalog.roles[0].id == "tiny");
  CHECK(report.catalog.skills.skills.size() == 1);
  CHECK(report.catalog.sources.size() == 1);
  CHECK(report.catalog.skills.scales.empty());
  REQUIRE_FALSE(report.problems.empty());
  CHECK(report.problems[0].message.find("own-scale") != std::string::npos);

  // The same directory on top of the bundled catalog: the bundled roles are there too.
  lo.bundled = true;
  CHECK(load_catalog_report(lo).catalog.roles.size() > 1);
  fs::remove_all(dir);
}
