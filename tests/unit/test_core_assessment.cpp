#include <doctest/doctest.h>

#include <filesystem>
#include <string>

#include "core/assessment.hpp"
#include "core/catalog.hpp"
#include "core/errors.hpp"

#include "bundled_catalog.hpp"

using namespace careerplan;
using careerplan::test::bundled;

namespace {

// The problems a text's reading reports (none: it was read).
std::vector<Problem> assessment_problems(const std::string& text)
{
  try {
    parse_assessment_text(text, "a.json", bundled());
  } catch (const DataError& e) {
    return e.problems;
  }
  return {};
}

bool has_problem(const std::vector<Problem>& problems, const std::string& path, const std::string& words)
{
  for (const auto& p : problems) {
    if (p.file == "a.json" && p.path == path && p.message.find(words) != std::string::npos) {
      return true;
    }
  }
  return false;
}

const char* const k_valid = R"({
  "schema": "careerplan/assessment/v1",
  "current_role": "software-engineer",
  "target_role": "machine-learning-engineer",
  "years_experience": 6.5,
  "location": {"state": "tx"},
  "current_pay": {"amount": 160000, "currency": "USD", "basis": "base"},
  "ratings": {"python": 4, "sql": 0}
})";

} // namespace

TEST_CASE("an assessment is read into its fields; a state is kept as its USPS code")
{
  const Assessment a = parse_assessment_text(k_valid, "a.json", bundled());
  CHECK(a.current_role == "software-engineer");
  CHECK(a.target_role == "machine-learning-engineer");
  REQUIRE(a.years_experience.has_value());
  CHECK(*a.years_experience == doctest::Approx(6.5));
  CHECK(a.state == "TX");
  CHECK(a.country.empty());
  REQUIRE(a.current_pay.has_value());
  CHECK(a.current_pay->amount == doctest::Approx(160000));
  CHECK(a.current_pay->basis == PayBasis::base);
  CHECK(a.ratings.size() == 2);
  CHECK(a.ratings.at("python") == 4);
  CHECK(a.ratings.at("sql") == 0);
}

TEST_CASE("an assessment written back reads as the same assessment")
{
  const Assessment a = parse_assessment_text(k_valid, "a.json", bundled());
  const Assessment b = parse_assessment_text(assessment_to_json(a).dump(), "a.json", bundled());
  CHECK(b.target_role == a.target_role);
  CHECK(b.state == a.state);
  CHECK(b.ratings == a.ratings);
  CHECK(*b.years_experience == doctest::Approx(*a.years_experience));
  // A whole number stays whole ("years_experience": 6, not 6.0).
  Assessment whole = a;
  whole.years_experience = 6;
  CHECK(assessment_to_json(whole).dump().find("\"years_experience\":6,") != std::string::npos);
}

TEST_CASE("each bad field of an assessment is a problem at its JSON path")
{
  CHECK(has_problem(assessment_problems(R"({"schema": "careerplan/assessment/v9", "ratings": {}})"), "/schema",
                    "unsupported schema"));
  CHECK(has_problem(assessment_problems(R"({"schema": "careerplan/assessment/v1", "ratings": {"pythn": 3}})"),
                    "/ratings/pythn", "unknown skill 'pythn'; did you mean 'python'"));
  CHECK(has_problem(assessment_problems(R"({"schema": "careerplan/assessment/v1", "ratings": {"python": 6}})"),
                    "/ratings/python", "out of range (0 to 5)"));
  CHECK(has_problem(assessment_problems(R"({"schema": "careerplan/assessment/v1", "ratings": {"python": 2.5}})"),
                    "/ratings/python", "whole number"));
  CHECK(has_problem(assessment_problems(R"({"schema": "careerplan/assessment/v1", "location": {"state": "ZZ"}})"),
                    "/location/state", "is not a US state code"));
  CHECK(has_problem(assessment_problems(R"({"schema": "careerplan/assessment/v1", "current_pay": {"amount": 1, "basis": "bonus"}})"),
                    "/current_pay/basis", "base, total"));
}

TEST_CASE("every problem of an assessment is reported at once")
{
  const auto problems = assessment_problems(R"({"schema": "careerplan/assessment/v1", "ratings": {"pythn": 3, "sql": 9}})");
  CHECK(problems.size() == 2);
}

TEST_CASE("text that is not JSON is a data error naming the file")
{
  const auto problems = assessment_problems("{\"schema\": ");
  REQUIRE_FALSE(problems.empty());
  CHECK(problems.front().file == "a.json");
}

TEST_CASE("a missing assessment file is an I/O error, not a data error")
{
  const std::string path = (std::filesystem::temp_directory_path() / "careerplan-unit-no-such-file.json").string();
  CHECK_THROWS_AS(load_assessment(path, bundled()), IoError);
}
