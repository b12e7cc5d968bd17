#include "core/catalog.hpp"

#include <algorithm>
#include <filesystem>
#include <set>

#include <fmt/format.h>

#include "core/embedded.hpp"
#include "core/assessment.hpp"
#include "core/regions.hpp"
#include "core/text.hpp"

namespace careerplan {

namespace fs = std::filesystem;

const SkillDef* Catalog::find_skill(const std::string& id_or_alias) const
{
  const std::string key = to_lower(id_or_alias);
  for (const auto& s : skills.skills) {
    if (s.id == key || std::find(s.aliases.begin(), s.aliases.end(), key) != s.aliases.end()) {
      return &s;
    }
  }
  return nullptr;
}

const Scale* Catalog::find_scale(const std::string& id) const
{
  for (const auto& s : skills.scales) {
    if (s.id == id) {
      return &s;
    }
  }
  return nullptr;
}

const Role* Catalog::find_role(const std::string& id_or_alias) const
{
  const std::string key = to_lower(id_or_alias);
  for (const auto& r : roles) {
    if (r.id == key || std::find(r.aliases.begin(), r.aliases.end(), key) != r.aliases.end()) {
      return &r;
    }
  }
  return nullptr;
}

std::vector<std::string> Catalog::skill_ids() const
{
  std::vector<std::string> ids;
  for (const auto& s : skills.skills) {
    ids.push_back(s.id);
  }
  return ids;
}

std::vector<std::string> Catalog::role_names() const
{
  std::vector<std::string> names;
  for (const auto& r : roles) {
    names.push_back(r.id);
    names.insert(names.end(), r.aliases.begin(), r.aliases.end());
  }
  return names;
}

const Source* Catalog::find_source(const Role* role, const std::string& id) const
{
  if (role != nullptr) {
    for (const auto& s : role->sources) {
      if (s.id == id) {
        return &s;
      }
    }
  }
  for (const auto& s : sources) {
    if (s.id == id) {
      return &s;
    }
  }
  return nullptr;
}

namespace {

void check_schema(ObjectReader& o, const char* expected)
{
  const std::string schema = o.req_str("schema");
  if (!schema.empty() && schema != expected) {
    o.ctx().add(o.path_of("schema"), fmt::format("unsupported schema '{}'; expected '{}'", schema, expected));
  }
}

std::string read_id(ObjectReader& o, std::string_view key = "id")
{
  return o.req_id(key);
}

std::string read_source_ref(ObjectReader& o, Role::Refs* refs, std::string_view key = "source", bool required = true)
{
  std::string id = required ? o.req_id(key) : o.opt_id(key);
  if (!id.empty() && refs != nullptr) {
    refs->sources.emplace_back(o.path_of(key), id);
  }
  return id;
}

std::string read_enum(ObjectReader& o, std::string_view key, const std::vector<std::string>& allowed, bool required,
                      std::string fallback = {})
{
  std::string v = required ? o.req_str(key) : o.opt_str(key, fallback);
  if (!v.empty() && std::find(allowed.begin(), allowed.end(), v) == allowed.end()) {
    o.ctx().add(o.path_of(key), fmt::format("'{}' is not one of: {}", v, join(allowed, ", ")));
    return fallback;
  }
  return v;
}

Source read_source(const json& j, const std::string& path, const ReadContext& ctx)
{
  ObjectReader o(ctx, j, path);
  Source s;
  s.id = read_id(o);
  s.title = o.req_str("title");
  s.publisher = o.req_str("publisher");
  s.date = o.req_str("date");
  s.url = o.opt_str("url");
  s.seed = o.opt_str("seed");
  s.kind = read_enum(o, "kind", {"guide", "statistics", "classification", "reference"}, true);
  s.cites = o.opt_str_list("cites");
  s.note = o.opt_str("note");
  o.finish();
  return s;
}

Basis read_basis(const json& j, const std::string& path, const ReadContext& ctx, Role::Refs& refs)
{
  ObjectReader o(ctx, j, path);
  Basis b;
  b.kind = read_enum(o, "kind", {"published", "derived", "modelling_choice"}, true);
  b.source = read_source_ref(o, &refs);
  b.quote = o.opt_str("quote");
  b.derivation = o.opt_str("derivation");
  if (b.kind == "derived" && b.derivation.empty()) {
    ctx.add(o.path_of("derivation"), "a derived figure must say how it was derived");
  }
  if (b.kind == "modelling_choice" && b.quote.empty()) {
    ctx.add(o.path_of("quote"), "a modelling choice must quote the sentence of the source it rests on");
  }
  o.finish();
  return b;
}

std::vector<Cited> read_cited_list(ObjectReader& o, std::string_view key, Role::Refs& refs)
{
  std::vector<Cited> out;
  o.array(key, false, [&](const json& e, const std::string& p) {
    ObjectReader c(o.ctx(), e, p);
    Cited item;
    item.text = c.req_str("text");
    item.source = read_source_ref(c, &refs);
    c.finish();
    out.push_back(std::move(item));
  });
  return out;
}

std::optional<Duration> read_duration(ObjectReader& o, std::string_view key)
{
  const json* v = o.get(key);
  if (v == nullptr) {
    return std::nullopt;
  }
  ObjectReader d(o.ctx(), *v, o.path_of(key));
  Duration out;
  out.min = d.req_num("min", 0, 1000);
  out.max = d.req_num("max", 0, 1000);
  out.unit = read_enum(d, "unit", {"weeks", "months", "years"}, true);
  if (out.max < out.min) {
    o.ctx().add(d.path_of("max"), "max is less than min");
  }
  d.finish();
  return out;
}

std::vector<Link> read_links(ObjectReader& o, std::string_view key, Role::Refs& refs)
{
  std::vector<Link> out;
  o.array(key, false, [&](const json& e, const std::string& p) {
    ObjectReader l(o.ctx(), e, p);
    Link link;
    link.title = l.req_str("title");
    link.role = l.opt_id("role");
    link.source = read_source_ref(l, &refs);
    l.finish();
    out.push_back(std::move(link));
  });
  return out;
}

template <typename T>
void check_unique(const std::vector<T>& items, const std::string& path, const char* what, const ReadContext& ctx)
{
  std::set<std::string> seen;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (!items[i].id.empty() && !seen.insert(items[i].id).second) {
      ctx.add(pointer_append(path, i), fmt::format("duplicate {} id '{}'", what, items[i].id));
    }
  }
}

SalaryFigure read_figure(const json& j, const std::string& path, const ReadContext& ctx, Role& role)
{
  ObjectReader o(ctx, j, path);
  SalaryFigure f;
  constexpr double k_max_pay = 1e8;
  f.id = read_id(o);
  f.label = o.req_str("label");
  f.low = o.opt_num("low", 0, k_max_pay);
  f.p10 = o.opt_num("p10", 0, k_max_pay);
  f.p25 = o.opt_num("p25", 0, k_max_pay);
  f.median = o.opt_num("median", 0, k_max_pay);
  f.mean = o.opt_num("mean", 0, k_max_pay);
  f.p75 = o.opt_num("p75", 0, k_max_pay);
  f.p90 = o.opt_num("p90", 0, k_max_pay);
  f.high = o.opt_num("high", 0, k_max_pay);
  f.value = o.opt_num("value", 0, k_max_pay);
  f.high_open = o.opt_bool("high_open");
  f.currency = o.opt_str("currency", "USD");
  if (f.currency.size() != 3 || !std::all_of(f.currency.begin(), f.currency.end(), [](char c) { return c >= 'A' && c <= 'Z'; })) {
    ctx.add(o.path_of("currency"), fmt::format("'{}' is not an ISO 4217 currency code", f.currency));
  }
  f.period = read_enum(o, "period", {"year"}, false, "year");
  f.basis = read_enum(o, "basis", {"base", "total", "unspecified"}, true);
  f.scope = read_enum(o, "scope", {"national", "level", "state", "region", "country"}, true);
  f.level = o.opt_id("level");
  if (!f.level.empty()) {
    role.refs.levels.emplace_back(o.path_of("level"), f.level);
  }
  f.state = o.opt_str("state");
  f.region = o.opt_id("region");
  f.country = o.opt_str("country");
  f.employment = o.opt_int("employment", 0, 1000000000L);
  f.vs_national_pct = o.opt_num("vs_national_pct", -100, 1000);
  f.occupation = o.opt_str("occupation");
  f.words = o.opt_str("words");
  f.year = static_cast<int>(o.opt_int("year", 1990, 2100).value_or(0));
  f.source = read_source_ref(o, &role.refs);
  f.quote = o.opt_str("quote");
  f.note = o.opt_str("note");
  o.finish();

  if (!(f.low || f.median || f.high || f.value || f.mean || f.p10 || f.p90 || !f.words.empty())) {
    ctx.add(path, "a salary figure needs a value, a band (low, median, high, percentiles) or words");
  }
  // Published order: low <= p10 <= p25 <= median <= p75 <= p90 <= high.
  const std::vector<std::pair<const char*, std::optional<double>>> order = {
      {"low", f.low}, {"p10", f.p10}, {"p25", f.p25}, {"median", f.median},
      {"p75", f.p75}, {"p90", f.p90}, {"high", f.high}};
  const char* prev_name = nullptr;
  double prev = 0;
  for (const auto& [name, v] : order) {
    if (!v) {
      continue;
    }
    if (prev_name != nullptr && *v < prev) {
      ctx.add(o.path_of(name), fmt::format("{} ({}) is below {} ({})", name, thousands(*v), prev_name, thousands(prev)));
    }
    prev_name = name;
    prev = *v;
  }
  if (f.scope == "level" && f.level.empty()) {
    ctx.add(o.path_of("level"), "a figure with scope 'level' must name its level");
  }
  if (f.scope == "state") {
    if (f.state.empty()) {
      ctx.add(o.path_of("state"), "a figure with scope 'state' must name its state");
    } else if (find_state(f.state) == nullptr) {
      const std::string hint = state_hint(f.state);
      ctx.add(o.path_of("state"), fmt::format("'{}' is not a US state code{}", f.state, hint.empty() ? "" : "; " + hint));
    }
  }
  if (f.scope == "region" && f.region.empty()) {
    ctx.add(o.path_of("region"), "a figure with scope 'region' must name its region");
  }
  if (f.scope == "country" && f.country.empty()) {
    ctx.add(o.path_of("country"), "a figure with scope 'country' must name its country");
  }
  return f;
}

Adjustment read_adjustment(const json& j, const std::string& path, const ReadContext& ctx, Role& role)
{
  ObjectReader o(ctx, j, path);
  Adjustment a;
  a.id = read_id(o);
  a.region = o.req_id("region");
  a.description = o.req_str("description");
  a.member_type = read_enum(o, "member_type", {"us_state", "country"}, true);
  a.members = o.opt_str_list("members");
  for (std::size_t i = 0; i < a.members.size(); ++i) {
    const std::string& m = a.members[i];
    const std::string at = o.path_of("members") + "/" + std::to_string(i);
    if (a.member_type == "us_state" && find_state(m) == nullptr) {
      const std::string hint = state_hint(m);
      ctx.add(at, fmt::format("'{}' is not a US state code{}", m, hint.empty() ? "" : "; " + hint));
    } else if (a.member_type == "country" && find_country(m) == nullptr) {
      const std::string hint = country_hint(m);
      ctx.add(at, fmt::format("'{}' is not an ISO 3166 country code{}", m, hint.empty() ? "" : "; " + hint));
    } else if ((a.member_type == "us_state" && find_state(m)->code != m) ||
               (a.member_type == "country" && find_country(m)->code != m)) {
      ctx.add(at, fmt::format("write the code '{}' in upper case", m));
    }
  }
  if (const json* mb = o.get("members_basis")) {
    a.members_basis = read_basis(*mb, o.path_of("members_basis"), ctx, role.refs);
  }
  a.change_low = o.req_num("change_low", -0.99, 10);
  a.change_high = o.req_num("change_high", -0.99, 10);
  if (a.change_high < a.change_low) {
    ctx.add(o.path_of("change_high"), "change_high is below change_low");
  }
  a.relative_to = o.req_id("relative_to");
  a.basis = read_enum(o, "basis", {"base", "total", "unspecified"}, true);
  a.source = read_source_ref(o, &role.refs);
  a.quote = o.req_str("quote");
  o.finish();
  return a;
}

Route read_route(const json& j, const std::string& path, const ReadContext& ctx, Role& role)
{
  ObjectReader o(ctx, j, path);
  Route r;
  r.id = read_id(o);
  r.title = o.req_str("title");
  r.from = o.opt_id_list("from");
  r.cohort = o.opt_str("cohort");
  r.steps = o.opt_str_list("steps");
  r.advice = read_cited_list(o, "advice", role.refs);
  r.pitfalls = read_cited_list(o, "pitfalls", role.refs);
  r.duration = read_duration(o, "duration");
  r.source = read_source_ref(o, &role.refs);
  r.develops = o.opt_id_list("develops");
  for (std::size_t i = 0; i < r.develops.size(); ++i) {
    role.refs.skills.emplace_back(o.path_of("develops") + "/" + std::to_string(i), r.develops[i]);
  }
  if (const json* b = o.get("develops_basis")) {
    r.develops_basis = read_basis(*b, o.path_of("develops_basis"), ctx, role.refs);
  } else if (!r.develops.empty()) {
    ctx.add(o.path_of("develops_basis"), "a route that lists the skills it develops must say on what basis");
  }
  o.finish();
  return r;
}

// A skill's id and aliases name it only: none is the id or an alias of a skill in `others` (the
// same file, or the catalog loaded before it; a skill of the same id is replaced, so it does not count).
void check_skill_names(const std::vector<SkillDef>& skills, const std::vector<SkillDef>& others, const ReadContext& ctx)
{
  auto other_name = [&](const SkillDef& self, const std::string& name) -> const SkillDef* {
    for (const auto& o : others) {
      if (o.id != self.id && (o.id == name || std::find(o.aliases.begin(), o.aliases.end(), name) != o.aliases.end())) {
        return &o;
      }
    }
    return nullptr;
  };
  for (std::size_t i = 0; i < skills.size(); ++i) {
    const SkillDef& s = skills[i];
    const std::string at = pointer_append("/skills", i);
    if (const SkillDef* o = other_name(s, s.id); o != nullptr && &others != &skills) {
      ctx.add(at + "/id", fmt::format("skill id '{}' is an alias of skill '{}'; choose another id", s.id, o->id));
    }
    for (std::size_t k = 0; k < s.aliases.size(); ++k) {
      if (const SkillDef* o = other_name(s, s.aliases[k])) {
        ctx.add(pointer_append(at + "/aliases", k), fmt::format("alias '{}' is also a name of skill '{}'", s.aliases[k], o->id));
      }
    }
  }
}

} // namespace

SkillCatalog read_skill_catalog(const json& j, const ReadContext& ctx)
{
  SkillCatalog cat;
  ObjectReader o(ctx, j, "");
  check_schema(o, k_schema_skills);
  o.array("scales", false, [&](const json& e, const std::string& p) {
    ObjectReader s(ctx, e, p);
    Scale scale;
    scale.id = read_id(s);
    scale.name = s.req_str("name");
    scale.min = static_cast<int>(s.req_int("min", -100, 100));
    scale.max = static_cast<int>(s.req_int("max", -100, 100));
    if (scale.max <= scale.min) {
      ctx.add(s.path_of("max"), "max must be greater than min");
    }
    scale.note = s.opt_str("note");
    s.array("levels", false, [&](const json& le, const std::string& lp) {
      ObjectReader l(ctx, le, lp);
      ScaleLevel level;
      level.value = static_cast<int>(l.req_int("value", scale.min, scale.max));
      level.label = l.req_str("label");
      level.descriptor = l.req_str("descriptor");
      l.finish();
      scale.levels.push_back(std::move(level));
    });
    s.finish();
    cat.scales.push_back(std::move(scale));
  });
  o.array("skills", true, [&](const json& e, const std::string& p) {
    ObjectReader s(ctx, e, p);
    SkillDef skill;
    skill.id = read_id(s);
    skill.name = s.req_str("name");
    skill.category = s.req_str("category");
    skill.description = s.req_str("description");
    skill.aliases = s.opt_id_list("aliases");
    s.finish();
    cat.skills.push_back(std::move(skill));
  });
  o.finish();
  check_unique(cat.skills, "/skills", "skill", ctx);
  check_unique(cat.scales, "/scales", "scale", ctx);
  check_skill_names(cat.skills, cat.skills, ctx);
  return cat;
}

std::vector<Source> read_sources(const json& j, const ReadContext& ctx)
{
  std::vector<Source> out;
  ObjectReader o(ctx, j, "");
  check_schema(o, k_schema_sources);
  o.array("sources", true, [&](const json& e, const std::string& p) { out.push_back(read_source(e, p, ctx)); });
  o.finish();
  check_unique(out, "/sources", "source", ctx);
  return out;
}

Role read_role(const json& j, const ReadContext& ctx)
{
  Role r;
  r.file = ctx.file;
  r.raw = j;
  ObjectReader o(ctx, j, "");
  check_schema(o, k_schema_role);
  r.id = read_id(o);
  r.title = o.req_str("title");
  r.family = o.req_str("family");
  r.aliases = o.opt_id_list("aliases");
  if (const json* s = o.get("summary")) {
    ObjectReader so(ctx, *s, o.path_of("summary"));
    r.summary = so.req_str("text");
    r.summary_source = read_source_ref(so, &r.refs);
    so.finish();
  } else {
    ctx.add(o.path_of("summary"), "required field is missing");
  }
  r.scale = o.opt_id("scale", "proficiency-0-5");
  r.levels = o.opt_id_list("levels");
  if (r.levels.empty()) {
    ctx.add(o.path_of("levels"), "a role needs at least one seniority level id");
  }
  r.primary_ladder = o.opt_id("primary_ladder");

  o.array("soc", false, [&](const json& e, const std::string& p) {
    ObjectReader s(ctx, e, p);
    SocMapping m;
    m.code = s.req_str("code");
    m.title = s.req_str("title");
    m.status = read_enum(s, "status", {"assumption", "as_published", "conflict"}, true);
    m.note = s.opt_str("note");
    m.source = read_source_ref(s, &r.refs);
    s.finish();
    r.soc.push_back(std::move(m));
  });

  o.array("skills", true, [&](const json& e, const std::string& p) {
    ObjectReader s(ctx, e, p);
    RoleSkill rs;
    rs.skill = s.req_id("skill");
    if (!rs.skill.empty()) {
      r.refs.skills.emplace_back(s.path_of("skill"), rs.skill);
    }
    rs.rank = static_cast<int>(s.opt_int("rank", 1, 1000).value_or(0));
    const auto w = s.opt_num("weight", 0, 1);
    if (!w) {
      if (s.get("weight") == nullptr) {
        ctx.add(s.path_of("weight"), "required field is missing");
      }
    } else if (*w <= 0) {
      ctx.add(s.path_of("weight"), "a weight must be greater than 0 (and at most 1)");
    } else {
      rs.weight = *w;
    }
    if (const json* b = s.get("weight_basis")) {
      rs.weight_basis = read_basis(*b, s.path_of("weight_basis"), ctx, r.refs);
    } else {
      ctx.add(s.path_of("weight_basis"), "required field is missing: every weight names its source");
    }
    s.object("required", true, [&](const std::string& level, const json& v, const std::string& lp) {
      if (!check_id(ctx, lp, level)) {
        return;
      }
      r.refs.levels.emplace_back(lp, level);
      if (!v.is_number()) {
        ctx.add(lp, fmt::format("expected a number, found {}", type_name(v)));
        return;
      }
      rs.required[level] = v.get<double>();
    });
    if (const json* b = s.get("required_basis")) {
      rs.required_basis = read_basis(*b, s.path_of("required_basis"), ctx, r.refs);
    } else {
      ctx.add(s.path_of("required_basis"), "required field is missing: every required level names its basis");
    }
    rs.named_by = s.opt_id_list("named_by");
    for (const auto& src : rs.named_by) {
      r.refs.sources.emplace_back(s.path_of("named_by"), src);
    }
    s.finish();
    r.skills.push_back(std::move(rs));
  });
  r.skills_also_named = read_cited_list(o, "skills_also_named", r.refs);

  o.array("assessment_weights", false, [&](const json& e, const std::string& p) {
    ObjectReader a(ctx, e, p);
    AssessmentWeight w;
    w.family = a.req_str("family");
    w.relevance = a.req_num("relevance", 0, 1);
    w.skills = a.opt_id_list("skills");
    for (const auto& sk : w.skills) {
      r.refs.skills.emplace_back(a.path_of("skills"), sk);
    }
    w.source = read_source_ref(a, &r.refs);
    a.finish();
    r.assessment_weights.push_back(std::move(w));
  });

  o.array("rules", false, [&](const json& e, const std::string& p) {
    ObjectReader a(ctx, e, p);
    Rule rule;
    rule.id = read_id(a);
    rule.description = a.req_str("description");
    rule.skills = a.opt_id_list("skills");
    if (rule.skills.empty()) {
      ctx.add(a.path_of("skills"), "a rule needs at least one skill");
    }
    rule.min_level = a.req_num("min_level", -100, 100);
    rule.at_least = static_cast<int>(a.req_int("at_least", 1, 1000));
    if (!rule.skills.empty() && rule.at_least > static_cast<int>(rule.skills.size())) {
      ctx.add(a.path_of("at_least"), fmt::format("at_least ({}) is more than the rule's {} skills", rule.at_least,
                                                 rule.skills.size()));
    }
    if (const json* b = a.get("basis")) {
      rule.basis = read_basis(*b, a.path_of("basis"), ctx, r.refs);
    } else {
      ctx.add(a.path_of("basis"), "required field is missing");
    }
    a.finish();
    r.rules.push_back(std::move(rule));
  });

  o.array("ladders", false, [&](const json& e, const std::string& p) {
    ObjectReader a(ctx, e, p);
    Ladder ladder;
    ladder.id = read_id(a);
    ladder.source = read_source_ref(a, &r.refs);
    if (const json* b = a.get("basis")) {
      ladder.basis = read_basis(*b, a.path_of("basis"), ctx, r.refs);
    }
    a.array("levels", true, [&](const json& le, const std::string& lp) {
      ObjectReader l(ctx, le, lp);
      LadderLevel level;
      level.level = l.req_id("level");
      if (!level.level.empty()) {
        r.refs.levels.emplace_back(l.path_of("level"), level.level);
      }
      level.title = l.req_str("title");
      level.years_min = l.opt_num("years_min", 0, 80);
      level.years_max = l.opt_num("years_max", 0, 80);
      if (level.years_min && level.years_max && *level.years_max < *level.years_min) {
        ctx.add(l.path_of("years_max"), "years_max is below years_min");
      }
      level.focus = l.opt_str("focus");
      level.pay = l.opt_str("pay");
      l.finish();
      ladder.levels.push_back(std::move(level));
    });
    a.finish();
    r.ladders.push_back(std::move(ladder));
  });

  o.array("salary", false, [&](const json& e, const std::string& p) { r.salary.push_back(read_figure(e, p, ctx, r)); });
  o.array("adjustments", false,
          [&](const json& e, const std::string& p) { r.adjustments.push_back(read_adjustment(e, p, ctx, r)); });
  r.salary_notes = read_cited_list(o, "salary_notes", r.refs);
  o.array("routes", false, [&](const json& e, const std::string& p) { r.routes.push_back(read_route(e, p, ctx, r)); });

  o.array("path", false, [&](const json& e, const std::string& p) {
    ObjectReader a(ctx, e, p);
    PathStep step;
    step.title = a.req_str("title");
    step.summary = a.opt_str("summary");
    step.duration = read_duration(a, "duration");
    step.items = a.opt_str_list("items");
    step.source = read_source_ref(a, &r.refs);
    a.finish();
    r.path.push_back(std::move(step));
  });

  o.array("certifications", false, [&](const json& e, const std::string& p) {
    ObjectReader a(ctx, e, p);
    Certification c;
    c.id = read_id(a);
    c.name = a.req_str("name");
    c.issuer = a.req_str("issuer");
    c.cost = a.opt_num("cost", 0, 1e6);
    c.currency = a.opt_str("currency", "USD");
    c.cost_source = read_source_ref(a, &r.refs, "cost_source", c.cost.has_value());
    c.skills = a.opt_id_list("skills");
    for (const auto& sk : c.skills) {
      r.refs.skills.emplace_back(a.path_of("skills"), sk);
    }
    c.named_by = a.opt_id_list("named_by");
    if (c.named_by.empty()) {
      ctx.add(a.path_of("named_by"), "a certification names at least one source");
    }
    for (const auto& src : c.named_by) {
      r.refs.sources.emplace_back(a.path_of("named_by"), src);
    }
    c.note = a.opt_str("note");
    a.finish();
    r.certifications.push_back(std::move(c));
  });

  o.array("tools", false, [&](const json& e, const std::string& p) {
    ObjectReader a(ctx, e, p);
    Tool t;
    t.name = a.req_str("name");
    t.category = a.req_str("category");
    t.note = a.opt_str("note");
    t.skills = a.opt_id_list("skills");
    for (const auto& sk : t.skills) {
      r.refs.skills.emplace_back(a.path_of("skills"), sk);
    }
    t.source = read_source_ref(a, &r.refs);
    a.finish();
    r.tools.push_back(std::move(t));
  });

  r.progressions = read_links(o, "progressions", r.refs);
  r.pivots = read_links(o, "pivots", r.refs);

  o.array("outlook", false, [&](const json& e, const std::string& p) {
    ObjectReader a(ctx, e, p);
    Outlook out;
    out.id = read_id(a);
    out.metric = read_enum(a, "metric", {"growth", "openings", "employment", "statement"}, true);
    out.value = a.opt_num("value", -1e9, 1e9);
    out.unit = a.opt_str("unit");
    out.period = a.opt_str("period");
    out.occupation = a.opt_str("occupation");
    out.text = a.opt_str("text");
    if (out.metric != "statement" && !out.value) {
      ctx.add(a.path_of("value"), fmt::format("an outlook figure of metric '{}' needs a value", out.metric));
    }
    out.source = read_source_ref(a, &r.refs);
    a.finish();
    r.outlook.push_back(std::move(out));
  });

  o.array("projects", false, [&](const json& e, const std::string& p) {
    ObjectReader a(ctx, e, p);
    Project pr;
    pr.text = a.req_str("text");
    pr.skills = a.opt_id_list("skills");
    for (const auto& sk : pr.skills) {
      r.refs.skills.emplace_back(a.path_of("skills"), sk);
    }
    pr.source = read_source_ref(a, &r.refs);
    a.finish();
    r.projects.push_back(std::move(pr));
  });
  r.interview_topics = read_cited_list(o, "interview_topics", r.refs);
  r.education = read_cited_list(o, "education", r.refs);
  r.challenges = read_cited_list(o, "challenges", r.refs);

  o.array("sources", false, [&](const json& e, const std::string& p) { r.sources.push_back(read_source(e, p, ctx)); });
  o.finish();

  check_unique(r.sources, "/sources", "source", ctx);
  check_unique(r.salary, "/salary", "salary figure", ctx);
  check_unique(r.routes, "/routes", "route", ctx);
  check_unique(r.certifications, "/certifications", "certification", ctx);
  check_unique(r.ladders, "/ladders", "ladder", ctx);
  check_unique(r.rules, "/rules", "rule", ctx);
  check_unique(r.adjustments, "/adjustments", "adjustment", ctx);
  check_unique(r.outlook, "/outlook", "outlook", ctx);
  for (std::size_t i = 0; i < r.adjustments.size(); ++i) {
    const std::string& to = r.adjustments[i].relative_to;
    const bool known = std::any_of(r.adjustments.begin(), r.adjustments.end(),
                                   [&](const Adjustment& a) { return a.region == to; });
    if (!to.empty() && !known) {
      ctx.add(pointer_append("/adjustments", i) + "/relative_to",
              fmt::format("'{}' is not the region of any adjustment of this role; the reference region must "
                          "list its members too", to));
    }
  }
  std::set<std::string> seen_skills;
  for (std::size_t i = 0; i < r.skills.size(); ++i) {
    if (!r.skills[i].skill.empty() && !seen_skills.insert(r.skills[i].skill).second) {
      ctx.add(pointer_append("/skills", i) + "/skill", fmt::format("duplicate skill '{}'", r.skills[i].skill));
    }
  }
  for (std::size_t i = 0; i < r.rules.size(); ++i) {
    for (const auto& sk : r.rules[i].skills) {
      if (!seen_skills.count(sk)) {
        ctx.add(pointer_append("/rules", i) + "/skills", fmt::format("skill '{}' is not one of the role's skills", sk));
      }
    }
  }
  if (!r.primary_ladder.empty() &&
      std::none_of(r.ladders.begin(), r.ladders.end(), [&](const Ladder& l) { return l.id == r.primary_ladder; })) {
    ctx.add("/primary_ladder", fmt::format("no ladder has id '{}'", r.primary_ladder));
  }
  return r;
}

void check_role(const Role& role, const Catalog& catalog, std::vector<Problem>& problems)
{
  const ReadContext ctx{role.file, &problems};
  std::vector<std::string> source_ids;
  for (const auto& s : role.sources) {
    source_ids.push_back(s.id);
  }
  for (const auto& s : catalog.sources) {
    source_ids.push_back(s.id);
  }
  for (const auto& [path, id] : role.refs.sources) {
    if (catalog.find_source(&role, id) == nullptr) {
      const std::string hint = did_you_mean(id, source_ids);
      ctx.add(path, fmt::format("source '{}' does not resolve to any source{}", id, hint.empty() ? "" : "; " + hint));
    }
  }
  const std::vector<std::string> skill_ids = catalog.skill_ids();
  for (const auto& [path, id] : role.refs.skills) {
    const SkillDef* def = catalog.find_skill(id);
    if (def == nullptr) {
      const std::string hint = did_you_mean(id, skill_ids);
      ctx.add(path, fmt::format("unknown skill '{}'{}", id, hint.empty() ? "" : "; " + hint));
    } else if (def->id != id) {
      ctx.add(path, fmt::format("write the skill id '{}', not its alias '{}'", def->id, id));
    }
  }
  for (const auto& [path, id] : role.refs.levels) {
    if (std::find(role.levels.begin(), role.levels.end(), id) == role.levels.end()) {
      const std::string hint = did_you_mean(id, role.levels);
      ctx.add(path, fmt::format("level '{}' is not one of the role's levels ({}){}", id, join(role.levels, ", "),
                                hint.empty() ? "" : "; " + hint));
    }
  }
  const Scale* scale = catalog.find_scale(role.scale);
  if (scale == nullptr) {
    ctx.add("/scale", fmt::format("unknown scale '{}'", role.scale));
  } else {
    for (std::size_t i = 0; i < role.skills.size(); ++i) {
      for (const auto& [level, value] : role.skills[i].required) {
        if (value < scale->min || value > scale->max) {
          ctx.add(pointer_append(pointer_append(pointer_append("/skills", i), "required"), level),
                  fmt::format("{} is outside the scale '{}' ({} to {})", plain_number(value), scale->id, scale->min,
                              scale->max));
        }
      }
    }
    for (std::size_t i = 0; i < role.rules.size(); ++i) {
      if (role.rules[i].min_level < scale->min || role.rules[i].min_level > scale->max) {
        ctx.add(pointer_append("/rules", i) + "/min_level",
                fmt::format("{} is outside the scale '{}'", plain_number(role.rules[i].min_level), scale->id));
      }
    }
  }
  // An alias must name one role only. A clash between a bundled role and a user's is the user's
  // file to change, so it is reported there, never at the bundled file.
  const auto bundled = [](const Role& r) { return r.file.rfind(k_bundled, 0) == 0; };
  for (const auto& other : catalog.roles) {
    if (other.id == role.id) {
      continue;
    }
    if (!bundled(role) && bundled(other) &&
        std::find(other.aliases.begin(), other.aliases.end(), role.id) != other.aliases.end()) {
      ctx.add("/id", fmt::format("role id '{}' is an alias of the bundled role '{}'; choose another id", role.id,
                                 other.id));
    }
    if (bundled(role) && !bundled(other)) {
      continue;
    }
    for (std::size_t i = 0; i < role.aliases.size(); ++i) {
      const auto& a = role.aliases[i];
      if (a == other.id || std::find(other.aliases.begin(), other.aliases.end(), a) != other.aliases.end()) {
        ctx.add(pointer_append("/aliases", i), fmt::format("alias '{}' is also a name of role '{}'", a, other.id));
      }
    }
  }
}

namespace {

enum class Kind { skills, sources, role, assessment, unknown };

Kind kind_of(const json& j)
{
  if (!j.is_object() || !j.contains("schema") || !j["schema"].is_string()) {
    return Kind::unknown;
  }
  const auto& s = j["schema"].get_ref<const std::string&>();
  if (s == k_schema_skills) {
    return Kind::skills;
  }
  if (s == k_schema_sources) {
    return Kind::sources;
  }
  if (s == k_schema_role) {
    return Kind::role;
  }
  if (s.rfind("careerplan/assessment/", 0) == 0) {
    return Kind::assessment;
  }
  return Kind::unknown;
}

struct Layer
{
  std::string name; // "<bundled>" or a directory
  std::vector<std::pair<std::string, std::string>> files; // (display path, text), relative names keep their folder
};

Layer bundled_layer()
{
  Layer layer{k_bundled, {}};
  for (const auto& f : embedded_files()) {
    if (f.path.rfind("examples/", 0) == 0) {
      continue;
    }
    layer.files.emplace_back(std::string(k_bundled) + "/" + std::string(f.path), std::string(f.content));
  }
  return layer;
}

Layer directory_layer(const std::string& dir, std::vector<std::string>& files_read)
{
  Layer layer{dir, {}};
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    throw IoError(fmt::format("data directory '{}' does not exist or is not a directory", dir));
  }
  auto add = [&](const fs::path& p) {
    layer.files.emplace_back(p.string(), read_file(p.string()));
    files_read.push_back(p.string());
  };
  for (const char* name : {"skills.json", "sources.json"}) {
    const fs::path p = fs::path(dir) / name;
    if (fs::exists(p, ec)) {
      add(p);
    }
  }
  const fs::path roles = fs::path(dir) / "roles";
  if (fs::is_directory(roles, ec)) {
    std::vector<fs::path> found;
    for (fs::directory_iterator it(roles, ec), end; !ec && it != end; it.increment(ec)) {
      if (it->path().extension() == ".json") {
        found.push_back(it->path());
      }
    }
    if (ec) {
      throw IoError(fmt::format("cannot list '{}': {}", roles.string(), ec.message()));
    }
    std::sort(found.begin(), found.end());
    for (const auto& p : found) {
      add(p);
    }
  }
  return layer;
}

void merge_by_id(std::vector<Source>& into, std::vector<Source> from)
{
  for (auto& s : from) {
    auto it = std::find_if(into.begin(), into.end(), [&](const Source& x) { return x.id == s.id; });
    if (it != into.end()) {
      *it = std::move(s);
    } else {
      into.push_back(std::move(s));
    }
  }
}

} // namespace

LoadReport load_catalog_report(const LoadOptions& options)
{
  LoadReport report;
  std::vector<Layer> layers;
  if (options.bundled) {
    layers.push_back(bundled_layer());
  }
  for (const auto& dir : options.data_dirs) {
    layers.push_back(directory_layer(dir, report.files));
  }
  Catalog& cat = report.catalog;
  for (const auto& layer : layers) {
    std::vector<std::string> layer_role_ids;
    for (const auto& [file, text] : layer.files) {
      const ReadContext ctx{file, &report.problems};
      const auto j = parse_json(text, file, report.problems);
      if (!j) {
        continue;
      }
      const bool in_roles_dir = fs::path(file).parent_path().filename() == "roles";
      const std::string base = fs::path(file).filename().string();
      if (in_roles_dir) {
        if (kind_of(*j) != Kind::role) {
          Role ignored = read_role(*j, ctx); // reports the schema and every other problem
          (void)ignored;
          continue;
        }
        Role role = read_role(*j, ctx);
        if (!role.id.empty() && base != role.id + ".json") {
          ctx.add("/id", fmt::format("role id '{}' does not match the file name '{}'", role.id, base));
        }
        if (std::find(layer_role_ids.begin(), layer_role_ids.end(), role.id) != layer_role_ids.end()) {
          ctx.add("/id", fmt::format("duplicate role id '{}'", role.id));
          continue;
        }
        layer_role_ids.push_back(role.id);
        auto it = std::find_if(cat.roles.begin(), cat.roles.end(), [&](const Role& x) { return x.id == role.id; });
        if (it != cat.roles.end()) {
          *it = std::move(role); // a later data directory overrides
        } else {
          cat.roles.push_back(std::move(role));
        }
      } else if (base == "skills.json") {
        SkillCatalog sk = read_skill_catalog(*j, ctx);
        check_skill_names(sk.skills, cat.skills.skills, ctx);
        for (auto& s : sk.scales) {
          auto it = std::find_if(cat.skills.scales.begin(), cat.skills.scales.end(), [&](const Scale& x) { return x.id == s.id; });
          if (it != cat.skills.scales.end()) {
            *it = std::move(s);
          } else {
            cat.skills.scales.push_back(std::move(s));
          }
        }
        for (auto& s : sk.skills) {
          auto it = std::find_if(cat.skills.skills.begin(), cat.skills.skills.end(), [&](const SkillDef& x) { return x.id == s.id; });
          if (it != cat.skills.skills.end()) {
            *it = std::move(s);
          } else {
            cat.skills.skills.push_back(std::move(s));
          }
        }
      } else if (base == "sources.json") {
        merge_by_id(cat.sources, read_sources(*j, ctx));
      }
    }
  }
  std::sort(cat.roles.begin(), cat.roles.end(), [](const Role& a, const Role& b) { return a.id < b.id; });
  for (const auto& role : cat.roles) {
    check_role(role, cat, report.problems);
  }
  return report;
}

Catalog load_catalog(const LoadOptions& options)
{
  LoadReport report = load_catalog_report(options);
  if (!report.problems.empty()) {
    throw DataError(std::move(report.problems));
  }
  return std::move(report.catalog);
}

void validate_file(const std::string& path, const Catalog& catalog, std::vector<Problem>& problems)
{
  const std::string text = read_file(path);
  const ReadContext ctx{path, &problems};
  const auto j = parse_json(text, path, problems);
  if (!j) {
    return;
  }
  switch (kind_of(*j)) {
  case Kind::skills:
    read_skill_catalog(*j, ctx);
    break;
  case Kind::sources:
    read_sources(*j, ctx);
    break;
  case Kind::role: {
    Role role = read_role(*j, ctx);
    if (problems.empty()) {
      check_role(role, catalog, problems);
    }
    break;
  }
  case Kind::assessment:
    validate_assessment_json(*j, path, catalog, problems);
    break;
  case Kind::unknown:
    ctx.add("/schema", fmt::format("not a careerplan file: expected a \"schema\" of {}, {}, {} or careerplan/assessment/v1",
                                   k_schema_role, k_schema_skills, k_schema_sources));
    break;
  }
}

const Role& resolve_role(const Catalog& catalog, const std::string& id_or_alias)
{
  if (const Role* r = catalog.find_role(id_or_alias)) {
    return *r;
  }
  std::string shown;
  for (unsigned char c : id_or_alias) {
    shown += (c < 0x20 || c == 0x7f) ? '?' : static_cast<char>(c);
  }
  const std::string hint = did_you_mean(id_or_alias, catalog.role_names());
  throw UsageError(fmt::format("unknown role '{}'", shown),
                   hint.empty() ? "run 'careerplan roles' to list the roles" : hint);
}

} // namespace careerplan
