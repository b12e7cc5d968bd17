#include <doctest/doctest.h>

#include "core/catalog.hpp"
#include "core/role_digest.hpp"

#include "bundled_catalog.hpp"

using namespace careerplan;
using careerplan::test::bundled;

TEST_CASE("a role's digest gives back every part it holds")
{
  for (const Role& role : bundled().roles) {
    CAPTURE(role.id);
    const std::string bytes = encode_role_digest(role);
    const auto back = decode_role_digest(bytes);
    REQUIRE(back.has_value());
    CHECK(back->id == role.id);
    CHECK(back->title == role.title);
    CHECK(back->family == role.family);
    CHECK(back->aliases == role.aliases);
    CHECK(back->levels == role.levels);
    CHECK(back->file == role.file);
    REQUIRE(back->skills.size() == role.skills.size());
    for (std::size_t i = 0; i < role.skills.size(); ++i) {
      CHECK(back->skills[i].skill == role.skills[i].skill);
      CHECK(back->skills[i].weight == role.skills[i].weight);
      CHECK(back->skills[i].required == role.skills[i].required);
      CHECK(back->skills[i].weight_basis.source == role.skills[i].weight_basis.source);
      CHECK(back->skills[i].weight_basis.quote.empty()); // left out: only `show` prints it
    }
    REQUIRE(back->salary.size() == role.salary.size());
    for (std::size_t i = 0; i < role.salary.size(); ++i) {
      CHECK(back->salary[i].id == role.salary[i].id);
      CHECK(back->salary[i].median == role.salary[i].median);
      CHECK(back->salary[i].employment == role.salary[i].employment);
      CHECK(back->salary[i].quote == role.salary[i].quote);
      CHECK(back->salary[i].occupation == role.salary[i].occupation);
      CHECK(back->salary[i].p90 == role.salary[i].p90);
    }
    CHECK(back->ladders.size() == role.ladders.size());
    CHECK(back->adjustments.size() == role.adjustments.size());
    CHECK(back->sources.size() == role.sources.size());
    CHECK(back->routes.empty()); // left out
  }
}

TEST_CASE("a damaged or foreign digest is refused, never half read")
{
  const std::string bytes = encode_role_digest(bundled().roles.front());
  CHECK_FALSE(decode_role_digest("").has_value());
  CHECK_FALSE(decode_role_digest(bytes.substr(0, bytes.size() - 1)).has_value());
  CHECK_FALSE(decode_role_digest(bytes + "x").has_value());
  std::string other = bytes;
  other[0] = static_cast<char>(k_role_digest_version + 1);
  CHECK_FALSE(decode_role_digest(other).has_value());
  for (std::size_t cut = 1; cut < bytes.size(); cut += 97) {
    CHECK_FALSE(decode_role_digest(bytes.substr(0, cut)).has_value());
  }
}

TEST_CASE("without digests, all_role_digests gives all_roles")
{
  const auto digests = all_role_digests(bundled());
  const auto roles = bundled().all_roles();
  REQUIRE(digests.size() == roles.size());
  for (std::size_t i = 0; i < roles.size(); ++i) {
    CHECK(&digests[i].get() == &roles[i].get());
  }
  std::size_t n = 0;
  for_each_role_digest(bundled(), [&](const Role&) { ++n; });
  CHECK(n == roles.size());
}
