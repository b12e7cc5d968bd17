#include "core/assessment.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "core/onet_fit.hpp"
#include "core/regions.hpp"
#include "core/role_names.hpp"
#include "core/text.hpp"

namespace careerplan {

Assessment read_assessment(const json& j, const ReadContext& ctx, const Catalog& catalog)
{
  Assessment a;
  a.file = ctx.file;
  ObjectReader o(ctx, j, "");
  const std::string schema = o.req_str("schema");
  if (!schema.empty() && schema != k_schema_assessment) {
    ctx.add("/schema", fmt::format("unsupported schema '{}'; expected '{}'", schema, k_schema_assessment));
  }
  a.note = o.opt_str("note");
  a.current_role = o.opt_str("current_role");
  a.target_role = o.opt_str("target_role");
  if (!a.target_role.empty()) {
    if (auto id = role_id_by_name(catalog, a.target_role)) {
      a.target_role = std::move(*id);
    } else {
      const std::string hint = did_you_mean(a.target_role, catalog.role_names());
      ctx.add("/target_role", fmt::format("unknown role '{}'{}", a.target_role, hint.empty() ? "" : "; " + hint));
    }
  }
  if (auto id = role_id_by_name(catalog, a.current_role)) {
    a.current_role = std::move(*id);
  }
  a.years_experience = o.opt_num("years_experience", 0, 80);
  a.education = o.opt_str("education");
  if (!a.education.empty() && education_category(a.education) == 0) {
    std::vector<std::string> ids;
    for (const auto& l : education_levels()) {
      ids.emplace_back(l.id);
    }
    ctx.add("/education", fmt::format("'{}' is not one of: {}", a.education, join(ids, ", ")));
  }
  if (const json* loc = o.get("location")) {
    ObjectReader l(ctx, *loc, "/location");
    a.state = l.opt_str("state");
    a.country = l.opt_str("country");
    if (!a.state.empty()) {
      if (const State* s = find_state(a.state)) {
        a.state = s->code;
      } else {
        const std::string hint = state_hint(a.state);
        ctx.add("/location/state", fmt::format("'{}' is not a US state code{}", a.state, hint.empty() ? "" : "; " + hint));
      }
    }
    if (!a.country.empty()) {
      if (const Country* c = find_country(a.country)) {
        a.country = c->code;
      } else {
        const std::string hint = country_hint(a.country);
        ctx.add("/location/country", fmt::format("'{}' is not an ISO 3166 country code{}", a.country, hint.empty() ? "" : "; " + hint));
      }
    }
    l.finish();
  }
  if (const json* pay = o.get("current_pay")) {
    ObjectReader p(ctx, *pay, "/current_pay");
    Pay value;
    value.amount = p.req_num("amount", 0, 1e8);
    value.currency = p.opt_str("currency", "USD");
    if (value.currency.size() != 3 ||
        !std::all_of(value.currency.begin(), value.currency.end(), [](char c) { return c >= 'A' && c <= 'Z'; })) {
      ctx.add("/current_pay/currency", fmt::format("'{}' is not an ISO 4217 currency code (three capital letters)",
                                                   value.currency));
    }
    const std::string basis = p.opt_str("basis", "base");
    value.basis = from_id<PayBasis>(basis);
    if (value.basis != PayBasis::base && value.basis != PayBasis::total) {
      ctx.add("/current_pay/basis", fmt::format("'{}' is not one of: base, total", basis));
    }
    p.finish();
    a.current_pay = value;
  }
  const std::vector<std::string> skill_ids = catalog.skill_ids();
  o.object("ratings", false, [&](const std::string& key, const json& v, const std::string& path) {
    const SkillDef* def = catalog.find_skill(key);
    if (def == nullptr) {
      const std::string hint = did_you_mean(key, skill_ids);
      ctx.add(path, fmt::format("unknown skill '{}'{}", key, hint.empty() ? "" : "; " + hint));
      return;
    }
    if (!v.is_number_integer()) {
      ctx.add(path, fmt::format("a rating is a whole number from {} to {}, found {}", k_rating_min, k_rating_max,
                                v.is_number() ? v.dump() : type_name(v)));
      return;
    }
    // Compared as a double and shown as written: 18446744073709551615 is not -1.
    const double d = v.get<double>();
    if (d < k_rating_min || d > k_rating_max) {
      ctx.add(path, fmt::format("rating {} is out of range ({} to {})", v.dump(), k_rating_min, k_rating_max));
      return;
    }
    const auto n = static_cast<long long>(d);
    if (!a.ratings.emplace(def->id, static_cast<int>(n)).second) {
      ctx.add(path, fmt::format("skill '{}' is rated twice (once by an alias)", def->id));
    }
  });
  a.onet_release = o.opt_str("onet_release", "");
  o.object("onet_ratings", false, [&](const std::string& key, const json& v, const std::string& path) {
    if (!is_onet_element_id(key)) {
      ctx.add(path, "an O*NET rating is keyed by the element's id, like 2.A.1.e");
      return;
    }
    if (!v.is_number_integer()) {
      ctx.add(path, fmt::format("an O*NET rating is a whole number from 0 to 7 (O*NET's level scale), found {}",
                                v.is_number() ? v.dump() : type_name(v)));
      return;
    }
    const auto n = v.get<long long>();
    if (n < 0 || n > 7) {
      ctx.add(path, fmt::format("O*NET rating {} is out of range (0 to 7)", n));
      return;
    }
    a.onet_ratings.emplace(key, static_cast<int>(n));
  });
  o.finish();
  return a;
}

bool is_onet_element_id(std::string_view s)
{
  if (s.empty() || s.size() > 20 || s[0] < '0' || s[0] > '9') {
    return false;
  }
  bool after_dot = false;
  for (std::size_t i = 1; i < s.size(); ++i) {
    const char c = s[i];
    if (c == '.') {
      if (after_dot) {
        return false;
      }
      after_dot = true;
    } else if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
      after_dot = false;
    } else {
      return false;
    }
  }
  return !after_dot;
}

void validate_assessment_json(const json& j, const std::string& file, const Catalog& catalog,
                              std::vector<Problem>& problems)
{
  const ReadContext ctx{file, &problems};
  read_assessment(j, ctx, catalog);
}

Assessment parse_assessment_text(const std::string& text, const std::string& file, const Catalog& catalog)
{
  std::vector<Problem> problems;
  const auto j = parse_json(text, file, problems);
  if (!j) {
    throw DataError(std::move(problems));
  }
  const ReadContext ctx{file, &problems};
  Assessment a = read_assessment(*j, ctx, catalog);
  if (!problems.empty()) {
    throw DataError(std::move(problems));
  }
  return a;
}

namespace {

// 3 rather than 3.0, so that a saved file reads as it was written.
nlohmann::ordered_json number(double d)
{
  if (d == static_cast<double>(static_cast<long long>(d))) {
    return static_cast<long long>(d);
  }
  return d;
}

} // namespace

nlohmann::ordered_json assessment_to_json(const Assessment& a)
{
  nlohmann::ordered_json j = {{"schema", k_schema_assessment}};
  if (!a.note.empty()) {
    j["note"] = a.note;
  }
  if (!a.current_role.empty()) {
    j["current_role"] = a.current_role;
  }
  if (!a.target_role.empty()) {
    j["target_role"] = a.target_role;
  }
  if (a.years_experience) {
    j["years_experience"] = number(*a.years_experience);
  }
  if (!a.education.empty()) {
    j["education"] = a.education;
  }
  if (!a.state.empty()) {
    j["location"] = {{"state", a.state}};
  } else if (!a.country.empty()) {
    j["location"] = {{"country", a.country}};
  }
  if (a.current_pay) {
    j["current_pay"] = {{"amount", number(a.current_pay->amount)}, {"currency", a.current_pay->currency}};
    if (a.current_pay->basis) {
      j["current_pay"]["basis"] = std::string(id_of(*a.current_pay->basis));
    }
  }
  j["ratings"] = nlohmann::ordered_json::object();
  for (const auto& [skill, rating] : a.ratings) {
    j["ratings"][skill] = rating;
  }
  if (!a.onet_ratings.empty() || !a.onet_release.empty()) {
    j["onet_release"] = a.onet_release;
    j["onet_ratings"] = nlohmann::ordered_json::object();
    for (const auto& [element, rating] : a.onet_ratings) {
      j["onet_ratings"][element] = rating;
    }
  }
  return j;
}

Assessment load_assessment(const std::string& path, const Catalog& catalog)
{
  return parse_assessment_text(read_file(path), path, catalog);
}

} // namespace careerplan
