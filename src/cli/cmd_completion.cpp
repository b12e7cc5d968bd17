// careerplan completion SHELL | --list KIND: shell completion scripts generated from the command
// tree, and the values they complete (role ids and aliases, levels, skills, states, countries,
// regions) read from the catalog in use, so that user roles complete too.
#include <algorithm>

#include <CLI/CLI.hpp>
#include <memory>

#include "cli/completion.hpp"
#include "cli/context.hpp"
#include "core/regions.hpp"
#include "core/salary.hpp"

namespace careerplan {

namespace {

struct CompletionOptions
{
  std::string shell;
  std::string list;
};

std::vector<std::string> values(Context& ctx, const std::string& kind)
{
  std::vector<std::string> out;
  auto add = [&out](const std::string& v) {
    if (std::find(out.begin(), out.end(), v) == out.end()) {
      out.push_back(v);
    }
  };
  if (kind == "states") {
    for (const auto& s : us_states()) {
      add(s.code);
    }
  } else if (kind == "countries") {
    for (const auto& c : countries()) {
      add(c.code);
    }
  } else if (kind == "roles") {
    for (const Role& r : ctx.catalog().all_roles()) {
      add(r.id);
      for (const auto& a : r.aliases) {
        add(a);
      }
    }
  } else if (kind == "levels") {
    // In seniority order: the longest ladder first, then any level it lacks.
    std::vector<const Role*> roles;
    for (const Role& r : ctx.catalog().all_roles()) {
      roles.push_back(&r);
    }
    std::stable_sort(roles.begin(), roles.end(),
                     [](const Role* a, const Role* b) { return a->levels.size() > b->levels.size(); });
    for (const Role* r : roles) {
      for (const auto& l : r->levels) {
        add(l);
      }
    }
  } else if (kind == "skills") {
    for (const auto& s : ctx.catalog().skills.skills) {
      add(s.id); // ids only: an alias works too, but the list is of skills, once each
    }
  } else if (kind == "regions") {
    for (const auto& r : region_ids(ctx.catalog())) {
      add(r);
    }
  }
  return out;
}

void run_completion(CLI::App& app, Context& ctx, const CompletionOptions& o)
{
  if (!o.list.empty()) {
    std::string out;
    for (const auto& v : values(ctx, o.list)) {
      out += v + "\n";
    }
    write_stdout(out);
    return;
  }
  const CompletionSpec spec = completion_spec(app);
  write_stdout(o.shell == "bash" ? bash_completion(spec) : o.shell == "zsh" ? zsh_completion(spec) : fish_completion(spec));
}

} // namespace

void setup_completion(CLI::App& app, Context& ctx)
{
  auto* cmd = app.add_subcommand("completion", "Print a shell completion script for bash, zsh or fish");
  auto o = std::make_shared<CompletionOptions>();
  ctx.keep(o);
  auto* shell = cmd->add_option("shell", o->shell, "The shell: bash, zsh or fish")
                    ->check(CLI::IsMember({"bash", "zsh", "fish"}))
                    ->option_text("SHELL");
  auto* list = cmd->add_option("--list", o->list, "Print the values the scripts complete, one per line: roles, "
                                                  "levels, skills, states, countries or regions")
                   ->check(CLI::IsMember(completion_kinds()))
                   ->option_text("KIND");
  shell->excludes(list);
  cmd->callback([&app, &ctx, o] {
    if (o->shell.empty() && o->list.empty()) {
      throw UsageError("completion needs a shell (bash, zsh or fish) or --list KIND",
                       "run 'careerplan completion bash', or see 'careerplan completion --help'");
    }
    run_completion(app, ctx, *o);
  });
}

} // namespace careerplan
