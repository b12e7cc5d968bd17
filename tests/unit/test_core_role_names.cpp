#include <doctest/doctest.h>

#include "core/catalog.hpp"
#include "core/role_digest.hpp"
#include "core/role_names.hpp"

#include "bundled_catalog.hpp"

using namespace careerplan;
using careerplan::test::bundled;

namespace {

std::string id_of(const std::string& name)
{
  const Role* r = find_role_by_name(bundled(), name);
  return r == nullptr ? std::string("(none)") : r->id;
}

} // namespace

TEST_CASE("a role name is read as a slug: case, spaces and underscores do not matter")
{
  CHECK(role_slug("Backend Engineer") == "backend-engineer");
  CHECK(role_slug("  ML_Engineer ") == "ml-engineer");
  CHECK(role_slug("data--scientist") == "data-scientist");
  CHECK(role_slug("") == "");
}

TEST_CASE("ids, aliases and titles name a role the same way everywhere")
{
  CHECK(id_of("machine-learning-engineer") == "machine-learning-engineer");
  CHECK(id_of("MLE") == "machine-learning-engineer");
  CHECK(id_of("Backend Engineer") == "software-engineer"); // the alias backend-engineer
  CHECK(id_of("Machine Learning Engineer") == "machine-learning-engineer");
  CHECK(id_of("data scientist") == "data-scientist");
  CHECK(id_of("Software Engineer") == "software-engineer");
  CHECK(id_of("Plumber") == "(none)");
  CHECK(id_of("") == "(none)");
  CHECK(resolve_role(bundled(), "Backend Engineer").id == "software-engineer");
}

TEST_CASE("find_role_name: a bundled role's id and title without reading the whole profile, as reading it gives them")
{
  const Catalog cat = open_catalog({}); // the bundled roles, indexed by file, no digests
  REQUIRE(role_digests(cat) == nullptr);
  for (const Role& role : bundled().roles) {
    CAPTURE(role.id);
    const auto name = find_role_name(cat, role.id);
    REQUIRE(name.has_value());
    CHECK(name->id == role.id);
    CHECK(name->title == role.title);
    for (const auto& alias : role.aliases) {
      const auto by_alias = find_role_name(cat, alias);
      REQUIRE(by_alias.has_value());
      CHECK(by_alias->id == role.id);
    }
  }
  CHECK_FALSE(find_role_name(cat, "no-such-role").has_value());
  // A catalog that holds its roles read whole answers the same.
  const auto mle = find_role_name(bundled(), "mle");
  REQUIRE(mle.has_value());
  CHECK(mle->id == "machine-learning-engineer");
}
