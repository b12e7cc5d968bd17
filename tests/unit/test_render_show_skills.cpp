#include <doctest/doctest.h>

#include <sstream>

#include "core/catalog.hpp"
#include "core/text.hpp"
#include "render/show_skills.hpp"

#include "bundled_catalog.hpp"

using namespace careerplan;
using careerplan::test::bundled_indexed;

TEST_CASE("basis codes: one letter per kind")
{
  CHECK(basis_code(BasisKind::published) == 'P');
  CHECK(basis_code(BasisKind::derived) == 'D');
  CHECK(basis_code(BasisKind::modelling_choice) == 'M');
  CHECK(basis_code(BasisKind::own_judgement) == 'O');
}

TEST_CASE("basis groups: every figure of every skill rests on exactly one quoted basis")
{
  Role r;
  RoleSkill a;
  a.skill = "python";
  a.weight_basis = {BasisKind::published, "src-a", "Python (0.9).", ""};
  a.required_basis = {BasisKind::modelling_choice, "src-a", "depth on three", "read as level 4"};
  RoleSkill b = a;
  b.skill = "sql";
  b.weight_basis = {BasisKind::own_judgement, "", "", "my own reading"};
  r.skills = {a, b};
  const auto groups = basis_groups(r);
  REQUIRE(groups.size() == 3);
  CHECK(groups[0].figures == std::vector<std::string>{"python weight"});
  CHECK(groups[1].figures == std::vector<std::string>{"python levels", "sql levels"});
  CHECK(basis_note(groups[0]) == "python weight (published): \"Python (0.9).\" [src-a]");
  CHECK(basis_note(groups[1]) == "python levels, sql levels (modelling choice): \"depth on three\" [src-a] — read as level 4");
  CHECK(basis_note(groups[2]) == "sql weight (own judgement): my own reading");
}

TEST_CASE("the skills table of every bundled role fits 80 columns as a table, with a code per basis")
{
  for (const Role& role : bundled_indexed().all_roles()) {
    CAPTURE(role.id);
    const auto sections = skill_sections(role);
    REQUIRE_FALSE(sections.empty());
    Document doc;
    doc.sections = {sections.front()};
    const std::string out = render_table(doc, RenderOptions{80, false});
    std::istringstream lines(out);
    std::string line;
    bool header = false;
    while (std::getline(lines, line)) {
      CAPTURE(line);
      CHECK(display_width(line) <= 80);
      header = header || line.find("#  SKILL") != std::string::npos;
    }
    CHECK(header); // a table, not one block per skill
    CHECK(out.find("BASIS: of the weight/of the levels") != std::string::npos);
  }
}

TEST_CASE("what a role expects of a skill is shown with its source")
{
  const Role& mle = resolve_role(bundled_indexed(), "mle");
  const auto sections = skill_sections(mle);
  REQUIRE(sections.size() == 3);
  CHECK(sections[1].heading.rfind("What this role expects", 0) == 0);
  REQUIRE_FALSE(sections[1].bullets.empty());
  CHECK(sections[1].bullets.front().rfind("python: \"Python depth.", 0) == 0);
  CHECK(sections[1].bullets.front().find("[aieh-mle-2026]") != std::string::npos);
  CHECK(sections[2].heading == "How the weights and levels were set");
}
