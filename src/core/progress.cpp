#include "core/progress.hpp"

#include <algorithm>
#include <cmath>
#include <map>

namespace careerplan {

std::vector<const Snapshot*> snapshots_since(const History& history, std::optional<Timestamp> since)
{
  std::vector<const Snapshot*> out;
  for (const auto& s : history.snapshots) {
    if (!since || s.at >= *since) {
      out.push_back(&s);
    }
  }
  return out;
}

RoleProgress compute_progress(const Role& role, const Catalog& catalog, const History& history, const ProgressQuery& query)
{
  RoleProgress p;
  p.role = &role;
  const auto window = snapshots_since(history, query.since);
  std::optional<GapResult> first;
  std::optional<GapResult> last;
  for (std::size_t i = 0; i < window.size(); ++i) {
    const Snapshot& s = *window[i];
    GapResult g = compute_gap(role, catalog, s.assessment, query.level);
    ProgressPoint pt;
    pt.snapshot = &s;
    pt.level = g.level;
    pt.readiness = g.readiness;
    if (!g.seniority.empty()) {
      pt.seniority = g.seniority.front().level;
      pt.seniority_title = g.seniority.front().title;
    }
    pt.gaps = static_cast<int>(std::count_if(g.skills.begin(), g.skills.end(), [](const SkillGap& k) { return k.gap > 0; }));
    p.points.push_back(std::move(pt));
    // Only the ends are compared; the points in between keep their figures only.
    if (i == 0) {
      first = std::move(g);
    } else if (i + 1 == window.size()) {
      last = std::move(g);
    }
  }
  if (!first) {
    return p;
  }
  if (!last) {
    last = first;
  }
  p.change = last->readiness - first->readiness;
  std::map<std::string, const SkillGap*> before;
  for (const auto& g : first->skills) {
    before[g.skill] = &g;
  }
  for (const auto& g : last->skills) {
    const auto it = before.find(g.skill);
    if (it == before.end()) {
      continue;
    }
    const SkillGap& b = *it->second;
    const SkillMove m{g.skill, g.name, b.rating, g.rating, g.required, b.gap, g.gap};
    if (g.rating != b.rating) {
      p.moved.push_back(m);
    }
    if (b.gap > 0 && g.gap <= 0) {
      p.closed.push_back(m);
    } else if (b.gap <= 0 && g.gap > 0) {
      p.opened.push_back(m);
    }
  }
  std::stable_sort(p.moved.begin(), p.moved.end(), [](const SkillMove& a, const SkillMove& b) {
    return (a.to - a.from) > (b.to - b.from);
  });
  return p;
}

std::string sparkline(const std::vector<double>& values, std::size_t width)
{
  static constexpr const char* k_blocks[] = {"▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"};
  std::string out;
  if (values.empty() || width == 0) {
    return out;
  }
  const std::size_t cells = std::min(values.size(), width);
  for (std::size_t c = 0; c < cells; ++c) {
    // The last value of the cell's share: cell c covers values [c*n/cells, (c+1)*n/cells).
    const std::size_t idx = (c + 1) * values.size() / cells - 1;
    const double v = std::clamp(values[idx], 0.0, 100.0);
    const auto level = static_cast<std::size_t>(std::lround(v / 100.0 * 7.0));
    out += k_blocks[std::min<std::size_t>(level, 7)];
  }
  return out;
}

} // namespace careerplan
