// careerplan sources [ROLE]: every source behind the figures, and which figures use it.
#include <memory>

#include "cli/context.hpp"
#include "core/onet.hpp"
#include "core/summary.hpp"
#include "core/text.hpp"
#include "render/import_view.hpp"

namespace careerplan {

namespace {

// The imported public data in use (O*NET), with its release and when it was imported.
void add_imported(Context& ctx, Document& doc, nlohmann::json& j)
{
  Db* db = ctx.store();
  const auto onet = db != nullptr ? onet_release(*db) : std::nullopt;
  if (!onet) {
    return;
  }
  const nlohmann::json src = onet_source_json(*onet);
  j["imported"] = nlohmann::json::array({src});
  doc.sections.front().table.rows.push_back({onet->source_id(), onet->release, "imported", "O*NET Resource Center (USDOL/ETA)"});
  doc.csv.rows.push_back({onet->source_id(), onet->release, src["publisher"], "", "statistics", src["url"], "", ""});
  Section d;
  d.heading = onet->source_id();
  d.fields.emplace_back("title", onet->release.empty() ? "O*NET database (release unknown)" : onet->release);
  d.fields.emplace_back("url", src["url"]);
  d.fields.emplace_back("license", "CC BY 4.0");
  d.fields.emplace_back("imported", onet->imported_at + " from " + onet->directory);
  d.fields.emplace_back("store", onet->store);
  d.fields.emplace_back("credit", k_onet_credit);
  doc.sections.push_back(std::move(d));
}

void run_sources(Context& ctx, const std::string& role_name)
{
  const Catalog& cat = ctx.catalog();
  const Role* only = role_name.empty() ? nullptr : &ctx.role_named(role_name, "sources");
  const auto uses = source_uses(cat, only);
  Document doc;
  Section s;
  s.table.columns = {"ID", "DATE", "USES", "PUBLISHER"};
  s.table.align = {Align::left, Align::left, Align::right, Align::left};
  doc.csv.columns = {"id", "title", "publisher", "date", "kind", "url", "seed", "uses"};
  nlohmann::json arr = nlohmann::json::array();
  for (const auto& u : uses) {
    if (only != nullptr && u.used_by.empty()) {
      continue;
    }
    const Source& src = *u.source;
    s.table.rows.push_back({src.id, src.date, std::to_string(u.used_by.size()), src.publisher});
    doc.csv.rows.push_back({src.id, src.title, src.publisher, src.date, src.kind, src.url, src.seed,
                            std::to_string(u.used_by.size())});
    nlohmann::json used = nlohmann::json::array();
    for (const auto& [role, path] : u.used_by) {
      used.push_back({{"role", role}, {"path", path}});
    }
    nlohmann::json j = {{"id", src.id}, {"title", src.title}, {"publisher", src.publisher}, {"date", src.date},
                        {"kind", src.kind}, {"used_by", used}};
    if (!src.url.empty()) {
      j["url"] = src.url;
    }
    if (!src.seed.empty()) {
      j["seed"] = src.seed;
    }
    if (!src.cites.empty()) {
      j["cites"] = src.cites;
    }
    if (!src.note.empty()) {
      j["note"] = src.note;
    }
    arr.push_back(j);
  }
  doc.sections.push_back(std::move(s));
  for (const auto& u : uses) {
    if (only != nullptr && u.used_by.empty()) {
      continue;
    }
    Section d;
    d.heading = u.source->id;
    d.fields.emplace_back("title", u.source->title);
    if (!u.source->url.empty()) {
      d.fields.emplace_back("url", u.source->url);
    }
    if (!u.source->seed.empty()) {
      d.fields.emplace_back("seed", "shared/seeds/" + u.source->seed);
    }
    if (!u.source->cites.empty()) {
      d.fields.emplace_back("cites", join(u.source->cites, "; "));
    }
    if (!u.source->note.empty()) {
      d.fields.emplace_back("note", u.source->note);
    }
    doc.sections.push_back(std::move(d));
  }
  doc.footnotes.push_back("USES counts the figures, quotes and links that cite the source; "
                          "'careerplan sources --json' lists each by role and JSON path.");
  nlohmann::json j = {{"schema", "careerplan/source-list/v1"}, {"sources", arr}};
  add_imported(ctx, doc, j);
  ctx.emit(doc, j);
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
