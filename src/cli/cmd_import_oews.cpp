// careerplan import oews FILE...: BLS OEWS workbooks or text files into the store. Every file is
// read before the store is touched, and the store's oews_* tables are replaced in one
// transaction: a bad file, or an import that is killed, leaves the previous import as it was.
#include <memory>

#include <fmt/format.h>

#include "cli/context.hpp"
#include "core/oews_store.hpp"
#include "core/text.hpp"

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

  Document doc;
  Section s;
  s.table.columns = {"FILE", "SHEET", "PERIOD", "ROWS"};
  s.table.align = {Align::left, Align::left, Align::left, Align::right};
  s.table.wrap = 0;
  doc.csv.columns = {"file", "sheet", "period", "period_from", "rows", "skipped_industry_rows"};
  nlohmann::json arr = nlohmann::json::array();
  for (const auto& f : result.files) {
    s.table.rows.push_back({f.file, f.sheet.empty() ? "-" : f.sheet, f.period, thousands(static_cast<double>(f.rows))});
    doc.csv.rows.push_back({f.file, f.sheet, f.period, f.period_from, std::to_string(f.rows),
                            std::to_string(f.skipped_industry_rows)});
    arr.push_back({{"file", f.file}, {"sheet", f.sheet}, {"period", f.period}, {"period_from", f.period_from},
                   {"rows", f.rows}, {"skipped_industry_rows", f.skipped_industry_rows}});
  }
  doc.sections.push_back(std::move(s));
  doc.footnotes.push_back(fmt::format("Imported {} rows of BLS OEWS figures into {} (replacing {} rows).",
                                      thousands(static_cast<double>(result.rows)), path,
                                      thousands(static_cast<double>(result.replaced_rows))));
  for (const auto& f : files) {
    if (f.titles_only) {
      doc.footnotes.push_back(fmt::format("{} has no OCC_CODE column: its occupations are matched by their exact "
                                          "OCC_TITLE to the codes of {}.",
                                          f.file, f.codes_from));
    }
  }
  for (const auto& f : result.files) {
    if (f.skipped_industry_rows > 0) {
      doc.footnotes.push_back(fmt::format("{}: {} rows for a single industry skipped (figures are cross-industry).",
                                          f.file, f.skipped_industry_rows));
    }
  }
  ctx.emit(doc, {{"schema", "careerplan/import-oews/v1"},
                 {"store", path},
                 {"files", arr},
                 {"rows", result.rows},
                 {"replaced_rows", result.replaced_rows}});
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
