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

TEST_CASE("countries by ISO 3166-1 alpha-2 code or name, case-insensitive, with suggestions")
{
  CHECK(countries().size() == 249);
  REQUIRE(find_country("gb") != nullptr);
  CHECK(std::string(find_country("gb")->code) == "GB");
  CHECK(std::string(find_country("UK")->code) == "GB");
  CHECK(std::string(find_country("germany")->code) == "DE");
  CHECK(std::string(find_country("SG")->name) == "Singapore");
  CHECK(find_country("GBR") == nullptr);
  CHECK(find_country("XX") == nullptr);
  CHECK(find_country("") == nullptr);
  CHECK(country_hint("XK") != "");
  CHECK(country_hint("Germny") == "did you mean 'Germany'?");
}
