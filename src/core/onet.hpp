#pragma once
// Reading imported O*NET data from the store: one occupation at a time (an indexed lookup, so a
// command about one occupation never reads the others), the release in use, and search.
#include <optional>
#include <string>
#include <vector>

#include "core/model.hpp"
#include "core/store.hpp"

namespace careerplan {

inline constexpr const char* k_onet_credit =
    "O*NET data: O*NET Resource Center, U.S. Department of Labor, Employment and Training Administration "
    "(USDOL/ETA), used under the CC BY 4.0 license. careerplan has not been endorsed by USDOL/ETA.";

struct OnetRelease
{
  std::string version; // "29.3"
  std::string release; // "O*NET 29.3 Database, May 2025 Release"
  std::string imported_at; // UTC, ISO 8601
  std::string directory; // where it was imported from
  std::string store; // the store file
  long occupations = 0;
  long rated = 0; // occupations with Skills ratings

  // The source id every O*NET figure cites: "onet-29.3".
  std::string source_id() const { return "onet-" + (version.empty() ? std::string("unknown") : version); }
};

// One element's ratings for an occupation on the importance (IM, 1–5) and level (LV, 0–7) scales.
struct OnetScore
{
  double value = 0;
  std::optional<long> n;
  std::optional<double> se, lower, upper;
  bool suppress = false; // Recommend Suppress = Y: low precision, left out of what careerplan derives
};

struct OnetAnchor
{
  double value = 0;
  std::string text;
};

struct OnetRating
{
  std::string element; // "2.A.1.a"
  std::string name; // "Reading Comprehension"
  std::string domain; // "skill" or "knowledge"
  std::optional<OnetScore> importance, level;
  std::optional<bool> not_relevant; // Not Relevant = Y: the level is not relevant to the occupation
  std::string date, source;
  // O*NET's anchor nearest the required level, when Level Scale Anchors has one within one point
  // of it (none for a level that is not relevant).
  std::optional<OnetAnchor> anchor;
};

struct OnetShare
{
  int category = 0;
  std::string description;
  double percent = 0;
};

struct OnetRelated
{
  std::string code, title, tier;
  int index = 0;
};

struct OnetTechnology
{
  std::string example, commodity;
  std::optional<bool> hot, in_demand;
};

struct OnetInterest
{
  std::string element, name;
  double value = 0; // Occupational Interests (OI), 1–7
};

struct OnetJobZone
{
  int zone = 0;
  std::string name, experience, education, training, examples, svp;
};

struct Occupation
{
  std::string code, title, description, slug;
  std::optional<OnetJobZone> job_zone;
  std::vector<OnetRating> skills, knowledge; // by importance, highest first
  std::vector<OnetShare> education; // Required Level of Education (RL), by category
  std::optional<long> education_n;
  std::vector<OnetRelated> related; // by tier, then index
  std::vector<OnetTechnology> technology; // hot and in-demand first
  std::vector<OnetInterest> interests; // by score, highest first
  std::vector<std::string> alternate_titles;
};

// A curated role whose SOC anchor is an occupation's SOC code.
struct AnchoredRole
{
  std::string id, title;
  SocStatus status = SocStatus::assumption; // the mapping's
};
std::vector<AnchoredRole> anchored_roles(const Catalog& catalog, const std::string& code);

// The store's O*NET release, or nullopt when none was imported.
std::optional<OnetRelease> onet_release(Db& db);
// The code of the occupation named by a code ("15-2041.00", case-insensitive; "15-2041" when it
// names exactly one occupation) or a title slug ("statisticians"); nullopt otherwise.
std::optional<std::string> find_occupation(Db& db, const std::string& name);
Occupation load_occupation(Db& db, const std::string& code);

struct OccupationHit
{
  std::string code, title, slug;
  std::optional<int> job_zone;
  bool rated = false;
  std::string matched; // the alternate title that matched, when it was not the title
};
// Occupations whose title or an alternate title contains `text` (case-insensitive), titles first.
std::vector<OccupationHit> search_occupations(Db& db, const std::string& text);
std::vector<OccupationHit> all_occupations(Db& db);
// Codes and slugs, for "did you mean".
std::vector<std::string> occupation_names(Db& db);
// The O*NET occupations under a SOC code: "15-2051" -> 15-2051.00, 15-2051.01, 15-2051.02.
std::vector<OccupationHit> occupations_for_soc(Db& db, const std::string& soc);
// The O*NET occupations under each of the role's SOC codes, in the role's order (`show ROLE`).
struct SocOccupation
{
  std::string soc; // the role's SOC code
  OccupationHit occupation;
};
std::vector<SocOccupation> occupations_for_role(Db& db, const Role& role);

} // namespace careerplan
