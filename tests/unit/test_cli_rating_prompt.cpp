#include <doctest/doctest.h>

#include <sstream>

#include "cli/rating_prompt.hpp"

using namespace careerplan;

namespace {

std::vector<RatingItem> three()
{
  return {{"a", "Alpha", "The first item, described at some length so that it wraps at a word boundary.", {{2, "low"}}},
          {"b", "Beta", "", {}},
          {"c", "Gamma", "", {}}};
}

} // namespace

TEST_CASE("the rating prompt: a level sets, Enter keeps, '-' goes back, '?' explains, end of input stops")
{
  const RatingScale scale{0, 7, "a test scale", {"legend line"}};
  std::istringstream in("5\n\n?\n-\n3\n9\n4\n");
  std::ostringstream out;
  const auto got = prompt_items(three(), {{"b", 1}}, scale, in, out, 40);
  CHECK(got == std::map<std::string, int>{{"a", 5}, {"b", 3}, {"c", 4}});
  const std::string text = out.str();
  CHECK(text.find("legend line") != std::string::npos);
  CHECK(text.find("[1]") != std::string::npos); // b's current value, kept by Enter
  CHECK(text.find("please type a whole number from 0 to 7") != std::string::npos); // 9 is refused
  for (std::size_t start = 0, end; (end = text.find('\n', start)) != std::string::npos; start = end + 1) {
    const std::string line = text.substr(start, end - start);
    if (line.find("level 0-7") == std::string::npos && line.find("please type") == std::string::npos) {
      CHECK(line.size() <= 40); // wrapped to the width, at word boundaries
    }
  }
  CHECK(text.find("described at some length") == std::string::npos); // broken between words, not inside one
}

TEST_CASE("the rating prompt stops at end of input and keeps what was entered")
{
  std::istringstream in("2\n");
  std::ostringstream out;
  CHECK(prompt_items(three(), {}, {0, 5, "s", {}}, in, out, 80) == std::map<std::string, int>{{"a", 2}});
  std::istringstream none("");
  CHECK(prompt_items(three(), {}, {0, 5, "s", {}}, none, out, 80).empty());
}
