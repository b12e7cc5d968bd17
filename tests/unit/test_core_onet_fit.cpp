#include <doctest/doctest.h>

#include "core/onet_fit.hpp"

using namespace careerplan;

namespace {

TypicalExperience band(int category)
{
  const auto years = rw_years(category);
  REQUIRE(years.has_value());
  return {category, "", 50, years->first, years->second};
}

} // namespace

TEST_CASE("O*NET's related work experience categories in years")
{
  CHECK(rw_years(1)->first == 0);
  CHECK(rw_years(7)->first == 2);
  CHECK(*rw_years(7)->second == 4);
  CHECK_FALSE(rw_years(11)->second.has_value()); // "Over 10 years"
  CHECK_FALSE(rw_years(0).has_value());
  CHECK_FALSE(rw_years(12).has_value());
  CHECK(years_range_text(band(7)) == "2-4 y");
  CHECK(years_range_text(band(11)) == "over 10 y");
  CHECK(years_range_text(band(1)) == "none");
  CHECK(years_range_text(band(4)) == "3-6 mo");
}

TEST_CASE("the user's years against the typical experience")
{
  CHECK(experience_fit(1, band(7)) == "below");
  CHECK(experience_fit(2, band(7)) == "within");
  CHECK(experience_fit(3, band(7)) == "within");
  CHECK(experience_fit(4, band(7)) == "within");
  CHECK(experience_fit(5, band(7)) == "above");
  CHECK(experience_fit(30, band(11)) == "within");
  CHECK(experience_fit(0, band(1)) == "within");
  CHECK(experience_fit(1, band(1)) == "above");
}

TEST_CASE("the SOC code of an O*NET-SOC code")
{
  CHECK(soc_of("15-2051.01") == "15-2051");
  CHECK(soc_of("15-2051") == "15-2051");
}

TEST_CASE("education levels are O*NET's RL categories in order")
{
  CHECK(education_category("bachelor") == 6);
  CHECK(education_category("doctorate") == 11);
  CHECK(education_category("phd") == 0);
  const TypicalEducation master{8, "Master's Degree", 60};
  CHECK(education_fit(6, master) == "below");
  CHECK(education_fit(8, master) == "at");
  CHECK(education_fit(11, master) == "above");
}
