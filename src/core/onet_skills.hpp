#pragma once
// O*NET's skill and knowledge elements with their descriptions, for `careerplan skills` once
// O*NET is imported (an assessment rates one as onet:NAME or by its element id).
#include <string>
#include <vector>

#include "core/store.hpp"

namespace careerplan {

struct OnetSkillInfo
{
  std::string id;     // "2.A.1.e"
  std::string key;    // "onet:mathematics": how an assessment names it
  std::string name;
  std::string domain; // "skill" or "knowledge"
  std::string description;
};

// Every skill and knowledge element the imported release rates, skills first, in O*NET's order.
std::vector<OnetSkillInfo> onet_skill_list(Db& db);

} // namespace careerplan
