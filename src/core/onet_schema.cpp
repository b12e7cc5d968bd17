// The O*NET tables of the store, created anew by each import (inside its transaction). onet_profile
// and onet_profile_element are what `match` reads (core/onet_profile.hpp).
#include "core/onet_import.hpp"

namespace careerplan {

namespace {

const char* const k_schema = R"sql(
DROP TABLE IF EXISTS onet_meta;
DROP TABLE IF EXISTS onet_occupation;
DROP TABLE IF EXISTS onet_element;
DROP TABLE IF EXISTS onet_scale;
DROP TABLE IF EXISTS onet_rating;
DROP TABLE IF EXISTS onet_anchor;
DROP TABLE IF EXISTS onet_job_zone;
DROP TABLE IF EXISTS onet_education;
DROP TABLE IF EXISTS onet_education_category;
DROP TABLE IF EXISTS onet_related;
DROP TABLE IF EXISTS onet_technology;
DROP TABLE IF EXISTS onet_alt_title;
DROP TABLE IF EXISTS onet_interest;
DROP TABLE IF EXISTS onet_profile;
DROP TABLE IF EXISTS onet_profile_element;
CREATE TABLE onet_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE onet_occupation (code TEXT PRIMARY KEY, title TEXT NOT NULL, description TEXT NOT NULL,
  slug TEXT NOT NULL UNIQUE, job_zone INTEGER, job_zone_date TEXT, line INTEGER NOT NULL);
CREATE TABLE onet_element (id TEXT PRIMARY KEY, name TEXT NOT NULL, description TEXT NOT NULL);
CREATE TABLE onet_scale (id TEXT PRIMARY KEY, name TEXT NOT NULL, min REAL NOT NULL, max REAL NOT NULL);
CREATE TABLE onet_rating (code TEXT NOT NULL, domain TEXT NOT NULL, element TEXT NOT NULL, name TEXT NOT NULL,
  scale TEXT NOT NULL, value REAL NOT NULL, n INTEGER, se REAL, lower REAL, upper REAL, suppress INTEGER,
  not_relevant INTEGER, date TEXT, source TEXT, PRIMARY KEY (code, element, scale)) WITHOUT ROWID;
CREATE TABLE onet_anchor (element TEXT NOT NULL, scale TEXT NOT NULL, value REAL NOT NULL, text TEXT NOT NULL);
CREATE INDEX onet_anchor_element ON onet_anchor (element);
CREATE TABLE onet_job_zone (zone INTEGER PRIMARY KEY, name TEXT, experience TEXT, education TEXT,
  training TEXT, examples TEXT, svp TEXT);
CREATE TABLE onet_education (code TEXT NOT NULL, element TEXT NOT NULL, scale TEXT NOT NULL,
  category INTEGER NOT NULL, value REAL NOT NULL, n INTEGER, suppress INTEGER, date TEXT, source TEXT,
  PRIMARY KEY (code, element, scale, category)) WITHOUT ROWID;
CREATE TABLE onet_education_category (element TEXT NOT NULL, scale TEXT NOT NULL, category INTEGER NOT NULL,
  description TEXT NOT NULL, PRIMARY KEY (element, scale, category)) WITHOUT ROWID;
CREATE TABLE onet_related (code TEXT NOT NULL, related TEXT NOT NULL, tier TEXT NOT NULL, idx INTEGER NOT NULL);
CREATE INDEX onet_related_code ON onet_related (code);
CREATE TABLE onet_technology (code TEXT NOT NULL, example TEXT NOT NULL, commodity_code TEXT,
  commodity_title TEXT, hot INTEGER, in_demand INTEGER);
CREATE INDEX onet_technology_code ON onet_technology (code);
CREATE TABLE onet_alt_title (code TEXT NOT NULL, title TEXT NOT NULL, short_title TEXT);
CREATE INDEX onet_alt_title_code ON onet_alt_title (code);
CREATE TABLE onet_interest (code TEXT NOT NULL, element TEXT NOT NULL, name TEXT NOT NULL, scale TEXT NOT NULL,
  value REAL NOT NULL);
CREATE INDEX onet_interest_code ON onet_interest (code);
CREATE TABLE onet_profile_element (idx INTEGER PRIMARY KEY, element TEXT NOT NULL, name TEXT NOT NULL,
  domain TEXT NOT NULL);
CREATE TABLE onet_profile (code TEXT PRIMARY KEY, title TEXT NOT NULL, job_zone INTEGER, ratings BLOB NOT NULL,
  exp_category INTEGER, exp_percent REAL, exp_description TEXT, edu_category INTEGER, edu_percent REAL,
  edu_description TEXT);
)sql";

} // namespace

const char* onet_schema_sql()
{
  return k_schema;
}

bool is_onet_code(std::string_view s)
{
  auto digits = [&](std::size_t from, std::size_t n) {
    for (std::size_t i = from; i < from + n; ++i) {
      if (s[i] < '0' || s[i] > '9') {
        return false;
      }
    }
    return true;
  };
  return s.size() == 10 && digits(0, 2) && s[2] == '-' && digits(3, 4) && s[7] == '.' && digits(8, 2);
}

std::string title_slug(std::string_view title)
{
  std::string out;
  for (char ch : title) {
    const auto c = static_cast<unsigned char>(ch);
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      out += static_cast<char>(c);
    } else if (c >= 'A' && c <= 'Z') {
      out += static_cast<char>(c - 'A' + 'a');
    } else if (!out.empty() && out.back() != '-') {
      out += '-';
    }
  }
  while (!out.empty() && out.back() == '-') {
    out.pop_back();
  }
  return out;
}

} // namespace careerplan
