#pragma once
// What an O*NET occupation asks beyond skills, beside what the user has: its typical related
// work experience against the user's years, and its national median wage.
//
// Typical experience is careerplan's comparison on O*NET's figures, not O*NET's: O*NET's
// Education, Training, and Experience file gives, per occupation, the share of respondents in
// each Related Work Experience category (element 3.A.1, scale RW: "None", "Up to and including
// 1 month", ..., "Over 2 years, up to and including 4 years", ..., "Over 10 years"). The typical
// category is the one with the largest share (the first of equals); its years are read from
// its O*NET description. The user's years are "below" when fewer than its lower bound, "above"
// when more than its upper bound, "within" otherwise.
//
// The national median is BLS OEWS's annual median (A_MEDIAN; hourly x 2,080 where BLS publishes
// only hourly wages) of the occupation's SOC code (the O*NET-SOC code's first 7 characters) in
// the newest imported national period. A median BLS top-codes (#) is known only as "at least
// the top code".
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/store.hpp"

namespace careerplan {

struct TypicalExperience
{
  int category = 0; // O*NET's RW category (1-11)
  std::string description; // O*NET's words
  double percent = 0; // the share of respondents in it
  double min_years = 0;
  std::optional<double> max_years; // nullopt: open-ended ("Over 10 years")
};

// The year bounds of an RW category, from its O*NET description; nullopt for an unknown category.
std::optional<std::pair<double, std::optional<double>>> rw_years(int category);
// "2-4 y", "none", "over 10 y", "0-1 mo" ...
std::string years_range_text(const TypicalExperience& t);
// "below", "within" or "above".
std::string experience_fit(double years, const TypicalExperience& t);

// Every occupation's typical related work experience (one query), by O*NET-SOC code.
std::map<std::string, TypicalExperience> typical_experience(Db& db);
// The typical experience of one occupation; nullopt when the release has no RW rows for it.
std::optional<TypicalExperience> typical_experience(Db& db, const std::string& code);

// The user's education on O*NET's Required Level of Education categories (2.D.1, RL), by a
// readable id: "less-than-high-school" (1), "high-school" (2), "post-secondary-certificate" (3),
// "some-college" (4), "associate" (5), "bachelor" (6), "post-baccalaureate-certificate" (7),
// "master" (8), "post-master-certificate" (9), "first-professional" (10), "doctorate" (11),
// "post-doctoral" (12). The typical education of an occupation is the RL category with the
// largest share of respondents; the user's is "below" it when its category is lower, "at" or
// "above" otherwise (careerplan's comparison: O*NET's categories are ordered, not a scale).
struct EducationLevel
{
  int category;
  const char* id;
};
const std::vector<EducationLevel>& education_levels();
// The category of an id; 0 when unknown.
int education_category(const std::string& id);

struct TypicalEducation
{
  int category = 0;
  std::string description;
  double percent = 0;
};
std::map<std::string, TypicalEducation> typical_education(Db& db);
// "below", "at" or "above".
std::string education_fit(int category, const TypicalEducation& t);

struct NationalMedian
{
  std::optional<double> value; // annual, USD
  bool top_coded = false; // BLS marks the median '#': at or above `value` (the period's top code)
  bool derived = false; // hourly x 2,080
  std::string period; // "May 2024"
};
// Every SOC code's national median in the newest imported national OEWS period; empty without an
// OEWS import.
std::map<std::string, NationalMedian> national_medians(Db& db);
// The SOC code ("15-2051") of an O*NET-SOC code ("15-2051.01").
std::string soc_of(const std::string& onet_code);

} // namespace careerplan
