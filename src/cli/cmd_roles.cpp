// careerplan roles: the roles in the catalog with their headline figures.
#include <algorithm>

#include <CLI/CLI.hpp>

#include <memory>

#include "cli/context.hpp"
#include "core/onet.hpp"
#include "core/role_digest.hpp"
#include "core/role_names.hpp"
#include "core/summary.hpp"
#include "core/text.hpp"
#include "render/roles_view.hpp"

namespace careerplan {

namespace {

void run_roles(Context& ctx, const std::optional<std::string>& search, bool all)
{
  const Catalog& cat = ctx.catalog();
  const std::string format = ctx.format();
  RolesView view(format == "json" ? ViewFormat::json_document : format == "csv" ? ViewFormat::csv : ViewFormat::table, search);
  for_each_role_digest(cat, [&](const Role& role) {
    if (!search || role_mentions(role, *search)) {
      view.add(role, summarize(role));
    }
  });
  // The O*NET occupations found or listed, after the curated roles.
  Db* db = ctx.store();
  const auto release = db != nullptr ? onet_release(*db) : std::nullopt;
  if (!release && all) {
    throw UsageError("no O*NET data is imported", "download O*NET's text release and run 'careerplan import onet DIR'");
  }
  if (release && (search || all)) {
    view.add_occupations(*release, search ? search_occupations(*db, *search) : all_occupations(*db));
  } else if (release) {
    view.mention_occupations(*release);
  }
  ctx.emit({[&] { return view.document(); }, [&] { return view.json(); }});
}

} // namespace

void setup_roles(CLI::App& app, Context& ctx)
{
  auto* cmd = app.add_subcommand("roles", "List the roles in the catalog with their headline figures");
  struct Options
  {
    std::string search;
    bool onet = false;
  };
  auto o = std::make_shared<Options>();
  ctx.keep(o);
  cmd->add_option("-s,--search", o->search,
                  "Only the roles, and imported O*NET occupations, whose title, id, alias or alternate title contains TEXT")
      ->option_text("TEXT");
  cmd->add_flag("--onet", o->onet, "List every imported O*NET occupation after the curated roles");
  cmd->callback([&ctx, o, cmd] {
    run_roles(ctx, cmd->count("--search") > 0 ? std::optional<std::string>(o->search) : std::nullopt, o->onet);
  });
}

} // namespace careerplan
