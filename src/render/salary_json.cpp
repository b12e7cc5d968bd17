// The JSON renderings of salary results: careerplan/salary/v2 and careerplan/salary-list/v2
// (schemas/salary-v2.json, schemas/salary-list-v2.json). Every amount of money is
// shape::amount ({"value", "currency", "period"}, null when not known), every percentage
// shape::percent, the role shape::role_ref (json_shape.hpp).
#include <cmath>

#include <nlohmann/json.hpp>

#include "render/salary_view.hpp"
#include "render/json_list.hpp"
#include "render/json_shape.hpp"
#include "render/schema_ids.hpp"

namespace careerplan {

namespace {

// percentiles_json's keys, set in `j` (a band's object takes them so, without a copy).
void put_percentiles(nlohmann::json& j, const SalaryFigure& f)
{
  auto put = [&](std::optional<double> v) { return shape::amount(v, f.currency, f.period); };
  j["p10"] = put(f.p10);
  j["p25"] = put(f.p25);
  j["median"] = put(f.median);
  j["mean"] = put(f.mean);
  j["p75"] = put(f.p75);
  j["p90"] = put(f.p90);
}

} // namespace

nlohmann::json percentiles_json(const SalaryFigure& f)
{
  nlohmann::json j = nlohmann::json::object();
  put_percentiles(j, f);
  return j;
}

nlohmann::json place_json(const Place& place)
{
  return {{"kind", kind_name(place.kind)}, {"code", place.code}, {"name", place.name}};
}

namespace {

nlohmann::json str_or_null(const std::string& s)
{
  return s.empty() ? nlohmann::json(nullptr) : nlohmann::json(s);
}

nlohmann::json opt_percent(std::optional<double> v)
{
  return v ? nlohmann::json(shape::percent(*v)) : nlohmann::json(nullptr);
}

// The pay placed in the bands (annual, as --current and the assessment give it), and where it
// came from; null when none was given.
nlohmann::json pay_json(const SalaryQuery& q)
{
  if (!q.pay) {
    return nullptr;
  }
  return {{"value", shape::amount(q.pay->amount, q.pay->currency, "year")},
          {"basis", q.pay->basis ? nlohmann::json(*q.pay->basis) : nlohmann::json(nullptr)},
          {"from", q.pay_from}};
}

} // namespace

nlohmann::json salary_json(const SalaryResult& r)
{
  using nlohmann::json;
  const SalaryQuery& q = r.query;
  json bands = json::array();
  for (const auto& b : r.bands) {
    const SalaryFigure& f = b.figure;
    auto money = [&f](std::optional<double> v) { return shape::amount(v, f.currency, f.period); };
    // Key by key rather than from an initializer list, which builds a [key, value] array for
    // each key first: salary without a role writes this for every band of 10,000 roles.
    json j = json::object();
    j["kind"] = b.kind;
    j["figure"] = f.id;
    j["label"] = f.label;
    j["low"] = money(f.low);
    j["high"] = money(f.high);
    j["high_open"] = f.high_open;
    j["value"] = money(f.value);
    j["words"] = str_or_null(f.words);
    j["currency"] = f.currency;
    j["period"] = f.period;
    j["basis"] = f.basis;
    j["scope"] = f.scope;
    j["level"] = str_or_null(f.level);
    j["state"] = str_or_null(f.state);
    j["country"] = str_or_null(f.country);
    j["region"] = str_or_null(f.region);
    j["occupation"] = str_or_null(f.occupation);
    j["year"] = f.year ? json(f.year) : json(nullptr);
    j["source"] = f.source;
    j["quote"] = str_or_null(f.quote);
    j["note"] = str_or_null(f.note);
    j["vs_national"] = nullptr;
    j["derivation"] = nullptr;
    j["fit"] = nullptr;
    j["level_specific"] = b.level_specific;
    j["top_coded"] = b.top_coded;
    j["top_code"] = money(b.top_code);
    j["derived_from_hourly"] = b.derived_from_hourly;
    j["origin"] = str_or_null(b.origin);
    j["vs_bls"] = nullptr;
    put_percentiles(j, f);
    if (b.vs_bls) {
      const auto& c = *b.vs_bls;
      j["vs_bls"] = {{"figure", c.figure},       {"occupation", c.occupation}, {"period", c.period},
                     {"place", c.place},         {"statistic", c.statistic},   {"bls", money(c.bls)},
                     {"difference", money(c.difference)}, {"difference_pct", shape::percent(c.difference_pct)}};
    }
    if (b.vs_national) {
      const auto& c = *b.vs_national;
      j["vs_national"] = {{"figure", c.figure},
                          {"national", money(c.national)},
                          {"difference", money(c.difference)},
                          {"difference_pct", shape::percent(c.difference_pct)},
                          {"published_pct", opt_percent(c.published_pct)}};
    }
    if (b.derivation) {
      const auto& d = *b.derivation;
      json reference = json::array();
      for (const auto& ref : d.reference) {
        reference.push_back({{"figure", ref.figure}, {"source", ref.source}, {"place", ref.place}, {"value", money(ref.value)}});
      }
      j["derivation"] = {{"adjustment", d.adjustment->id},
                         {"adjustment_source", d.adjustment->source},
                         {"relative_to", d.adjustment->relative_to},
                         {"change_low", d.adjustment->change_low},
                         {"change_high", d.adjustment->change_high},
                         {"adjustment_basis", d.adjustment->basis},
                         {"members_basis", d.adjustment->members_basis.kind},
                         {"reference", reference},
                         {"unrounded_low", money(d.unrounded_low)},
                         {"unrounded_high", money(d.unrounded_high)},
                         {"rounding", 1000},
                         {"text", d.text}};
    }
    if (b.fit) {
      const auto& fit = *b.fit;
      j["fit"] = {{"position", fit.position ? json(*fit.position) : json(nullptr)},
                  {"band_pct", opt_percent(fit.band_pct)},
                  {"difference", money(fit.difference)},
                  {"difference_pct", opt_percent(fit.difference_pct)},
                  {"bracket", str_or_null(fit.bracket)},
                  {"notes", fit.notes}};
    }
    bands.push_back(std::move(j));
  }
  json words = json::array();
  for (const auto& w : r.level_words) {
    words.push_back({{"ladder", w.ladder}, {"source", w.source}, {"level", w.level}, {"title", w.title}, {"words", w.words}});
  }
  const bool occupation = r.subject == SalarySubject::occupation;
  return {{"schema", schema_id::salary},
          {"role", occupation ? json(nullptr) : shape::role_ref(r.role->id, r.role->title)},
          {"occupation", occupation ? shape::occupation_ref(r.role->id, r.role->title) : json(nullptr)},
          {"place", place_json(q.place)},
          {"level", str_or_null(q.level)},
          {"level_basis", str_or_null(q.level_basis)},
          {"current_pay", pay_json(q)},
          {"bands", bands},
          {"level_words", words},
          {"notes", r.notes}};
}

nlohmann::json salary_list_head(const SalaryResult* first)
{
  return {{"schema", schema_id::salary_list}, {"current_pay", first == nullptr ? nlohmann::json(nullptr) : pay_json(first->query)}};
}

nlohmann::json salary_list_json(const std::vector<SalaryResult>& results)
{
  nlohmann::json doc = salary_list_head(results.empty() ? nullptr : &results.front());
  nlohmann::json& list = doc["results"] = nlohmann::json::array();
  for (const auto& r : results) {
    list.push_back(salary_json(r));
  }
  return doc;
}

void write_salary_list_json(const SalaryResults& each, const std::function<void(std::string_view)>& write)
{
  JsonListStream list("results", write);
  each([&](const SalaryResult& r) {
    if (!list.begun()) {
      list.begin(salary_list_head(&r));
    }
    list.add(salary_json(r));
  });
  if (!list.begun()) {
    list.begin(salary_list_head(nullptr));
  }
  list.finish();
}

} // namespace careerplan
