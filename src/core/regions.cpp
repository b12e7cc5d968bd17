#include "core/regions.hpp"

#include "core/text.hpp"

namespace careerplan {

const std::vector<State>& us_states()
{
  static const std::vector<State> k_states = {
      {"AL", "Alabama"}, {"AK", "Alaska"}, {"AZ", "Arizona"}, {"AR", "Arkansas"}, {"CA", "California"},
      {"CO", "Colorado"}, {"CT", "Connecticut"}, {"DE", "Delaware"}, {"DC", "District of Columbia"},
      {"FL", "Florida"}, {"GA", "Georgia"}, {"HI", "Hawaii"}, {"ID", "Idaho"}, {"IL", "Illinois"},
      {"IN", "Indiana"}, {"IA", "Iowa"}, {"KS", "Kansas"}, {"KY", "Kentucky"}, {"LA", "Louisiana"},
      {"ME", "Maine"}, {"MD", "Maryland"}, {"MA", "Massachusetts"}, {"MI", "Michigan"}, {"MN", "Minnesota"},
      {"MS", "Mississippi"}, {"MO", "Missouri"}, {"MT", "Montana"}, {"NE", "Nebraska"}, {"NV", "Nevada"},
      {"NH", "New Hampshire"}, {"NJ", "New Jersey"}, {"NM", "New Mexico"}, {"NY", "New York"},
      {"NC", "North Carolina"}, {"ND", "North Dakota"}, {"OH", "Ohio"}, {"OK", "Oklahoma"}, {"OR", "Oregon"},
      {"PA", "Pennsylvania"}, {"RI", "Rhode Island"}, {"SC", "South Carolina"}, {"SD", "South Dakota"},
      {"TN", "Tennessee"}, {"TX", "Texas"}, {"UT", "Utah"}, {"VT", "Vermont"}, {"VA", "Virginia"},
      {"WA", "Washington"}, {"WV", "West Virginia"}, {"WI", "Wisconsin"}, {"WY", "Wyoming"},
      {"AS", "American Samoa"}, {"GU", "Guam"}, {"MP", "Northern Mariana Islands"}, {"PR", "Puerto Rico"},
      {"VI", "U.S. Virgin Islands"},
  };
  return k_states;
}

const State* find_state(std::string_view code_or_name)
{
  for (const auto& s : us_states()) {
    if (iequals(code_or_name, s.code) || iequals(code_or_name, s.name)) {
      return &s;
    }
  }
  return nullptr;
}

std::string state_hint(std::string_view wanted)
{
  std::vector<std::string> codes;
  for (const auto& s : us_states()) {
    codes.emplace_back(s.code);
  }
  return did_you_mean(wanted, codes);
}

std::string country_code(std::string_view code)
{
  auto letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
  if (code.size() != 2 || !letter(code[0]) || !letter(code[1])) {
    return {};
  }
  std::string out(code);
  for (auto& c : out) {
    c = static_cast<char>(c >= 'a' ? c - 'a' + 'A' : c);
  }
  return out;
}

} // namespace careerplan
