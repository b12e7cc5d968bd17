#pragma once
// BLS Occupational Employment and Wage Statistics (OEWS) files as BLS publishes them: the
// national, state and metropolitan "dl" workbooks (.xlsx) and text files with the same columns
// (CSV, ';'- or tab-separated, with or without a byte-order mark).
//
// Columns are read by name (AREA, AREA_TITLE, AREA_TYPE, PRIM_STATE, OCC_CODE, OCC_TITLE,
// O_GROUP, TOT_EMP, H_MEAN, A_MEAN, H_PCT10 ... A_PCT90, ANNUAL, HOURLY; any case, any order);
// other columns are ignored. BLS's symbols (the files' field descriptions) are kept as marks,
// never as numbers:
//   *   wage estimate not available        **  employment estimate not available
//   #   wage at or above the top code      ~   fewer than 0.5% of establishments reporting
// Rows for a single industry (NAICS other than 000000) are skipped: the figures are
// cross-industry. The reference period ("May 2024") comes from the workbook's field
// descriptions ("May 2024 OEWS Estimates"), else from BLS's file name (..._M2024_dl...), else
// from the caller; every figure carries it.
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace careerplan {

enum class OewsMark { value, blank, not_available, employment_not_available, top_coded, few_reporting };
// "*", "**", "#", "~"; "" for a value or a blank
const char* oews_symbol(OewsMark mark);
OewsMark oews_mark_from_symbol(std::string_view symbol);

struct OewsFigure
{
  std::optional<double> value;
  OewsMark mark = OewsMark::blank;
};

// The figure columns, in the order of OewsRow::figures.
enum OewsField : std::size_t {
  k_tot_emp,
  k_h_mean,
  k_a_mean,
  k_h_pct10,
  k_h_pct25,
  k_h_median,
  k_h_pct75,
  k_h_pct90,
  k_a_pct10,
  k_a_pct25,
  k_a_median,
  k_a_pct75,
  k_a_pct90,
  k_oews_fields
};
inline constexpr std::array<const char*, k_oews_fields> k_oews_columns = {
    "TOT_EMP",  "H_MEAN",  "A_MEAN",  "H_PCT10",  "H_PCT25", "H_MEDIAN", "H_PCT75",
    "H_PCT90", "A_PCT10", "A_PCT25", "A_MEDIAN", "A_PCT75", "A_PCT90"};

enum class OewsAreaKind { national, state, metro };
const char* area_kind_name(OewsAreaKind kind);

struct OewsRow
{
  std::size_t line = 0; // the row of the sheet, or the line of the text file, it was read from
  OewsAreaKind area_kind = OewsAreaKind::national;
  std::string area; // "US", a state's USPS code ("CA"), or BLS's AREA code of another area
  std::string area_title;
  std::string occ_code; // "15-2051"; empty when the file names occupations by title only
  std::string occ_title;
  std::string o_group; // detailed, broad, minor, major, total; "" when the file does not say
  std::array<OewsFigure, k_oews_fields> figures{};
  bool hourly_only = false; // HOURLY = TRUE: BLS publishes only hourly wages
  bool annual_only = false; // ANNUAL = TRUE: BLS publishes only annual wages
};

struct OewsFile
{
  std::string file;
  std::string sheet; // the worksheet read; "" for a text file
  std::string period; // "May 2024"
  std::string period_from; // "the workbook's field descriptions", "the file name" or "--period"
  // The top code from the workbook's field descriptions ("$115.00 per hour or $239,200 per year").
  std::optional<double> top_hourly;
  std::optional<double> top_annual;
  std::vector<OewsRow> rows;
  std::size_t skipped_industry_rows = 0;
  // A text file with OCC_TITLE but no OCC_CODE column (as some extracts of BLS's files are):
  // its codes come from resolve_titles.
  bool titles_only = false;
  std::string codes_from; // the file whose titles gave the codes
};

// Documented limits (man page, IMPORT): a file larger than this is refused before it is read,
// and a workbook part that inflates past k_oews_max_inflated (a zip bomb) is refused as it is read.
inline constexpr std::uint64_t k_oews_max_file = 256ULL << 20;
inline constexpr std::uint64_t k_oews_max_inflated = 1ULL << 30;

// Reads one file; `period` ("2024" or "May 2024") names the reference period when the file
// does not. DataError (file, sheet and row, column) for anything that is not a BLS layout.
OewsFile read_oews_file(const std::string& path, const std::string& period = {});
// The same from bytes already read; `name` is the file name used in messages and for the period.
OewsFile parse_oews(std::string_view bytes, const std::string& name, const std::string& period = {});

// Gives the rows of a titles-only file the SOC code of the occupation with exactly that title in
// a file of the same period that has codes (BLS's national file, imported with it). A DataError
// naming the row when a title matches no occupation, or more than one.
void resolve_titles(std::vector<OewsFile>& files);

// "2024" or "May 2024" -> "May 2024"; "" when it is neither.
std::string normalize_oews_period(std::string_view text);

} // namespace careerplan
