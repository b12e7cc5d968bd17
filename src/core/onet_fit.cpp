#include "core/onet_fit.hpp"

#include <fmt/format.h>

#include "core/oews_store.hpp"
#include "core/onet_match.hpp"
#include "core/text.hpp"

namespace careerplan {

std::optional<std::pair<double, std::optional<double>>> rw_years(int category)
{
  // O*NET's RW category descriptions (Education, Training, and Experience Categories.txt),
  // in years: 1 "None", 2 "Up to and including 1 month", 3 "Over 1 month, up to and including
  // 3 months", 4 "... 3 months ... 6 months", 5 "... 6 months ... 1 year", 6 "... 1 year ... 2
  // years", 7 "... 2 ... 4 years", 8 "... 4 ... 6 years", 9 "... 6 ... 8 years", 10 "... 8 ...
  // 10 years", 11 "Over 10 years".
  using R = std::pair<double, std::optional<double>>;
  switch (category) {
  case 1: return R{0, 0};
  case 2: return R{0, 1.0 / 12};
  case 3: return R{1.0 / 12, 0.25};
  case 4: return R{0.25, 0.5};
  case 5: return R{0.5, 1};
  case 6: return R{1, 2};
  case 7: return R{2, 4};
  case 8: return R{4, 6};
  case 9: return R{6, 8};
  case 10: return R{8, 10};
  case 11: return R{10, std::nullopt};
  default: return std::nullopt;
  }
}

std::string years_range_text(const TypicalExperience& t)
{
  if (!t.max_years) {
    return fmt::format("over {} y", plain_number(t.min_years));
  }
  if (*t.max_years <= 0) {
    return "none";
  }
  if (*t.max_years < 1) {
    return fmt::format("{}-{} mo", plain_number(t.min_years * 12), plain_number(*t.max_years * 12));
  }
  return fmt::format("{}-{} y", plain_number(t.min_years), plain_number(*t.max_years));
}

std::string experience_fit(double years, const TypicalExperience& t)
{
  if (years < t.min_years) {
    return "below";
  }
  if (t.max_years && years > *t.max_years) {
    return "above";
  }
  return "within";
}

namespace {

constexpr const char* k_rw_sql = "SELECT e.code, e.category, e.value, coalesce(c.description, '') FROM onet_education e "
                       "LEFT JOIN onet_education_category c ON c.element = e.element AND c.scale = e.scale AND "
                       "c.category = e.category WHERE e.scale = 'RW' AND e.category > 0 {} ORDER BY e.code, e.category";

void consider(std::map<std::string, TypicalExperience>& out, const std::string& code, int category, double value,
              std::string description)
{
  const auto years = rw_years(category);
  if (!years) {
    return;
  }
  auto it = out.find(code);
  if (it != out.end() && it->second.percent >= value) {
    return;
  }
  TypicalExperience t{category, std::move(description), value, years->first, years->second};
  if (it == out.end()) {
    out.emplace(code, std::move(t));
  } else {
    it->second = std::move(t);
  }
}

} // namespace

std::map<std::string, TypicalExperience> typical_experience(Db& db)
{
  std::map<std::string, TypicalExperience> out;
  if (!db.has_table("onet_education")) {
    return out;
  }
  const std::string sql = fmt::format(fmt::runtime(k_rw_sql), "");
  Stmt s(db, sql.c_str());
  while (s.step()) {
    consider(out, s.text(0), static_cast<int>(s.integer(1)), s.real(2), s.text(3));
  }
  return out;
}

std::optional<TypicalExperience> typical_experience(Db& db, const std::string& code)
{
  std::map<std::string, TypicalExperience> out;
  if (!db.has_table("onet_education")) {
    return std::nullopt;
  }
  const std::string sql = fmt::format(fmt::runtime(k_rw_sql), "AND e.code = ?");
  Stmt s(db, sql.c_str());
  s.bind(1, code);
  while (s.step()) {
    consider(out, s.text(0), static_cast<int>(s.integer(1)), s.real(2), s.text(3));
  }
  if (out.empty()) {
    return std::nullopt;
  }
  return out.begin()->second;
}

const std::vector<EducationLevel>& education_levels()
{
  static const std::vector<EducationLevel> levels = {
      {1, "less-than-high-school"}, {2, "high-school"}, {3, "post-secondary-certificate"}, {4, "some-college"},
      {5, "associate"}, {6, "bachelor"}, {7, "post-baccalaureate-certificate"}, {8, "master"},
      {9, "post-master-certificate"}, {10, "first-professional"}, {11, "doctorate"}, {12, "post-doctoral"}};
  return levels;
}

int education_category(const std::string& id)
{
  for (const auto& l : education_levels()) {
    if (id == l.id) {
      return l.category;
    }
  }
  return 0;
}

std::map<std::string, TypicalEducation> typical_education(Db& db)
{
  std::map<std::string, TypicalEducation> out;
  if (!db.has_table("onet_education")) {
    return out;
  }
  Stmt s(db, "SELECT e.code, e.category, e.value, coalesce(c.description, '') FROM onet_education e "
             "LEFT JOIN onet_education_category c ON c.element = e.element AND c.scale = e.scale AND "
             "c.category = e.category WHERE e.scale = 'RL' AND e.category > 0 ORDER BY e.code, e.category");
  while (s.step()) {
    const std::string code = s.text(0);
    const double value = s.real(2);
    auto it = out.find(code);
    if (it == out.end() || value > it->second.percent) {
      out[code] = TypicalEducation{static_cast<int>(s.integer(1)), s.text(3), value};
    }
  }
  return out;
}

std::string education_fit(int category, const TypicalEducation& t)
{
  return category < t.category ? "below" : category == t.category ? "at" : "above";
}

std::string soc_of(const std::string& onet_code)
{
  return onet_code.substr(0, 7);
}

std::map<std::string, NationalMedian> national_medians(Db& db)
{
  std::map<std::string, NationalMedian> out;
  if (!has_oews(db)) {
    return out;
  }
  // The columns a median needs (oews_area reads every column of every row: five times slower),
  // read as oews_store.cpp reads them, and derived by its annual().
  Stmt s(db, "SELECT w.occ_code, w.period, w.a_median, w.a_median_mark, w.h_median, w.h_median_mark, p.top_annual "
             "FROM oews_wage w LEFT JOIN oews_period p ON p.period = w.period WHERE w.area = 'US' AND "
             "w.year = (SELECT max(year) FROM oews_wage WHERE area = 'US')");
  OewsWages w;
  auto figure = [&](int col) {
    OewsFigure f;
    f.value = s.opt_real(col);
    f.mark = f.value ? OewsMark::value : oews_mark_from_symbol(s.text(col + 1));
    return f;
  };
  while (s.step()) {
    if (s.view(0).empty()) {
      continue;
    }
    w.figures[k_a_median] = figure(2);
    w.figures[k_h_median] = figure(4);
    const AnnualFigure a = annual(w, k_a_median);
    NationalMedian m;
    m.period = s.text(1);
    m.derived = a.derived;
    if (a.figure.value) {
      m.value = a.figure.value;
    } else if (a.figure.mark == OewsMark::top_coded && !s.is_null(6)) {
      m.value = s.real(6);
      m.top_coded = true;
    }
    out.emplace(s.text(0), m);
  }
  return out;
}

void add_national_medians(Db& db, std::vector<OnetMatchEntry>& entries)
{
  const auto medians = national_medians(db);
  for (auto& e : entries) {
    if (const auto it = medians.find(soc_of(e.result.code)); it != medians.end() && it->second.value) {
      e.median = it->second;
    }
  }
}

} // namespace careerplan
