#include "core/salary_bls.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "core/errors.hpp"
#include "core/oews_store.hpp"
#include "core/regions.hpp"
#include "core/text.hpp"

namespace careerplan {

bool is_bls(const SalaryFigure& f)
{
  return f.source.rfind("bls-oews", 0) == 0;
}

const SocMapping* anchor_occupation(const Role& role)
{
  for (const auto& m : role.soc) {
    if (m.status != SocStatus::conflict) {
      return &m;
    }
  }
  return nullptr;
}

namespace {

int year_of(const std::string& period)
{
  return period.size() >= 4 ? std::atoi(period.c_str() + period.size() - 4) : 0;
}

std::string place_name(const std::string& area)
{
  if (area == "US") {
    return "the US";
  }
  const State* s = find_state(area);
  return s != nullptr ? s->name : area;
}

} // namespace

BlsFigure bls_figure(const OewsWages& w)
{
  BlsFigure out;
  out.period = w.period;
  out.title = w.occ_title;
  out.origin = fmt::format("{} row {}", w.file, w.line);
  out.top_code = w.top_annual;
  SalaryFigure& f = out.figure;
  f.id = fmt::format("oews:{}:{}:{}", w.occ_code, w.area, year_of(w.period));
  f.label = fmt::format("{} (SOC {}), {}, {}", w.occ_title, w.occ_code, w.area == "US" ? "US" : w.area_title, w.period);
  f.basis = PayBasis::base;
  f.scope = w.area == "US" ? FigureScope::national : FigureScope::state;
  if (w.area != "US") {
    f.state = w.area;
  }
  f.occupation = fmt::format("{} (SOC {})", w.occ_title, w.occ_code);
  f.year = year_of(w.period);
  f.source = "bls-oews-import";
  const std::pair<OewsField, std::optional<double> SalaryFigure::*> fields[] = {
      {k_a_pct10, &SalaryFigure::p10},   {k_a_pct25, &SalaryFigure::p25}, {k_a_median, &SalaryFigure::median},
      {k_a_mean, &SalaryFigure::mean},   {k_a_pct75, &SalaryFigure::p75}, {k_a_pct90, &SalaryFigure::p90}};
  const char* names[] = {"p10", "p25", "median", "mean", "p75", "p90"};
  std::size_t i = 0;
  for (const auto& [field, member] : fields) {
    const AnnualFigure a = annual(w, field);
    f.*member = a.figure.value;
    out.derived_from_hourly = out.derived_from_hourly || a.derived;
    if (a.figure.mark == OewsMark::top_coded) {
      out.top_coded.emplace_back(names[i]);
    }
    ++i;
  }
  if (const auto& emp = w.figures[k_tot_emp]; emp.value) {
    f.employment = static_cast<long>(std::llround(*emp.value));
  }
  if (out.derived_from_hourly) {
    f.note = "BLS publishes hourly wages only for this occupation: annual = hourly x 2,080.";
  }
  return out;
}

std::optional<BlsFigure> newest(const std::vector<BlsFigure>& candidates)
{
  const BlsFigure* best = nullptr;
  for (const auto& c : candidates) {
    if (best == nullptr || c.figure.year > best->figure.year) {
      best = &c;
    }
  }
  return best != nullptr ? std::optional<BlsFigure>(*best) : std::nullopt;
}

void add_bls(SalaryResult& result, const SocMapping& anchor, const BlsInput& input)
{
  if (!input.here) {
    return;
  }
  const BlsFigure& bls = *input.here;
  const Role& role = *result.role;
  const std::string area = bls.figure.scope == FigureScope::national ? "US" : bls.figure.state;
  const std::string occupation = fmt::format("{} ({})", bls.title, anchor.code);

  // BLS beside every other source's figure for the same place.
  const std::optional<double> bls_point = bls.figure.median ? bls.figure.median : bls.figure.mean;
  for (auto& b : result.bands) {
    const SalaryFigure& f = b.figure;
    const bool same_place = area == "US" ? (f.scope == FigureScope::national || f.scope == FigureScope::level) : f.state == area;
    const std::optional<double> point = f.median ? f.median : f.value;
    if (b.kind != BandKind::published || is_bls(f) || !same_place || !point || !bls_point || f.currency != "USD") {
      continue;
    }
    BlsCheck c;
    c.figure = bls.figure.id;
    c.occupation = occupation;
    c.period = bls.period;
    c.place = place_name(area);
    c.statistic = bls.figure.median ? "median" : "mean";
    c.bls = *bls_point;
    c.difference = *point - *bls_point;
    c.difference_pct = c.difference / *bls_point * 100;
    b.vs_bls = c;
  }

  // The anchor's band, unless the role shows BLS's figure for it already.
  const std::string tag = "(SOC " + anchor.code + ")";
  const bool shown = std::any_of(result.bands.begin(), result.bands.end(), [&](const Band& b) {
    return is_bls(b.figure) && b.figure.year == bls.figure.year && b.figure.occupation.find(tag) != std::string::npos &&
           (area == "US" ? b.figure.scope == FigureScope::national : b.figure.state == area);
  });
  if (shown) {
    return;
  }
  Band band;
  band.kind = BandKind::anchor;
  band.figure = bls.figure;
  band.figure.label = anchor.status == SocStatus::as_published
                          ? fmt::format("BLS, {}, the occupation the role's sources name", occupation)
                          : fmt::format("BLS, {}, the anchor occupation: an assumption, not specific to the {} role",
                                        occupation, role.title);
  band.figure.level.clear();
  band.level_specific = false;
  band.top_coded = bls.top_coded;
  band.top_code = bls.top_code;
  band.derived_from_hourly = bls.derived_from_hourly;
  band.origin = bls.origin;
  if (area != "US" && bls.figure.median) {
    const BlsFigure* national = nullptr;
    for (const auto& n : input.national) {
      if (n.figure.year == bls.figure.year) {
        national = &n;
        break;
      }
    }
    if (national != nullptr && national->figure.median) {
      NationalComparison c;
      c.figure = national->figure.id;
      c.national = *national->figure.median;
      c.difference = *bls.figure.median - c.national;
      c.difference_pct = c.difference / c.national * 100;
      band.vs_national = c;
    } else if (!input.national.empty()) {
      result.notes.push_back(fmt::format("BLS's national figure for {} is for {}, the {} one for {}: periods differ, "
                                         "so careerplan does not compare them.",
                                         occupation, input.national.front().period, place_name(area), bls.period));
    }
  }
  if (result.query.pay) {
    band.fit = fit_pay(*result.query.pay, band.figure, result.query.rates);
  }
  // "No source gives a figure" is no longer true: BLS gives one for the anchor occupation.
  const std::string none = "No source gives a figure for ";
  for (auto& n : result.notes) {
    if (n.rfind(none, 0) == 0) {
      n = fmt::format("No source gives a figure for the {} role in {}; BLS's figure for its anchor occupation "
                      "is shown instead.",
                      role.title, place_name(area));
    }
  }
  result.bands.push_back(std::move(band));
}

SalaryResult occupation_salary(const std::vector<OewsWages>& rows, const std::vector<OewsWages>& national,
                               const Place& place, Role& holder)
{
  const BlsFigure here = bls_figure(rows.front());
  holder.id = rows.front().occ_code;
  holder.title = here.title;
  SalaryResult r;
  r.role = &holder;
  r.subject = SalarySubject::occupation;
  r.query.place = place;
  Band b;
  b.kind = BandKind::published;
  b.figure = here.figure;
  b.level_specific = false;
  b.top_coded = here.top_coded;
  b.top_code = here.top_code;
  b.derived_from_hourly = here.derived_from_hourly;
  b.origin = here.origin;
  const auto same = std::find_if(national.begin(), national.end(),
                                 [&](const OewsWages& w) { return w.period == rows.front().period; });
  if (same != national.end() && same->figures[k_a_median].value && here.figure.median) {
    const BlsFigure n = bls_figure(*same);
    NationalComparison c;
    c.figure = n.figure.id;
    c.national = *n.figure.median;
    c.difference = *here.figure.median - c.national;
    c.difference_pct = c.difference / c.national * 100;
    b.vs_national = c;
  } else if (same == national.end() && !national.empty()) {
    r.notes.push_back(fmt::format("The imported national figure is for {}, this one for {}: periods differ, so "
                                  "careerplan does not compare them.",
                                  national.front().period, here.period));
  }
  r.bands.push_back(std::move(b));
  return r;
}

// The area of BLS's figures for a place: "US" for the national view, a state's code, else "".
std::string bls_area(const Place& place)
{
  if (place.kind == Place::Kind::national) {
    return "US";
  }
  return place.kind == Place::Kind::state ? place.code : std::string();
}

// BLS's figures for an occupation in an area: the store's first, then the catalog's.
std::vector<BlsFigure> bls_candidates(const Catalog& cat, Db* db, const std::string& soc, const std::string& area,
                                      const Role* role)
{
  std::vector<BlsFigure> out;
  if (db != nullptr) {
    for (const auto& w : oews_lookup(*db, soc, area)) {
      out.push_back(bls_figure(w));
    }
  }
  for (auto& f : catalog_bls_figures(cat, soc, area, role)) {
    out.push_back(std::move(f));
  }
  // The newest period first; within one, a figure with a median before a means-only one.
  std::stable_sort(out.begin(), out.end(), [](const BlsFigure& x, const BlsFigure& y) {
    return std::pair(x.figure.year, x.figure.median.has_value()) > std::pair(y.figure.year, y.figure.median.has_value());
  });
  return out;
}

void attach_bls(SalaryResult& r, const Catalog& cat, Db* db)
{
  const SocMapping* anchor = anchor_occupation(*r.role);
  const std::string area = bls_area(r.query.place);
  if (anchor == nullptr || area.empty()) {
    return;
  }
  BlsInput in;
  const auto here = bls_candidates(cat, db, anchor->code, area, r.role);
  if (!here.empty()) {
    in.here = here.front();
  }
  in.national = area == "US" ? here : bls_candidates(cat, db, anchor->code, "US", r.role);
  add_bls(r, *anchor, in);
}


// `salary 15-2041`: an occupation's imported BLS figures, national or for a state.
SalaryResult soc_salary(Db* db, const std::string& soc, const Place& place, Role& holder)
{
  const std::string area = bls_area(place);
  if (area.empty()) {
    throw UsageError("BLS publishes figures for the US and its states only", "use --state XX, or no place");
  }
  const std::vector<OewsWages> rows = db != nullptr ? oews_lookup(*db, soc, area) : std::vector<OewsWages>{};
  if (rows.empty()) {
    throw UsageError(fmt::format("no imported BLS OEWS figure for SOC {} in {}", soc, area),
                     "import BLS's files first: careerplan import oews FILE...");
  }
  const std::vector<OewsWages> national = area != "US" ? oews_lookup(*db, soc, "US") : std::vector<OewsWages>{};
  return occupation_salary(rows, national, place, holder);
}

std::string onet_soc_note(const std::string& onet_code)
{
  const std::string soc = onet_code.substr(0, 7);
  if (onet_code.size() > 7 && onet_code.substr(7) != ".00") {
    return fmt::format("O*NET's {} is finer than SOC: these are BLS's figures for its SOC parent {}, which covers every "
                       "O*NET occupation under it",
                       onet_code, soc);
  }
  return fmt::format("BLS's figures for SOC {}, the code of O*NET occupation {}", soc, onet_code);
}

std::optional<OccupationWages> occupation_wages(Db& db, const std::string& onet_code)
{
  if (!has_oews(db)) {
    return std::nullopt;
  }
  OccupationWages w;
  w.soc = onet_code.substr(0, 7);
  w.holder = std::make_unique<Role>();
  try {
    w.result = soc_salary(&db, w.soc, country_place("US"), *w.holder);
    w.result->notes.insert(w.result->notes.begin(), onet_soc_note(onet_code));
  } catch (const UsageError&) {
    w.result.reset(); // no national figure for the code
  }
  return w;
}

} // namespace careerplan
