#pragma once
// US states, DC and territories by USPS code, for salary figures and `--state`.
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
// An ISO 3166-1 alpha-2 shape (two letters), upper-cased; "" when it is not one.
std::string country_code(std::string_view code);

} // namespace careerplan
