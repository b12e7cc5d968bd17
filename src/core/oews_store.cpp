#include "core/oews_store.hpp"

#include <map>
#include <tuple>

#include <fmt/format.h>

#include "core/errors.hpp"
#include "core/text.hpp"

namespace careerplan {

namespace {

// Figure columns: <name> REAL (NULL unless a value) and <name>_mark TEXT (BLS's symbol, or NULL).
std::string figure_columns(const char* sep, bool with_types)
{
  std::string out;
  for (std::size_t f = 0; f < k_oews_fields; ++f) {
    const std::string name = to_lower(k_oews_columns[f]);
    out += fmt::format("{}{}{}{}{}_mark{}", f == 0 ? "" : sep, name, with_types ? " REAL" : "", sep, name,
                       with_types ? " TEXT" : "");
  }
  return out;
}


void create_tables(Db& db)
{
  db.exec("CREATE TABLE IF NOT EXISTS oews_file (id INTEGER PRIMARY KEY, file TEXT NOT NULL, sheet TEXT, "
          "period TEXT NOT NULL, period_from TEXT, rows INTEGER NOT NULL)");
  db.exec("CREATE TABLE IF NOT EXISTS oews_period (period TEXT PRIMARY KEY, year INTEGER NOT NULL, "
          "top_hourly REAL, top_annual REAL)");
  const std::string wage = fmt::format(
      "CREATE TABLE IF NOT EXISTS oews_wage (occ_code TEXT NOT NULL, area TEXT NOT NULL, period TEXT NOT NULL, "
      "year INTEGER NOT NULL, area_kind TEXT NOT NULL, area_title TEXT, occ_title TEXT, o_group TEXT, "
      "file_id INTEGER NOT NULL, line INTEGER NOT NULL, hourly_only INTEGER NOT NULL, annual_only INTEGER NOT NULL, "
      "{}, PRIMARY KEY (occ_code, area, year))",
      figure_columns(", ", true));
  db.exec(wage.c_str());
  db.exec("CREATE INDEX IF NOT EXISTS oews_wage_area ON oews_wage (area, year)");
}

int year_of(const std::string& period)
{
  return std::stoi(period.substr(period.size() - 4));
}

const std::string& select_sql()
{
  static const std::string sql = fmt::format(
      "SELECT w.period, w.area_kind, w.area, w.area_title, w.occ_code, w.occ_title, w.o_group, f.file, w.line, "
      "w.hourly_only, w.annual_only, p.top_hourly, p.top_annual, {} FROM oews_wage w "
      "JOIN oews_file f ON f.id = w.file_id LEFT JOIN oews_period p ON p.period = w.period ",
      figure_columns(", ", false));
  return sql;
}

OewsWages read_row(const Stmt& s)
{
  OewsWages w;
  w.period = s.text(0);
  const std::string kind = s.text(1);
  w.area_kind = kind == "state" ? OewsAreaKind::state : kind == "metro" ? OewsAreaKind::metro : OewsAreaKind::national;
  w.area = s.text(2);
  w.area_title = s.text(3);
  w.occ_code = s.text(4);
  w.occ_title = s.text(5);
  w.o_group = s.text(6);
  w.file = s.text(7);
  w.line = static_cast<std::size_t>(s.integer(8));
  w.hourly_only = s.integer(9) != 0;
  w.annual_only = s.integer(10) != 0;
  w.top_hourly = s.opt_real(11);
  w.top_annual = s.opt_real(12);
  for (std::size_t f = 0; f < k_oews_fields; ++f) {
    const int col = 13 + static_cast<int>(2 * f);
    w.figures[f].value = s.opt_real(col);
    w.figures[f].mark = w.figures[f].value ? OewsMark::value : oews_mark_from_symbol(s.text(col + 1));
  }
  return w;
}

} // namespace

OewsImportResult import_oews(Db& db, const std::vector<OewsFile>& files)
{
  OewsImportResult result;
  Transaction tx(db);
  create_tables(db);
  {
    Stmt count(db, "SELECT count(*) FROM oews_wage");
    count.step();
    result.replaced_rows = static_cast<std::size_t>(count.integer(0));
  }
  db.exec("DELETE FROM oews_wage");
  db.exec("DELETE FROM oews_period");
  db.exec("DELETE FROM oews_file");

  Stmt file_stmt(db, "INSERT INTO oews_file (id, file, sheet, period, period_from, rows) VALUES (?, ?, ?, ?, ?, ?)");
  Stmt period_stmt(db, "INSERT INTO oews_period (period, year, top_hourly, top_annual) VALUES (?, ?, ?, ?) "
                       "ON CONFLICT (period) DO UPDATE SET top_hourly = coalesce(top_hourly, excluded.top_hourly), "
                       "top_annual = coalesce(top_annual, excluded.top_annual)");
  std::string placeholders;
  for (std::size_t i = 0; i < 2 * k_oews_fields; ++i) {
    placeholders += ", ?";
  }
  const std::string insert = fmt::format(
      "INSERT INTO oews_wage (occ_code, area, period, year, area_kind, area_title, occ_title, o_group, file_id, line, "
      "hourly_only, annual_only, {}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?{})",
      figure_columns(", ", false), placeholders);
  Stmt wage(db, insert.c_str());

  // Where each (occupation, area, year) came from, to name both rows of a duplicate.
  struct Seen
  {
    std::string file;
    std::size_t line;
    std::string o_group;
    std::array<OewsFigure, k_oews_fields> figures;
  };
  std::map<std::tuple<std::string, std::string, int>, Seen> seen;
  auto same_figures = [](const std::array<OewsFigure, k_oews_fields>& a, const std::array<OewsFigure, k_oews_fields>& b) {
    for (std::size_t i = 0; i < k_oews_fields; ++i) {
      if (a[i].value != b[i].value || a[i].mark != b[i].mark) {
        return false;
      }
    }
    return true;
  };
  int file_id = 0;
  for (const auto& f : files) {
    ++file_id;
    const int year = year_of(f.period);
    file_stmt.bind(1, file_id).bind(2, f.file).bind(3, f.sheet).bind(4, f.period).bind(5, f.period_from);
    file_stmt.bind(6, static_cast<std::int64_t>(f.rows.size())).run();
    period_stmt.bind(1, f.period).bind(2, year).bind(3, f.top_hourly).bind(4, f.top_annual).run();
    std::size_t stored = 0;
    for (const auto& r : f.rows) {
      const auto [it, fresh] = seen.try_emplace({r.occ_code, r.area, year}, Seen{f.file, r.line, r.o_group, r.figures});
      if (!fresh) {
        // BLS lists a broad group with a single detailed occupation twice, once as each, with the same figures.
        if (it->second.o_group != r.o_group && same_figures(it->second.figures, r.figures)) {
          continue;
        }
        throw DataError({Problem{f.file, fmt::format("row {}", r.line),
                                 fmt::format("{} in {} for {} again (first in {} row {})", r.occ_code, r.area,
                                             f.period, it->second.file, it->second.line)}});
      }
      wage.bind(1, r.occ_code).bind(2, r.area).bind(3, f.period).bind(4, year);
      wage.bind(5, area_kind_name(r.area_kind)).bind(6, r.area_title).bind(7, r.occ_title).bind(8, r.o_group);
      wage.bind(9, file_id).bind(10, static_cast<std::int64_t>(r.line));
      wage.bind(11, r.hourly_only ? 1 : 0).bind(12, r.annual_only ? 1 : 0);
      for (std::size_t i = 0; i < k_oews_fields; ++i) {
        const int col = 13 + static_cast<int>(2 * i);
        wage.bind(col, r.figures[i].value);
        const char* symbol = oews_symbol(r.figures[i].mark);
        if (*symbol != '\0') {
          wage.bind(col + 1, std::string_view(symbol));
        } else {
          wage.bind_null(col + 1);
        }
      }
      wage.run();
      ++stored;
    }
    result.files.push_back({f.file, f.sheet, f.period, f.period_from, stored, f.skipped_industry_rows});
    result.rows += stored;
  }
  tx.commit();
  return result;
}

bool has_oews(Db& db)
{
  if (!db.has_table("oews_wage")) {
    return false;
  }
  Stmt s(db, "SELECT 1 FROM oews_wage LIMIT 1");
  return s.step();
}

std::vector<OewsWages> oews_lookup(Db& db, const std::string& soc, const std::string& area)
{
  std::vector<OewsWages> out;
  if (!db.has_table("oews_wage")) {
    return out;
  }
  const std::string sql = select_sql() + "WHERE w.occ_code = ? AND w.area = ? ORDER BY w.year DESC";
  Stmt s(db, sql.c_str());
  s.bind(1, soc).bind(2, area);
  while (s.step()) {
    out.push_back(read_row(s));
  }
  return out;
}

std::vector<OewsWages> oews_area(Db& db, const std::string& area)
{
  std::vector<OewsWages> out;
  if (!db.has_table("oews_wage")) {
    return out;
  }
  const std::string sql = select_sql() +
                          "WHERE w.area = ?1 AND w.year = (SELECT max(year) FROM oews_wage WHERE area = ?1) "
                          "ORDER BY w.occ_code";
  Stmt s(db, sql.c_str());
  s.bind(1, area);
  while (s.step()) {
    out.push_back(read_row(s));
  }
  return out;
}

std::optional<OewsComparison> oews_compare(Db& db, const std::string& soc, const std::string& area)
{
  const auto here = oews_lookup(db, soc, area);
  if (here.empty()) {
    return std::nullopt;
  }
  OewsComparison out{here.front(), std::nullopt, true};
  if (area == "US") {
    return out;
  }
  const auto national = oews_lookup(db, soc, "US");
  for (const auto& n : national) {
    if (n.period == out.area.period) {
      out.national = n;
      return out;
    }
  }
  if (!national.empty()) {
    out.national = national.front();
    out.same_period = false;
  }
  return out;
}

OewsField hourly_of(OewsField annual_field)
{
  switch (annual_field) {
  case k_a_mean: return k_h_mean;
  case k_a_pct10: return k_h_pct10;
  case k_a_pct25: return k_h_pct25;
  case k_a_median: return k_h_median;
  case k_a_pct75: return k_h_pct75;
  case k_a_pct90: return k_h_pct90;
  default: return annual_field;
  }
}

AnnualFigure annual(const OewsWages& w, OewsField annual_field)
{
  const OewsFigure& a = w.figures[annual_field];
  const OewsFigure& h = w.figures[hourly_of(annual_field)];
  if (a.mark == OewsMark::blank && h.value) {
    return {OewsFigure{*h.value * 2080, OewsMark::value}, true};
  }
  if (a.mark == OewsMark::blank && h.mark != OewsMark::blank) {
    return {OewsFigure{std::nullopt, h.mark}, false};
  }
  return {a, false};
}

std::vector<OewsImportedFile> oews_files(Db& db)
{
  std::vector<OewsImportedFile> out;
  if (!db.has_table("oews_file")) {
    return out;
  }
  Stmt s(db, "SELECT file, coalesce(sheet, ''), period, rows FROM oews_file ORDER BY id");
  while (s.step()) {
    out.push_back({s.text(0), s.text(1), s.text(2), static_cast<long>(s.integer(3))});
  }
  return out;
}

} // namespace careerplan
