// Issue 17: every label true to its source. The checks behind `validate` and the rule and level
// reasoning of `gap`.
#include <algorithm>

#include <doctest/doctest.h>

#include "core/catalog.hpp"
#include "core/check_quotes.hpp"
#include "core/gap.hpp"

using namespace careerplan;

namespace {

bool has(const std::vector<double>& v, double x)
{
  return std::find(v.begin(), v.end(), x) != v.end();
}

bool any_message(const std::vector<Problem>& problems, const std::string& path, const std::string& words)
{
  for (const auto& p : problems) {
    if (p.path == path && p.message.find(words) != std::string::npos) {
      return true;
    }
  }
  return false;
}

} // namespace

TEST_CASE("numbers_in reads the figures a quote states")
{
  const auto n = numbers_in("ranges roughly from ~$130,000 to ~$380,000, median around ~$200,000 (relevance 0.70); $150k");
  CHECK(has(n, 130000));
  CHECK(has(n, 380000));
  CHECK(has(n, 200000));
  CHECK(has(n, 0.7));
  CHECK(has(n, 150000));
  CHECK(has(numbers_in("~25–35% lower"), 35));
  CHECK(numbers_in("no figures here").empty());
}

TEST_CASE("quote_in_text compares words, ignores punctuation and honours an elision")
{
  const std::string text = "Core skills\n- Python (PyTorch / TensorFlow)\n- Applied machine learning\nA sixth skill that doesn’t tier";
  CHECK(quote_in_text("Core skills ... Applied machine learning", text));
  CHECK(quote_in_text("a sixth skill that doesn't tier", text));
  CHECK(quote_in_text("Python (PyTorch/TensorFlow)", text));
  CHECK_FALSE(quote_in_text("Applied machine learning ... Core skills", text)); // parts in order
  CHECK_FALSE(quote_in_text("the closest anchor", text));
  CHECK_FALSE(quote_in_text("Pyth", text)); // whole words only
}

TEST_CASE("a figure labelled published must be stated by its quote")
{
  const Catalog cat = load_catalog({});
  Role role = *cat.find_role("machine-learning-engineer");
  std::vector<Problem> problems;
  check_role_figures(role, cat, problems);
  CHECK(problems.empty());

  role.skills[0].weight_basis = {BasisKind::published, "aieh-mle-2026", "Python Fundamentals (relevance 0.95).", ""};
  role.skills[0].weight = 0.9;
  check_role_figures(role, cat, problems);
  CHECK(any_message(problems, "/skills/0/weight_basis/quote", "does not state it"));

  problems.clear();
  role.skills[0].weight_basis.quote.clear();
  check_role_figures(role, cat, problems);
  CHECK(any_message(problems, "/skills/0/weight_basis/quote", "needs the quote"));

  problems.clear();
  role = *cat.find_role("machine-learning-engineer");
  role.salary[0].median = 210000;
  check_role_figures(role, cat, problems);
  CHECK(any_message(problems, "/salary/0/quote", "210000"));
}

TEST_CASE("quotes and SOC mappings are checked against their source's text")
{
  const Catalog cat = load_catalog({});
  const Role& role = *cat.find_role("machine-learning-engineer");
  std::vector<Problem> problems;
  SourceTexts texts = {{"careerpath-mle", "the BLS Data Scientists occupation (closest anchor)"}};
  check_role_quotes(role, texts, problems);
  // careerpath's quotes in the profile are not in this one-line stand-in for its text...
  CHECK_FALSE(problems.empty());
  // ...but its SOC mapping is: the line names the occupation.
  for (const auto& p : problems) {
    CHECK(p.path.rfind("/soc/", 0) != 0);
  }

  Role r = role;
  r.soc = {{"15-1221", "Computer and Information Research Scientists", SocStatus::as_published, "", "careerpath-mle"}};
  problems.clear();
  check_role_quotes(r, texts, problems);
  CHECK(any_message(problems, "/soc/0/status", "does not contain it"));

  r.soc = {{"15-1252", "Software Developers", SocStatus::assumption, "", "careerpath-mle"}};
  problems.clear();
  check_role_quotes(r, texts, problems);
  CHECK(any_message(problems, "/soc/0/source", "names neither"));
}

TEST_CASE("a rule is asked from the first level whose own requirements meet it")
{
  const Catalog cat = load_catalog({});
  const Role& mle = *cat.find_role("machine-learning-engineer");
  REQUIRE(mle.rules.size() == 2);
  CHECK(rule_applies_from(mle, mle.rules[0]) == "senior"); // depth on three
  CHECK(rule_applies_from(mle, mle.rules[1]) == "mid");    // competence on all five

  // Someone meeting every entry requirement is ready for entry, and neither rule is held against them.
  Assessment a;
  for (const auto& rs : mle.skills) {
    a.ratings[rs.skill] = static_cast<int>(rs.required.at("entry"));
  }
  const GapResult g = compute_gap(mle, cat, a, "entry");
  CHECK(g.readiness == doctest::Approx(100.0));
  for (const auto& rr : g.rules) {
    CHECK_FALSE(rr.applies);
  }
  const GapResult senior = compute_gap(mle, cat, a, "senior");
  for (const auto& rr : senior.rules) {
    CHECK(rr.applies);
  }
}

TEST_CASE("years below every ladder level: the level says where the ladder starts")
{
  const Catalog cat = load_catalog({});
  const Role& head = *cat.find_role("head-of-ai");
  const auto [level, why] = choose_level(head, "", 6.0);
  CHECK(level == "director");
  CHECK(why.find("only level (director) starts at 7 years") != std::string::npos);
  CHECK(why.find("6 years are given") != std::string::npos);
  CHECK(why.find("no years of experience given") == std::string::npos);
  CHECK(choose_level(head, "", std::nullopt).second.find("no years of experience given") != std::string::npos);
}
