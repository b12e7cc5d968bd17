// careerplan validate [PATH...]: check role profiles, the skill catalog and assessments.
#include <algorithm>

#include <CLI/CLI.hpp>

#include <nlohmann/json.hpp>
#include <filesystem>
#include <map>
#include <memory>

#include <fmt/format.h>

#include "cli/context.hpp"
#include "core/check_quotes.hpp"
#include "core/text.hpp"
#include "render/validate_view.hpp"

namespace careerplan {

namespace {

namespace fs = std::filesystem;

// The data directory a file given to validate belongs to: DIR for DIR/roles/x.json or DIR/x.json
// when DIR holds a skills.json or sources.json (its roles are checked against those), else "".
std::string home_data_dir(const std::string& path)
{
  std::error_code ec;
  fs::path dir = fs::absolute(path, ec).parent_path();
  if (ec) {
    return {};
  }
  for (int up = 0; up < 2; ++up) {
    if (fs::is_regular_file(dir / "skills.json", ec) || fs::is_regular_file(dir / "sources.json", ec)) {
      return dir.string();
    }
    if (dir.filename() != "roles") {
      break;
    }
    dir = dir.parent_path();
  }
  return {};
}

void run_validate_paths(Context& ctx, const std::vector<std::string>& paths,
                        const std::optional<std::string>& seeds);

void run_validate(Context& ctx, const std::vector<std::string>& paths, const std::optional<std::string>& seeds)
{
  if (!ctx.quiet) {
    run_validate_paths(ctx, paths, seeds);
    return;
  }
  try {
    run_validate_paths(ctx, paths, seeds);
  } catch (const Error& e) {
    throw Error(e.code(), std::string()); // --quiet: the exit status alone, whatever went wrong
  }
}

void run_validate_paths(Context& ctx, const std::vector<std::string>& paths,
                        const std::optional<std::string>& seeds)
{
  // Each role's names are enough for the checks of single files (an assessment, PATH...); the
  // quotes need the whole role.
  const KeptRoles kept = seeds ? KeptRoles::whole : KeptRoles::names;
  LoadReport report = load_catalog_report(ctx.load_options(), kept);
  ValidateResult r;
  if (seeds) {
    // Quotes checked against the text of their sources (issue 17: every label true to its source).
    std::error_code ec;
    if (!std::filesystem::is_directory(*seeds, ec)) {
      throw IoError(fmt::format("cannot read the seeds directory '{}': not a directory", *seeds));
    }
    const SourceTexts texts = read_seed_texts(report.catalog.sources, *seeds);
    for (const Role& role : report.catalog.all_roles()) {
      check_role_quotes(role, texts, report.problems);
    }
    r.seeds = ValidateResult::Seeds{*seeds, {}};
    for (const auto& [id, text] : texts) {
      r.seeds->sources.push_back(id);
    }
  }
  if (paths.empty()) {
    // The catalog in use: every directory searched and why, and the assessment in use.
    r.catalog_in_use = true;
    for (const auto& d : ctx.data_dirs()) {
      r.data_dirs.push_back({d.path, d.origin, d.present});
    }
    r.bundled = !ctx.options.no_bundled;
    if (r.bundled) {
      r.checked.push_back(std::string(k_bundled) + " (skills.json, sources.json, roles/)");
    }
    for (const auto& f : report.files) {
      r.checked.push_back(f);
    }
    const std::string path = ctx.assessment_path();
    std::error_code ec;
    r.assessment = {path, ctx.assessment_origin(), !path.empty() && std::filesystem::exists(path, ec)};
    if (r.assessment.present) {
      validate_file(path, report.catalog, report.problems);
      r.checked.push_back(path);
    }
  } else {
    // A role file in a data directory is checked against that directory's skills and sources,
    // on top of those in use, as if it were given with --data-dir.
    std::map<std::string, LoadReport> homes;
    const auto in_use = ctx.load_options();
    for (const auto& p : paths) {
      const std::string home = home_data_dir(p);
      const bool known = home.empty() || std::any_of(in_use.data_dirs.begin(), in_use.data_dirs.end(), [&](const std::string& d) {
                           std::error_code ec;
                           return fs::equivalent(d, home, ec);
                         });
      if (known) {
        validate_file(p, report.catalog, report.problems);
        r.checked.push_back(p);
        continue;
      }
      auto it = homes.find(home);
      if (it == homes.end()) {
        LoadOptions lo = in_use;
        lo.data_dirs.push_back(home);
        it = homes.emplace(home, load_catalog_report(lo, kept)).first;
      }
      validate_file(p, it->second.catalog, report.problems);
      r.checked.push_back(p);
      r.notes.push_back(fmt::format("{} was checked with the skills and sources of its data directory {}", p, home));
    }
  }
  r.roles = report.catalog.roles.size();
  r.problems = report.problems;
  if (!ctx.quiet) {
    ctx.emit({[&] { return validate_document(r); }, [&] { return validate_json(r); }});
  }
  if (!r.problems.empty()) {
    // --quiet prints nothing, not even this line (an Error with no message is reported by its status alone).
    throw Error(ExitCode::data, ctx.quiet ? std::string() : fmt::format("{} problem(s) found", r.problems.size()));
  }
}

} // namespace

void setup_validate(CLI::App& app, Context& ctx)
{
  auto* cmd = app.add_subcommand("validate", "Check role profiles, the skill catalog and assessments; list every problem "
                                             "with its file and JSON path");
  auto paths = std::make_shared<std::vector<std::string>>();
  ctx.keep(paths);
  cmd->add_option("paths", *paths, "Files to check (default: the bundled catalog and every data directory in use)")
      ->option_text("PATH...");
  cmd->add_flag("-q,--quiet", ctx.quiet, "Print nothing; the exit status says whether everything is valid");
  auto seeds = std::make_shared<std::string>();
  ctx.keep(seeds);
  cmd->add_option("--seeds", *seeds,
                  "Also check every quote of the catalog against the text of its source, for the sources whose seed "
                  "file is in DIR, and that each SOC mapping's source names its occupation")
      ->option_text("DIR");
  cmd->callback([&ctx, paths, seeds, cmd] {
    run_validate(ctx, *paths, cmd->count("--seeds") > 0 ? std::optional<std::string>(*seeds) : std::nullopt);
  });
}

} // namespace careerplan
