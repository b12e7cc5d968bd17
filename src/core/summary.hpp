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
  int year = 0; // the figure's reference year; 0: undated
  // The anchor occupation whose figure this is ("Data Scientists (SOC 15-2051)"), when the role
  // is counted in it by assumption; empty when the figure is the role's own.
  std::string anchor;
};

// The parts of a role profile `roles` counts, in order, and whether the profile has each.
struct ProfilePart
{
  std::string name;
  bool present = false;
};

struct RoleSummary
{
  const Role* role = nullptr;
  std::vector<HeadlineFigure> national_medians;
  std::vector<HeadlineFigure> growth;
  std::vector<ProfilePart> parts; // how complete the profile is
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
