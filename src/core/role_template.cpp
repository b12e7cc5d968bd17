#include "core/role_template.hpp"

#include <algorithm>
#include <cmath>

namespace careerplan {

bool is_role_id(const std::string& id)
{
  if (id.empty() || id.size() > 64 || id[0] < 'a' || id[0] > 'z') {
    return false;
  }
  return std::all_of(id.begin(), id.end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; });
}

std::string title_from_id(const std::string& id)
{
  std::string out;
  bool start = true;
  for (const char c : id) {
    if (c == '-') {
      out += ' ';
      start = true;
      continue;
    }
    out += start && c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
    start = false;
  }
  return out;
}

nlohmann::ordered_json starter_role(const RoleTemplate& t)
{
  const nlohmann::ordered_json own = {{"kind", "own_judgement"}};
  nlohmann::ordered_json skills = nlohmann::ordered_json::array();
  const double n = static_cast<double>(std::max<std::size_t>(t.skills.size(), 1));
  for (std::size_t i = 0; i < t.skills.size(); ++i) {
    nlohmann::ordered_json required = nlohmann::ordered_json::object();
    for (std::size_t l = 0; l < t.levels.size(); ++l) {
      required[t.levels[l]] = std::min<int>(2 + static_cast<int>(l), 5);
    }
    // Equal weights, rounded to three decimals; the last takes what is left so they sum to 1.
    double weight = std::round(1000.0 / n) / 1000.0;
    if (i + 1 == t.skills.size()) {
      weight = std::round((1.0 - weight * (n - 1)) * 1000.0) / 1000.0;
    }
    skills.push_back({{"skill", t.skills[i]},
                      {"weight", weight},
                      {"weight_basis", own},
                      {"required", required},
                      {"required_basis", own}});
  }
  return {
      {"schema", "careerplan/role/v1"},
      {"id", t.id},
      {"title", t.title.empty() ? title_from_id(t.id) : t.title},
      {"family", "personal"},
      {"aliases", nlohmann::ordered_json::array()},
      {"summary",
       {{"text", "A role I am aiming at, described in my own words: replace this with what the role is."},
        {"source", "own-judgement"}}},
      {"levels", t.levels},
      {"skills", skills},
      {"sources",
       {{{"id", "own-judgement"},
         {"title", "My own judgement"},
         {"publisher", "the author of this file"},
         {"date", t.date},
         {"kind", "own_judgement"},
         {"note", "Figures resting on it are the author's own judgement, not published figures."}}}},
  };
}

} // namespace careerplan
