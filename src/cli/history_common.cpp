#include "cli/history_common.hpp"

#include <nlohmann/json.hpp>

#include <cstdio>

#include <fmt/format.h>

#include "core/errors.hpp"
#include "core/text.hpp"

namespace careerplan {

History load_history(Context& ctx)
{
  const std::string assessment = ctx.assessment_path();
  if (assessment.empty()) {
    throw UsageError("no assessment file, so no history: HOME is not set", "use --assessment FILE");
  }
  History h = read_history(history_path(assessment), ctx.catalog());
  if (!ctx.json()) {
    constexpr std::size_t k_most = 10;
    for (std::size_t i = 0; i < h.problems.size() && i < k_most; ++i) {
      const auto& p = h.problems[i];
      const std::string where = p.line == 0 ? h.file : fmt::format("{}:{}", h.file, p.line);
      std::fprintf(stderr, "careerplan: warning: %s: %s\n", printable_text(where).c_str(), printable_text(p.message).c_str());
    }
    if (h.problems.size() > k_most) {
      std::fprintf(stderr, "careerplan: warning: %zu more problem(s); 'careerplan history --json' lists them all\n",
                   h.problems.size() - k_most);
    }
  }
  return h;
}

std::optional<Timestamp> parse_since(const std::string& text)
{
  if (text.empty()) {
    return std::nullopt;
  }
  const auto t = parse_timestamp(text);
  if (!t) {
    throw UsageError(fmt::format("--since '{}' is not a date", text), "use YYYY-MM-DD or a UTC time such as 2026-03-01T09:30:00Z");
  }
  return t;
}

std::vector<const Role*> roles_to_measure(Context& ctx, const std::vector<std::string>& names, const History& h,
                                          const char* command)
{
  const Catalog& cat = ctx.catalog();
  std::vector<const Role*> roles;
  for (const auto& n : names) {
    roles.push_back(&resolve_role(cat, n));
  }
  if (!roles.empty()) {
    return roles;
  }
  std::string target;
  if (const auto a = ctx.assessment_if_any()) {
    target = a->target_role;
  }
  for (auto it = h.snapshots.rbegin(); target.empty() && it != h.snapshots.rend(); ++it) {
    target = it->assessment.target_role;
  }
  if (target.empty()) {
    throw UsageError("no role given and neither the assessment nor its history names a target_role",
                     fmt::format("run 'careerplan {} ROLE'", command));
  }
  roles.push_back(&resolve_role(cat, target));
  return roles;
}

} // namespace careerplan
