// The renderings of a validate result: the table document and careerplan/validate/v1.
#include "render/validate_view.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/catalog.hpp"
#include "core/text.hpp"
#include "render/schema_ids.hpp"

namespace careerplan {

Document validate_document(const ValidateResult& r)
{
  Document doc;
  if (r.seeds) {
    Section q;
    q.heading = "Quotes checked against their sources' text";
    q.bullets.push_back(r.seeds->sources.empty() ? fmt::format("{}: no seed file of a source is there", r.seeds->dir)
                                                 : fmt::format("{}: {}", r.seeds->dir, join(r.seeds->sources, ", ")));
    doc.sections.push_back(std::move(q));
  }
  if (r.catalog_in_use) {
    // The catalog in use, every directory searched and why, and the assessment in use.
    Section searched;
    searched.heading = "Data directories, in the order searched (later ones add or override roles)";
    if (r.bundled) {
      searched.bullets.push_back(std::string(k_bundled) + " (the bundled catalog, compiled in)");
    }
    for (const auto& d : r.data_dirs) {
      searched.bullets.push_back(fmt::format("{} (from {}{})", d.path, d.origin, d.present ? "" : "; not present"));
    }
    doc.sections.push_back(std::move(searched));
    const auto& a = r.assessment;
    Section s;
    s.heading = "Assessment";
    s.bullets.push_back(a.path.empty() ? std::string("none ($HOME is not set)")
                                       : fmt::format("{} (from {}{})", a.path, a.origin, a.present ? "" : "; not present"));
    doc.sections.push_back(std::move(s));
  }
  doc.footnotes = r.notes;
  Section files;
  files.heading = "Checked";
  files.bullets = r.checked;
  doc.sections.push_back(std::move(files));
  Section problems;
  problems.heading = r.problems.empty() ? "No problems" : fmt::format("{} problem(s)", r.problems.size());
  doc.csv.columns = {"file", "path", "problem"};
  for (const auto& p : r.problems) {
    problems.bullets.push_back(p.to_string());
    doc.csv.rows.push_back({p.file, p.path, p.message});
  }
  doc.sections.push_back(std::move(problems));
  return doc;
}

nlohmann::json validate_json(const ValidateResult& r)
{
  using nlohmann::json;
  json problems = json::array();
  for (const auto& p : r.problems) {
    problems.push_back({{"file", p.file}, {"path", p.path}, {"message", p.message}});
  }
  json j = {{"schema", schema_id::validate},
            {"valid", r.problems.empty()},
            {"files", r.checked},
            {"roles", r.roles},
            {"problems", problems}};
  if (r.seeds) {
    j["seeds"] = {{"dir", r.seeds->dir}, {"sources", r.seeds->sources}};
  }
  if (r.catalog_in_use) {
    json dirs = json::array();
    for (const auto& d : r.data_dirs) {
      dirs.push_back({{"path", d.path}, {"origin", d.origin}, {"present", d.present}});
    }
    j["data_dirs"] = dirs;
    const auto& a = r.assessment;
    j["assessment"] = a.path.empty() ? json(nullptr) : json{{"path", a.path}, {"origin", a.origin}, {"present", a.present}};
  }
  return j;
}

} // namespace careerplan
