#pragma once
// Shell completion scripts, generated from the CLI11 command tree the program parses with, so
// that a new command or option completes without anyone editing a script.
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

namespace careerplan {

// What an option or an operand takes, read off its definition: the members of its IsMember
// check, or a kind named by its option text (ROLE -> roles, LEVEL -> levels, XX -> states,
// CC -> countries, REGION -> regions, SKILL=N -> skills, FILE and PATH -> files, DIR -> dirs).
struct CompletionValues
{
  std::vector<std::string> choices; // fixed alternatives, e.g. table json csv markdown
  std::string kind; // roles, levels, states, countries, regions, skills: listed by 'completion --list KIND'
  bool files = false;
  bool dirs = false;
  bool assignment = false; // SKILL=N: the kind's values are completed with '=' and no space
};

struct CompletionOption
{
  std::vector<std::string> names; // "-l", "--level"
  std::string description;
  bool takes_value = false;
  CompletionValues values;
};

struct CompletionCommand
{
  std::string name;
  std::string description;
  std::vector<CompletionOption> options;
  bool has_operand = false;
  bool operand_repeats = false;
  CompletionValues operand;
};

struct CompletionSpec
{
  std::string program;
  std::vector<CompletionOption> global;
  std::vector<CompletionCommand> commands;
};

// The kinds 'completion --list' knows.
const std::vector<std::string>& completion_kinds();

CompletionSpec completion_spec(CLI::App& app);
std::string bash_completion(const CompletionSpec& spec);
std::string zsh_completion(const CompletionSpec& spec);
std::string fish_completion(const CompletionSpec& spec);

} // namespace careerplan
