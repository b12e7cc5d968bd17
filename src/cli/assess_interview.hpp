#pragma once
// The interactive `assess` on a terminal: the user's current role, years, location and pay, the
// roles whose skills to rate (the union of their skills, so that `match` compares every role
// on rated skills), then one prompt per skill (cli/rating_prompt.hpp).
#include <iosfwd>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/assessment.hpp"
#include "core/model.hpp"

namespace careerplan {

struct InterviewAnswers
{
  std::string current_role; // a role id when it names one (id, alias or title), else the text typed
  std::optional<double> years;
  std::string education; // an id of core/onet_fit.hpp
  std::string state, country;
  std::optional<double> pay;
  std::map<std::string, int> ratings;
};

// A role named by its id, an alias or its title (case-insensitive); nullptr otherwise.
const Role* role_by_name(const Catalog& cat, const std::string& name);

InterviewAnswers interview(const Assessment& shown, const Catalog& cat, std::istream& in, std::ostream& out,
                           std::size_t width);

} // namespace careerplan
