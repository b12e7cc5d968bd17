#pragma once
// Progress over time: each snapshot of the history measured against a role with the same
// computation as `careerplan gap` (core/gap.hpp), then the first and the last snapshot of the
// period compared:
//
//   readiness change = readiness(last) - readiness(first)
//   a skill moved    when rating(last) != rating(first); by rating(last) - rating(first)
//   a gap closed     when gap(first) > 0 and gap(last) = 0; opened when the reverse
//
// Each snapshot is measured at the level its own years of experience give (or at --level), so
// a level reached can raise the bar: the gaps opened say so.
#include <optional>
#include <string>
#include <vector>

#include "core/gap.hpp"
#include "core/history.hpp"

namespace careerplan {

struct ProgressPoint
{
  const Snapshot* snapshot = nullptr;
  std::string level; // the level measured against
  double readiness = 0;
  std::string seniority; // the primary ladder's level for the snapshot's years ("" when none)
  std::string seniority_title;
  int gaps = 0; // skills with a gap
};

struct SkillMove
{
  std::string skill;
  std::string name;
  int from = 0;
  int to = 0;
  double required = 0; // at the last snapshot's level
  double gap_from = 0;
  double gap_to = 0;
};

struct RoleProgress
{
  const Role* role = nullptr;
  std::vector<ProgressPoint> points; // by date
  double change = 0; // readiness, in percentage points
  std::vector<SkillMove> moved; // skills whose rating changed, largest rise first
  std::vector<SkillMove> closed; // gaps closed
  std::vector<SkillMove> opened; // gaps opened
};

struct ProgressQuery
{
  std::optional<Timestamp> since; // snapshots dated at or after this
  std::string level; // "" : each snapshot's own level
};

// Measures `history`'s snapshots (those since query.since) against `role`. Snapshots without
// any rating of the role's skills still count (readiness 0).
RoleProgress compute_progress(const Role& role, const Catalog& catalog, const History& history, const ProgressQuery& query);

// The snapshots of the period (at or after `since`).
std::vector<const Snapshot*> snapshots_since(const History& history, std::optional<Timestamp> since);

// "▁▂▃▄▅▆▇█" of values on 0..100, at most `width` cells: with more values than cells, each cell
// shows the last value of its share of the period.
std::string sparkline(const std::vector<double>& values, std::size_t width);

} // namespace careerplan
