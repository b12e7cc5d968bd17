// careerplan sources [ROLE]: every source behind the figures, and which figures use it.
#include <memory>

#include <CLI/CLI.hpp>

#include <nlohmann/json.hpp>

#include "cli/context.hpp"
#include "core/onet.hpp"
#include "core/summary.hpp"
#include "render/sources_view.hpp"

namespace careerplan {

namespace {

void run_sources(Context& ctx, const std::string& role_name)
{
  const Catalog& cat = ctx.catalog();
  const Role* only = role_name.empty() ? nullptr : &ctx.role_named(role_name, "sources");
  SourcesResult r;
  for (auto& u : source_uses(cat, only)) {
    if (only == nullptr || !u.used_by.empty()) {
      r.uses.push_back(std::move(u));
    }
  }
  if (Db* db = ctx.store()) {
    r.onet = onet_release(*db);
  }
  ctx.emit({[&] { return sources_document(r); }, [&] { return sources_json(r); }});
}

} // namespace

void setup_sources(CLI::App& app, Context& ctx)
{
  auto* cmd = app.add_subcommand("sources", "List every source behind the figures, and where each is used");
  auto role = std::make_shared<std::string>();
  ctx.keep(role);
  cmd->add_option("role", *role, "Only the sources this role uses (id or alias)")->option_text("ROLE");
  cmd->callback([&ctx, role] { run_sources(ctx, *role); });
}

} // namespace careerplan
