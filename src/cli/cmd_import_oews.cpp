// careerplan import oews FILE...: BLS OEWS workbooks or text files into the store. Every file is
// read before the store is touched, and the store's oews_* tables are replaced in one
// transaction: a bad file, or an import that is killed, leaves the previous import as it was.
#include <memory>

#include <CLI/CLI.hpp>

#include <nlohmann/json.hpp>

#include "cli/context.hpp"
#include "core/oews_store.hpp"
#include "render/import_view.hpp"

namespace careerplan {

namespace {

struct ImportOewsOptions
{
  std::vector<std::string> files;
  std::string period;
};

void run_import_oews(Context& ctx, const ImportOewsOptions& opt)
{
  std::vector<OewsFile> files;
  for (const auto& path : opt.files) {
    files.push_back(read_oews_file(path, opt.period));
  }
  resolve_titles(files);
  const std::string path = ctx.store_path_for_writing();
  Db db = Db::open(path, true);
  const OewsImportResult result = import_oews(db, files);

  ctx.emit({[&] { return import_oews_document(result, files, path); }, [&] { return import_oews_json(result, path); }});
}

} // namespace

void setup_import_oews(CLI::App& import_cmd, Context& ctx)
{
  auto* cmd = import_cmd.add_subcommand(
      "oews", "Import BLS OEWS wages (the national, state or metro \"dl\" workbooks, or CSV with their columns), "
              "replacing the previous OEWS import");
  auto opt = std::make_shared<ImportOewsOptions>();
  ctx.keep(opt);
  cmd->add_option("file", opt->files, "BLS OEWS files: .xlsx workbooks, or comma-, semicolon- or tab-separated text")
      ->option_text("FILE...")
      ->required();
  cmd->add_option("--period", opt->period,
                  "The reference period (2024 or 'May 2024') of files that do not say it in their field "
                  "descriptions or their BLS file name")
      ->option_text("YEAR");
  cmd->callback([&ctx, opt] { run_import_oews(ctx, *opt); });
}

} // namespace careerplan
