#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "core/onet_import.hpp"
#include "core/onet_match.hpp"
#include "core/onet_profile.hpp"
#include "core/store.hpp"

namespace {

namespace fs = std::filesystem;
using careerplan::OnetProfileRating;

struct ProfileRelease
{
  fs::path dir;
  ProfileRelease()
  {
    std::string tmpl = (fs::temp_directory_path() / "careerplan-unit-profile-XXXXXX").string();
    dir = ::mkdtemp(tmpl.data());
    put("Scales Reference.txt", "Scale ID\tScale Name\tMinimum\tMaximum\nIM\tImportance\t1\t5\nLV\tLevel\t0\t7\n");
    put("Occupation Data.txt", "O*NET-SOC Code\tTitle\tDescription\n15-2041.00\tStatisticians\tDo statistics.\n"
                               "15-2051.00\tData Scientists\tDo data science.\n");
    put("Job Zones.txt", "O*NET-SOC Code\tJob Zone\n15-2041.00\t5\n");
    put("Skills.txt",
        "O*NET-SOC Code\tElement ID\tElement Name\tScale ID\tData Value\tN\tStandard Error\tRecommend Suppress\tNot Relevant\n"
        "15-2041.00\t2.A.1.e\tMathematics\tIM\t4.88\t8\t0.1250\tN\tn/a\n"
        "15-2041.00\t2.A.1.e\tMathematics\tLV\t5.38\t8\t0.1830\tN\tN\n"
        "15-2041.00\t2.B.3.e\tProgramming\tIM\t3.00\t8\t0.2673\tY\tn/a\n"
        "15-2041.00\t2.B.3.e\tProgramming\tLV\t3.12\t8\tn/a\tN\tY\n");
  }
  ~ProfileRelease() { fs::remove_all(dir); }
  void put(const std::string& name, const std::string& text) const { std::ofstream(dir / name, std::ios::binary) << text; }
};

bool same(const OnetProfileRating& a, const OnetProfileRating& b)
{
  return a.element == b.element && a.importance == b.importance && a.level == b.level && a.level_se == b.level_se &&
         a.suppress == b.suppress && a.not_relevant == b.not_relevant;
}

} // namespace

TEST_CASE("O*NET profile ratings pack into 27 bytes each and back, exactly")
{
  std::vector<OnetProfileRating> in(3);
  in[0] = {0, 4.88, 5.38, 0.183, false, false};
  in[1] = {513, 3.0, std::nullopt, std::nullopt, true, true};
  in[2] = {2, std::nullopt, 0.1 + 0.2, 1e-300, false, true};
  const std::string blob = careerplan::pack_onet_ratings(in);
  CHECK(blob.size() == 3 * 27);
  CHECK(static_cast<unsigned char>(blob[27]) == 1); // 513, little-endian
  CHECK(static_cast<unsigned char>(blob[28]) == 2);
  const auto out = careerplan::unpack_onet_ratings(blob, 514);
  REQUIRE(out);
  REQUIRE(out->size() == 3);
  for (std::size_t i = 0; i < 3; ++i) {
    CHECK(same(in[i], (*out)[i]));
  }
  CHECK_FALSE(careerplan::unpack_onet_ratings(blob, 513)); // an element index past the dictionary
  CHECK_FALSE(careerplan::unpack_onet_ratings(blob.substr(0, 30), 514)); // not whole records
  CHECK(careerplan::unpack_onet_ratings("", 0)->empty());
}

TEST_CASE("import writes the profiles; a store without them is read from the ratings, the same")
{
  ProfileRelease rel;
  careerplan::Db db = careerplan::Db::open(":memory:", true);
  careerplan::import_onet(rel.dir.string(), db, "2025-01-01T00:00:00Z");
  const auto stored = careerplan::read_onet_profiles(db);
  CHECK(stored.stored);
  REQUIRE(stored.occupations.size() == 1); // Data Scientists has no ratings here
  const auto& p = stored.occupations.front();
  CHECK(p.code == "15-2041.00");
  CHECK(p.title == "Statisticians");
  CHECK(p.job_zone == 5);
  REQUIRE(p.ratings.size() == 2);
  REQUIRE(stored.elements.size() == 2);
  CHECK(stored.elements[p.ratings[1].element].name == "Programming");
  CHECK(p.ratings[1].suppress);
  CHECK(p.ratings[1].not_relevant);
  CHECK_FALSE(p.ratings[1].level_se);

  const auto elements = careerplan::onet_elements(db);
  REQUIRE(elements.size() == 2);
  CHECK(elements[0].id == "2.A.1.e");
  CHECK(elements[1].name == "Programming");
  db.exec("DROP TABLE onet_profile; DROP TABLE onet_profile_element;");
  const auto from_ratings = careerplan::onet_elements(db);
  REQUIRE(from_ratings.size() == 2);
  for (std::size_t i = 0; i < 2; ++i) {
    CHECK(from_ratings[i].id == elements[i].id);
    CHECK(from_ratings[i].name == elements[i].name);
    CHECK(from_ratings[i].domain == elements[i].domain);
  }
  const auto built = careerplan::read_onet_profiles(db);
  CHECK_FALSE(built.stored);
  REQUIRE(built.occupations.size() == 1);
  REQUIRE(built.occupations.front().ratings.size() == 2);
  for (std::size_t i = 0; i < 2; ++i) {
    CHECK(same(built.occupations.front().ratings[i], p.ratings[i]));
  }

  // Readiness = 100 × Σ w·coverage / Σ w; Programming is left out (Recommend Suppress).
  const auto ranked = careerplan::onet_match(built, {{"2.A.1.e", 4}, {"2.B.3.e", 1}});
  REQUIRE(ranked.size() == 1);
  CHECK(*ranked[0].result.readiness == doctest::Approx(100.0 * 4 / 5.38));
  CHECK(ranked[0].result.counted_rated == 1);
  REQUIRE(ranked[0].result.elements.size() == 1);
  CHECK(ranked[0].result.elements[0].name == "Mathematics");
  CHECK(ranked[0].result.elements[0].priority == doctest::Approx(3.88 * 1.38));
}

TEST_CASE("match keeps the three top gaps a stable sort by priority, then weight, puts first")
{
  careerplan::OnetProfiles profiles;
  for (const char* id : {"a", "b", "c", "d", "e"}) {
    profiles.elements.push_back({id, id, "skill"});
  }
  careerplan::OnetProfile p;
  p.code = "15-2041.00";
  // Required levels (IM 3, weight 2): with every rating 1, priorities 2×(LV−1): 4, 6, 4, 6, 2.
  const double lv[] = {3, 4, 3, 4, 2};
  for (std::uint16_t i = 0; i < 5; ++i) {
    p.ratings.push_back({i, 3.0, lv[i], std::nullopt, false, false});
  }
  profiles.occupations.push_back(p);
  const auto ranked = careerplan::onet_match(profiles, {{"a", 1}, {"b", 1}, {"c", 1}, {"d", 1}, {"e", 1}});
  REQUIRE(ranked.front().result.elements.size() == 3);
  CHECK(ranked.front().result.elements[0].element == "b");
  CHECK(ranked.front().result.elements[1].element == "d");
  CHECK(ranked.front().result.elements[2].element == "a");
}
