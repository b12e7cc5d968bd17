// careerplan import onet DIR | import oews FILE... | import --list: public data into the store (core/store.hpp).
#include <memory>

#include <CLI/CLI.hpp>

#include <nlohmann/json.hpp>
#include <unistd.h>

#include <fmt/format.h>

#include "cli/context.hpp"
#include "core/oews_store.hpp"
#include "core/onet.hpp"
#include "core/onet_import.hpp"
#include "core/text.hpp"
#include "render/import_view.hpp"

namespace careerplan {

namespace {

void run_import_onet(Context& ctx, const std::string& dir)
{
  const std::string path = ctx.store_path_for_writing();
  Db db = Db::open(path, true);
  const bool tty = ::isatty(STDERR_FILENO) != 0;
  auto progress = [tty](const std::string& file) {
    if (tty) {
      std::fprintf(stderr, "\rcareerplan: reading %s\x1b[K", printable(file).c_str());
      std::fflush(stderr);
    }
  };
  OnetImportReport report;
  try {
    report = import_onet(dir, db, now_utc(), progress);
  } catch (...) {
    if (tty) {
      std::fprintf(stderr, "\r\x1b[K");
    }
    throw;
  }
  if (tty) {
    std::fprintf(stderr, "\r\x1b[K");
  }
  for (const auto& missing : report.missing) {
    std::fprintf(stderr, "careerplan: warning: %s: no '%s'; that part of O*NET is absent\n", printable(dir).c_str(),
                 missing.c_str());
  }
  const auto release = onet_release(db);
  ctx.emit({[&] { return import_onet_document(report, *release); }, [&] { return import_onet_json(report, *release); }});
}

void run_import_list(Context& ctx)
{
  Db* db = ctx.store();
  std::optional<OnetRelease> onet;
  std::vector<OewsImportedFile> oews;
  if (db != nullptr) {
    onet = onet_release(*db);
    oews = oews_files(*db);
  }
  ctx.emit({[&] { return import_list_document(onet, oews); }, [&] { return import_list_json(onet, oews); }});
}

} // namespace

void setup_import(CLI::App& app, Context& ctx)
{
  auto* cmd = app.add_subcommand("import", "Import public data (O*NET, BLS OEWS wages) into the store in your data "
                                           "directory, or list what is imported");
  auto list = std::make_shared<bool>(false);
  ctx.keep(list);
  cmd->add_flag("--list", *list, "List the imported data: release, when and from where it was imported");
  cmd->require_subcommand(0, 1);

  auto* onet = cmd->add_subcommand("onet", "Import an unzipped O*NET text release (db_XX_X_text) from DIR");
  auto dir = std::make_shared<std::string>();
  ctx.keep(dir);
  onet->add_option("dir", *dir, "The unzipped O*NET text release, e.g. db_29_3_text")->required()->option_text("DIR");
  onet->callback([&ctx, dir] { run_import_onet(ctx, *dir); });
  setup_import_oews(*cmd, ctx);

  cmd->callback([&ctx, list, cmd] {
    if (cmd->get_subcommands().empty()) {
      if (!*list) {
        throw UsageError("import what?",
                         "run 'careerplan import onet DIR', 'careerplan import oews FILE...' or 'careerplan import --list'");
      }
      run_import_list(ctx);
    }
  });
}

} // namespace careerplan
