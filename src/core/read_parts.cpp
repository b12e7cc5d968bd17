// Readers for the parts of a role profile; see read_parts.hpp.
#include "core/read_parts.hpp"

#include <algorithm>

#include "core/regions.hpp"
#include "core/text.hpp"

namespace careerplan::detail {

void check_schema(ObjectReader& o, const char* expected)
{
  const std::string schema = o.req_str("schema");
  if (!schema.empty() && schema != expected) {
    o.ctx().add(o.path_of("schema"), fmt::format("unsupported schema '{}'; expected '{}'", schema, expected));
  }
}

std::string read_id(ObjectReader& o, std::string_view key)
{
  return o.req_id(key);
}

std::string read_source_ref(ObjectReader& o, Role::Refs* refs, std::string_view key, bool required)
{
  std::string id = required ? o.req_id(key) : o.opt_id(key);
  if (!id.empty() && refs != nullptr) {
    refs->sources.emplace_back(o.path_of(key), id);
  }
  return id;
}

std::string read_enum(ObjectReader& o, std::string_view key, const std::vector<std::string>& allowed, bool required,
                      std::string fallback)
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
  s.kind = read_kind(o, "kind", SourceKind::guide);
  s.cites = o.opt_str_list("cites");
  s.note = o.opt_str("note");
  o.finish();
  return s;
}

Basis read_basis(const json& j, const std::string& path, const ReadContext& ctx, Role::Refs& refs)
{
  ObjectReader o(ctx, j, path);
  Basis b;
  // read_enum reports an unknown kind (a data error: the role is refused, so the value kept
  // here never reaches a renderer). own_judgement: a figure the author of a personal role set by
  // their own judgement; shown as such, it names no source (none would be honest).
  b.kind = read_kind(o, "kind", BasisKind::published);
  b.source = read_source_ref(o, &refs, "source", b.kind != BasisKind::own_judgement);
  b.quote = o.opt_str("quote");
  b.derivation = o.opt_str("derivation");
  if (b.kind == BasisKind::derived && b.derivation.empty()) {
    ctx.add(o.path_of("derivation"), "a derived figure must say how it was derived");
  }
  if (b.kind == BasisKind::modelling_choice && b.quote.empty()) {
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
  out.unit = read_kind(d, "unit", DurationUnit::months);
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
  f.basis = read_kind(o, "basis", PayBasis::unspecified);
  f.scope = read_kind(o, "scope", FigureScope::national);
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
  if (f.scope == FigureScope::level && f.level.empty()) {
    ctx.add(o.path_of("level"), "a figure with scope 'level' must name its level");
  }
  if (f.scope == FigureScope::state) {
    if (f.state.empty()) {
      ctx.add(o.path_of("state"), "a figure with scope 'state' must name its state");
    } else if (find_state(f.state) == nullptr) {
      const std::string hint = state_hint(f.state);
      ctx.add(o.path_of("state"), fmt::format("'{}' is not a US state code{}", f.state, hint.empty() ? "" : "; " + hint));
    }
  }
  if (f.scope == FigureScope::region && f.region.empty()) {
    ctx.add(o.path_of("region"), "a figure with scope 'region' must name its region");
  }
  if (f.scope == FigureScope::country && f.country.empty()) {
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
  a.member_type = read_kind(o, "member_type", MemberType::us_state);
  a.members = o.opt_str_list("members");
  for (std::size_t i = 0; i < a.members.size(); ++i) {
    const std::string& m = a.members[i];
    const std::string at = o.path_of("members") + "/" + std::to_string(i);
    if (a.member_type == MemberType::us_state && find_state(m) == nullptr) {
      const std::string hint = state_hint(m);
      ctx.add(at, fmt::format("'{}' is not a US state code{}", m, hint.empty() ? "" : "; " + hint));
    } else if (a.member_type == MemberType::country && find_country(m) == nullptr) {
      const std::string hint = country_hint(m);
      ctx.add(at, fmt::format("'{}' is not an ISO 3166 country code{}", m, hint.empty() ? "" : "; " + hint));
    } else if ((a.member_type == MemberType::us_state && find_state(m)->code != m) ||
               (a.member_type == MemberType::country && find_country(m)->code != m)) {
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
  a.basis = read_kind(o, "basis", PayBasis::unspecified);
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


} // namespace careerplan::detail
