#include "render/format.hpp"

#include <fmt/format.h>

#include "core/text.hpp"

namespace careerplan {

std::string money(double value, const std::string& currency)
{
  if (currency == "USD") {
    return "$" + thousands(value);
  }
  if (currency == "EUR") {
    return "€" + thousands(value);
  }
  if (currency == "GBP") {
    return "£" + thousands(value);
  }
  return currency + " " + thousands(value);
}

std::string figure_text(const SalaryFigure& f, FigureStyle style)
{
  auto m = [&](double v) { return money(v, f.currency); };
  const bool compact = style == FigureStyle::compact;
  if (!compact && (f.p10 || f.p25 || f.p75 || f.p90)) {
    std::vector<std::string> parts;
    if (f.p10) parts.push_back("p10 " + m(*f.p10));
    if (f.p25) parts.push_back("p25 " + m(*f.p25));
    if (f.median) parts.push_back("median " + m(*f.median));
    if (f.p75) parts.push_back("p75 " + m(*f.p75));
    if (f.p90) parts.push_back("p90 " + m(*f.p90));
    if (f.mean) parts.push_back("mean " + m(*f.mean));
    return join(parts, " · ");
  }
  std::string out;
  const std::string open = f.high_open ? "+" : "";
  if (f.low && f.high) {
    out = m(*f.low) + (compact ? "–" : " – ") + m(*f.high) + open;
  } else if (compact && f.p10 && f.p90) {
    out = m(*f.p10) + "–" + m(*f.p90) + " (p10–p90)";
  } else if (f.high) {
    out = "up to " + m(*f.high) + open;
  } else if (f.low) {
    out = "from " + m(*f.low);
  }
  if (f.median) {
    if (out.empty()) {
      out = "median " + m(*f.median);
    } else {
      out += compact ? ", median " + m(*f.median) : " (median " + m(*f.median) + ")";
    }
  }
  if (f.value) {
    out += out.empty() ? m(*f.value) : (compact ? ", " : " · ") + m(*f.value);
  }
  if (!f.words.empty() && (out.empty() || !compact)) {
    out += out.empty() ? "\"" + f.words + "\"" : " (\"" + f.words + "\")";
  }
  if (out.empty() && f.mean) {
    out = "mean " + m(*f.mean);
  }
  return out;
}

std::string years_text(const LadderLevel& level)
{
  if (!level.years_min) {
    return "—";
  }
  if (!level.years_max) {
    return plain_number(*level.years_min) + "+ yrs";
  }
  return plain_number(*level.years_min) + "–" + plain_number(*level.years_max) + " yrs";
}

std::string duration_text(const Duration& d)
{
  if (d.min == d.max) {
    return fmt::format("{} {}", plain_number(d.min), id_of(d.unit));
  }
  return fmt::format("{}–{} {}", plain_number(d.min), plain_number(d.max), id_of(d.unit));
}

std::string cite(const std::string& source)
{
  return source.empty() ? "[own judgement]" : "[" + source + "]"; // an own_judgement basis names no source
}

std::string basis_text(const Basis& b)
{
  switch (b.kind) {
  case BasisKind::published:
    return "published";
  case BasisKind::derived:
    return "derived";
  case BasisKind::modelling_choice:
    return "modelling choice";
  case BasisKind::own_judgement:
    return "own judgement";
  }
  return "published"; // not reached: every kind is handled above
}

} // namespace careerplan
