// careerplan salary [ROLE]: what the role pays at a level, in a place; where the user's pay sits.
#include <algorithm>

#include <CLI/CLI.hpp>

#include <nlohmann/json.hpp>
#include <cmath>
#include <cstdlib>
#include <functional>
#include <memory>
#include <string_view>

#include <fmt/format.h>

#include "cli/context.hpp"
#include "core/errors.hpp"
#include "core/gap.hpp"
#include "core/role_digest.hpp"
#include "core/salary.hpp"
#include "core/salary_bls.hpp"
#include "core/role_names.hpp"
#include "core/text.hpp"
#include "render/occupation_list_view.hpp"
#include "render/salary_view.hpp"

namespace careerplan {

namespace {

struct SalaryOptions
{
  std::string role;
  std::string level;
  std::string state;
  std::string country;
  std::string region;
  std::optional<double> current;
  std::string basis;
  std::string currency;
  std::vector<std::string> rates;
  bool all = false;
  bool occupations = false;
};

// --state, --country or --region; else the assessment's location; else the national view.
Place choose_place(const Catalog& cat, const SalaryOptions& o, const std::optional<Assessment>& a)
{
  if (!o.state.empty()) {
    return state_place(o.state);
  }
  if (!o.country.empty()) {
    return country_place(o.country);
  }
  if (!o.region.empty()) {
    return region_place(cat, o.region);
  }
  if (a && !a->state.empty()) {
    return state_place(a->state);
  }
  if (a && !a->country.empty()) {
    return country_place(a->country);
  }
  return {};
}

SalaryQuery query_for(const Role& role, const SalaryOptions& o, const std::optional<Assessment>& a, const Place& place)
{
  SalaryQuery q;
  q.place = place;
  const std::optional<double> years = a ? a->years_experience : std::nullopt;
  if (iequals(o.level, "all")) {
    q.level_basis = "every level, as asked (--level all)";
  } else if (!o.level.empty() || years) {
    std::tie(q.level, q.level_basis) = choose_level(role, o.level, years);
  }
  for (const auto& r : o.rates) {
    q.rates.push_back(parse_rate(r));
  }
  if (o.current) {
    q.pay = Pay{*o.current, o.currency.empty() ? "USD" : currency_code(o.currency, "--currency"),
                from_id<PayBasis>(o.basis)}; // none when --basis is not given
    q.pay_from = "--current";
  } else if (a && a->current_pay) {
    q.pay = *a->current_pay;
    if (!o.basis.empty()) {
      q.pay->basis = from_id<PayBasis>(o.basis);
    }
    q.pay_from = a->file;
  }
  return q;
}


bool is_soc_code(const std::string& s)
{
  return s.size() == 7 && std::isdigit(static_cast<unsigned char>(s[0])) && std::isdigit(static_cast<unsigned char>(s[1])) &&
         s[2] == '-' && std::all_of(s.begin() + 3, s.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
}

// Output written in parts, in blocks of 64 KiB, once nothing can replace it with an error: held
// back until then (see run_salary_catalog).
class HeldOutput
{
public:
  void write(std::string_view text)
  {
    m_text += text;
    if (!m_held && m_text.size() >= (std::size_t{1} << 16)) {
      flush();
    }
  }
  void release() { m_held = false; }
  void flush()
  {
    if (!m_text.empty()) {
      write_stdout(m_text);
      m_text.clear();
    }
  }

private:
  std::string m_text;
  bool m_held = true;
};

// Every role of the catalog, one at a time: each role's result is computed, rendered (its JSON or
// CSV written, its table row kept) and let go, so that memory stays that of one role (issue 19).
// A level one role lacks is a note for that role, an error only when no role has it: the output
// is held back until a role has the level asked for, or no level is chosen per role (the role's
// own levels then play no part, and a failing query fails for the first role as for every one).
void run_salary_catalog(Context& ctx, const SalaryOptions& o, const std::optional<Assessment>& a, const Place& place)
{
  Db* db = ctx.store();
  const Catalog& cat = ctx.catalog();
  const bool level_per_role = !iequals(o.level, "all") && (!o.level.empty() || (a && a->years_experience));
  std::optional<UsageError> level_error;
  bool any_level = false;
  HeldOutput out;
  auto each_result = [&](const std::function<void(const SalaryResult&)>& use) {
    for_each_role_digest(cat, [&](const Role& role) {
      SalaryResult r;
      bool failed = false;
      try {
        r = compute_salary(role, query_for(role, o, a, place));
      } catch (const UsageError& e) {
        level_error = e;
        failed = true;
        r.role = &role;
        r.query.place = place;
        r.notes.push_back(fmt::format("{} has no level '{}'", role.id, o.level));
      }
      attach_bls(r, cat, db);
      any_level = any_level || !r.query.level.empty();
      if (!failed && (!level_per_role || !r.query.level.empty())) {
        out.release();
      }
      use(r);
    });
    if (level_error && !any_level) {
      throw *level_error;
    }
  };
  const std::string format = ctx.format();
  if (format == "json") {
    write_salary_list_json(each_result, [&](std::string_view text) { out.write(text); });
    out.flush();
  } else if (format == "csv") {
    out.write(salary_catalog_csv_header());
    each_result([&](const SalaryResult& r) { out.write(salary_catalog_csv(r)); });
    out.flush();
  } else { // the table and markdown: the rows first, for the bars' scale and the column widths
    std::vector<SalaryCatalogRow> rows;
    std::optional<SalaryQuery> first;
    each_result([&](const SalaryResult& r) {
      rows.push_back(salary_catalog_row(r));
      if (!first) {
        first = r.query;
      }
    });
    SalaryQuery none;
    none.place = place;
    ctx.emit(salary_catalog_document(rows, first ? *first : none), nlohmann::json());
  }
}

void run_salary(Context& ctx, const SalaryOptions& o)
{
  Db* db = ctx.store();
  const Catalog& cat = ctx.catalog();
  const std::optional<Assessment> a = ctx.assessment_if_any();
  const Place place = choose_place(cat, o, a);

  if (o.all && !o.role.empty()) {
    throw UsageError("--all and ROLE cannot be used together", "drop ROLE to see every role, or --all to see one");
  }
  std::string wanted = o.role;
  if (wanted.empty() && !o.all && a) {
    wanted = a->target_role;
  }
  if (o.occupations) {
    if (!o.role.empty() || o.all) {
      throw UsageError("--occupations lists every imported occupation: it takes no ROLE and no --all");
    }
    const std::string area = bls_area(place);
    if (area.empty()) {
      throw UsageError("BLS publishes figures for the US and its states only", "use --state XX, or no place");
    }
    std::vector<BlsFigure> list;
    if (db != nullptr) {
      for (const auto& w : oews_area(*db, area)) {
        list.push_back(bls_figure(w));
      }
    }
    if (list.empty()) {
      throw UsageError(fmt::format("no imported BLS OEWS figures for {}", area),
                       "import BLS's files first: careerplan import oews FILE...");
    }
    ctx.emit({[&] { return occupation_list_document(place, list); }, [&] { return occupation_list_json(place, list); }});
    return;
  }
  if (!wanted.empty() && find_role_by_name(cat, wanted) == nullptr) {
    if (const auto code = ctx.occupation_code(wanted)) { // an O*NET occupation: its SOC code's BLS figures
      Role holder;
      SalaryResult r = soc_salary(db, code->substr(0, 7), place, holder);
      r.notes.insert(r.notes.begin(), onet_soc_note(*code));
      ctx.emit({[&] { return salary_document(r); }, [&] { return salary_json(r); }});
      return;
    }
  }
  if (!wanted.empty() && is_soc_code(wanted)) { // role ids start with a letter
    Role holder;
    const SalaryResult r = soc_salary(db, wanted, place, holder);
    ctx.emit({[&] { return salary_document(r); }, [&] { return salary_json(r); }});
    return;
  }
  if (!wanted.empty()) {
    const Role& role = resolve_role(cat, wanted);
    SalaryResult r = compute_salary(role, query_for(role, o, a, place));
    attach_bls(r, cat, db);
    ctx.emit({[&] { return salary_document(r); }, [&] { return salary_json(r); }});
    return;
  }

  run_salary_catalog(ctx, o, a, place);
}

} // namespace

void setup_salary(CLI::App& app, Context& ctx)
{
  auto o = std::make_shared<SalaryOptions>();
  ctx.keep(o);
  auto* cmd = app.add_subcommand("salary", "Salary bands by level and place, each with its basis and source; "
                                           "estimates where no figure is published; where your pay sits");
  cmd->add_option("role", o->role,
                  "Role id, alias or title (default: the assessment's target_role; with neither, every role)")
      ->option_text("ROLE");
  cmd->add_option("-l,--level", o->level,
                  "Seniority level (entry, mid, senior, staff, director) or a ladder's title "
                  "(default: from your years of experience; without an assessment, every level)")
      ->option_text("LEVEL");
  auto* state = cmd->add_option("--state", o->state, "US state, by USPS code or name (default: the assessment's)")
                    ->option_text("XX");
  auto* country = cmd->add_option("--country", o->country, "Country, by ISO 3166 two-letter code or name")
                      ->option_text("CC");
  auto* region = cmd->add_option("--region", o->region, "Region of the published adjustments, e.g. us-tier1, "
                                                        "us-non-coastal, europe, apac; or us")
                     ->option_text("REGION");
  state->excludes(country)->excludes(region);
  country->excludes(region);
  cmd->add_option("--current", o->current, "Your annual pay (in USD unless --currency; 150000, 150k, $150,000 or 1.2m), placed in each band (default: the assessment's)")
      ->option_text("N")
      ->transform(money_amount(1e8));
  cmd->add_option("--currency", o->currency, "The ISO 4217 currency of --current (default: USD)")->option_text("CUR");
  cmd->add_option("--rate", o->rates,
                  "An exchange rate you give, e.g. GBP/USD=1.27 (1 GBP = 1.27 USD), to place a pay in one currency in "
                  "a band in another; careerplan states none of its own; repeatable")
      ->option_text("FROM/TO=N");
  cmd->add_option("--basis", o->basis, "Whether that pay is base pay or total compensation")
      ->option_text("base|total")
      ->check(CLI::IsMember({"base", "total"}));
  cmd->add_flag("--all", o->all, "Every role of the catalog, even when the assessment names a target role");
  cmd->add_flag("--occupations", o->occupations,
                "Every imported BLS occupation for the place (national, or --state), one row each");
  cmd->callback([&ctx, o] { run_salary(ctx, *o); });
}

} // namespace careerplan
