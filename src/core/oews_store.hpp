#pragma once
// BLS OEWS figures in the store (src/core/store.hpp): tables oews_file, oews_period and
// oews_wage. An import replaces every oews_* row inside one transaction; a query reads one
// occupation in one area (an indexed lookup) or one area's occupations.
//
// Annual wages: where BLS publishes only hourly wages (HOURLY = TRUE) or a file has only the
// hourly column, annual = hourly x 2,080 (BLS's own convention, the field descriptions' words:
// "annual wages have been calculated by multiplying the hourly mean wage by a 'year-round,
// full-time' hours figure of 2,080 hours"); such a figure says it is derived.
#include <optional>
#include <string>
#include <vector>

#include "core/oews.hpp"
#include "core/store.hpp"

namespace careerplan {

struct OewsImportResult
{
  struct File
  {
    std::string file;
    std::string sheet;
    std::string period;
    std::string period_from;
    std::size_t rows = 0;
    std::size_t skipped_industry_rows = 0;
  };
  std::vector<File> files;
  std::size_t rows = 0;
  std::size_t replaced_rows = 0; // rows of the previous import
};

// Replaces every oews_* row with `files` in one transaction. A DataError (exit 3) when two rows
// give the same occupation, area and period; the previous import is then left as it was.
OewsImportResult import_oews(Db& db, const std::vector<OewsFile>& files);

struct OewsWages
{
  std::string period;
  OewsAreaKind area_kind = OewsAreaKind::national;
  std::string area;
  std::string area_title;
  std::string occ_code;
  std::string occ_title;
  std::string o_group;
  std::string file; // the file imported, and the row it came from
  std::size_t line = 0;
  bool hourly_only = false;
  bool annual_only = false;
  std::array<OewsFigure, k_oews_fields> figures{};
  std::optional<double> top_hourly; // the period's top code, when a workbook of that period said it
  std::optional<double> top_annual;
};

struct AnnualFigure
{
  OewsFigure figure;
  bool derived = false; // hourly x 2,080
};
// An annual column (k_a_mean, k_a_pct10 ... k_a_pct90), derived from the hourly one when BLS
// publishes only hourly wages or the file had no annual column.
AnnualFigure annual(const OewsWages& w, OewsField annual_field);
// The hourly column for an annual one (k_a_median -> k_h_median).
OewsField hourly_of(OewsField annual_field);

// True when the store has OEWS tables with rows.
bool has_oews(Db& db);

// The files of the OEWS import in use, as imported (for `import --list`).
struct OewsImportedFile
{
  std::string file, sheet, period;
  long rows = 0;
};
std::vector<OewsImportedFile> oews_files(Db& db);
// The figures for an SOC code ("15-2051") in an area ("US", "CA", a metro AREA code), newest
// period first; empty when the store has none.
std::vector<OewsWages> oews_lookup(Db& db, const std::string& soc, const std::string& area);
// Every occupation of an area in its newest imported period, by SOC code.
std::vector<OewsWages> oews_area(Db& db, const std::string& area);

// An area's figures beside the national ones: the same period when the store has it, else the
// newest national period (and `same_period` false, so that the caller says so).
struct OewsComparison
{
  OewsWages area;
  std::optional<OewsWages> national;
  bool same_period = true;
};
std::optional<OewsComparison> oews_compare(Db& db, const std::string& soc, const std::string& area);

} // namespace careerplan
