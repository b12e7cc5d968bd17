#pragma once
// A one-page report on one role for the user: the gaps and the learning plan (core/plan.hpp),
// pay by level and in the user's place (core/salary.hpp), readiness over time
// (core/progress.hpp) and every source the role's figures cite. Nothing is computed here that
// those do not compute: the report gathers their results.
#include <optional>
#include <string>
#include <vector>

#include "core/history.hpp"
#include "core/store.hpp"
#include "core/plan.hpp"
#include "core/progress.hpp"
#include "core/salary.hpp"

namespace careerplan {

struct Report
{
  const Role* role = nullptr;
  Assessment assessment;
  Timestamp generated = 0;
  Plan plan;
  SalaryResult national; // every level, national figures
  std::optional<SalaryResult> local; // the assessment's state or country, when it names one
  std::optional<RoleProgress> progress; // when the history has a snapshot
  std::string history_file;
  std::vector<HistoryProblem> history_problems; // lines of the log not read in full
  std::vector<const Source*> sources; // every source the role's profile cites, by id
};

// `history` may be empty. Throws what compute_plan and compute_salary throw.
// store: the imported data (may be null), for BLS's wages as `salary` shows them.
Report compute_report(const Role& role, const Catalog& catalog, const Assessment& assessment, const History& history,
                      Timestamp now, const std::string& level = {}, Db* store = nullptr);

} // namespace careerplan
