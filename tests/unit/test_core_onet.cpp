#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "core/errors.hpp"
#include "core/onet.hpp"
#include "core/onet_import.hpp"
#include "core/store.hpp"
#include "core/tsv.hpp"

using namespace careerplan;
namespace fs = std::filesystem;

namespace {

std::string message_of(const std::string& text)
{
  try {
    TsvFile f("x.txt", text);
  } catch (const DataError& e) {
    return e.what();
  }
  return "";
}

struct TempRelease
{
  fs::path dir;
  TempRelease()
  {
    std::string tmpl = (fs::temp_directory_path() / "careerplan-unit-onet-XXXXXX").string();
    dir = ::mkdtemp(tmpl.data());
    write("Scales Reference.txt", "Scale ID\tScale Name\tMinimum\tMaximum\nIM\tImportance\t1\t5\nLV\tLevel\t0\t7\n");
    write("Occupation Data.txt", "O*NET-SOC Code\tTitle\tDescription\n15-2041.00\tStatisticians\tDo statistics.\n"
                                 "15-2051.00\tData Scientists\tDo data science.\n");
    write("Skills.txt",
          "O*NET-SOC Code\tElement ID\tElement Name\tScale ID\tData Value\tN\tStandard Error\tRecommend Suppress\tNot Relevant\n"
          "15-2041.00\t2.A.1.e\tMathematics\tIM\t4.88\t8\t0.1250\tN\tn/a\n"
          "15-2041.00\t2.A.1.e\tMathematics\tLV\t5.38\t8\t0.1830\tN\tN\n"
          "15-2041.00\t2.B.3.e\tProgramming\tIM\t3.00\t8\t0.2673\tY\tn/a\n"
          "15-2041.00\t2.B.3.e\tProgramming\tLV\t3.12\t8\t0.2950\tN\tN\n");
    write("Level Scale Anchors.txt", "Element ID\tElement Name\tScale ID\tAnchor Value\tAnchor Description\n"
                                     "2.A.1.e\tMathematics\tLV\t2\tCount change\n"
                                     "2.A.1.e\tMathematics\tLV\t6\tDevelop a model\n");
  }
  ~TempRelease() { fs::remove_all(dir); }
  void write(const std::string& name, const std::string& text) const
  {
    std::ofstream(dir / name, std::ios::binary) << text;
  }
};

} // namespace

TEST_CASE("TSV: columns by header name, BOM and CRLF accepted, blank lines skipped")
{
  TsvFile f("x.txt", "\xEF\xBB\xBF" "B\tA\r\n2\t1\r\n\r\n4\t3\r\n");
  REQUIRE(f.rows().size() == 2);
  CHECK(f.find("A") == 1);
  CHECK_FALSE(f.find("C"));
  CHECK(f.rows()[1].line == 4);
  CHECK(f.rows()[1].fields[*f.find("A")] == "3");
}

TEST_CASE("TSV: every problem names file and line")
{
  CHECK(message_of("A\tB\n1\t2\n3\n") == "x.txt:3: 1 fields where the header has 2 (a truncated or malformed row)");
  CHECK(message_of("A\nok\n\xC3\x28\n") == "x.txt:3: the text is not valid UTF-8");
  CHECK(message_of("A\n\xE0\x80\xAF\n") == "x.txt:2: the text is not valid UTF-8"); // overlong
  CHECK(message_of("") == "x.txt:1: the file is empty (a header line was expected)");
  TsvFile f("x.txt", "A\tB\n1e400\t0x10\n");
  CHECK_THROWS_WITH_AS(f.require("C"), "x.txt:1: no 'C' column in the header", DataError);
  CHECK_THROWS_WITH_AS(tsv_number(f, f.rows()[0], 0, "A"), "x.txt:2: A: '1e400' is not a number", DataError);
  CHECK_THROWS_WITH_AS(tsv_number(f, f.rows()[0], 1, "B"), "x.txt:2: B: '0x10' is not a number", DataError);
}

TEST_CASE("O*NET-SOC codes and title slugs")
{
  CHECK(is_onet_code("15-2041.00"));
  CHECK_FALSE(is_onet_code("15-2041"));
  CHECK_FALSE(is_onet_code("15-2041.0a"));
  CHECK(title_slug("Statisticians") == "statisticians");
  CHECK(title_slug("Computer & Information Research Scientists") == "computer-information-research-scientists");
  CHECK(title_slug("Nurse Practitioners (Acute)") == "nurse-practitioners-acute");
}

TEST_CASE("import and read back one occupation")
{
  TempRelease rel;
  Db db = Db::open(":memory:", true);
  std::vector<std::string> read;
  const auto report = import_onet(rel.dir.string(), db, "2025-01-01T00:00:00Z",
                                  [&](const std::string& f) { read.push_back(f); });
  CHECK(report.occupations == 2);
  CHECK(report.rated_occupations == 1);
  CHECK(report.version.empty()); // no Read Me.txt
  CHECK(std::find(report.missing.begin(), report.missing.end(), "Read Me.txt") != report.missing.end());
  CHECK(read.front() == "Scales Reference.txt");

  const auto release = onet_release(db);
  REQUIRE(release);
  CHECK(release->source_id() == "onet-unknown");
  CHECK(release->rated == 1);
  CHECK(find_occupation(db, "STATISTICIANS") == "15-2041.00");
  CHECK(find_occupation(db, "15-2051") == "15-2051.00");
  CHECK_FALSE(find_occupation(db, "15-20"));

  const Occupation occ = load_occupation(db, "15-2041.00");
  REQUIRE(occ.skills.size() == 2);
  CHECK(occ.skills[0].name == "Mathematics"); // by importance
  CHECK(occ.skills[0].level->value == doctest::Approx(5.38));
  CHECK(occ.skills[0].anchor->text == "Develop a model"); // 6 is nearer 5.38 than 2
  CHECK_FALSE(occ.skills[1].anchor); // Programming has no anchors here
  CHECK(occ.skills[1].importance->suppress);
  CHECK(occ.skills[1].not_relevant == false);
  CHECK(load_occupation(db, "15-2051.00").skills.empty());
}

TEST_CASE("a failed import leaves the previous one")
{
  TempRelease rel;
  Db db = Db::open(":memory:", true);
  import_onet(rel.dir.string(), db, "first");
  rel.write("Skills.txt", "O*NET-SOC Code\tElement ID\tElement Name\tScale ID\tData Value\n"
                          "15-2041.00\t2.A.1.e\tMathematics\tLV\t7.5\n");
  CHECK_THROWS_WITH_AS(import_onet(rel.dir.string(), db, "second"),
                       doctest::Contains("Data Value 7.5 is outside the LV scale's range 0–7"), DataError);
  CHECK(onet_release(db)->imported_at == "first");
  CHECK(load_occupation(db, "15-2041.00").skills.size() == 2);
}
