#include "core/salary.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include <fmt/format.h>

#include "core/errors.hpp"
#include "core/regions.hpp"
#include "core/role_digest.hpp"
#include "core/text.hpp"

namespace careerplan {

namespace {

std::string usd(double v)
{
  return "$" + thousands(v);
}

// "25–35% lower" for -0.35..-0.25.
std::string change_text(double lo, double hi)
{
  auto n = [](double f) { return plain_number(std::round(std::abs(f) * 1000) / 10); };
  if (hi <= 0) {
    return lo == hi ? n(lo) + "% lower" : fmt::format("{}–{}% lower", n(hi), n(lo));
  }
  if (lo >= 0) {
    return lo == hi ? n(lo) + "% higher" : fmt::format("{}–{}% higher", n(lo), n(hi));
  }
  return fmt::format("{}% lower to {}% higher", n(lo), n(hi));
}

// The single figure a comparison or an estimate starts from: the value, else the median.
std::optional<double> point_of(const SalaryFigure& f)
{
  return f.value ? f.value : f.median;
}

bool member_of(const Adjustment& a, const Place& place)
{
  if ((place.kind == Place::Kind::state && a.member_type == MemberType::us_state) ||
      (place.kind == Place::Kind::country && a.member_type == MemberType::country)) {
    return std::find(a.members.begin(), a.members.end(), place.code) != a.members.end();
  }
  return false;
}

// The published figures for the members of `region` (the states or countries of the role's
// adjustment for that region, or figures published for the region itself).
std::vector<const SalaryFigure*> region_figures(const Role& role, const std::string& region)
{
  std::vector<const SalaryFigure*> out;
  const Adjustment* adj = nullptr;
  for (const auto& a : role.adjustments) {
    if (a.region == region) {
      adj = &a;
    }
  }
  for (const auto& f : role.salary) {
    const bool in_region = f.scope == FigureScope::region && f.region == region;
    const bool member = adj != nullptr &&
                        ((f.scope == FigureScope::state && adj->member_type == MemberType::us_state &&
                          std::find(adj->members.begin(), adj->members.end(), f.state) != adj->members.end()) ||
                         (f.scope == FigureScope::country && adj->member_type == MemberType::country &&
                          std::find(adj->members.begin(), adj->members.end(), f.country) != adj->members.end()));
    if (in_region || member) {
      out.push_back(&f);
    }
  }
  return out;
}

std::optional<NationalComparison> compare_with_national(const Role& role, const SalaryFigure& f)
{
  const auto own = point_of(f);
  if (!own) {
    return std::nullopt;
  }
  for (const auto& n : role.salary) {
    if (n.scope == FigureScope::national && n.source == f.source && point_of(n) && *point_of(n) > 0) {
      NationalComparison c;
      c.figure = n.id;
      c.national = *point_of(n);
      c.difference = *own - c.national;
      c.difference_pct = 100.0 * c.difference / c.national;
      c.published_pct = f.vs_national_pct;
      return c;
    }
  }
  return std::nullopt;
}

std::string place_text(const Place& p)
{
  if (p.kind == Place::Kind::region) {
    return p.code;
  }
  return fmt::format("{} ({})", p.name, p.code);
}

// One estimate per source of reference figures for the adjustment's reference region.
std::vector<Band> estimates(const Role& role, const Adjustment& adj, const Place& place)
{
  std::map<std::string, std::vector<const SalaryFigure*>> by_source;
  std::vector<std::string> order;
  for (const SalaryFigure* f : region_figures(role, adj.relative_to)) {
    if (point_of(*f) && f->currency == "USD") {
      if (!by_source.count(f->source)) {
        order.push_back(f->source);
      }
      by_source[f->source].push_back(f);
    }
  }
  std::vector<Band> out;
  for (const auto& source : order) {
    const auto& figs = by_source[source];
    Derivation d;
    d.adjustment = &adj;
    double lo = 0;
    double hi = 0;
    std::set<PayBasis> bases;
    std::set<int> years;
    std::vector<std::string> parts;
    for (const SalaryFigure* f : figs) {
      const double v = *point_of(*f);
      const std::string code = f->scope == FigureScope::state ? f->state : f->scope == FigureScope::country ? f->country : f->region;
      d.reference.push_back({f->id, f->source, code, v});
      lo = d.reference.size() == 1 ? v : std::min(lo, v);
      hi = d.reference.size() == 1 ? v : std::max(hi, v);
      bases.insert(f->basis);
      years.insert(f->year);
      parts.push_back(code + " " + usd(v));
    }
    d.unrounded_low = lo * (1 + adj.change_low);
    d.unrounded_high = hi * (1 + adj.change_high);

    Band b;
    b.kind = BandKind::estimate;
    SalaryFigure& e = b.figure;
    e.id = "estimate:" + adj.id + ":" + source;
    e.label = fmt::format("Estimate for {}: {}", place_text(place), adj.description);
    e.low = std::floor(d.unrounded_low / 1000) * 1000;
    e.high = std::ceil(d.unrounded_high / 1000) * 1000;
    e.currency = "USD";
    e.basis = bases.size() == 1 ? *bases.begin() : PayBasis::unspecified;
    e.scope = scope_of(place.kind);
    e.state = place.kind == Place::Kind::state ? place.code : "";
    e.country = place.kind == Place::Kind::country ? place.code : "";
    e.region = adj.region;
    e.year = years.size() == 1 ? *years.begin() : 0;
    e.source = adj.source;
    e.quote = adj.quote;

    const std::string factor =
        adj.change_low == adj.change_high
            ? fmt::format("× {}", plain_number(1 + adj.change_low))
            : fmt::format("× {}–{}", plain_number(1 + adj.change_low), plain_number(1 + adj.change_high));
    const std::string change = adj.change_low == 0 && adj.change_high == 0
                                   ? "the reference region itself"
                                   : change_text(adj.change_low, adj.change_high) + " [" + adj.source + "]";
    d.text = fmt::format("{} figures {} [{}] span {}–{}; {} ({}) gives {}–{}, widened to whole thousands",
                         adj.relative_to, join(parts, ", "), source, usd(lo), usd(hi), factor, change,
                         usd(d.unrounded_low), usd(d.unrounded_high));
    if (adj.basis != e.basis) {
      e.note = fmt::format("The adjustment is stated for {}; the reference figures' basis is {}.",
                           adj.basis == PayBasis::total ? "total compensation" : std::string(id_of(adj.basis)) + " pay",
                           e.basis == PayBasis::unspecified ? "not stated" : id_of(e.basis));
    }
    b.derivation = std::move(d);
    out.push_back(std::move(b));
  }
  return out;
}

void add_published(const Role& role, const SalaryFigure& f, std::vector<Band>& out)
{
  Band b;
  b.kind = BandKind::published;
  b.figure = f;
  if (f.scope == FigureScope::state || f.scope == FigureScope::country || f.scope == FigureScope::region) {
    b.vs_national = compare_with_national(role, f);
  }
  out.push_back(std::move(b));
}

} // namespace

FigureScope scope_of(Place::Kind kind)
{
  switch (kind) {
  case Place::Kind::national:
    return FigureScope::national;
  case Place::Kind::state:
    return FigureScope::state;
  case Place::Kind::country:
    return FigureScope::country;
  case Place::Kind::region:
    return FigureScope::region;
  }
  return FigureScope::national;
}

std::string kind_name(Place::Kind kind)
{
  switch (kind) {
  case Place::Kind::state:
    return "state";
  case Place::Kind::country:
    return "country";
  case Place::Kind::region:
    return "region";
  case Place::Kind::national:
    break;
  }
  return "national";
}

Place state_place(const std::string& code_or_name)
{
  const State* s = find_state(code_or_name);
  if (s == nullptr) {
    throw UsageError(fmt::format("unknown US state '{}'", code_or_name), state_usage_hint(code_or_name));
  }
  return {Place::Kind::state, s->code, s->name};
}

Place country_place(const std::string& code_or_name)
{
  const Country* c = find_country(code_or_name);
  if (c == nullptr) {
    throw UsageError(fmt::format("unknown country '{}'", code_or_name), country_usage_hint(code_or_name));
  }
  if (std::string(c->code) == "US") {
    return {Place::Kind::national, "US", c->name};
  }
  return {Place::Kind::country, c->code, c->name};
}

std::vector<std::string> region_ids(const Catalog& catalog)
{
  std::set<std::string> ids;
  for (const Role& r : all_role_digests(catalog)) {
    for (const auto& a : r.adjustments) {
      ids.insert(a.region);
    }
    for (const auto& f : r.salary) {
      if (f.scope == FigureScope::region) {
        ids.insert(f.region);
      }
    }
  }
  return {ids.begin(), ids.end()};
}

Place region_place(const Catalog& catalog, const std::string& id)
{
  const auto ids = region_ids(catalog);
  const std::string key = to_lower(id);
  if (key == "us" || key == "national") {
    return {Place::Kind::national, "US", "United States"};
  }
  if (std::find(ids.begin(), ids.end(), key) == ids.end()) {
    const std::string hint = did_you_mean(id, ids);
    throw UsageError(fmt::format("unknown region '{}'", id),
                     hint.empty() ? "regions are: " + join(ids, ", ") + ", us" : hint);
  }
  return {Place::Kind::region, key, key};
}

std::string currency_code(const std::string& text, const char* option)
{
  std::string code;
  for (const char c : text) {
    code += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  if (code.size() != 3 || !std::all_of(code.begin(), code.end(), [](char c) { return c >= 'A' && c <= 'Z'; })) {
    throw UsageError(fmt::format("{}: '{}' is not an ISO 4217 currency code", option, text),
                     "three letters, such as USD, GBP or EUR");
  }
  return code;
}

ExchangeRate parse_rate(const std::string& text)
{
  const auto slash = text.find('/');
  const auto eq = text.find('=');
  if (slash == std::string::npos || eq == std::string::npos || eq < slash) {
    throw UsageError(fmt::format("--rate: '{}' is not FROM/TO=N", text), "e.g. --rate GBP/USD=1.27 (1 GBP = 1.27 USD)");
  }
  ExchangeRate r;
  r.from = currency_code(text.substr(0, slash), "--rate");
  r.to = currency_code(text.substr(slash + 1, eq - slash - 1), "--rate");
  const std::string number = text.substr(eq + 1);
  char* end = nullptr;
  r.rate = std::strtod(number.c_str(), &end);
  if (number.empty() || *end != '\0' || !std::isfinite(r.rate) || r.rate <= 0 || r.rate > 1e6) {
    throw UsageError(fmt::format("--rate: '{}' is not a positive number", number), "e.g. --rate GBP/USD=1.27");
  }
  return r;
}

PayFit fit_pay(const Pay& given, const SalaryFigure& band, const std::vector<ExchangeRate>& rates)
{
  PayFit fit;
  Pay pay = given;
  if (pay.currency != band.currency) {
    const auto rate = std::find_if(rates.begin(), rates.end(), [&](const ExchangeRate& r) {
      return r.from == pay.currency && r.to == band.currency;
    });
    if (rate == rates.end()) {
      fit.notes.push_back(fmt::format("your pay is in {}, the band in {}; careerplan states no exchange rate of its "
                                      "own: give one with --rate {}/{}=N",
                                      pay.currency, band.currency, pay.currency, band.currency));
      return fit;
    }
    pay.amount *= rate->rate;
    pay.currency = band.currency;
    fit.notes.push_back(fmt::format("your pay converted at your rate, 1 {} = {} {} (--rate); not a rate careerplan "
                                    "states",
                                    rate->from, plain_number(rate->rate), rate->to));
  }
  const double n = pay.amount;
  std::optional<double> lo = band.low;
  std::optional<double> hi = band.high;
  if (!lo && !hi && band.p10 && band.p90) {
    lo = band.p10;
    hi = band.p90;
  }
  const std::optional<double> point = band.median ? band.median : band.value;
  if (lo && hi && *hi > *lo) {
    if (n < *lo) {
      fit.position = FitPosition::below;
    } else if (n > *hi) {
      fit.position = FitPosition::above;
      if (band.high_open) {
        fit.notes.push_back("the source's top of the band is open-ended ('+')");
      }
    } else {
      fit.position = FitPosition::within;
      fit.band_pct = 100.0 * (n - *lo) / (*hi - *lo);
    }
  } else if (point) {
    fit.position = n < *point ? FitPosition::below : n > *point ? FitPosition::above : FitPosition::at;
  } else {
    fit.notes.push_back(band.words.empty() ? "the source gives only one end of the band"
                                           : "the source gives words, not figures");
    return fit;
  }
  if (point && *point > 0) {
    fit.difference = n - *point;
    fit.difference_pct = 100.0 * (n - *point) / *point;
  }
  if (band.p10 && band.p25 && band.median && band.p75 && band.p90) {
    const std::vector<std::pair<double, const char*>> edges = {
        {*band.p10, "p10"}, {*band.p25, "p25"}, {*band.median, "median"}, {*band.p75, "p75"}, {*band.p90, "p90"}};
    if (n < edges.front().first) {
      fit.bracket = "below p10";
    } else if (n > edges.back().first) {
      fit.bracket = "above p90";
    } else {
      for (std::size_t i = 0; i + 1 < edges.size(); ++i) {
        if (n >= edges[i].first && n <= edges[i + 1].first) {
          fit.bracket = fmt::format("{}–{}", edges[i].second, edges[i + 1].second);
          break;
        }
      }
    }
  }
  if (band.basis == PayBasis::unspecified) {
    fit.notes.push_back("the source does not say whether this band is base pay or total compensation");
  } else if (!pay.basis) {
    fit.notes.push_back(fmt::format("this band is {}; say whether your pay is base or total (--basis)",
                                    band.basis == PayBasis::total ? "total compensation" : "base pay"));
  } else if (*pay.basis != band.basis) {
    fit.notes.push_back(band.basis == PayBasis::total
                            ? "your pay is base pay, this band is total compensation (equity and bonus included)"
                            : "your pay is total compensation, this band is base pay");
  }
  return fit;
}

SalaryResult compute_salary(const Role& role, const SalaryQuery& query)
{
  SalaryResult r;
  r.role = &role;
  r.query = query;
  const Place& place = query.place;
  std::vector<Band> bands;
  if (role.salary.empty()) {
    r.notes.push_back(fmt::format("No source in the catalog gives pay for {}; careerplan shows none rather than "
                                  "guess one.", role.title));
    return r;
  }

  switch (place.kind) {
  case Place::Kind::national:
    for (const auto& f : role.salary) {
      if ((f.scope == FigureScope::national && query.level.empty()) || (f.scope == FigureScope::level && (query.level.empty() || f.level == query.level))) {
        add_published(role, f, bands);
      }
    }
    break;
  case Place::Kind::state:
  case Place::Kind::country:
    for (const auto& f : role.salary) {
      if ((f.scope == FigureScope::state && place.kind == Place::Kind::state && f.state == place.code) ||
          (f.scope == FigureScope::country && place.kind == Place::Kind::country && f.country == place.code)) {
        add_published(role, f, bands);
      }
    }
    if (bands.empty()) {
      for (const auto& a : role.adjustments) {
        if (member_of(a, place)) {
          auto e = estimates(role, a, place);
          if (e.empty()) {
            r.notes.push_back(fmt::format("{} counts {} in {} [{}], but the profile has no published figure for "
                                          "{} to start an estimate from",
                                          role.id, place.code, a.region, a.id, a.relative_to));
          }
          bands.insert(bands.end(), e.begin(), e.end());
        }
      }
    }
    break;
  case Place::Kind::region: {
    for (const SalaryFigure* f : region_figures(role, place.code)) {
      add_published(role, *f, bands);
    }
    if (bands.empty()) {
      for (const auto& a : role.adjustments) {
        if (a.region == place.code) {
          auto e = estimates(role, a, place);
          bands.insert(bands.end(), e.begin(), e.end());
        }
      }
    }
    break;
  }
  }

  if (place.kind != Place::Kind::national) {
    if (bands.empty()) {
      r.notes.push_back(fmt::format("No source gives a figure for {}, and no published adjustment covers it.",
                                    place_text(place)));
    }
    if (!query.level.empty()) {
      bool any = false;
      for (const auto& f : role.salary) {
        if (f.scope == FigureScope::level && f.level == query.level) {
          add_published(role, f, bands);
          any = true;
        }
      }
      if (any) {
        r.notes.push_back(fmt::format("No source gives figures for a level in a place: the {} band is national, "
                                      "the figures for {} cover every level.",
                                      query.level, place_text(place)));
      }
    }
  }
  if (!query.level.empty()) {
    for (const auto& ladder : role.ladders) {
      for (const auto& lv : ladder.levels) {
        if (lv.level == query.level && !lv.pay.empty()) {
          r.level_words.push_back({ladder.id, ladder.source, lv.level, lv.title, lv.pay});
        }
      }
    }
    if (place.kind == Place::Kind::national && bands.empty() && r.level_words.empty()) {
      r.notes.push_back(fmt::format("No source gives pay for the {} level.", query.level));
    }
  }
  if (query.pay) {
    for (auto& b : bands) {
      b.fit = fit_pay(*query.pay, b.figure, query.rates);
    }
  }
  for (auto& b : bands) {
    b.level_specific = !b.figure.level.empty() && (query.level.empty() || b.figure.level == query.level);
  }
  r.bands = std::move(bands);
  return r;
}

} // namespace careerplan
