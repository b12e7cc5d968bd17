// The OEWS reader: workbooks and text files of careerplan's own making (tests/fixtures/oews,
// written by make_fixtures.py; invented figures), BLS's symbols, and bad input.
#include <doctest/doctest.h>

#include "core/errors.hpp"
#include "core/oews.hpp"

using namespace careerplan;

namespace {

const std::string k_dir = std::string(CAREERPLAN_FIXTURES) + "/oews/";

const OewsRow& find(const OewsFile& f, const std::string& area, const std::string& code)
{
  for (const auto& r : f.rows) {
    if (r.area == area && r.occ_code == code) {
      return r;
    }
  }
  FAIL("no row " << area << " " << code);
  throw 0;
}

std::string error_of(const std::string& bytes, const std::string& name = "f.csv", const std::string& period = "2030")
{
  try {
    parse_oews(bytes, name, period);
  } catch (const Error& e) {
    CHECK(e.code() == ExitCode::data);
    return e.what();
  }
  return "no error";
}

} // namespace

TEST_CASE("oews: a workbook: the data sheet by its OCC_CODE column, the period and top code from its field descriptions")
{
  const OewsFile f = read_oews_file(k_dir + "tiny_M2030_dl.xlsx");
  CHECK(f.sheet == "tiny_dl");
  CHECK(f.period == "May 2030");
  CHECK(f.period_from == "the workbook's field descriptions");
  CHECK(f.top_hourly == 115.0);
  CHECK(f.top_annual == 239200.0);
  CHECK(f.rows.size() == 5); // the single-industry row is skipped, the empty row ignored
  CHECK(f.skipped_industry_rows == 1);

  const OewsRow& ds = find(f, "US", "15-2051");
  CHECK(ds.area_kind == OewsAreaKind::national);
  CHECK(ds.occ_title == "Data Scientists");
  CHECK(ds.o_group == "detailed");
  CHECK(ds.line == 3);
  CHECK(ds.figures[k_tot_emp].value == 200000.0);
  CHECK(ds.figures[k_h_mean].value == 68.15); // stored as 68.150000000000006
  CHECK(ds.figures[k_a_median].value == 115440.0);
  CHECK(ds.figures[k_a_pct90].mark == OewsMark::top_coded);
  CHECK_FALSE(ds.figures[k_a_pct90].value);
  CHECK(ds.figures[k_h_pct90].mark == OewsMark::top_coded);

  const OewsRow& teachers = find(f, "US", "25-2021");
  CHECK(teachers.annual_only);
  CHECK(teachers.figures[k_h_median].mark == OewsMark::not_available);

  const OewsRow& actors = find(f, "US", "27-2011");
  CHECK(actors.hourly_only);
  CHECK(actors.figures[k_tot_emp].mark == OewsMark::employment_not_available);
  CHECK(actors.figures[k_a_median].mark == OewsMark::blank);

  const OewsRow& stat = find(f, "US", "15-2041"); // inline strings
  CHECK(stat.occ_title == "Statisticians");
  CHECK(stat.figures[k_a_mean].value == 104000.0);
}

TEST_CASE("oews: a BLS state CSV: quotes, thousands separators, a byte-order mark, the period from the file name")
{
  const std::string csv = "\xEF\xBB\xBF"
                          "AREA_TITLE,PRIM_STATE,OCC_CODE,OCC_TITLE,TOT_EMP,A_MEAN,A_MEDIAN,H_MEDIAN\r\n"
                          "California,CA,15-2051,Data Scientists,\"12,340\",\"150,000\",\"133,690\",64.27\r\n"
                          "Texas,TX,15-2051,\"Data Scientists, all\",**,*,#,#\r\n";
  const OewsFile f = parse_oews(csv, "dir/state_M2029_dl.csv");
  CHECK(f.period == "May 2029");
  CHECK(f.period_from == "the file name");
  REQUIRE(f.rows.size() == 2);
  CHECK(f.rows[0].area_kind == OewsAreaKind::state);
  CHECK(f.rows[0].area == "CA");
  CHECK(f.rows[0].line == 2);
  CHECK(f.rows[0].figures[k_tot_emp].value == 12340.0);
  CHECK(f.rows[0].figures[k_a_median].value == 133690.0);
  CHECK(f.rows[1].occ_title == "Data Scientists, all");
  CHECK(f.rows[1].figures[k_a_mean].mark == OewsMark::not_available);
  CHECK(f.rows[1].figures[k_a_median].mark == OewsMark::top_coded);
  CHECK(f.rows[1].figures[k_tot_emp].mark == OewsMark::employment_not_available);
}

TEST_CASE("oews: semicolons and tabs; a state by its name alone; metro areas by BLS's AREA code")
{
  const OewsFile semi = parse_oews("\xEF\xBB\xBF" "AREA_TITLE;OCC_CODE;OCC_TITLE;H_MEAN;A_MEAN\r\nAlabama;15-2051;Data Scientists;40.5;84,240\r\n",
                                   "means.csv", "May 2023");
  REQUIRE(semi.rows.size() == 1);
  CHECK(semi.rows[0].area == "AL");
  CHECK(semi.period == "May 2023");
  CHECK(semi.period_from == "--period");
  CHECK(semi.rows[0].figures[k_a_mean].value == 84240.0);

  const OewsFile tab = parse_oews("AREA\tAREA_TITLE\tAREA_TYPE\tPRIM_STATE\tOCC_CODE\tA_MEDIAN\n"
                                  "31080\tLos Angeles-Long Beach-Anaheim, CA\t4\tCA\t15-2051\t120000\n",
                                  "MSA_M2030_dl.txt");
  REQUIRE(tab.rows.size() == 1);
  CHECK(tab.rows[0].area_kind == OewsAreaKind::metro);
  CHECK(tab.rows[0].area == "31080");
}

TEST_CASE("oews: bad input is one problem naming the file and the row")
{
  const std::string head = "AREA,AREA_TITLE,OCC_CODE,TOT_EMP,A_MEAN\n";
  CHECK(error_of("") == "f.csv: an empty file");
  CHECK(error_of(head) == "f.csv: a header but no rows");
  CHECK(error_of(head + "99,U.S.,15-2051,\"1,55\",1\n") ==
        "f.csv: row 2: TOT_EMP: '1,55' is not a number or one of BLS's symbols (*, **, #, ~)");
  CHECK(error_of(head + "99,U.S.,15-2051,12 000,1\n").find("row 2: TOT_EMP") != std::string::npos);
  CHECK(error_of(head + "99,U.S.,15-2051,-5,1\n").find("row 2: TOT_EMP") != std::string::npos);
  CHECK(error_of(head + "99,U.S.,15-2051,inf,1\n").find("row 2: TOT_EMP") != std::string::npos);
  CHECK(error_of(head + "99,U.S.,15-2051,5,1\n99,U.S.,15-20510,5,1\n") ==
        "f.csv: row 3: OCC_CODE: '15-20510' is not an SOC code (NN-NNNN)");
  CHECK(error_of(head + "99,U.S.,15-2051,5,\"1\n").find("row 2: a quoted field that never ends") != std::string::npos);
  CHECK(error_of("Area Type, Area, Standard Occupational Code, Mean Wage\n1,36,00-0000,5\n")
            .starts_with("f.csv: row 1: no OCC_CODE column: not a BLS OEWS layout"));
  CHECK(error_of("AREA,OCC_CODE,OCC_TITLE\n99,15-2051,x\n").find("no figure column") != std::string::npos);
  CHECK(error_of(head + "99,U.S.,15-2051,\xff,1\n") == "f.csv: row 2: not UTF-8 text");
  CHECK(error_of(std::string("AREA,OCC_CODE\0,A_MEAN\n", 21)).find("NUL byte") != std::string::npos);
  CHECK(error_of(head + "99,U.S.,15-2051,5,1\n", "f.csv", "").find("reference period") != std::string::npos);
  CHECK(error_of(head + "99,U.S.,15-2051,5,1\n", "x_M2024_dl.csv", "2023").find("not May 2023") != std::string::npos);
  CHECK_THROWS_AS(parse_oews(head + "99,U.S.,15-2051,5,1\n", "f.csv", "last year"), UsageError);
}

TEST_CASE("oews: bad workbooks")
{
  auto error = [](const std::string& name) {
    try {
      read_oews_file(k_dir + name);
    } catch (const Error& e) {
      CHECK(e.code() == ExitCode::data);
      return std::string(e.what()).substr(k_dir.size());
    }
    return std::string("no error");
  };
  CHECK(error("no_occ_code.xlsx") ==
        "no_occ_code.xlsx: no sheet has an OCC_CODE column in its first row: not a BLS OEWS layout (sheets: Sheet1)");
  CHECK(error("bad_number.xlsx").starts_with("bad_number.xlsx: sheet 'data' row 2: TOT_EMP: '1,55'"));
  CHECK(error("truncated.xlsx").starts_with("truncated.xlsx: not a readable workbook"));
  CHECK(error("claims_2gib.xlsx").find("refused") != std::string::npos);
}

TEST_CASE("oews: control characters in a title are neutralised")
{
  const OewsFile f = parse_oews("AREA,OCC_CODE,OCC_TITLE,A_MEAN\n99,15-2051,\"Data\x1b[31m Sci\x7f\",1\n", "x_M2030_dl.csv");
  REQUIRE(f.rows.size() == 1);
  CHECK(f.rows[0].occ_title == "Data\xEF\xBF\xBD[31m Sci\xEF\xBF\xBD");
}

TEST_CASE("oews: periods and symbols")
{
  CHECK(normalize_oews_period("2024") == "May 2024");
  CHECK(normalize_oews_period("may 2023") == "May 2023");
  CHECK(normalize_oews_period("June 2023").empty());
  CHECK(oews_mark_from_symbol("**") == OewsMark::employment_not_available);
  CHECK(std::string(oews_symbol(OewsMark::top_coded)) == "#");
}

TEST_CASE("oews: a file without OCC_CODE gets its codes from the titles of a file of the same period")
{
  const std::string national = "AREA,AREA_TITLE,OCC_CODE,OCC_TITLE,O_GROUP,A_MEDIAN\n"
                               "99,U.S.,15-2050,Data Scientists,broad,1\n"
                               "99,U.S.,15-2051,Data Scientists,detailed,1\n"
                               "99,U.S.,15-1242,Database Administrators,detailed,1\n";
  const std::string state = "AREA_TITLE,PRIM_STATE,OCC_TITLE,A_MEDIAN\nCalifornia,CA,Data Scientists,\"133,690\"\n"
                            "California,CA,Database Administrators,2\n";
  std::vector<OewsFile> files = {parse_oews(state, "state_M2023_dl.csv"), parse_oews(national, "national_M2023_dl.csv")};
  CHECK(files[0].titles_only);
  resolve_titles(files);
  CHECK(files[0].rows[0].occ_code == "15-2051"); // the detailed occupation, not the broad group
  CHECK(files[0].rows[1].occ_code == "15-1242");
  CHECK(files[0].codes_from == "national_M2023_dl.csv");

  std::vector<OewsFile> alone = {parse_oews(state, "state_M2023_dl.csv")};
  CHECK_THROWS_WITH_AS(resolve_titles(alone),
                       "state_M2023_dl.csv: row 2: the file has no OCC_CODE column, and no file of May 2023 with codes "
                       "was imported with it to match its titles to (BLS's national file of the same period)",
                       DataError);
  std::vector<OewsFile> other_year = {parse_oews(state, "state_M2023_dl.csv"), parse_oews(national, "national_M2024_dl.csv")};
  CHECK_THROWS_AS(resolve_titles(other_year), DataError);
  std::vector<OewsFile> unknown = {parse_oews("AREA_TITLE,OCC_TITLE,A_MEDIAN\nTexas,Astronauts,1\n", "s_M2023_dl.csv"),
                                   parse_oews(national, "national_M2023_dl.csv")};
  CHECK_THROWS_WITH_AS(resolve_titles(unknown),
                       "s_M2023_dl.csv: row 2: OCC_TITLE 'Astronauts' (the file has no OCC_CODE column) matches no "
                       "occupation of May 2023 in national_M2023_dl.csv",
                       DataError);
}
