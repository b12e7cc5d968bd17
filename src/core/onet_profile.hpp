#pragma once
// What `match` needs of every O*NET occupation, in one row per occupation (table onet_profile,
// written by `import onet` in the transaction that writes the ratings): its title and job zone,
// its skill and knowledge ratings packed in a blob (importance, level, the level's standard
// error, O*NET's Recommend Suppress and Not Relevant flags), its typical related work experience
// and its typical education (core/onet_fit.hpp). Reading ~900 rows instead of stepping ~120,000
// rating rows is what makes `match` over every occupation fast; the rows in onet_rating stay the
// reference (show, gap OCC and the sqlite3 shell read them).
//
// A store imported by a careerplan older than this table has no onet_profile: the profiles are
// then built from onet_rating as the import builds them (same figures, slower), and `match`
// warns that re-running 'careerplan import onet DIR' makes it fast.
//
// The blob: one 27-byte record per element, in element id order: the element's index in
// onet_profile_element (2 bytes, little-endian), flags (1 byte: 1 importance given, 2 level
// given, 4 standard error given, 8 Recommend Suppress on either scale, 16 Not Relevant), then
// importance, level and standard error as IEEE 754 doubles (8 bytes each, little-endian; 0
// when not given).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/onet_fit.hpp"
#include "core/store.hpp"

namespace careerplan {

struct OnetProfileRating
{
  std::uint16_t element = 0; // index into OnetProfiles::elements
  std::optional<double> importance, level, level_se;
  bool suppress = false; // Recommend Suppress = Y on the importance or the level
  bool not_relevant = false; // Not Relevant = Y on the level
};

struct OnetProfile
{
  std::string code, title;
  std::optional<int> job_zone;
  std::vector<OnetProfileRating> ratings; // by element id
  std::optional<TypicalExperience> experience;
  std::optional<TypicalEducation> education;
};

struct OnetProfileElement
{
  std::string id, name, domain; // domain: "skill" or "knowledge"
};

struct OnetProfiles
{
  std::vector<OnetProfileElement> elements; // every element the release rates
  std::vector<OnetProfile> occupations; // every occupation with ratings, by code
  bool stored = false; // read from onet_profile; false: built from onet_rating (an older import)
};

// The profiles from the store's rating, occupation and education tables (what the import writes).
OnetProfiles build_onet_profiles(Db& db);
// Writes onet_profile and onet_profile_element (created by onet_schema_sql(), empty).
void write_onet_profiles(Db& db, const OnetProfiles& profiles);
// The stored profiles; built from the ratings when the store predates onet_profile.
OnetProfiles read_onet_profiles(Db& db);

// The blob of one occupation's ratings, and back. unpack_onet_ratings returns nullopt for a blob
// that is not a whole number of records or names an element index at or above `elements`.
std::string pack_onet_ratings(const std::vector<OnetProfileRating>& ratings);
std::optional<std::vector<OnetProfileRating>> unpack_onet_ratings(std::string_view blob, std::size_t elements);

} // namespace careerplan
