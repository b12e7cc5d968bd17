#include "core/onet_skills.hpp"

#include <map>

#include "core/onet_match.hpp"
#include "core/onet_import.hpp"

namespace careerplan {

std::vector<OnetSkillInfo> onet_skill_list(Db& db)
{
  std::map<std::string, std::string> descriptions;
  Stmt s(db, "SELECT id, description FROM onet_element");
  while (s.step()) {
    descriptions[s.text(0)] = s.text(1);
  }
  std::vector<OnetSkillInfo> out;
  for (const auto& e : onet_elements(db)) {
    const auto it = descriptions.find(e.id);
    out.push_back({e.id, "onet:" + title_slug(e.name), e.name, e.domain, it == descriptions.end() ? "" : it->second});
  }
  return out;
}

} // namespace careerplan
