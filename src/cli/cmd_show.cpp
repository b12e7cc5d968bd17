// careerplan show ROLE [--section NAME]: parses the options, finds the role (or the imported
// O*NET occupation), and hands it to render/show_view; the table pages on a terminal.
#include <algorithm>

#include <CLI/CLI.hpp>

#include <nlohmann/json.hpp>
#include <memory>

#include <fmt/format.h>

#include "cli/context.hpp"
#include "core/errors.hpp"
#include "core/oews_store.hpp"
#include "core/onet.hpp"
#include "core/role_names.hpp"
#include "core/salary_bls.hpp"
#include "core/text.hpp"
#include "render/format.hpp"
#include "render/json_shape.hpp"
#include "render/occupation_view.hpp"
#include "render/salary_view.hpp"
#include "render/show_view.hpp"

namespace careerplan {

namespace {

// BLS's national wages for the occupation's SOC code, when OEWS is imported, as `salary OCC` shows them.
void add_wages(Db& db, const std::string& code, Document& doc, nlohmann::json& j)
{
  if (!has_oews(db)) {
    return;
  }
  Section head;
  head.heading = "Wages (BLS OEWS, national)";
  Role holder;
  try {
    SalaryResult r = soc_salary(&db, code.substr(0, 7), country_place("US"), holder);
    r.notes.insert(r.notes.begin(), onet_soc_note(code));
    Document w = salary_document(r);
    head.paragraphs.push_back(w.title);
    // Before the credit lines, after the profile.
    auto at = doc.sections.end();
    at = doc.sections.insert(at, std::move(head)) + 1;
    for (auto& sec : w.sections) {
      at = doc.sections.insert(at, std::move(sec)) + 1;
    }
    j["wages"] = salary_json(r);
  } catch (const UsageError&) {
    head.paragraphs.push_back(fmt::format("The imported BLS files have no national figure for SOC {}.", code.substr(0, 7)));
    doc.sections.push_back(std::move(head));
    j["wages"] = nullptr;
  }
}

void run_show_occupation(Context& ctx, const std::string& code)
{
  Db& db = *ctx.store();
  const auto release = onet_release(db);
  const Occupation occ = load_occupation(db, code);
  const auto roles = anchored_roles(ctx.catalog(), occ.code);
  Document doc = occupation_document(occ, *release, roles);
  nlohmann::json j = occupation_json(occ, *release, roles);
  add_wages(db, occ.code, doc, j);
  ctx.emit(doc, j);
}

// The imported O*NET occupations under the role's SOC codes, after the SOC table.
void add_onet_occupations(Context& ctx, const Role& role, ShowDocument& doc, nlohmann::json& j)
{
  Db* db = ctx.store();
  const auto release = db != nullptr ? onet_release(*db) : std::nullopt;
  if (!release) {
    return;
  }
  Section s;
  s.heading = "O*NET occupations under these codes " + cite(release->source_id());
  s.table.columns = {"CODE", "TITLE", "O*NET RATINGS"};
  nlohmann::json arr = nlohmann::json::array();
  for (const auto& m : role.soc) {
    for (const auto& h : occupations_for_soc(*db, m.code)) {
      s.table.rows.push_back({h.code, h.title, h.rated ? "rated" : "not rated in " + release->source_id()});
      arr.push_back({{"occupation", shape::occupation_ref(h.code, h.title)}, {"soc", m.code}, {"rated", h.rated}});
    }
  }
  j["onet_occupations"] = arr;
  if (s.table.rows.empty()) {
    return;
  }
  std::vector<std::pair<std::string, Section>> parts;
  parts.emplace_back("occupations", std::move(s));
  doc.insert_after("occupations", std::move(parts));
  doc.footnotes.push_back(k_onet_credit);
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
  ShowDocument doc = show_document(role, cat);
  nlohmann::json extra = nlohmann::json::object();
  add_onet_occupations(ctx, role, doc, extra);
  const std::string name = part == nullptr ? std::string() : part->name;
  ctx.emit(doc.select(name), show_json(role, cat, name, extra));
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
