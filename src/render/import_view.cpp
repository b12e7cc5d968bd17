#include "render/import_view.hpp"

#include <nlohmann/json.hpp>

#include <fmt/format.h>

#include "core/text.hpp"
#include "render/schema_ids.hpp"

namespace careerplan {

namespace {

void release_fields(Section& s, const OnetRelease& r)
{
  s.fields.emplace_back("release", r.release.empty() ? "unknown (no Read Me.txt)" : r.release);
  s.fields.emplace_back("source id", r.source_id());
  s.fields.emplace_back("imported", r.imported_at);
  s.fields.emplace_back("from", r.directory);
  s.fields.emplace_back("store", r.store);
  s.fields.emplace_back("occupations",
                        fmt::format("{} ({} rated on skills and knowledge; the others have no O*NET ratings)",
                                    thousands(static_cast<double>(r.occupations)), thousands(static_cast<double>(r.rated))));
}

} // namespace

nlohmann::json onet_source_json(const OnetRelease& r)
{
  return {{"id", r.source_id()},
          {"title", r.release.empty() ? std::string("O*NET database (release unknown)") : r.release},
          {"publisher", "O*NET Resource Center, U.S. Department of Labor, Employment and Training Administration"},
          {"url", "https://www.onetcenter.org/database.html"},
          {"license", "CC BY 4.0"},
          {"credit", k_onet_credit},
          {"version", r.version},
          {"imported_at", r.imported_at},
          {"directory", r.directory},
          {"store", r.store}};
}

Document import_onet_document(const OnetImportReport& report, const OnetRelease& release)
{
  Document doc;
  doc.title = "Imported " + (release.release.empty() ? std::string("an O*NET release") : release.release);
  Section about;
  release_fields(about, release);
  doc.sections.push_back(std::move(about));
  Section files;
  files.heading = "Files read";
  files.table.columns = {"FILE", "ROWS"};
  files.table.align = {Align::left, Align::right};
  doc.csv.columns = {"file", "rows"};
  for (const auto& [name, rows] : report.files) {
    files.table.rows.push_back({name, thousands(static_cast<double>(rows))});
    doc.csv.rows.push_back({name, std::to_string(rows)});
  }
  for (const auto& name : report.missing) {
    files.table.rows.push_back({name, "absent"});
    doc.csv.rows.push_back({name, ""});
  }
  doc.sections.push_back(std::move(files));
  doc.footnotes.push_back(k_onet_credit);
  return doc;
}

nlohmann::json import_onet_json(const OnetImportReport& report, const OnetRelease& release)
{
  nlohmann::json files = nlohmann::json::array();
  for (const auto& [name, rows] : report.files) {
    files.push_back({{"file", name}, {"rows", rows}});
  }
  return {{"schema", schema_id::import_onet},
          {"dataset", "onet"},
          {"source", onet_source_json(release)},
          {"occupations", release.occupations},
          {"rated_occupations", release.rated},
          {"files", files},
          {"missing", report.missing}};
}

Document import_list_document(const std::optional<OnetRelease>& onet, const std::vector<OewsImportedFile>& oews)
{
  Document doc;
  doc.title = "Imported data";
  Section s;
  s.heading = "O*NET";
  if (onet) {
    release_fields(s, *onet);
  } else {
    s.paragraphs.push_back("Not imported. Download O*NET's text release (db_XX_X_text.zip) from "
                           "https://www.onetcenter.org/database.html, unzip it, and run 'careerplan import onet DIR'.");
  }
  doc.sections.push_back(std::move(s));
  Section w;
  w.heading = "BLS OEWS";
  if (oews.empty()) {
    w.paragraphs.push_back("Not imported. Download BLS's OEWS tables (e.g. national_M2024_dl.xlsx) from "
                           "https://www.bls.gov/oes/tables.htm and run 'careerplan import oews FILE...'.");
  } else {
    w.table.columns = {"FILE", "SHEET", "PERIOD", "ROWS"};
    w.table.align = {Align::left, Align::left, Align::left, Align::right};
    for (const auto& f : oews) {
      w.table.rows.push_back({f.file, f.sheet, f.period, thousands(static_cast<double>(f.rows))});
    }
  }
  doc.sections.push_back(std::move(w));
  doc.csv.columns = {"dataset", "source_id", "release", "imported_at", "directory", "store", "occupations"};
  if (onet) {
    doc.csv.rows.push_back({"onet", onet->source_id(), onet->release, onet->imported_at, onet->directory, onet->store,
                            std::to_string(onet->occupations)});
    doc.footnotes.push_back(k_onet_credit);
  }
  return doc;
}

nlohmann::json import_list_json(const std::optional<OnetRelease>& onet, const std::vector<OewsImportedFile>& oews)
{
  nlohmann::json files = nlohmann::json::array();
  for (const auto& f : oews) {
    files.push_back({{"file", f.file}, {"sheet", f.sheet}, {"period", f.period}, {"rows", f.rows}});
  }
  nlohmann::json j = {{"schema", schema_id::import_list}, {"onet", nullptr}, {"oews", files}};
  if (onet) {
    j["onet"] = onet_source_json(*onet);
    j["onet"]["occupations"] = onet->occupations;
    j["onet"]["rated_occupations"] = onet->rated;
  }
  return j;
}

Document import_oews_document(const OewsImportResult& result, const std::vector<OewsFile>& files, const std::string& path)
{
  Document doc;
  Section s;
  s.table.columns = {"FILE", "SHEET", "PERIOD", "ROWS"};
  s.table.align = {Align::left, Align::left, Align::left, Align::right};
  s.table.wrap = 0;
  doc.csv.columns = {"file", "sheet", "period", "period_from", "rows", "skipped_industry_rows"};
  for (const auto& f : result.files) {
    s.table.rows.push_back({f.file, f.sheet.empty() ? "-" : f.sheet, f.period, thousands(static_cast<double>(f.rows))});
    doc.csv.rows.push_back({f.file, f.sheet, f.period, f.period_from, std::to_string(f.rows),
                            std::to_string(f.skipped_industry_rows)});
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
  return doc;
}

nlohmann::json import_oews_json(const OewsImportResult& result, const std::string& path)
{
  nlohmann::json arr = nlohmann::json::array();
  for (const auto& f : result.files) {
    arr.push_back({{"file", f.file}, {"sheet", f.sheet}, {"period", f.period}, {"period_from", f.period_from},
                   {"rows", f.rows}, {"skipped_industry_rows", f.skipped_industry_rows}});
  }
  return {{"schema", schema_id::import_oews},
          {"store", path},
          {"files", arr},
          {"rows", result.rows},
          {"replaced_rows", result.replaced_rows}};
}

} // namespace careerplan
