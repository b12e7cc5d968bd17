#pragma once
// The headline figures of a role, every one with its source: the national medians each source
// publishes (never averaged) and the growth figures.
#include <string>
#include <vector>

#include "core/model.hpp"

namespace careerplan {

struct HeadlineFigure
{
  double value = 0;
  std::string basis;
  std::string unit; // "USD" for pay, "percent" for growth
  std::string period;
  std::string figure; // figure or outlook id
  std::string source;
};

struct RoleSummary
{
  const Role* role = nullptr;
  std::vector<HeadlineFigure> national_medians;
  std::vector<HeadlineFigure> growth;
};

RoleSummary summarize(const Role& role);

// Every place a role refers to a source: (role id, JSON pointer) per source id.
struct SourceUse
{
  const Source* source = nullptr;
  std::vector<std::pair<const Role*, std::string>> used_by; // (role, JSON pointer into its profile)
};
std::vector<SourceUse> source_uses(const Catalog& catalog, const Role* only);

} // namespace careerplan
