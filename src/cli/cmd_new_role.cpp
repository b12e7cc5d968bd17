// careerplan new-role ID: the starting file of a personal role, valid as written, every figure
// in it the author's own judgement (man page, WRITING A ROLE).
#include <filesystem>

#include <CLI/CLI.hpp>

#include <nlohmann/json.hpp>
#include <memory>

#include <fmt/format.h>

#include "cli/context.hpp"
#include "core/atomic_write.hpp"
#include "core/errors.hpp"
#include "core/role_template.hpp"
#include "core/text.hpp"

namespace careerplan {

namespace {

namespace fs = std::filesystem;

struct NewRoleOptions
{
  std::string id;
  std::string title;
  std::vector<std::string> skills;
  std::string output;
};

void run_new_role(Context& ctx, const NewRoleOptions& o)
{
  if (!is_role_id(o.id)) {
    throw UsageError(fmt::format("'{}' is not a role id", printable(o.id.substr(0, 80))),
                     "use lower-case letters, digits and hyphens, starting with a letter (e.g. data-platform-lead)");
  }
  const Catalog& cat = ctx.catalog();
  RoleTemplate t;
  t.id = o.id;
  t.title = o.title;
  t.date = now_utc().substr(0, 10);
  t.skills = o.skills;
  if (t.skills.empty()) {
    for (const char* id : {"python", "sql"}) {
      if (cat.find_skill(id) != nullptr) {
        t.skills.push_back(id);
      }
    }
    if (t.skills.empty() && !cat.skill_ids().empty()) {
      t.skills.push_back(cat.skill_ids().front());
    }
  }
  for (auto& s : t.skills) {
    const SkillDef* def = cat.find_skill(s);
    if (def == nullptr) {
      const std::string hint = did_you_mean(s, cat.skill_ids());
      throw UsageError(fmt::format("unknown skill '{}'", printable(s.substr(0, 80))),
                       hint.empty() ? "run 'careerplan skills' to list them" : hint);
    }
    s = def->id;
  }
  const std::string text = starter_role(t).dump(2) + "\n";
  if (o.output == "-") {
    write_stdout(text);
    return;
  }
  std::string path = o.output;
  if (path.empty()) {
    const std::string dir = fs::path(ctx.store_path_for_writing()).parent_path().string();
    path = dir + "/roles/" + o.id + ".json";
  }
  std::error_code ec;
  const fs::path parent = fs::path(path).parent_path();
  if (!parent.empty()) {
    fs::create_directories(parent, ec);
    if (ec) {
      throw IoError(fmt::format("cannot create the directory '{}': {}", parent.string(), ec.message()));
    }
  }
  const SaveLock lock(path);
  if (fs::exists(fs::symlink_status(path, ec)) || fs::exists(lock.target(), ec)) {
    throw UsageError(fmt::format("'{}' exists; new-role never replaces a file", path),
                     "edit it, or give another path with --output FILE");
  }
  lock.write(text);
  // Two lines: the command to run next stays whole (copyable) on an 80-column terminal.
  std::fprintf(stderr, "careerplan: wrote %s; edit it, then run:\n  careerplan validate %s\n", printable(path).c_str(),
               printable(path).c_str());
}

} // namespace

void setup_new_role(CLI::App& app, Context& ctx)
{
  auto o = std::make_shared<NewRoleOptions>();
  ctx.keep(o);
  auto* cmd = app.add_subcommand("new-role", "Write the starting file of your own role (every figure your own "
                                             "judgement, shown as such); never replaces a file");
  cmd->add_option("id", o->id, "The new role's id: lower-case letters, digits and hyphens (e.g. data-platform-lead)")
      ->required()
      ->option_text("ID");
  cmd->add_option("--title", o->title, "Its title (default: the id's words, capitalised)")->option_text("TITLE");
  cmd->add_option("--skill", o->skills, "A skill id it requires; repeatable (default: python and sql)")
      ->option_text("SKILL")
      ->allow_extra_args(false);
  cmd->add_option("-o,--output", o->output,
                  "Where to write it, or - for standard output (default: roles/ID.json in your data directory, "
                  "$XDG_DATA_HOME/careerplan or the last --data-dir)")
      ->option_text("FILE");
  cmd->callback([&ctx, o] { run_new_role(ctx, *o); });
}

} // namespace careerplan
