// careerplan show ROLE [--section NAME]: parses the options, finds the role (or the imported
// O*NET occupation), and hands it to render/show_view; the table pages on a terminal.
#include <algorithm>

#include <CLI/CLI.hpp>

#include <nlohmann/json.hpp>
#include <memory>

#include <fmt/format.h>

#include "cli/context.hpp"
#include "core/errors.hpp"
#include "core/onet.hpp"
#include "core/role_names.hpp"
#include "core/salary_bls.hpp"
#include "core/text.hpp"
#include "render/occupation_view.hpp"
#include "render/show_view.hpp"

namespace careerplan {

namespace {

void run_show_occupation(Context& ctx, const std::string& code)
{
  Db& db = *ctx.store();
  const auto release = onet_release(db);
  const Occupation occ = load_occupation(db, code);
  const auto roles = anchored_roles(ctx.catalog(), occ.code);
  const auto wages = occupation_wages(db, occ.code);
  ctx.emit({[&] {
              Document doc = occupation_document(occ, *release, roles);
              if (wages) {
                add_occupation_wages(doc, *wages);
              }
              return doc;
            },
            [&] {
              nlohmann::json j = occupation_json(occ, *release, roles);
              if (wages) {
                add_occupation_wages(j, *wages);
              }
              return j;
            }});
}

struct ShowOptions
{
  std::string role;
  std::string section;
};

void run_show(Context& ctx, const ShowOptions& o)
{
  const Catalog& cat = ctx.catalog();
  ctx.page = true;
  const ShowSectionInfo* part = o.section.empty() ? nullptr : find_show_section(o.section);
  if (!o.section.empty() && part == nullptr) {
    throw UsageError(fmt::format("unknown section '{}'", printable(o.section.substr(0, 80))),
                     "the sections are " + show_section_names());
  }
  const Role* found = find_role_by_name(cat, o.role);
  if (found == nullptr) {
    if (const auto code = ctx.occupation_code(o.role)) {
      if (part != nullptr) {
        throw UsageError(fmt::format("--section is for curated roles, and {} is an O*NET occupation", *code),
                         fmt::format("run 'careerplan show {}' for its whole O*NET profile", *code));
      }
      run_show_occupation(ctx, *code);
      return;
    }
    ctx.unknown_role(o.role);
  }
  const Role& role = *found;
  Db* db = ctx.store();
  const auto release = db != nullptr ? onet_release(*db) : std::nullopt;
  const std::vector<SocOccupation> occupations = release ? occupations_for_role(*db, role) : std::vector<SocOccupation>();
  const std::string name = part == nullptr ? std::string() : part->name;
  ctx.emit({[&] {
              ShowDocument doc = show_document(role, cat);
              if (release) {
                add_role_occupations(doc, *release, occupations);
              }
              return doc.select(name);
            },
            [&] {
              nlohmann::json extra = nlohmann::json::object();
              if (release) {
                add_role_occupations(extra, occupations);
              }
              return show_json(role, cat, name, extra);
            }});
}

} // namespace

void setup_show(CLI::App& app, Context& ctx)
{
  auto* cmd = app.add_subcommand("show", "Show the whole profile of one role, with the source of every figure "
                                         "(paged on a terminal)");
  auto o = std::make_shared<ShowOptions>();
  ctx.keep(o);
  cmd->add_option("role", o->role, "Role id, alias or title (e.g. machine-learning-engineer, mle or \"Machine Learning Engineer\"), or an imported O*NET occupation's code or alias (e.g. 15-2041.00 or statisticians)")
      ->required()
      ->option_text("ROLE");
  cmd->add_option("-s,--section", o->section, "Show one part of a role's profile: " + show_section_names())
      ->option_text("SECTION");
  cmd->callback([&ctx, o] { run_show(ctx, *o); });
}

} // namespace careerplan
