#include "core/report.hpp"

#include "core/salary_bls.hpp"
#include "core/summary.hpp"

namespace careerplan {

Report compute_report(const Role& role, const Catalog& catalog, const Assessment& assessment, const History& history,
                      Timestamp now, const std::string& level, Db* store)
{
  Report r;
  r.role = &role;
  r.assessment = assessment;
  r.generated = now;
  r.plan = compute_plan(role, catalog, r.assessment, level);
  SalaryQuery q;
  q.pay = assessment.current_pay;
  q.pay_from = assessment.current_pay ? assessment.file : std::string();
  // The same bands as `careerplan salary`: the role's own figures, then its anchor occupation's BLS wages.
  r.national = compute_salary(role, q);
  attach_bls(r.national, catalog, store);
  if (!assessment.state.empty()) {
    q.place = state_place(assessment.state);
    r.local = compute_salary(role, q);
  } else if (!assessment.country.empty() && assessment.country != "US") {
    q.place = country_place(assessment.country);
    r.local = compute_salary(role, q);
  }
  if (r.local) {
    attach_bls(*r.local, catalog, store);
  }
  r.history_file = history.file;
  r.history_problems = history.problems;
  if (!history.snapshots.empty()) {
    r.progress = compute_progress(role, catalog, history, ProgressQuery{std::nullopt, level});
  }
  for (const auto& use : source_uses(catalog, &role)) {
    if (!use.used_by.empty()) {
      r.sources.push_back(use.source);
    }
  }
  return r;
}

} // namespace careerplan
