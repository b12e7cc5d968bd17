#pragma once
// One JSON shape for what every command prints (man page, "JSON OUTPUT"). A command's JSON
// builds its references, percentages and amounts with these, never by hand:
//   - a curated role, wherever a document names one, is {"id", "title"} under "role"
//     (read it at .role.id in every command);
//   - an O*NET-SOC occupation is {"code", "title"} under "occupation";
//   - a percentage (readiness, coverage, a difference in percent) has one decimal, as tables
//     show it;
//   - money is {"value", "currency", "period"}, the statistic named by its key (median, p10,
//     p25, p75, p90, mean, low, high, value); null when not known.
#include <cmath>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

namespace careerplan::shape {

inline nlohmann::json role_ref(const std::string& id, const std::string& title)
{
  return {{"id", id}, {"title", title}};
}

inline nlohmann::json occupation_ref(const std::string& code, const std::string& title)
{
  return {{"code", code}, {"title", title}};
}

inline double percent(double value) { return std::round(value * 10.0) / 10.0; }

// Annual amounts in whole units, hourly amounts in cents (BLS publishes both so).
inline nlohmann::json amount(std::optional<double> value, const std::string& currency,
                             const std::string& period)
{
  if (!value) return nullptr;
  const double scale = period == "hour" ? 100.0 : 1.0;
  return {{"value", std::round(*value * scale) / scale}, {"currency", currency}, {"period", period}};
}

} // namespace careerplan::shape
