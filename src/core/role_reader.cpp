// Reading the three kinds of catalog document (skills, shared sources, a role profile) into
// plain structs, with every problem a single file can have.
#include <algorithm>
#include <set>
#include <unordered_set>

#include <fmt/format.h>

#include "core/catalog.hpp"
#include "core/read_parts.hpp"
#include "core/text.hpp"

namespace careerplan {

using namespace detail;

// A skill's id and aliases name it only: none is the id or an alias of a skill in `others` (the
// same file, or the catalog loaded before it; a skill of the same id is replaced, so it does not count).
void detail::check_skill_names(const std::vector<SkillDef>& skills, const std::vector<SkillDef>& others,
                                const ReadContext& ctx)
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

namespace {

// Whether the profile gives that part (then it cannot be listed as absent).
bool has_part(const Role& r, RolePart part)
{
  switch (part) {
  case RolePart::education:
    return !r.education.empty();
  case RolePart::routes:
    return !r.routes.empty();
  case RolePart::certifications:
    return !r.certifications.empty();
  case RolePart::tools:
    return !r.tools.empty();
  case RolePart::projects:
    return !r.projects.empty();
  case RolePart::salary:
    return !r.salary.empty();
  case RolePart::outlook:
    return !r.outlook.empty();
  }
  return false;
}

} // namespace

Role read_role(const json& j, const ReadContext& ctx)
{
  Role r;
  r.file = ctx.file;
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
  r.scale = o.opt_id("scale", k_rating_scale_id);
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
    m.status = read_kind(s, "status", SocStatus::assumption);
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
    // What this role expects of the skill, in its sources' words (each names a source).
    rs.expects = read_cited_list(s, "expects", r.refs);
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
    out.metric = read_kind(a, "metric", OutlookMetric::statement);
    out.value = a.opt_num("value", -1e9, 1e9);
    out.unit = a.opt_str("unit");
    out.period = a.opt_str("period");
    out.occupation = a.opt_str("occupation");
    out.text = a.opt_str("text");
    if (out.metric != OutlookMetric::statement && !out.value) {
      ctx.add(a.path_of("value"), fmt::format("an outlook figure of metric '{}' needs a value", id_of(out.metric)));
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
  std::vector<bool> part_known; // per absent entry: its part is one careerplan knows
  o.array("absent", false, [&](const json& e, const std::string& p) {
    ObjectReader a(ctx, e, p);
    Role::Absent ab;
    const std::size_t before = ctx.problems->size();
    ab.part = read_kind(a, "part", RolePart::education);
    part_known.push_back(ctx.problems->size() == before);
    ab.note = a.req_str("note");
    a.finish();
    r.absent.push_back(std::move(ab));
  });

  o.array("sources", false, [&](const json& e, const std::string& p) { r.sources.push_back(read_source(e, p, ctx)); });
  o.finish();

  for (std::size_t i = 0; i < r.absent.size(); ++i) {
    if (part_known[i] && has_part(r, r.absent[i].part)) {
      ctx.add(pointer_append("/absent", i) + "/part",
              fmt::format("the profile has {}: a part it gives is not absent", id_of(r.absent[i].part)));
    }
  }
  check_unique(r.sources, "/sources", "source", ctx);
  check_unique(r.salary, "/salary", "salary figure", ctx);
  check_unique(r.routes, "/routes", "route", ctx);
  check_unique(r.certifications, "/certifications", "certification", ctx);
  check_unique(r.ladders, "/ladders", "ladder", ctx);
  check_unique(r.rules, "/rules", "rule", ctx);
  check_unique(r.adjustments, "/adjustments", "adjustment", ctx);
  check_unique(r.outlook, "/outlook", "outlook", ctx);
  std::unordered_set<std::string_view> regions;
  for (const auto& a : r.adjustments) {
    regions.insert(a.region);
  }
  for (std::size_t i = 0; i < r.adjustments.size(); ++i) {
    const std::string& to = r.adjustments[i].relative_to;
    if (!to.empty() && regions.count(to) == 0) {
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

} // namespace careerplan
