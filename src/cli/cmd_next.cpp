// careerplan next: which skill to raise one level, and what that step buys across every role
// (and every imported O*NET occupation) you could become.
#include <algorithm>

#include <CLI/CLI.hpp>

#include <nlohmann/json.hpp>
#include <memory>

#include <fmt/format.h>

#include "cli/context.hpp"
#include "core/next.hpp"
#include "core/onet.hpp"
#include "core/salary_bls.hpp"
#include "core/role_names.hpp"
#include "core/text.hpp"
#include "render/format.hpp"
#include "render/next_view.hpp"

namespace careerplan {

namespace {

struct NextCliOptions
{
  std::vector<std::string> targets;
  double threshold = 80;
  std::size_t top = 10;
  int max_zone_step = 1;
  double min_pay_ratio = 0.75;
  int current_zone = 0;
  bool explain = false;
};

// The national BLS median for an SOC code, from the store or the catalog (with `role`'s own
// figures: the role whose anchor occupation it is; nullptr for an O*NET occupation).
std::optional<std::pair<double, std::string>> national_median(const Catalog& cat, Db* db, const std::string& soc,
                                                              const Role* role)
{
  for (const auto& f : bls_candidates(cat, db, soc, "US", role)) {
    if (f.figure.median) {
      return std::make_pair(*f.figure.median, fmt::format("BLS OEWS {}, SOC {}", f.period, soc));
    }
  }
  return std::nullopt;
}

// The user's job zone: --current-zone, else the occupation their current role names (an O*NET
// code or title, or a curated role's anchor occupation).
std::optional<int> current_zone(Context& ctx, Db& db, const Assessment& a, std::string& basis)
{
  if (a.current_role.empty()) {
    return std::nullopt;
  }
  std::optional<std::string> code = find_occupation(db, a.current_role);
  if (!code) {
    if (const Role* role = find_role_by_name(ctx.catalog(), a.current_role)) {
      if (const SocMapping* soc = anchor_occupation(*role)) {
        for (const auto& hit : occupations_for_soc(db, soc->code)) {
          if (hit.job_zone) {
            basis = fmt::format("current_role {}'s anchor occupation {} ({})", role->id, hit.code, hit.title);
            return hit.job_zone;
          }
        }
      }
    }
    return std::nullopt;
  }
  const Occupation occ = load_occupation(db, *code);
  if (!occ.job_zone) {
    return std::nullopt;
  }
  basis = fmt::format("current_role {} ({})", occ.code, occ.title);
  return occ.job_zone->zone;
}

void run_next(Context& ctx, const NextCliOptions& o)
{
  const Catalog& cat = ctx.catalog();
  const Assessment& a = ctx.assessment();
  Db* db = ctx.store();
  const auto release = db != nullptr ? onet_release(*db) : std::nullopt;
  std::vector<std::string> warnings;

  // Targets: the assessment's target_role, then every --target, each in its own vocabulary.
  std::vector<std::string> roles, occupations;
  auto add = [](std::vector<std::string>& v, const std::string& id) {
    if (std::find(v.begin(), v.end(), id) == v.end()) {
      v.push_back(id);
    }
  };
  std::vector<std::string> wanted;
  if (!a.target_role.empty()) {
    wanted.push_back(a.target_role);
  }
  wanted.insert(wanted.end(), o.targets.begin(), o.targets.end());
  for (const auto& name : wanted) {
    if (const Role* role = find_role_by_name(cat, name)) {
      add(roles, role->id);
      // in the O*NET vocabulary, a curated target stands for its anchor occupation
      if (release) {
        if (const SocMapping* soc = anchor_occupation(*role)) {
          for (const auto& hit : occupations_for_soc(*db, soc->code)) {
            add(occupations, hit.code);
          }
        }
      }
    } else if (const auto code = ctx.occupation_code(name)) {
      add(occupations, *code);
    } else {
      ctx.unknown_role(name);
    }
  }
  if (wanted.empty()) {
    warnings.push_back("no target: the assessment has no target_role and no --target was given, so steps are ranked "
                       "only by what newly comes within reach");
  }

  NextOptions opt;
  opt.threshold = o.threshold;
  opt.max_zone_step = o.max_zone_step;
  opt.min_pay_ratio = o.min_pay_ratio;
  if (a.current_pay) {
    if (a.current_pay->currency == "USD") {
      opt.current_pay = a.current_pay->amount;
    } else {
      warnings.push_back(fmt::format("your current pay is in {}; BLS medians are in USD, so the pay rule is not applied",
                                     a.current_pay->currency));
    }
  }
  std::string zone_basis;
  if (o.current_zone != 0) {
    opt.current_zone = o.current_zone;
    zone_basis = "as asked (--current-zone)";
  } else if (release) {
    opt.current_zone = current_zone(ctx, *db, a, zone_basis);
  }

  NextResult res;
  res.options = opt;
  res.zone_basis = zone_basis;
  if (!a.ratings.empty()) {
    const MedianLookup median = [&](const Role& role) -> std::optional<std::pair<double, std::string>> {
      const SocMapping* soc = anchor_occupation(role);
      return soc != nullptr ? national_median(cat, db, soc->code, &role) : std::nullopt;
    };
    res.curated = next_curated(cat, a, roles, opt, median);
  } else {
    warnings.push_back("the curated roles are left out: the assessment rates none of careerplan's skills (0-5)");
  }

  if (!a.onet_ratings.empty() && !release) {
    warnings.push_back("the assessment has O*NET ratings but no O*NET data is imported, so occupations are left out; "
                       "download O*NET's text release and run 'careerplan import onet DIR'");
  } else if (!a.onet_ratings.empty()) {
    if (!a.onet_release.empty() && a.onet_release != release->version) {
      warnings.push_back(fmt::format("the O*NET ratings were made against O*NET {}; O*NET {} is imported",
                                     a.onet_release, release->version));
    }
    const OccupationMedian median = [&](const std::string& code) {
      return national_median(cat, db, code.substr(0, 7), nullptr);
    };
    res.onet = next_onet(*db, a.onet_ratings, occupations, opt, median);
    res.onet_source = release->source_id();
    for (const auto& code : occupations) {
      if (std::none_of(res.onet->units.begin(), res.onet->units.end(), [&](const NextUnit& u) { return u.id == code; })) {
        warnings.push_back(fmt::format("O*NET target {} is left out: O*NET gives it no skill ratings, or you rated none "
                                       "of the elements it counts", code));
      }
    }
    if (!opt.current_zone) {
      warnings.push_back("your job zone is not known (set current_role to an O*NET occupation or a curated role, or "
                         "give --current-zone), so the job-zone rule is not applied");
    }
  } else if (release) {
    warnings.push_back("O*NET occupations are left out: the assessment rates none of O*NET's skills (rate them with "
                       "'careerplan assess --set 2.A.1.e=N')");
  }
  res.warnings = std::move(warnings);
  ctx.emit({[&] { return next_document(res, a.file, o.top, o.explain); },
            [&] { return next_document_json(res, a.file, o.top); }});
}

} // namespace

void setup_next(CLI::App& app, Context& ctx)
{
  auto o = std::make_shared<NextCliOptions>();
  ctx.keep(o);
  auto* cmd = app.add_subcommand("next", "Which skill to raise one level next: the readiness it buys on your targets "
                                         "and the roles it brings within reach");
  cmd->add_option("--target", o->targets, "A role or O*NET occupation to aim at, besides the assessment's target_role "
                                          "(repeatable)")
      ->option_text("ROLE");
  cmd->add_option("--threshold", o->threshold, "The readiness, in percent, at which a role is within reach (default 80)")
      ->check(decimal_number(1, 100, "the threshold"))
      ->option_text("P");
  cmd->add_option("--top", o->top, "How many steps to show per vocabulary (default 10)")
      ->check(CLI::Range(1, 100000))
      ->option_text("N");
  cmd->add_option("--max-zone-step", o->max_zone_step, "O*NET occupations: the largest job-zone difference a move may "
                                                       "span (default 1, Nesta's rule)")
      ->check(CLI::Range(0, 4))
      ->option_text("N");
  cmd->add_option("--min-pay-ratio", o->min_pay_ratio, "The least median wage of a destination, as a share of your "
                                                       "current pay (default 0.75, Nesta's threshold)")
      ->check(decimal_number(0, 10, "the pay ratio"))
      ->option_text("R");
  cmd->add_option("--current-zone", o->current_zone, "Your job zone (1-5), when current_role does not give it")
      ->check(CLI::Range(1, 5))
      ->option_text("Z");
  cmd->add_flag("--explain", o->explain, "Print the formula, with the first step's figures in it");
  cmd->callback([&ctx, o] { run_next(ctx, *o); });
}

} // namespace careerplan
