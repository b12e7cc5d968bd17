#pragma once
// What `assess --onet` shows for each O*NET element: its description (Content Model Reference)
// and its level anchors (Level Scale Anchors, scale LV), in O*NET's order.
#include <string>
#include <utility>
#include <vector>

#include "core/store.hpp"

namespace careerplan {

struct OnetElementHelp
{
  std::string id, name, domain, description;
  std::vector<std::pair<double, std::string>> anchors; // LV value -> O*NET's example
};

// The release's skills (and its knowledge areas when `knowledge`), skills first.
std::vector<OnetElementHelp> onet_element_help(Db& db, bool knowledge);

} // namespace careerplan
