// The O*NET release's optional tables: education, related occupations, technology, alternate
// titles and interests (onet_import.cpp reads the core files and runs the import).
#include "core/onet_import_internal.hpp"

#include <map>
#include <set>

#include <fmt/format.h>

#include "core/errors.hpp"

namespace careerplan::onet_import_detail {

void Importer::education()
{
  auto f = open("Education, Training, and Experience.txt");
  if (!f) {
    return;
  }
  const std::size_t code = f->require("O*NET-SOC Code"), el = f->require("Element ID"), scale = f->require("Scale ID"),
                    cat = f->require("Category"), value = f->require("Data Value");
  const auto n = f->find("N"), sup = f->find("Recommend Suppress"), date = f->find("Date"), src = f->find("Domain Source");
  Stmt ins(m_db, "INSERT INTO onet_education VALUES (?,?,?,?,?,?,?,?,?)");
  std::set<std::tuple<std::string_view, std::string_view, std::string_view, std::string_view>> seen;
  for (const auto& row : f->rows()) {
    const std::string& c = known_code(*f, row, code);
    if (!m_scales.empty()) {
      known_scale(*f, row, scale);
    }
    const double v = tsv_number(*f, row, value, "Data Value");
    if (!m_scales.empty()) {
      in_range(*f, row, row.fields[scale], v);
    }
    if (!seen.emplace(row.fields[code], row.fields[el], row.fields[scale], row.fields[cat]).second) {
      f->fail(row.line, fmt::format("a second row for {}, element {}, scale {}, category {}", c,
                                    std::string(row.fields[el]), std::string(row.fields[scale]),
                                    std::string(row.fields[cat])));
    }
    ins.bind(1, c).bind(2, row.fields[el]).bind(3, row.fields[scale]);
    // Category is n/a on the importance rows (2.D.4.a, IM): stored as 0, below every category.
    ins.bind(4, static_cast<int>(tsv_opt_number(*f, row, cat, "Category").value_or(0))).bind(5, v);
    ins.bind(6, n ? opt_int(tsv_opt_number(*f, row, *n, "N")) : std::nullopt);
    bind_flag(ins, 7, sup ? tsv_flag(*f, row, *sup, "Recommend Suppress") : std::nullopt);
    ins.bind(8, date ? row.fields[*date] : std::string_view()).bind(9, src ? row.fields[*src] : std::string_view());
    ins.run();
  }
  counted(*f);
}

void Importer::education_categories()
{
  auto f = open("Education, Training, and Experience Categories.txt");
  if (!f) {
    return;
  }
  const std::size_t el = f->require("Element ID"), scale = f->require("Scale ID"), cat = f->require("Category"),
                    desc = f->require("Category Description");
  Stmt ins(m_db, "INSERT OR REPLACE INTO onet_education_category VALUES (?,?,?,?)");
  for (const auto& row : f->rows()) {
    ins.bind(1, row.fields[el]).bind(2, row.fields[scale]).bind(3, static_cast<int>(tsv_number(*f, row, cat, "Category")));
    ins.bind(4, row.fields[desc]).run();
  }
  counted(*f);
}

void Importer::related()
{
  auto f = open("Related Occupations.txt");
  if (!f) {
    return;
  }
  const std::size_t code = f->require("O*NET-SOC Code"), rel = f->require("Related O*NET-SOC Code"),
                    tier = f->require("Relatedness Tier"), idx = f->require("Index");
  Stmt ins(m_db, "INSERT INTO onet_related VALUES (?,?,?,?)");
  for (const auto& row : f->rows()) {
    const std::string& c = known_code(*f, row, code);
    const std::string& r = known_code(*f, row, rel);
    ins.bind(1, c).bind(2, r).bind(3, row.fields[tier]).bind(4, static_cast<int>(tsv_number(*f, row, idx, "Index"))).run();
  }
  counted(*f);
}

void Importer::technology()
{
  auto f = open("Technology Skills.txt");
  if (!f) {
    return;
  }
  const std::size_t code = f->require("O*NET-SOC Code"), ex = f->require("Example");
  const auto cc = f->find("Commodity Code"), ct = f->find("Commodity Title"), hot = f->find("Hot Technology"),
             demand = f->find("In Demand"); // 27.0 has no In Demand column
  Stmt ins(m_db, "INSERT INTO onet_technology VALUES (?,?,?,?,?,?)");
  for (const auto& row : f->rows()) {
    ins.bind(1, known_code(*f, row, code)).bind(2, row.fields[ex]);
    ins.bind(3, cc ? row.fields[*cc] : std::string_view()).bind(4, ct ? row.fields[*ct] : std::string_view());
    bind_flag(ins, 5, hot ? tsv_flag(*f, row, *hot, "Hot Technology") : std::nullopt);
    bind_flag(ins, 6, demand ? tsv_flag(*f, row, *demand, "In Demand") : std::nullopt);
    ins.run();
  }
  counted(*f);
}

void Importer::alt_titles()
{
  auto f = open("Alternate Titles.txt");
  if (!f) {
    return;
  }
  const std::size_t code = f->require("O*NET-SOC Code"), title = f->require("Alternate Title");
  const auto shorter = f->find("Short Title");
  Stmt ins(m_db, "INSERT INTO onet_alt_title VALUES (?,?,?)");
  for (const auto& row : f->rows()) {
    const std::string_view st = shorter ? row.fields[*shorter] : std::string_view();
    ins.bind(1, known_code(*f, row, code)).bind(2, row.fields[title]);
    if (st.empty() || st == "n/a") {
      ins.bind_null(3);
    } else {
      ins.bind(3, st);
    }
    ins.run();
  }
  counted(*f);
}

void Importer::interests()
{
  auto f = open("Interests.txt");
  if (!f) {
    return;
  }
  const std::size_t code = f->require("O*NET-SOC Code"), el = f->require("Element ID"), name = f->require("Element Name"),
                    scale = f->require("Scale ID"), value = f->require("Data Value");
  Stmt ins(m_db, "INSERT INTO onet_interest VALUES (?,?,?,?,?)");
  for (const auto& row : f->rows()) {
    const std::string& c = known_code(*f, row, code);
    const double v = tsv_number(*f, row, value, "Data Value");
    if (!m_scales.empty()) {
      known_scale(*f, row, scale);
      in_range(*f, row, row.fields[scale], v);
    }
    ins.bind(1, c).bind(2, row.fields[el]).bind(3, row.fields[name]).bind(4, row.fields[scale]).bind(5, v).run();
  }
  counted(*f);
}

} // namespace careerplan::onet_import_detail
