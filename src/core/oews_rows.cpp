// OEWS rows from cells: columns by name, BLS's symbols as marks, areas, the reference period.
#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>
#include <regex>
#include <set>

#include <fmt/format.h>

#include "core/json_reader.hpp"
#include "core/oews_internal.hpp"
#include "core/regions.hpp"
#include "core/text.hpp"

namespace careerplan {

const char* oews_symbol(OewsMark mark)
{
  switch (mark) {
  case OewsMark::not_available: return "*";
  case OewsMark::employment_not_available: return "**";
  case OewsMark::top_coded: return "#";
  case OewsMark::few_reporting: return "~";
  case OewsMark::value:
  case OewsMark::blank: break;
  }
  return "";
}

OewsMark oews_mark_from_symbol(std::string_view symbol)
{
  if (symbol == "*") {
    return OewsMark::not_available;
  }
  if (symbol == "**") {
    return OewsMark::employment_not_available;
  }
  if (symbol == "#") {
    return OewsMark::top_coded;
  }
  if (symbol == "~") {
    return OewsMark::few_reporting;
  }
  return symbol.empty() ? OewsMark::blank : OewsMark::value;
}

const char* area_kind_name(OewsAreaKind kind)
{
  switch (kind) {
  case OewsAreaKind::national: return "national";
  case OewsAreaKind::state: return "state";
  case OewsAreaKind::metro: return "metro";
  }
  return "national";
}

std::string normalize_oews_period(std::string_view text)
{
  static const std::regex k_period(R"(^\s*(?:May\s+)?((?:19|20)\d\d)\s*$)", std::regex::icase);
  std::match_results<std::string_view::const_iterator> m;
  if (std::regex_match(text.begin(), text.end(), m, k_period)) {
    return "May " + m[1].str();
  }
  return {};
}

namespace oews_detail {

void fail(const std::string& file, const std::string& where, const std::string& message)
{
  throw DataError({Problem{file, where, message}});
}

std::string neutralize(std::string_view text)
{
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    const bool c1 = c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) >= 0x80 &&
                    static_cast<unsigned char>(text[i + 1]) <= 0x9F;
    if (c < 0x20 || c == 0x7F || c1) {
      out += "\xEF\xBF\xBD";
      i += c1 ? 1 : 0;
    } else {
      out += text[i];
    }
  }
  return out;
}

namespace {

std::string trim(std::string_view s)
{
  const auto first = s.find_first_not_of(" \t\r\n\xA0");
  if (first == std::string_view::npos) {
    return {};
  }
  const auto last = s.find_last_not_of(" \t\r\n\xA0");
  return std::string(s.substr(first, last - first + 1));
}

std::string upper(std::string s)
{
  for (auto& c : s) {
    c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  return s;
}

// Digits with an optional decimal part; thousands separators only where they belong ("1,550").
bool plain_decimal(std::string_view s, std::string& digits)
{
  digits.clear();
  const auto dot = s.find('.');
  const std::string_view whole = s.substr(0, dot);
  if (whole.empty() && dot == std::string_view::npos) {
    return false;
  }
  const bool grouped = whole.find(',') != std::string_view::npos;
  std::size_t since_comma = 0;
  bool first_group = true;
  for (std::size_t i = 0; i < whole.size(); ++i) {
    const char c = whole[i];
    if (c == ',') {
      if (since_comma == 0 || (first_group ? since_comma > 3 : since_comma != 3)) {
        return false;
      }
      first_group = false;
      since_comma = 0;
      continue;
    }
    if (c < '0' || c > '9') {
      return false;
    }
    digits += c;
    ++since_comma;
  }
  if (grouped && since_comma != 3) {
    return false;
  }
  if (dot != std::string_view::npos) {
    const std::string_view frac = s.substr(dot + 1);
    if (frac.empty() && whole.empty()) {
      return false;
    }
    digits += '.';
    for (const char c : frac) {
      if (c < '0' || c > '9') {
        return false;
      }
      digits += c;
    }
  }
  return true;
}

} // namespace

void RowBuilder::fail(std::size_t line, const std::string& message) const
{
  oews_detail::fail(m_out.file, fmt::format("{} {}", m_where, line), message);
}

std::string RowBuilder::cell(const std::vector<std::string>& cells, int col) const
{
  if (col < 0 || static_cast<std::size_t>(col) >= cells.size()) {
    return {};
  }
  return trim(cells[static_cast<std::size_t>(col)]);
}

void RowBuilder::add(const std::vector<std::string>& cells, std::size_t line)
{
  if (m_header_line == 0) {
    if (std::any_of(cells.begin(), cells.end(), [](const auto& c) { return !trim(c).empty(); })) {
      header(cells, line);
    }
    return;
  }
  row(cells, line);
}

void RowBuilder::header(const std::vector<std::string>& cells, std::size_t line)
{
  m_fields.fill(-1);
  std::vector<std::string> names;
  for (std::size_t i = 0; i < cells.size(); ++i) {
    std::string name = upper(trim(cells[i]));
    if (name.rfind("\xEF\xBB\xBF", 0) == 0) {
      name.erase(0, 3);
    }
    names.push_back(name);
    const int col = static_cast<int>(i);
    auto take = [&](int& slot) {
      if (slot >= 0) {
        fail(line, fmt::format("column {} appears twice", name));
      }
      slot = col;
    };
    if (name == "AREA") {
      take(m_area);
    } else if (name == "AREA_TITLE" || name == "AREA_NAME") {
      take(m_area_title);
    } else if (name == "AREA_TYPE") {
      take(m_area_type);
    } else if (name == "PRIM_STATE" || name == "ST") {
      take(m_prim_state);
    } else if (name == "NAICS") {
      take(m_naics);
    } else if (name == "OCC_CODE") {
      take(m_occ_code);
    } else if (name == "OCC_TITLE") {
      take(m_occ_title);
    } else if (name == "O_GROUP" || name == "OCC_GROUP") {
      take(m_o_group);
    } else if (name == "ANNUAL") {
      take(m_annual);
    } else if (name == "HOURLY") {
      take(m_hourly);
    } else {
      for (std::size_t f = 0; f < k_oews_fields; ++f) {
        if (name == k_oews_columns[f]) {
          take(m_fields[f]);
        }
      }
    }
  }
  if (m_occ_code < 0 && m_occ_title >= 0 && m_where == "row") {
    m_out.titles_only = true;
  } else if (m_occ_code < 0) {
    fail(line, fmt::format("no OCC_CODE column: not a BLS OEWS layout (its columns: {})",
                           join(std::vector<std::string>(names.begin(), names.begin() + std::min<std::size_t>(names.size(), 8)), ", ")));
  }
  if (std::all_of(m_fields.begin(), m_fields.end(), [](int c) { return c < 0; })) {
    fail(line, "no figure column (TOT_EMP, H_MEAN, A_MEAN, A_MEDIAN, ...): not a BLS OEWS layout");
  }
  if (m_area < 0 && m_area_title < 0 && m_prim_state < 0) {
    fail(line, "no area column (AREA, AREA_TITLE or PRIM_STATE): not a BLS OEWS layout");
  }
  m_header_line = line;
}

void RowBuilder::row(const std::vector<std::string>& cells, std::size_t line)
{
  if (std::all_of(cells.begin(), cells.end(), [](const auto& c) { return trim(c).empty(); })) {
    return;
  }
  const std::string naics = cell(cells, m_naics);
  if (!naics.empty() && naics != "000000" && naics != "0") {
    ++m_out.skipped_industry_rows;
    return;
  }
  OewsRow r;
  r.line = line;
  r.occ_code = cell(cells, m_occ_code);
  r.occ_title = neutralize(cell(cells, m_occ_title));
  r.o_group = neutralize(to_lower(cell(cells, m_o_group)));
  static const std::regex k_soc(R"(^\d\d-\d{4}$)");
  if (m_out.titles_only) {
    if (r.occ_title.empty()) {
      fail(line, "OCC_TITLE: empty, and the file has no OCC_CODE column");
    }
  } else if (!std::regex_match(r.occ_code, k_soc)) {
    fail(line, fmt::format("OCC_CODE: '{}' is not an SOC code (NN-NNNN)", r.occ_code));
  }

  const std::string area = cell(cells, m_area);
  std::string title = cell(cells, m_area_title);
  if (title == "Virgin Islands") { // BLS's name for the U.S. Virgin Islands
    title = "U.S. Virgin Islands";
  }
  const std::string prim = upper(cell(cells, m_prim_state));
  const std::string type = cell(cells, m_area_type);
  r.area_title = neutralize(title);
  if (type == "1" || area == "99" || prim == "US" || title == "U.S." || title == "United States") {
    r.area_kind = OewsAreaKind::national;
    r.area = "US";
    if (r.area_title.empty()) {
      r.area_title = "U.S.";
    }
  } else if (type == "2" || type == "3" || (type.empty() && (find_state(title) != nullptr || (title.empty() && !prim.empty())))) {
    const State* s = !prim.empty() ? find_state(prim) : find_state(title);
    if (s == nullptr) {
      fail(line, fmt::format("PRIM_STATE: '{}' is not a US state or territory", prim.empty() ? title : prim));
    }
    r.area_kind = OewsAreaKind::state;
    r.area = s->code;
    if (r.area_title.empty()) {
      r.area_title = s->name;
    }
  } else if (!type.empty() && !area.empty()) {
    if (area.find_first_not_of("0123456789") != std::string::npos) {
      fail(line, fmt::format("AREA: '{}' is not a BLS area code", area));
    }
    r.area_kind = OewsAreaKind::metro;
    r.area = area;
  } else {
    fail(line, fmt::format("cannot tell which area '{}' is (no AREA_TYPE and not a state)", title.empty() ? area : title));
  }

  std::string digits;
  for (std::size_t f = 0; f < k_oews_fields; ++f) {
    const std::string text = cell(cells, m_fields[f]);
    OewsFigure& fig = r.figures[f];
    fig.mark = oews_mark_from_symbol(text);
    if (fig.mark != OewsMark::value) {
      continue;
    }
    double v = 0;
    const bool ok = plain_decimal(text, digits) &&
                    std::from_chars(digits.data(), digits.data() + digits.size(), v).ec == std::errc() &&
                    std::isfinite(v) && v < 1e10;
    if (!ok) {
      fail(line, fmt::format("{}: '{}' is not a number or one of BLS's symbols (*, **, #, ~)", k_oews_columns[f], text));
    }
    // Workbooks store 68.15 as 68.150000000000006: figures are published to the cent.
    fig.value = std::round(v * 100) / 100;
  }
  auto flag = [&](int col, const char* name) {
    const std::string t = upper(cell(cells, col));
    if (t.empty() || t == "FALSE" || t == "0") {
      return false;
    }
    if (t == "TRUE" || t == "1") {
      return true;
    }
    fail(line, fmt::format("{}: '{}' is neither TRUE nor empty", name, t));
  };
  r.annual_only = flag(m_annual, "ANNUAL");
  r.hourly_only = flag(m_hourly, "HOURLY");
  m_out.rows.push_back(std::move(r));
}

void RowBuilder::finish()
{
  if (m_header_line == 0) {
    oews_detail::fail(m_out.file, "", "no header row: an empty file, or not a BLS OEWS file");
  }
  if (m_out.rows.empty() && m_out.skipped_industry_rows == 0) {
    oews_detail::fail(m_out.file, "", "a header but no rows");
  }
}

} // namespace oews_detail

void resolve_titles(std::vector<OewsFile>& files)
{
  for (auto& f : files) {
    if (!f.titles_only) {
      continue;
    }
    // Title -> code, from every file of the same period that has codes. A broad group and its one
    // detailed occupation can share a title ("Data Scientists", 15-2050 and 15-2051): the detailed
    // occupation is the one meant, as in BLS's state files.
    std::map<std::string, std::pair<std::string, std::string>> codes; // title -> code, file
    std::map<std::string, std::set<std::string>> all_codes;
    std::set<std::string> ambiguous;
    std::string from;
    for (const auto& other : files) {
      if (other.titles_only || other.period != f.period) {
        continue;
      }
      from = other.file;
      for (const auto& r : other.rows) {
        all_codes[r.occ_title].insert(r.occ_code);
        if (r.o_group != "detailed" && !r.o_group.empty()) {
          continue;
        }
        const auto [it, fresh] = codes.try_emplace(r.occ_title, r.occ_code, other.file);
        if (!fresh && it->second.first != r.occ_code) {
          ambiguous.insert(r.occ_title);
        }
      }
    }
    for (const auto& [title, set] : all_codes) {
      if (codes.count(title) == 0 && set.size() > 1) {
        ambiguous.insert(title);
      } else if (codes.count(title) == 0) {
        codes.emplace(title, std::pair(*set.begin(), from));
      }
    }
    for (auto& r : f.rows) {
      const auto it = codes.find(r.occ_title);
      if (it == codes.end() || ambiguous.count(r.occ_title) > 0) { // NOLINT(bugprone-branch-clone)
        throw DataError({Problem{
            f.file, fmt::format("row {}", r.line),
            from.empty() ? fmt::format("the file has no OCC_CODE column, and no file of {} with codes was imported "
                                       "with it to match its titles to (BLS's national file of the same period)",
                                       f.period)
            : it == codes.end()
                ? fmt::format("OCC_TITLE '{}' (the file has no OCC_CODE column) matches no occupation of {} in {}",
                              r.occ_title, f.period, from)
                : fmt::format("OCC_TITLE '{}' (the file has no OCC_CODE column) matches more than one SOC code",
                              r.occ_title)}});
      }
      r.occ_code = it->second.first;
      f.codes_from = it->second.second;
    }
  }
}

namespace {

std::string period_from_name(const std::string& path)
{
  static const std::regex k_name(R"(_M((?:19|20)\d\d)_)");
  const auto slash = path.find_last_of('/');
  const std::string base = slash == std::string::npos ? path : path.substr(slash + 1);
  std::smatch m;
  if (std::regex_search(base, m, k_name)) {
    return "May " + m[1].str();
  }
  return {};
}

} // namespace

OewsFile parse_oews(std::string_view bytes, const std::string& name, const std::string& period)
{
  OewsFile out;
  out.file = name;
  std::string given;
  if (!period.empty()) {
    given = normalize_oews_period(period);
    if (given.empty()) {
      throw UsageError(fmt::format("--period: '{}' is not a year (2024) or 'May 2024'", period));
    }
  }
  if (bytes.empty()) {
    oews_detail::fail(name, "", "an empty file");
  }
  if (bytes.size() > k_oews_max_file) {
    oews_detail::fail(name, "", fmt::format("larger than {} MiB: refused", k_oews_max_file >> 20));
  }
  if (bytes.substr(0, 2) == "PK") {
    oews_detail::read_xlsx(bytes, out);
  } else {
    oews_detail::read_text(bytes, out);
  }
  if (out.period.empty()) {
    out.period = period_from_name(name);
    out.period_from = "the file name";
  }
  if (!given.empty()) {
    if (!out.period.empty() && out.period != given) {
      oews_detail::fail(name, "", fmt::format("the file is for {} (from {}), not {} as --period says", out.period,
                                              out.period_from, given));
    }
    if (out.period.empty()) {
      out.period = given;
      out.period_from = "--period";
    }
  }
  if (out.period.empty()) {
    throw Error(ExitCode::data, fmt::format("{}: the reference period is not in the file or its name", name),
                "name it with --period, e.g. --period 2024 for BLS's May 2024 estimates");
  }
  return out;
}

OewsFile read_oews_file(const std::string& path, const std::string& period)
{
  return parse_oews(read_file(path, k_oews_max_file), path, period);
}

} // namespace careerplan
