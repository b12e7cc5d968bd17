// careerplan validate [PATH...]: check role profiles, the skill catalog and assessments.
#include <memory>

#include <fmt/format.h>

#include "cli/context.hpp"

namespace careerplan {

namespace {

void run_validate(Context& ctx, const std::vector<std::string>& paths)
{
  LoadReport report = load_catalog_report(ctx.load_options());
  std::vector<std::string> checked;
  if (paths.empty()) {
    checked.push_back(std::string(k_bundled) + " (skills.json, sources.json, roles/)");
    for (const auto& f : report.files) {
      checked.push_back(f);
    }
  } else {
    for (const auto& p : paths) {
      validate_file(p, report.catalog, report.problems);
      checked.push_back(p);
    }
  }
  Document doc;
  Section files;
  files.heading = "Checked";
  files.bullets = checked;
  doc.sections.push_back(files);
  Section problems;
  problems.heading = report.problems.empty() ? "No problems" : fmt::format("{} problem(s)", report.problems.size());
  doc.csv.columns = {"file", "path", "problem"};
  nlohmann::json arr = nlohmann::json::array();
  for (const auto& p : report.problems) {
    problems.bullets.push_back(p.to_string());
    doc.csv.rows.push_back({p.file, p.path, p.message});
    arr.push_back({{"file", p.file}, {"path", p.path}, {"message", p.message}});
  }
  doc.sections.push_back(problems);
  ctx.emit(doc, {{"schema", "careerplan/validate/v1"},
                 {"valid", report.problems.empty()},
                 {"files", checked},
                 {"roles", report.catalog.roles.size()},
                 {"problems", arr}});
  if (!report.problems.empty()) {
    throw Error(ExitCode::data, fmt::format("{} problem(s) found", report.problems.size()));
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
  cmd->callback([&ctx, paths] { run_validate(ctx, *paths); });
}

} // namespace careerplan
