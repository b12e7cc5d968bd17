#include "render/salary_view.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "core/text.hpp"
#include "render/format.hpp"

namespace careerplan {

namespace {

constexpr std::size_t k_bar_width = 20;
constexpr std::size_t k_catalog_bar_width = 16;
constexpr double k_scale_step = 50000;

void extend(BarScale& s, bool& any, std::optional<double> v)
{
  if (!v) {
    return;
  }
  s.low = any ? std::min(s.low, *v) : *v;
  s.high = any ? std::max(s.high, *v) : *v;
  any = true;
}

BarScale scale_of(const std::vector<BarFigure>& figures, std::optional<double> pay)
{
  BarScale s;
  bool any = false;
  for (const BarFigure& f : figures) {
    for (auto v : {f.low, f.p10, f.median, f.p90, f.high, f.value}) {
      extend(s, any, v);
    }
  }
  extend(s, any, pay);
  s.low = std::floor(s.low / k_scale_step) * k_scale_step;
  s.high = std::max(std::ceil(s.high / k_scale_step) * k_scale_step, s.low + k_scale_step);
  return s;
}

std::string basis_word(PayBasis basis)
{
  return basis == PayBasis::unspecified ? "not stated" : std::string(id_of(basis));
}

std::string signed_money(double v)
{
  return (v < 0 ? "−$" : "+$") + thousands(std::abs(v));
}

std::string signed_pct(double v)
{
  const double r = std::round(v * 10) / 10;
  return (r < 0 ? "−" : "+") + plain_number(std::abs(r)) + "%";
}

// The pay on the bars' USD scale: as given in USD, at the user's --rate from another currency,
// else not drawn (careerplan states no exchange rate of its own).
std::optional<double> pay_on_scale(const SalaryQuery& q)
{
  if (!q.pay) {
    return std::nullopt;
  }
  if (q.pay->currency == "USD") {
    return q.pay->amount;
  }
  for (const auto& r : q.rates) {
    if (r.from == q.pay->currency && r.to == "USD") {
      return q.pay->amount * r.rate;
    }
  }
  return std::nullopt;
}

std::string place_title(const Place& p)
{
  switch (p.kind) {
  case Place::Kind::national:
    return "United States (national figures)";
  case Place::Kind::region:
    return "region " + p.code;
  default:
    return fmt::format("{} ({})", p.name, p.code);
  }
}

std::string level_title(const SalaryQuery& q)
{
  return q.level.empty() ? "every level" : fmt::format("{} — {}", q.level, q.level_basis);
}

std::string pay_title(const SalaryQuery& q)
{
  if (!q.pay) {
    return "";
  }
  const std::string basis = q.pay->basis ? std::string(id_of(*q.pay->basis)) : "basis not stated";
  return fmt::format("{} {} (from {})", money(q.pay->amount, q.pay->currency), basis, q.pay_from);
}

std::string fit_text(const PayFit& fit, const SalaryFigure& f)
{
  std::vector<std::string> parts;
  if (fit.position == FitPosition::within && fit.band_pct) {
    parts.push_back(fmt::format("within the band, {}% of the way from its low to its high",
                                plain_number(std::round(*fit.band_pct))));
  } else if (fit.position == FitPosition::below || fit.position == FitPosition::above) {
    parts.push_back(std::string(id_of(*fit.position)) + (f.low || f.p10 ? " the band" : " the figure"));
  } else if (fit.position == FitPosition::at) {
    parts.push_back("at the figure");
  }
  if (!fit.bracket.empty()) {
    parts.push_back("percentile bracket " + fit.bracket);
  }
  if (fit.difference && *fit.difference != 0) {
    parts.push_back(fmt::format("{} ({}) against the {}", signed_money(*fit.difference), signed_pct(*fit.difference_pct),
                                f.median ? "median" : "figure"));
  }
  for (const auto& n : fit.notes) {
    parts.push_back(n);
  }
  return join(parts, "; ");
}

std::string source_word(const Band& b)
{
  if (b.kind == BandKind::estimate) {
    return "estimate";
  }
  return b.kind == BandKind::anchor ? b.figure.source + " (anchor)" : b.figure.source;
}

std::string band_details(std::size_t n, const Band& b, const Role& role)
{
  const SalaryFigure& f = b.figure;
  std::string out = fmt::format("{}. {}: {}", n, f.label, figure_text(f));
  if (b.kind == BandKind::published && !b.origin.empty()) {
    out += fmt::format(" {}, May {}, imported from {}.", cite(f.source), f.year, b.origin);
  } else if (b.kind == BandKind::published) {
    out += fmt::format(" {}{}.", cite(f.source), f.year ? fmt::format(", {}", f.year) : ", undated");
  } else if (b.kind == BandKind::anchor) {
    out += fmt::format(" {}, May {}{}.", cite(f.source), f.year,
                       b.origin == "catalog" ? "" : ", imported from " + b.origin);
  } else {
    out += " (estimate).";
  }
  for (const auto& stat : b.top_coded) {
    out += b.top_code ? fmt::format(" {}: ≥ {} (BLS's top code).", stat, money(*b.top_code, f.currency))
                      : fmt::format(" {}: at or above BLS's top code (#).", stat);
  }
  if (!f.occupation.empty() && f.label.find(f.occupation) == std::string::npos) {
    out += " Occupation: " + f.occupation + ".";
  }
  if (b.vs_national) {
    const auto& c = *b.vs_national;
    out += fmt::format(" {} ({}) against the same source's national figure {} [{}]", signed_money(c.difference),
                       signed_pct(c.difference_pct), money(c.national, f.currency), c.figure);
    out += c.published_pct ? fmt::format("; the source prints {}.", signed_pct(*c.published_pct)) : ".";
  }
  if (b.vs_bls) {
    const auto& c = *b.vs_bls;
    out += fmt::format(" Beside BLS's {} ({}, {}, {} {}): {} ({}).", money(c.bls, f.currency), c.period, c.occupation,
                       c.place, c.statistic, signed_money(c.difference), signed_pct(c.difference_pct));
  }
  if (b.derivation) {
    const auto& d = *b.derivation;
    out += " Derivation: " + d.text + ".";
    if (d.adjustment->members_basis.kind == BasisKind::modelling_choice) {
      out += fmt::format(" Which places count as {} is careerplan's modelling choice ('careerplan show {}' says why).", d.adjustment->region, role.id);
    }
  }
  if (!f.note.empty()) {
    out += " " + f.note;
  }
  if (b.fit) {
    out += " Your pay: " + fit_text(*b.fit, f) + ".";
  }
  return out;
}

void add_csv_row(Table& t, const Role& role, const Band& b)
{
  const SalaryFigure& f = b.figure;
  auto num = [](std::optional<double> v) { return v ? plain_number(*v) : std::string(); };
  std::vector<std::string> row = {role.id,  std::string(id_of(b.kind)),         f.id,           f.label,         num(f.low),
                                  num(f.p10), num(f.p25),   num(f.median),  num(f.mean), num(f.p75),      num(f.p90),
                                  num(f.high), f.high_open ? "true" : "false", num(f.value), f.words, f.currency,
                                  std::string(id_of(f.basis)), std::string(id_of(f.scope)),         f.level,        f.state,         f.country,
                                  f.region, f.year ? std::to_string(f.year) : "", f.source};
  row.push_back(b.fit && b.fit->position ? std::string(id_of(*b.fit->position)) : "");
  row.push_back(b.fit && b.fit->band_pct ? plain_number(std::round(*b.fit->band_pct * 10) / 10) : "");
  row.push_back(b.fit && b.fit->difference ? plain_number(*b.fit->difference) : "");
  row.push_back(b.level_specific ? "true" : "false");
  row.push_back(b.vs_bls ? plain_number(b.vs_bls->bls) : "");
  row.push_back(b.kind == BandKind::anchor ? "BLS wages of the anchor occupation, not specific to the role" : "");
  t.rows.push_back(std::move(row));
}

std::vector<std::string> csv_columns()
{
  return {"role",   "kind",    "figure", "label",  "low",     "p10",  "p25",   "median", "mean", "p75",
          "p90",    "high",    "high_open", "value", "words", "currency", "basis", "scope", "level",
          "state",  "country", "region", "year",   "source",  "fit_position", "fit_band_pct", "fit_difference", "level_specific",
          "bls_figure", "note"};
}


} // namespace

BarFigure bar_figure(const SalaryFigure& f)
{
  return {f.low, f.p10, f.median, f.p90, f.high, f.value, f.high_open};
}

std::string range_bar(const SalaryFigure& f, std::optional<double> pay, const BarScale& scale, std::size_t width)
{
  return range_bar(bar_figure(f), pay, scale, width);
}

std::string range_bar(const BarFigure& f, std::optional<double> pay, const BarScale& scale, std::size_t width)
{
  std::vector<std::string> cells(width, "·");
  const double span = scale.high - scale.low;
  auto pos = [&](double x) {
    const double r = span > 0 ? (x - scale.low) / span : 0;
    return static_cast<std::size_t>(std::clamp(std::lround(r * static_cast<double>(width - 1)), 0L,
                                               static_cast<long>(width - 1)));
  };
  std::optional<double> lo = f.low ? f.low : f.p10;
  std::optional<double> hi = f.high ? f.high : f.p90;
  if (lo && hi) {
    for (std::size_t i = pos(*lo); i <= pos(*hi); ++i) {
      cells[i] = "━";
    }
  } else if (hi) {
    cells[pos(*hi)] = "┫";
  } else if (lo) {
    cells[pos(*lo)] = "┣";
  }
  if (hi && f.high_open && pos(*hi) + 1 < width) {
    cells[pos(*hi) + 1] = "▸";
  }
  if (const auto point = f.median ? f.median : f.value) {
    cells[pos(*point)] = "●";
  }
  if (pay) {
    cells[pos(*pay)] = "┃";
  }
  std::string out;
  for (const auto& c : cells) {
    out += c;
  }
  return out;
}

Document salary_document(const SalaryResult& r)
{
  const Role& role = *r.role;
  Document doc;
  doc.title = fmt::format("{}: salary, {}", role.title, place_title(r.query.place));
  std::vector<BarFigure> all;
  for (const auto& b : r.bands) {
    all.push_back(bar_figure(b.figure));
  }
  const std::optional<double> pay = pay_on_scale(r.query);
  const BarScale scale = scale_of(all, pay);

  Section head;
  head.fields.emplace_back("level", level_title(r.query));
  if (r.query.pay) {
    head.fields.emplace_back("your pay", pay_title(r.query));
  }
  doc.sections.push_back(head);

  if (!r.bands.empty()) {
    Section table;
    table.heading = "Bands (annual; each source apart, never averaged)";
    table.table.columns = {"#", "RANGE", "AMOUNT", "BASIS", "SOURCE"};
    table.table.align = {Align::right};
    table.table.droppable = {1};
    table.table.legends = {{1, fmt::format("RANGE: {} to {} on every bar: ━ band, ● median or single figure, "
                                           "▸ open-ended top{}",
                                           money(scale.low, "USD"), money(scale.high, "USD"),
                                           pay ? ", ┃ your pay" : "")}};
    Section details;
    details.heading = "Figures";
    std::size_t n = 0;
    for (const auto& b : r.bands) {
      ++n;
      table.table.rows.push_back({std::to_string(n), range_bar(b.figure, pay, scale, k_bar_width),
                                  (b.kind == BandKind::estimate ? "~" : "") + figure_text(b.figure, FigureStyle::compact),
                                  basis_word(b.figure.basis), source_word(b)});
      details.bullets.push_back(band_details(n, b, role));
      if (!r.query.level.empty() && !b.level_specific) {
        details.bullets.push_back(fmt::format("{}. Not specific to the {} level: the figure covers {}.", n,
                                              r.query.level, b.figure.level.empty() ? "every level" : b.figure.level));
      }
    }
    doc.sections.push_back(table);
    doc.sections.push_back(details);
  }
  if (!r.level_words.empty()) {
    Section words;
    words.heading = fmt::format("Pay at the {} level, in the sources' words", r.query.level);
    for (const auto& w : r.level_words) {
      words.bullets.push_back(fmt::format("{} ({} ladder): \"{}\" {}", w.title, w.ladder, w.words, cite(w.source)));
    }
    doc.sections.push_back(words);
  }
  add_bullets(doc, "Notes", r.notes);
  doc.footnotes.push_back("BASIS: base pay, total compensation (equity and bonus included), or not stated by the "
                          "source. Estimates are ranges derived from a published regional adjustment; "
                          "'man careerplan' (SALARY ESTIMATES) gives the formula. " +
                          (std::any_of(r.bands.begin(), r.bands.end(), [](const Band& b) { return !b.origin.empty() && b.origin != "catalog"; })
                               ? std::string("[bls-oews-import] is BLS OEWS, imported with 'careerplan import oews'.")
                               : "'careerplan sources " + role.id + "' resolves every [source]."));
  doc.csv.columns = csv_columns();
  for (const auto& b : r.bands) {
    add_csv_row(doc.csv, role, b);
  }
  return doc;
}

SalaryCatalogRow salary_catalog_row(const SalaryResult& r)
{
  SalaryCatalogRow row;
  row.role = r.role->id;
  row.bands = r.bands.size();
  if (r.bands.empty()) {
    return row;
  }
  const Band& b = r.bands.front();
  row.bar = bar_figure(b.figure);
  // The median (or single figure) where there is one; the bar shows the range.
  const auto point = b.figure.median ? b.figure.median : b.figure.value;
  row.amount = (b.kind == BandKind::estimate ? "~" : "") +
               (point ? money(*point, b.figure.currency) : figure_text(b.figure, FigureStyle::compact));
  row.basis = basis_word(b.figure.basis);
  row.source = source_word(b) + (r.bands.size() > 1 ? fmt::format(" (+{} more)", r.bands.size() - 1) : "");
  return row;
}

Document salary_catalog_document(const std::vector<SalaryCatalogRow>& rows, const SalaryQuery& q)
{
  Document doc;
  doc.title = "Salary across the catalog, " + place_title(q.place);
  std::vector<BarFigure> headline;
  for (const auto& row : rows) {
    if (row.bands > 0) {
      headline.push_back(row.bar);
    }
  }
  const std::optional<double> pay = pay_on_scale(q);
  const BarScale scale = scale_of(headline, pay);
  Section head;
  if (!q.level.empty()) {
    head.fields.emplace_back("level", q.level);
  }
  if (q.pay) {
    head.fields.emplace_back("your pay", pay_title(q));
  }
  if (!head.fields.empty()) {
    doc.sections.push_back(head);
  }
  Section table;
  table.heading = "Each role's first figure for the place (careerplan salary ROLE shows them all)";
  table.table.columns = {"ROLE", "RANGE", "MEDIAN", "BASIS", "SOURCE"};
  table.table.align = {Align::left, Align::left, Align::right};
  table.table.droppable = {1};
  table.table.legends = {{1, fmt::format("RANGE: {} to {} on every bar: ━ band, ● median or single figure{}",
                                         money(scale.low, "USD"), money(scale.high, "USD"),
                                         pay ? ", ┃ your pay" : "")}};
  table.table.rows.reserve(rows.size());
  for (const auto& row : rows) {
    if (row.bands == 0) {
      table.table.rows.push_back({row.role, std::string(k_catalog_bar_width, ' '), "—", "", "no figure here"});
    } else {
      table.table.rows.push_back({row.role, range_bar(row.bar, pay, scale, k_catalog_bar_width), row.amount, row.basis,
                                  row.source});
    }
  }
  doc.sections.push_back(table);
  doc.footnotes.push_back("BASIS: base pay, total compensation, or not stated by the source. Figures from different "
                          "sources are not comparable one to one: see each role's whole list.");
  return doc;
}

std::string salary_catalog_csv_header()
{
  Table t;
  t.columns = csv_columns();
  return csv_lines(t, true);
}

std::string salary_catalog_csv(const SalaryResult& r)
{
  Table t;
  t.columns = csv_columns();
  if (r.bands.empty()) {
    std::vector<std::string> row(t.columns.size());
    row.front() = r.role->id;
    row[1] = "none";
    row.back() = "no source gives a figure for " + place_title(r.query.place);
    t.rows.push_back(std::move(row));
  }
  for (const auto& band : r.bands) {
    add_csv_row(t, *r.role, band);
  }
  return csv_lines(t, false);
}

} // namespace careerplan
