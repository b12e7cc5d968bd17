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

} // namespace careerplan
