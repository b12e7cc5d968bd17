// The command-line front end: builds the command tree, parses, and is the one place where
// errors become a message on stderr and an exit status.
#include <algorithm>

#include <CLI/CLI.hpp>

#include <nlohmann/json.hpp>
#include <cstdio>
#include <memory>
#include <unistd.h>
#include <cstring>
#include <string_view>

#include <fmt/format.h>

#include "cli/context.hpp"
#include "cli/help_format.hpp"
#include "core/text.hpp"
#include "version.hpp"
#include "render/schema_ids.hpp"

namespace careerplan {

namespace {

bool wants_json(int argc, char** argv)
{
  bool json = false;
  for (int i = 1; i < argc; ++i) {
    const std::string_view a = argv[i];
    if (a == "--json" || a == "--format=json" || a == "-fjson") {
      json = true;
    } else if ((a == "--format" || a == "-f") && i + 1 < argc) {
      json = std::string_view(argv[i + 1]) == "json";
    }
  }
  return json;
}

void report(bool json, int code, const std::string& message, const std::string& hint,
            const std::vector<Problem>& problems = {})
{
  if (json) {
    nlohmann::json j = {{"schema", schema_id::error},
                        {"error", {{"status", code}, {"message", printable(message)}}}};
    if (!hint.empty()) {
      j["error"]["hint"] = printable(hint);
    }
    if (!problems.empty()) {
      auto& arr = j["error"]["problems"] = nlohmann::json::array();
      for (const auto& p : problems) {
        arr.push_back({{"file", p.file}, {"path", p.path}, {"message", p.message}});
      }
    }
    std::fprintf(stderr, "%s\n", j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
    return;
  }
  std::string line = "careerplan: error: " + printable(message);
  if (!hint.empty()) {
    line += "; " + printable(hint);
  }
  std::fprintf(stderr, "%s\n", line.c_str());
}

// CLI11's messages, reworded to one line with a hint.
std::string parse_message(const CLI::ParseError& e)
{
  std::string msg = e.what();
  while (!msg.empty() && (msg.back() == '\n' || msg.back() == ' ')) {
    msg.pop_back();
  }
  for (auto& c : msg) {
    if (c == '\n') {
      c = ' ';
    }
  }
  // CLI11 says "--state excludes --country"; say what it means.
  if (const auto at = msg.find(" excludes "); dynamic_cast<const CLI::ExcludesError*>(&e) != nullptr && at != std::string::npos) {
    msg = msg.substr(0, at) + " and " + msg.substr(at + 10) + " cannot be used together";
  }
  return msg;
}

// --help at the terminal's width (80 in a pipe), and no wider than 100: long lines read badly.
std::size_t help_width()
{
  return std::min<std::size_t>(terminal_width(::isatty(STDOUT_FILENO) != 0), 100);
}

} // namespace

void build_app(CLI::App& app, Context& ctx)
{
  app.description("careerplan: how far you are from a role, what to learn first, which way in suits you, "
                  "and what it pays where you live. Every figure names its source.");
  app.set_version_flag("--version", std::string("careerplan ") + k_version);
  app.require_subcommand(1);
  app.fallthrough();
  // Subcommands take the formatter they are created with: set it first.
  app.formatter(std::make_shared<WrappingFormatter>(help_width()));
  app.footer("Files, in the order searched:\n"
             "  assessment  --assessment FILE, else $CAREERPLAN_ASSESSMENT, else\n"
             "              $XDG_CONFIG_HOME/careerplan/assessment.json\n"
             "              (~/.config/careerplan/assessment.json)\n"
             "  roles       the bundled catalog, then $XDG_DATA_HOME/careerplan\n"
             "              (~/.local/share/careerplan), then $CAREERPLAN_DATA, then each\n"
             "              --data-dir; later ones add or override roles ('careerplan\n"
             "              validate' lists what it loaded from where)\n"
             "Colour: only on a terminal, unless NO_COLOR is set or TERM is dumb (--color).\n"
             "Width: $COLUMNS, else the terminal's, else 80.\n"
             "Pager: show pages on a terminal through $PAGER, else less -FRX (--no-pager).\n\n"
             "Run 'careerplan COMMAND --help' for a command's options; 'man careerplan' for\n"
             "the formulas, files and environment. Exit status: 0 ok, 1 file error, 2 usage\n"
             "error, 3 invalid data.");
  add_global_options(app, ctx.options);
  setup_roles(app, ctx);
  setup_show(app, ctx);
  setup_sources(app, ctx);
  setup_skills(app, ctx);
  setup_validate(app, ctx);
  setup_gap(app, ctx);
  setup_match(app, ctx);
  setup_next(app, ctx);
  setup_plan(app, ctx);
  setup_salary(app, ctx);
  setup_routes(app, ctx);
  setup_compare(app, ctx);
  setup_assess(app, ctx);
  setup_import(app, ctx);
  setup_history(app, ctx);
  setup_progress(app, ctx);
  setup_report(app, ctx);
  setup_new_role(app, ctx);
  setup_completion(app, ctx);
  for (const char* name : {"show", "gap", "plan", "routes", "salary"}) { // Context::one_role
    app.get_subcommand(name)->preparse_callback([&ctx](std::size_t) { ctx.one_role = true; });
  }
  for (auto* sub : app.get_subcommands({})) {
    sub->footer("Global options, before or after the command: --format table|json|csv|markdown,\n"
                "--json, --data-dir DIR, --assessment FILE, --color auto|always|never\n"
                "('careerplan --help'). Exit status: 0 ok, 1 file error, 2 usage error, 3 invalid\n"
                "data. See 'man careerplan'.");
  }
}

int run_cli(int argc, char** argv)
{
  const bool json_errors = wants_json(argc, argv);
  Context ctx;
  CLI::App app{"", "careerplan"};
  build_app(app, ctx);

  try {
    try {
      app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
      return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
      return app.exit(e);
    } catch (const CLI::CallForVersion& e) {
      return app.exit(e);
    } catch (const CLI::RequiredError& e) {
      if (app.get_subcommands().empty()) {
        std::vector<std::string> names;
        for (const auto* sub : app.get_subcommands({})) {
          names.push_back(sub->get_name());
        }
        for (const auto& word : app.remaining()) {
          if (!word.empty() && word[0] != '-') {
            const std::string near = did_you_mean(word, names);
            report(json_errors, 2, fmt::format("unknown command '{}'", word),
                   near.empty() ? "run 'careerplan --help' to list the commands" : near);
            return 2;
          }
        }
        report(json_errors, 2, "a command is required", "run 'careerplan --help' to list the commands");
        return 2;
      }
      report(json_errors, 2, parse_message(e),
             "run 'careerplan " + app.get_subcommands().front()->get_name() + " --help'");
      return 2;
    } catch (const CLI::ParseError& e) {
      const auto parsed = app.get_subcommands();
      const std::string hint = parsed.empty() ? "run 'careerplan --help'"
                                              : "run 'careerplan " + parsed.front()->get_name() + " --help'";
      const std::string msg = parse_message(e);
      report(json_errors, 2, msg, hint);
      return 2;
    }
  } catch (const DataError& e) {
    report(json_errors, 3, e.message(), e.hint(), e.problems);
    return 3;
  } catch (const Error& e) {
    if (e.message().empty()) {
      return static_cast<int>(e.code()); // said already, or asked to say nothing (validate --quiet)
    }
    report(json_errors, static_cast<int>(e.code()), e.message(), e.hint());
    return static_cast<int>(e.code());
  } catch (const std::bad_alloc&) {
    report(json_errors, 1, "out of memory", "");
    return 1;
  } catch (const std::exception& e) {
    report(json_errors, 1, std::string("internal error: ") + e.what(), "please report this as a bug");
    return 1;
  }
  return 0;
}

} // namespace careerplan
