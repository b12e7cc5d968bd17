#include "core/onet_elements.hpp"

#include "core/onet_match.hpp"

namespace careerplan {

std::vector<OnetElementHelp> onet_element_help(Db& db, bool knowledge)
{
  std::vector<OnetElementHelp> out;
  for (const auto& e : onet_elements(db)) {
    if (e.domain != "skill" && !knowledge) {
      continue;
    }
    OnetElementHelp h{e.id, e.name, e.domain, "", {}};
    if (db.has_table("onet_element")) {
      Stmt s(db, "SELECT description FROM onet_element WHERE id = ?");
      s.bind(1, e.id);
      if (s.step()) {
        h.description = s.text(0);
      }
    }
    Stmt a(db, "SELECT value, text FROM onet_anchor WHERE element = ? AND scale = 'LV' ORDER BY value");
    a.bind(1, e.id);
    while (a.step()) {
      h.anchors.emplace_back(a.real(0), a.text(1));
    }
    out.push_back(std::move(h));
  }
  return out;
}

} // namespace careerplan
