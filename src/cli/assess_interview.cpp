#include "cli/assess_interview.hpp"

#include "core/role_names.hpp"

#include <cstdlib>
#include <istream>
#include <ostream>
#include <set>

#include <fmt/format.h>

#include "cli/rating_prompt.hpp"
#include "core/onet_fit.hpp"
#include "core/onet_import.hpp"
#include "core/regions.hpp"
#include "core/text.hpp"

namespace careerplan {

namespace {

std::optional<double> number(const std::string& text, double max)
{
  if (text.empty() || text.find_first_not_of("0123456789.") != std::string::npos) {
    return std::nullopt;
  }
  char* end = nullptr;
  const double v = std::strtod(text.c_str(), &end);
  if (end != text.c_str() + text.size() || v < 0 || v > max) {
    return std::nullopt;
  }
  return v;
}

// The names in "a, b ,c": each comma-separated field without its surrounding spaces; empty ones dropped.
std::vector<std::string> split_list(const std::string& text)
{
  std::vector<std::string> out;
  for (const auto& field : split(text, ',')) {
    const auto first = field.find_first_not_of(' ');
    if (first != std::string::npos) {
      out.push_back(field.substr(first, field.find_last_not_of(' ') - first + 1));
    }
  }
  return out;
}

std::string plain(std::optional<double> v)
{
  return v ? plain_number(*v) : std::string();
}

} // namespace

const Role* role_by_name(const Catalog& cat, const std::string& name)
{
  return find_role_by_name(cat, name); // an id, an alias or a title, as every command reads them
}

InterviewAnswers interview(const Assessment& shown, const Catalog& cat, std::istream& in, std::ostream& out,
                           std::size_t width)
{
  InterviewAnswers ans;
  out << "A few questions first; Enter keeps the value in brackets ('-': none yet).\n";
  if (auto v = prompt_line("Current role (a role id, alias or job title)", shown.current_role, in, out)) {
    const Role* r = role_by_name(cat, *v);
    ans.current_role = r != nullptr ? r->id : *v;
    out << (r != nullptr ? fmt::format("  saved as the role {}\n", r->id)
                         : std::string("  not a role of the catalog: saved as you typed it\n"));
  }
  for (;;) {
    auto v = prompt_line("Years of professional experience", plain(shown.years_experience), in, out);
    if (!v) {
      break;
    }
    if ((ans.years = number(*v, 80))) {
      break;
    }
    out << "  please type a number of years from 0 to 80, e.g. 6 or 6.5\n";
  }
  for (;;) {
    auto v = prompt_line("Highest completed education (high-school, associate, bachelor, master, doctorate, ...; "
                         "'?' lists all)",
                         shown.education, in, out);
    if (!v) {
      break;
    }
    if (education_category(*v) > 0) {
      ans.education = *v;
      break;
    }
    std::vector<std::string> ids;
    for (const auto& l : education_levels()) {
      ids.emplace_back(l.id);
    }
    out << "  one of: " << join(ids, ", ") << " (O*NET's Required Level of Education categories)\n";
  }
  for (;;) {
    auto v = prompt_line("Where you work: a US state (CA, Texas) or a country (GB, Germany)",
                         !shown.state.empty() ? shown.state : shown.country, in, out);
    if (!v) {
      break;
    }
    if (const State* s = find_state(*v)) {
      ans.state = s->code;
      break;
    }
    if (const Country* c = find_country(*v)) {
      ans.country = c->code;
      break;
    }
    out << "  not a US state or a country careerplan knows; try a USPS code such as CA or an ISO code such as GB\n";
  }
  for (;;) {
    auto v = prompt_line(fmt::format("Current annual pay in {}", shown.current_pay ? shown.current_pay->currency : "USD"),
                         shown.current_pay ? plain_number(shown.current_pay->amount) : "", in, out);
    if (!v) {
      break;
    }
    if ((ans.pay = number(*v, 1e8))) {
      break;
    }
    out << "  please type a plain amount, e.g. 95000\n";
  }
  // The roles whose skills to rate: the union of their skills.
  std::vector<const Role*> roles;
  for (;;) {
    const std::string target = shown.target_role;
    auto v = prompt_line("Rate the skills of which roles? (ids, aliases or titles, comma-separated; the union of "
                         "their skills is asked)",
                         target, in, out);
    std::vector<std::string> names = v ? split_list(*v) : std::vector<std::string>{target};
    roles.clear();
    std::string unknown;
    for (const auto& n : names) {
      if (n.empty()) {
        continue;
      }
      const Role* r = role_by_name(cat, n);
      if (r == nullptr) {
        unknown = n;
        break;
      }
      roles.push_back(r);
    }
    if (unknown.empty()) {
      break;
    }
    out << fmt::format("  unknown role '{}'; {}\n", printable(unknown), did_you_mean(unknown, cat.role_names()));
  }
  std::vector<RatingItem> items;
  std::set<std::string> seen;
  for (const Role* r : roles) {
    for (const auto& rs : r->skills) {
      if (!seen.insert(rs.skill).second) {
        continue;
      }
      const SkillDef* def = cat.find_skill(rs.skill);
      items.push_back({rs.skill, def != nullptr ? def->name : rs.skill, def != nullptr ? def->description : "", {}});
    }
  }
  RatingScale scale{k_rating_min, k_rating_max, "careerplan's proficiency scale", {}, "rating"};
  if (const Scale* s = cat.find_scale(k_rating_scale_id)) {
    for (const auto& lv : s->levels) {
      scale.legend.push_back(fmt::format("{} {}: {}", lv.value, lv.label, lv.descriptor));
    }
  }
  if (!items.empty()) {
    ans.ratings = prompt_items(items, shown.ratings, scale, in, out, width);
  }
  return ans;
}

} // namespace careerplan
