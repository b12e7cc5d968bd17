#pragma once
// `new-role ID`: the starting file of a personal role. Every figure in it rests on the author's
// own judgement (basis kind own_judgement), so it needs no invented source, and it says so.
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace careerplan {

struct RoleTemplate
{
  std::string id;                  // a role id: lower case letters, digits and hyphens
  std::string title;               // default: the id's words, capitalised
  std::vector<std::string> skills; // skill ids of the catalog
  std::vector<std::string> levels = {"entry", "mid", "senior"};
  std::string date;                // today, ISO 8601
};

// True when `id` is a valid role id (^[a-z][a-z0-9-]{0,63}$).
bool is_role_id(const std::string& id);
// "data-platform-lead" -> "Data Platform Lead".
std::string title_from_id(const std::string& id);
// A careerplan/role/v1 document that validates: the skills at weights that sum to 1, required
// levels rising with seniority from 2, every basis own_judgement, and the summary citing the
// role's one source, "own-judgement" (kind own_judgement).
nlohmann::ordered_json starter_role(const RoleTemplate& t); // keys in the order a person reads them

} // namespace careerplan
