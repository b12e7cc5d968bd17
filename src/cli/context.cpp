#include "cli/context.hpp"

#include <CLI/CLI.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <sys/ioctl.h>
#include <unistd.h>

#include <fmt/format.h>

#include "core/amount.hpp"
#include "core/onet.hpp"
#include "core/errors.hpp"
#include "core/store.hpp"
#include "core/role_names.hpp"
#include "core/text.hpp"

namespace careerplan {

namespace fs = std::filesystem;

std::string env(const char* name)
{
  const char* v = std::getenv(name);
  return v == nullptr ? std::string() : std::string(v);
}

namespace {

std::string xdg_dir(const char* var, const char* fallback)
{
  std::string base = env(var);
  if (base.empty() || base[0] != '/') {
    const std::string home = env("HOME");
    if (home.empty()) {
      return {};
    }
    base = home + "/" + fallback;
  }
  return base + "/careerplan";
}

} // namespace

std::size_t terminal_width(bool tty)
{
  constexpr long k_min = 40;
  constexpr long k_max = 1000;
  if (const std::string cols = env("COLUMNS"); !cols.empty()) {
    char* end = nullptr;
    const long n = std::strtol(cols.c_str(), &end, 10);
    if (end != cols.c_str() && *end == '\0' && n >= k_min && n <= k_max) {
      return static_cast<std::size_t>(n);
    }
  }
  struct winsize ws {};
  if (tty && ::ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) {
    return static_cast<std::size_t>(std::clamp<long>(ws.ws_col, k_min, k_max));
  }
  return 80;
}

std::vector<Context::DataDir> Context::data_dirs() const
{
  std::vector<DataDir> dirs;
  std::error_code ec;
  const std::string xdg = xdg_dir("XDG_DATA_HOME", ".local/share");
  if (!xdg.empty()) {
    dirs.push_back({xdg, "$XDG_DATA_HOME/careerplan", fs::is_directory(xdg, ec)});
  }
  if (const std::string d = env("CAREERPLAN_DATA"); !d.empty()) {
    dirs.push_back({d, "$CAREERPLAN_DATA", true});
  }
  for (const auto& d : options.data_dirs) {
    dirs.push_back({d, "--data-dir", true});
  }
  return dirs;
}

std::string Context::store_path_for_writing() const
{
  const auto dirs = data_dirs();
  if (dirs.empty()) {
    throw UsageError("no data directory to keep imported data in: set HOME, XDG_DATA_HOME or CAREERPLAN_DATA, "
                     "or give --data-dir");
  }
  const std::string& dir = dirs.back().path;
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) {
    throw IoError(fmt::format("cannot create the data directory '{}': {}", dir, ec.message()));
  }
  return store_path(dir);
}

std::string Context::store_path_for_reading() const
{
  const auto dirs = data_dirs();
  for (auto it = dirs.rbegin(); it != dirs.rend(); ++it) {
    std::error_code ec;
    const std::string path = store_path(it->path);
    if (fs::is_regular_file(path, ec)) {
      return path;
    }
  }
  return {};
}

LoadOptions Context::load_options() const
{
  // The user's directory is used when it exists; one named by the environment or an option must.
  LoadOptions lo;
  for (const auto& d : data_dirs()) {
    if (d.present) {
      lo.data_dirs.push_back(d.path);
    }
  }
  if (options.no_bundled) {
    // --no-bundled: the data directories stand in for the bundled catalog, so one of them must
    // hold the skills and one the sources that every role refers to. (Any one, not the first:
    // $XDG_DATA_HOME/careerplan comes first and may hold only the user's own roles.)
    lo.bundled = false;
    if (lo.data_dirs.empty()) {
      throw UsageError("--no-bundled needs a data directory to read the catalog from",
                       "give --data-dir DIR (holding skills.json, sources.json and roles/) or set CAREERPLAN_DATA");
    }
    for (const char* name : {"skills.json", "sources.json"}) {
      const bool found = std::any_of(lo.data_dirs.begin(), lo.data_dirs.end(), [name](const std::string& d) {
        std::error_code ec;
        return fs::is_regular_file(fs::path(d) / name, ec);
      });
      if (!found) {
        throw DataError({{(fs::path(lo.data_dirs.back()) / name).string(), "",
                          fmt::format("not found, nor in any other data directory in use: with --no-bundled the "
                                      "catalog's {} must come from a data directory",
                                      name)}});
      }
    }
  }
  return lo;
}

Db* Context::store()
{
  if (!m_store_checked) {
    m_store_checked = true;
    if (const std::string path = store_path_for_reading(); !path.empty()) {
      m_store = Db::open(path, false);
    }
  }
  return m_store ? &*m_store : nullptr;
}

std::optional<std::string> Context::occupation_code(const std::string& name)
{
  if (find_role_by_name(catalog(), name) != nullptr) {
    return std::nullopt;
  }
  Db* db = store();
  if (db == nullptr || !onet_release(*db)) {
    return std::nullopt;
  }
  return find_occupation(*db, name);
}

std::optional<std::string> Context::occupation_target(const std::string& role, const std::string& level)
{
  const std::string wanted = role.empty() ? assessment().target_role : role;
  auto code = wanted.empty() ? std::nullopt : occupation_code(wanted);
  if (code && !level.empty()) {
    throw UsageError("an O*NET occupation has no seniority levels; --level is for curated roles");
  }
  return code;
}

void Context::unknown_role(const std::string& name)
{
  std::vector<std::string> names = catalog().role_names();
  Db* db = store();
  const bool onet = db != nullptr && onet_release(*db);
  if (onet) {
    auto more = occupation_names(*db);
    names.insert(names.end(), more.begin(), more.end());
  }
  const std::string shown = printable(name.substr(0, 80));
  const std::string hint = did_you_mean(name, names);
  throw UsageError(fmt::format("unknown role '{}'", shown),
                   !hint.empty() ? hint
                   : onet        ? "run 'careerplan roles --search TEXT' to find roles and occupations"
                                 : "run 'careerplan roles' to list the roles");
}

std::string now_utc()
{
  std::time_t t = std::time(nullptr);
  if (const std::string e = env("SOURCE_DATE_EPOCH"); !e.empty()) {
    char* end = nullptr;
    const long long v = std::strtoll(e.c_str(), &end, 10);
    if (end != e.c_str() && *end == '\0' && v >= 0) {
      t = static_cast<std::time_t>(v);
    }
  }
  std::tm tm {};
  ::gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

const Catalog& Context::catalog()
{
  if (!m_catalog) {
    LoadOptions lo = load_options();
    lo.warn = [](const std::string& message) {
      std::string line; // a file name may hold control characters
      for (const unsigned char c : message) {
        line += (c < 0x20 || c == 0x7f) ? '?' : static_cast<char>(c);
      }
      std::fprintf(stderr, "careerplan: warning: %s\n", line.c_str());
    };
    if (const std::string cache = xdg_dir("XDG_CACHE_HOME", ".cache"); !cache.empty()) {
      lo.cache_dir = cache;
    }
    lo.one_role = one_role;
    m_catalog = open_catalog(lo);
  }
  return *m_catalog;
}

std::string Context::assessment_path() const
{
  if (!options.assessment.empty()) {
    return options.assessment;
  }
  if (std::string e = env("CAREERPLAN_ASSESSMENT"); !e.empty()) {
    return e;
  }
  const std::string dir = xdg_dir("XDG_CONFIG_HOME", ".config");
  return dir.empty() ? std::string() : dir + "/assessment.json";
}

std::string Context::assessment_origin() const
{
  if (!options.assessment.empty()) {
    return "--assessment";
  }
  if (!env("CAREERPLAN_ASSESSMENT").empty()) {
    return "$CAREERPLAN_ASSESSMENT";
  }
  return "$XDG_CONFIG_HOME/careerplan";
}

std::optional<Assessment> Context::assessment_if_any()
{
  if (m_assessment) {
    return m_assessment;
  }
  if (options.no_assessment) {
    return std::nullopt;
  }
  const std::string path = assessment_path();
  std::error_code ec;
  if (path.empty() || (options.assessment.empty() && env("CAREERPLAN_ASSESSMENT").empty() && !fs::exists(path, ec))) {
    return std::nullopt;
  }
  m_assessment = load_assessment(path, catalog());
  return m_assessment;
}

const Assessment& Context::assessment()
{
  if (options.no_assessment) {
    throw UsageError("this command needs a self-assessment, and --no-assessment says to ignore it",
                     "drop --no-assessment, or name a role");
  }
  if (!assessment_if_any()) {
    throw UsageError("no self-assessment found (looked for --assessment, $CAREERPLAN_ASSESSMENT and " +
                         assessment_path() + ")",
                     "create one with 'careerplan assess ROLE', or start from the bundled example with "
                     "'careerplan assess --example'");
  }
  return *m_assessment;
}

const Role& Context::role_or_target(const std::string& name, const char* command)
{
  const std::string wanted = name.empty() ? assessment().target_role : name;
  if (wanted.empty()) {
    throw UsageError("no role given and the assessment names no target_role",
                     fmt::format("run 'careerplan {} ROLE'", command));
  }
  return role_named(wanted, command);
}

const Role& Context::role_named(const std::string& wanted, const char* command)
{
  if (const Role* r = find_role_by_name(catalog(), wanted)) {
    return *r;
  }
  if (const auto code = occupation_code(wanted)) {
    throw UsageError(fmt::format("{} is an O*NET occupation; 'careerplan {}' works on the curated roles for now", *code,
                                 command),
                     fmt::format("'careerplan show {}' shows its O*NET profile", *code));
  }
  unknown_role(wanted);
}

void Context::emit(const Output& result) const
{
  if (json() && result.json_text) {
    write_stdout(result.json_text());
  } else if (json()) {
    const nlohmann::json j = result.json();
    write_result(nullptr, &j);
  } else {
    const Document doc = result.document();
    write_result(&doc, nullptr);
  }
}

void Context::emit(const Document& doc, const nlohmann::json& j) const
{
  write_result(&doc, &j);
}

void Context::write_result(const Document* doc, const nlohmann::json* j) const
{
  std::string out;
  const std::string f = format();
  if (f == "json") {
    out = j->dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
  } else if (f == "csv") {
    out = render_csv(*doc);
  } else if (f == "markdown") {
    out = render_markdown(*doc);
  } else {
    RenderOptions ro;
    const bool tty = ::isatty(STDOUT_FILENO) != 0;
    const std::string term = env("TERM");
    ro.color = options.color == "always" ||
               (options.color == "auto" && tty && env("NO_COLOR").empty() && term != "dumb");
    ro.width = terminal_width(tty);
    out = render_table(*doc, ro);
    if (page && tty && !options.no_pager && write_paged(out)) {
      return;
    }
  }
  write_stdout(out);
}

void write_stdout(const std::string& out)
{
  if (std::fwrite(out.data(), 1, out.size(), stdout) != out.size() || std::fflush(stdout) != 0) {
    if (errno == EPIPE) {
      std::_Exit(0);
    }
    throw IoError(fmt::format("cannot write the output: {}", std::strerror(errno)));
  }
}

CLI::Validator decimal_number(double min, double max, const std::string& what)
{
  return CLI::Validator(
      [min, max, what](const std::string& text) -> std::string {
        const auto digit = [](char c) { return c >= '0' && c <= '9'; };
        const std::size_t point = text.find('.');
        const std::string whole = text.substr(0, point);
        const std::string fraction = point == std::string::npos ? "1" : text.substr(point + 1);
        const bool decimal = !whole.empty() && !fraction.empty() && std::all_of(whole.begin(), whole.end(), digit) &&
                             std::all_of(fraction.begin(), fraction.end(), digit);
        double value = 0;
        const bool parsed =
            decimal && std::from_chars(text.data(), text.data() + text.size(), value).ec == std::errc();
        if (!parsed || !std::isfinite(value) || value < min || value > max) {
          return fmt::format("'{}' is not {} (a decimal number from {} to {})", printable(text), what,
                             plain_number(min), plain_number(max));
        }
        return {};
      },
      "", "decimal number");
}

CLI::Validator money_amount(double max)
{
  return CLI::Validator(
      [max](std::string& text) -> std::string {
        const auto value = parse_amount(text);
        if (!value || *value > max) {
          return fmt::format("'{}' is not an annual amount of money (e.g. 150000, 150k, $150,000 or 1.2m; at most {})",
                             printable(text.substr(0, 80)), plain_number(max));
        }
        text = fmt::format("{}", *value);
        return {};
      },
      "", "amount of money");
}

void add_role_and_level(CLI::App& cmd, std::string& role, std::string& level, const std::string& level_help)
{
  cmd.add_option("role", role, "Role id, alias or title (default: the assessment's target_role)")->option_text("ROLE");
  cmd.add_option("-l,--level", level, level_help + " (default: from your years of experience)")->option_text("LEVEL");
}

void add_global_options(CLI::App& app, GlobalOptions& options)
{
  app.add_option("-f,--format", options.format, "Output format: table, json, csv or markdown")
      ->check(CLI::IsMember({"table", "json", "csv", "markdown"}))
      ->option_text("FORMAT");
  app.add_flag("--json", options.json, "Short for --format json");
  app.add_option("--data-dir", options.data_dirs,
                 "Add a data directory (skills.json, sources.json, roles/*.json) that adds or overrides roles; "
                 "repeatable, later ones win")
      ->option_text("DIR")
      ->allow_extra_args(false);
  app.add_flag("--no-bundled", options.no_bundled,
               "Use only the data directories given, not the catalog built into the program (one of "
               "them must hold skills.json and sources.json)");
  auto* file = app.add_option("-a,--assessment", options.assessment, "Self-assessment file to use")->option_text("FILE");
  app.add_flag("--no-assessment", options.no_assessment, "Ignore the saved self-assessment (its role, level, "
                                                         "place and pay)")
      ->excludes(file);
  app.add_option("--color", options.color, "Colour: auto (the default: only on a terminal, unless NO_COLOR is set), "
                                           "always or never")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->option_text("WHEN");
  app.add_flag("--no-pager", options.no_pager, "Do not page long output (show pages on a terminal through "
                                               "$PAGER, else less -FRX)");
}

} // namespace careerplan
