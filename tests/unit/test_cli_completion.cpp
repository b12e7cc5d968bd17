#include <doctest/doctest.h>

#include "cli/completion.hpp"

using namespace careerplan;

namespace {

// A small command tree in the shape of careerplan's.
struct Tree
{
  CLI::App app{"", "careerplan"};
  std::string format, role, level, state, file;
  std::vector<std::string> roles, sets;
  bool flag = false;

  Tree()
  {
    app.add_option("-f,--format", format, "Output format: table or json")->check(CLI::IsMember({"table", "json"}));
    auto* show = app.add_subcommand("show", "Show a role; with every figure");
    show->add_option("role", role, "Role")->option_text("ROLE");
    auto* gap = app.add_subcommand("gap", "Skill by skill: gaps");
    gap->add_option("-l,--level", level, "Level (default: yours)")->option_text("LEVEL");
    gap->add_flag("--explain", flag, "Explain");
    auto* cmp = app.add_subcommand("compare", "Compare");
    cmp->add_option("roles", roles, "Roles")->option_text("ROLE ROLE...");
    auto* assess = app.add_subcommand("assess", "Assess");
    assess->add_option("--set", sets, "Rate")->option_text("SKILL=N");
    assess->add_option("--state", state, "State")->option_text("XX");
    assess->add_option("-o,--output", file, "File")->option_text("FILE");
  }
};

const CompletionOption* option_named(const std::vector<CompletionOption>& opts, const std::string& name)
{
  for (const auto& o : opts) {
    if (std::find(o.names.begin(), o.names.end(), name) != o.names.end()) {
      return &o;
    }
  }
  return nullptr;
}

} // namespace

TEST_CASE("the completion spec is read off the command tree")
{
  Tree t;
  const CompletionSpec spec = completion_spec(t.app);
  REQUIRE(spec.commands.size() == 4);
  CHECK(spec.commands[0].name == "show");
  CHECK(spec.commands[0].description == "Show a role");

  const auto* format = option_named(spec.global, "--format");
  REQUIRE(format != nullptr);
  CHECK(format->names == std::vector<std::string>{"-f", "--format"});
  CHECK(format->takes_value);
  CHECK(format->values.choices == std::vector<std::string>{"table", "json"});
  CHECK(format->description == "Output format");

  CHECK(spec.commands[0].has_operand);
  CHECK_FALSE(spec.commands[0].operand_repeats);
  CHECK(spec.commands[0].operand.kind == "roles");
  CHECK(spec.commands[2].operand_repeats);

  const auto& gap = spec.commands[1];
  CHECK(option_named(gap.options, "--level")->values.kind == "levels");
  CHECK_FALSE(option_named(gap.options, "--explain")->takes_value);
  CHECK_FALSE(gap.has_operand);

  const auto& assess = spec.commands[3];
  CHECK(option_named(assess.options, "--set")->values.kind == "skills");
  CHECK(option_named(assess.options, "--set")->values.assignment);
  CHECK(option_named(assess.options, "--state")->values.kind == "states");
  CHECK(option_named(assess.options, "--output")->values.files);
}

TEST_CASE("each script names every command and option of the tree")
{
  Tree t;
  const CompletionSpec spec = completion_spec(t.app);
  for (const std::string& script : {bash_completion(spec), zsh_completion(spec), fish_completion(spec)}) {
    for (const char* word : {"show", "gap", "compare", "assess", "explain", "level", "set", "format"}) {
      CHECK_MESSAGE(script.find(word) != std::string::npos, word);
    }
    CHECK(script.find("completion --list") != std::string::npos);
  }
  CHECK(bash_completion(spec).find("complete -F _careerplan careerplan") != std::string::npos);
  CHECK(zsh_completion(spec).rfind("#compdef careerplan", 0) == 0);
  CHECK(fish_completion(spec).find("complete -c careerplan") != std::string::npos);
}

TEST_CASE("descriptions are quoted for each shell")
{
  CLI::App app{"", "careerplan"};
  std::string v;
  app.add_subcommand("say", "It's [quoted]: fine")->add_option("--x", v, "A 'quoted' [option]");
  const CompletionSpec spec = completion_spec(app);
  CHECK(zsh_completion(spec).find(R"('say:It'\''s [quoted]: fine')") != std::string::npos);
  CHECK(zsh_completion(spec).find(R"(\[option\])") != std::string::npos);
  CHECK(fish_completion(spec).find(R"(-d 'It\'s [quoted]: fine')") != std::string::npos);
}
