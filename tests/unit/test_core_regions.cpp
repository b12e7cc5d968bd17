#include <doctest/doctest.h>

#include "core/regions.hpp"

using namespace careerplan;

TEST_CASE("states by USPS code or name, case-insensitive, with suggestions")
{
  REQUIRE(find_state("tx") != nullptr);
  CHECK(std::string(find_state("tx")->code) == "TX");
  CHECK(std::string(find_state("new york")->code) == "NY");
  CHECK(std::string(find_state("PR")->name) == "Puerto Rico");
  CHECK(find_state("TZ") == nullptr);
  CHECK(us_states().size() == 56); // 50 states, DC and 5 territories
  CHECK(state_hint("TZ") == "did you mean 'AZ', 'TN', 'TX'?");
}

TEST_CASE("country codes are two letters, upper-cased")
{
  CHECK(country_code("gb") == "GB");
  CHECK(country_code("SG") == "SG");
  CHECK(country_code("GBR").empty());
  CHECK(country_code("G1").empty());
  CHECK(country_code("").empty());
}
