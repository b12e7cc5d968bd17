#include "render/sources_view.hpp"

#include <nlohmann/json.hpp>

#include "core/text.hpp"
#include "render/import_view.hpp"
#include "render/json_shape.hpp"
#include "render/schema_ids.hpp"

namespace careerplan {

nlohmann::json source_json(const Source& src)
{
  nlohmann::json j = {{"id", src.id}, {"title", src.title}, {"publisher", src.publisher}, {"date", src.date},
                      {"kind", src.kind}};
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
  return j;
}

Document sources_document(const SourcesResult& r)
{
  Document doc;
  Section s;
  s.table.columns = {"ID", "DATE", "USES", "PUBLISHER"};
  s.table.align = {Align::left, Align::left, Align::right, Align::left};
  doc.csv.columns = {"id", "title", "publisher", "date", "kind", "url", "seed", "uses"};
  for (const auto& u : r.uses) {
    const Source& src = *u.source;
    s.table.rows.push_back({src.id, src.date, std::to_string(u.used_by.size()), src.publisher});
    doc.csv.rows.push_back({src.id, src.title, src.publisher, src.date, std::string(id_of(src.kind)), src.url, src.seed,
                            std::to_string(u.used_by.size())});
  }
  doc.sections.push_back(std::move(s));
  for (const auto& u : r.uses) {
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
  if (r.onet) {
    const OnetRelease& onet = *r.onet;
    const nlohmann::json src = onet_source_json(onet);
    doc.sections.front().table.rows.push_back({onet.source_id(), onet.release, "imported", "O*NET Resource Center (USDOL/ETA)"});
    doc.csv.rows.push_back({onet.source_id(), onet.release, src["publisher"], "", "statistics", src["url"], "", ""});
    Section d;
    d.heading = onet.source_id();
    d.fields.emplace_back("title", onet.release.empty() ? "O*NET database (release unknown)" : onet.release);
    d.fields.emplace_back("url", src["url"]);
    d.fields.emplace_back("license", "CC BY 4.0");
    d.fields.emplace_back("imported", onet.imported_at + " from " + onet.directory);
    d.fields.emplace_back("store", onet.store);
    d.fields.emplace_back("credit", k_onet_credit);
    doc.sections.push_back(std::move(d));
  }
  return doc;
}

nlohmann::json sources_json(const SourcesResult& r)
{
  nlohmann::json arr = nlohmann::json::array();
  for (const auto& u : r.uses) {
    nlohmann::json used = nlohmann::json::array();
    for (const auto& [role, path] : u.used_by) {
      used.push_back({{"role", shape::role_ref(role->id, role->title)}, {"path", path}});
    }
    nlohmann::json j = source_json(*u.source);
    j["used_by"] = std::move(used);
    arr.push_back(std::move(j));
  }
  nlohmann::json j = {{"schema", schema_id::source_list}, {"sources", arr}};
  if (r.onet) {
    j["imported"] = nlohmann::json::array({onet_source_json(*r.onet)});
  }
  return j;
}

} // namespace careerplan
