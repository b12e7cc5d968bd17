#pragma once
// US states, DC and territories by USPS code, and countries by ISO 3166-1 alpha-2 code: for
// salary figures, regional adjustments, the assessment's location, `--state` and `--country`.
#include <string>
#include <string_view>
#include <vector>

namespace careerplan {

struct State
{
  const char* code;
  const char* name;
};

const std::vector<State>& us_states();
// By USPS code or full name, case-insensitive; nullptr when unknown.
const State* find_state(std::string_view code_or_name);
// "did you mean 'AZ', 'TX'?" for an unknown state, or "".
std::string state_hint(std::string_view wanted);
// The hint for an unknown state given on the command line: state_hint, else how to write one.
std::string state_usage_hint(std::string_view wanted);
struct Country
{
  const char* code; // ISO 3166-1 alpha-2
  const char* name;
};

// The 249 ISO 3166-1 countries (from Debian's iso-codes 4.15, iso_3166-1.json), by code.
const std::vector<Country>& countries();
// By alpha-2 code or English name, case-insensitive ("UK" is taken as GB); nullptr when unknown.
const Country* find_country(std::string_view code_or_name);
// "did you mean 'DE', 'DK'?" for an unknown country, or "".
std::string country_hint(std::string_view wanted);
// The hint for an unknown country given on the command line: country_hint, else how to write one.
std::string country_usage_hint(std::string_view wanted);

} // namespace careerplan
