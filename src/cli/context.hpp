#pragma once
// What every command shares: the global options, the catalog (loaded once, on first use), the
// assessment lookup, and the one place output is written.
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "core/assessment.hpp"
#include "core/catalog.hpp"
#include "core/store.hpp"
#include "render/document.hpp"

namespace CLI {
class App;
class Validator;
} // namespace CLI

namespace careerplan {

// A command's result, ready to be written in any format; emit builds only the one asked for.
struct Output
{
  std::function<Document()> document;   // table, markdown and CSV (Document::csv)
  std::function<nlohmann::json()> json; // JSON: the documented contract (schemas/)
  // When set, the JSON's text, used instead of `json` (a long list written item by item).
  std::function<std::string()> json_text = nullptr;
};

struct GlobalOptions
{
  std::string format = "table";
  bool json = false;
  std::vector<std::string> data_dirs;
  bool no_bundled = false; // --no-bundled: the data directories alone, without the catalog built in
  std::string assessment;
  bool no_assessment = false; // --no-assessment: commands run as if there were none
  std::string color = "auto";
  bool no_pager = false; // --no-pager: never page (a long `show` pages on a terminal otherwise)
};

class Context
{
public:
  GlobalOptions options;
  bool quiet = false; // --quiet of the commands that have it
  bool page = false;  // the command's table output goes through a pager on a terminal (cli/pager.cpp)
  // The command reads one role and the roles it names (show, gap, plan, routes, salary): the
  // catalog opens without listing its directories when its index allows (LoadOptions::one_role).
  bool one_role = false;

  const Catalog& catalog();
  LoadOptions load_options() const;

  // A data directory in the order searched, and what put it there.
  struct DataDir
  {
    std::string path;
    std::string origin; // "$XDG_DATA_HOME/careerplan", "$CAREERPLAN_DATA" or "--data-dir"
    bool present = false;
  };
  std::vector<DataDir> data_dirs() const;
  // The store of imported data (core/store.hpp). An import writes it in the highest-precedence
  // data directory (created when missing); a command reads the one in the highest-precedence
  // data directory that has one, or "" when none has.
  std::string store_path_for_writing() const;
  std::string store_path_for_reading() const;
  // Where the assessment path came from: "--assessment", "$CAREERPLAN_ASSESSMENT" or "$XDG_CONFIG_HOME/careerplan".
  std::string assessment_origin() const;
  std::string format() const { return options.json ? "json" : options.format; }
  bool json() const { return format() == "json"; }

  // The assessment file in use: --assessment, then $CAREERPLAN_ASSESSMENT, then
  // $XDG_CONFIG_HOME/careerplan/assessment.json. Empty when none of them names a file.
  std::string assessment_path() const;
  // Loads the assessment; a UsageError that says how to make one when there is none.
  const Assessment& assessment();
  std::optional<Assessment> assessment_if_any();
  // ROLE when given, else the assessment's target_role (a UsageError naming `command` when neither).
  const Role& role_or_target(const std::string& name, const char* command);
  // The curated role of that id or alias; a UsageError that says so for an O*NET occupation, and
  // one with the nearest roles and occupations for an unknown name.
  const Role& role_named(const std::string& name, const char* command);

  // The store of imported data (O*NET, OEWS) in the data directory of highest precedence that has
  // one; nullptr when nothing was imported. Opened once, on first use.
  Db* store();
  // An imported O*NET occupation's code for `name`, when no curated role has that name.
  std::optional<std::string> occupation_code(const std::string& name);
  // For gap and plan: the O*NET occupation named by ROLE (default: the assessment's target_role),
  // when it names one; a UsageError when --level was given with it (occupations have no levels).
  std::optional<std::string> occupation_target(const std::string& role, const std::string& level);
  // The UsageError for a name that is neither a role nor an occupation, with the nearest of both.
  [[noreturn]] void unknown_role(const std::string& name);

  // Keeps a command's parsed options alive as long as the context (its option bindings point into them).
  void keep(std::shared_ptr<void> bound) { m_kept.push_back(std::move(bound)); }

  // Writes the command's result in the chosen format to stdout, building only that format.
  void emit(const Output& out) const;
  // The same for a result whose document and JSON are already built.
  void emit(const Document& doc, const nlohmann::json& j) const;

private:
  // Writes `j` when the format is JSON, else `doc` (the other may be null); neither is copied.
  void write_result(const Document* doc, const nlohmann::json* j) const;

public:

private:
  std::optional<Catalog> m_catalog;
  std::optional<Assessment> m_assessment;
  std::optional<Db> m_store;
  bool m_store_checked = false;
  std::vector<std::shared_ptr<void>> m_kept;
};

void add_global_options(CLI::App& app, GlobalOptions& options);
// ROLE (default: the assessment's target_role) and --level, for the commands that compare against a role.
void add_role_and_level(CLI::App& cmd, std::string& role, std::string& level, const std::string& level_help);
std::string env(const char* name);
// The width to lay text out at: $COLUMNS when it is a sensible width (40 to 1000), else the
// terminal's when `tty` (stdout is one), else 80 (a pipe or a file).
std::size_t terminal_width(bool tty);
// The current time, UTC, ISO 8601 ("2026-12-01T21:08:26Z"); $SOURCE_DATE_EPOCH when set (tests).
std::string now_utc();
// The check of a numeric option: a plain decimal number (digits, an optional fraction) from min
// to max, so that "nan", "inf", "0x10", "1e3" and "-0" are refused as usage errors (exit 2)
// rather than parsed by strtod's rules. `what` names the value in the message.
CLI::Validator decimal_number(double min, double max, const std::string& what);
// The check of an option that takes an amount of money (core/amount.hpp: 150000, 150k,
// $150,000, 1.2m), up to `max`; it hands the option the plain number. A usage error otherwise.
CLI::Validator money_amount(double max);
// Writes `out` through the pager (cli/pager.cpp): $PAGER, else `less -FRX`, as git does; false
// when there is none to run (PAGER empty or "cat", or no less), and nothing was written.
bool write_paged(const std::string& out);
// Writes to stdout and flushes; a closed pipe ends the program quietly, another error is an IoError.
void write_stdout(const std::string& out);

void setup_roles(CLI::App& app, Context& ctx);
void setup_show(CLI::App& app, Context& ctx);
void setup_sources(CLI::App& app, Context& ctx);
void setup_skills(CLI::App& app, Context& ctx);
void setup_validate(CLI::App& app, Context& ctx);
void setup_gap(CLI::App& app, Context& ctx);
void setup_match(CLI::App& app, Context& ctx);
void setup_next(CLI::App& app, Context& ctx);
void setup_plan(CLI::App& app, Context& ctx);
void setup_assess(CLI::App& app, Context& ctx);
void setup_salary(CLI::App& app, Context& ctx);
void setup_routes(CLI::App& app, Context& ctx);
void setup_compare(CLI::App& app, Context& ctx);
void setup_completion(CLI::App& app, Context& ctx);
void setup_new_role(CLI::App& app, Context& ctx);
void setup_import(CLI::App& app, Context& ctx);
void setup_history(CLI::App& app, Context& ctx);
void setup_progress(CLI::App& app, Context& ctx);
void setup_report(CLI::App& app, Context& ctx);
// `import oews FILE...` on the `import` command (cmd_import_oews.cpp).
void setup_import_oews(CLI::App& import_cmd, Context& ctx);

// The whole command tree on `app`, its callbacks bound to `ctx` (run_cli and the option fuzzer).
void build_app(CLI::App& app, Context& ctx);
int run_cli(int argc, char** argv);

} // namespace careerplan
