#include <doctest/doctest.h>

#include "core/amount.hpp"

using namespace careerplan;

TEST_CASE("an amount of money is read one way everywhere")
{
  CHECK(parse_amount("150000") == 150000.0);
  CHECK(parse_amount("52.5") == 52.5);
  CHECK(parse_amount("42k") == 42000.0);
  CHECK(parse_amount("150K") == 150000.0);
  CHECK(parse_amount("$150,000") == 150000.0);
  CHECK(parse_amount("1,234,567.5") == 1234567.5);
  CHECK(parse_amount("1.2m") == doctest::Approx(1200000.0));
  CHECK(parse_amount("$1.5M") == doctest::Approx(1500000.0));
  CHECK(parse_amount("0") == 0.0);
}

TEST_CASE("anything else is refused, not guessed")
{
  for (const char* bad : {"", "$", "k", "nan", "inf", "-5", "+5", "1e3", "0x10", "1,50,000", "1234,000", "150,00",
                          ",150", "150.", ".5", "1.2.3", "42kk", "42 k", " 42", "42$", "$$42", "1,000k,"}) {
    CAPTURE(bad);
    CHECK_FALSE(parse_amount(bad).has_value());
  }
}
