#pragma once
// What `history`, `progress` and `report` share: the history log of the assessment in use, its
// problems reported as warnings, --since, and the roles to measure.
#include <optional>
#include <string>
#include <vector>

#include "cli/context.hpp"
#include "core/history.hpp"

namespace careerplan {

// Reads the log beside the assessment in use. Lines not read in full are warned about on stderr
// (except with --format json, whose output lists them), at most ten, then a count.
History load_history(Context& ctx);
// DATE as YYYY-MM-DD or a UTC timestamp; a UsageError otherwise. nullopt for "".
std::optional<Timestamp> parse_since(const std::string& text);
// The roles named (ids or aliases), else the assessment's target role, else the latest snapshot's.
std::vector<const Role*> roles_to_measure(Context& ctx, const std::vector<std::string>& names, const History& h,
                                          const char* command);

} // namespace careerplan
