#include "render/progress_view.hpp"

#include <nlohmann/json.hpp>

#include <fmt/format.h>

#include "core/text.hpp"
#include "render/gap_view.hpp"
#include "render/json_shape.hpp"
#include "render/schema_ids.hpp"

namespace careerplan {

std::string date_of(Timestamp t)
{
  return format_timestamp(t).substr(0, 10);
}

std::string points_text(double change)
{
  if (std::abs(change) < 0.05) {
    return "no change";
  }
  return fmt::format("{:+.1f} points", change);
}

namespace {

std::string location(const Assessment& a)
{
  return !a.state.empty() ? a.state : a.country;
}

std::string move_text(const SkillMove& m)
{
  return fmt::format("{} {}→{}", m.skill, m.from, m.to);
}

nlohmann::json move_json(const SkillMove& m)
{
  return {{"skill", m.skill}, {"name", m.name},         {"from", m.from},         {"to", m.to},
          {"change", m.to - m.from}, {"required", m.required}, {"gap_from", m.gap_from}, {"gap_to", m.gap_to}};
}

} // namespace

Document history_document(const History& h)
{
  Document doc;
  doc.title = fmt::format("History: {} snapshot(s) in {}", h.snapshots.size(), h.file);
  Section s;
  s.table.columns = {"#", "AT", "EVENT", "TARGET", "YEARS", "PLACE", "RATED", "LINE"};
  s.table.align = {Align::right, Align::left, Align::left, Align::left, Align::right, Align::left, Align::right, Align::right};
  s.table.droppable = {2, 7, 5};
  doc.csv.columns = {"n", "at", "event", "target_role", "years_experience", "place", "ratings", "line"};
  std::size_t n = 0;
  for (const auto& snap : h.snapshots) {
    const Assessment& a = snap.assessment;
    const std::string years = a.years_experience ? plain_number(*a.years_experience) : "";
    s.table.rows.push_back({std::to_string(++n), format_timestamp(snap.at), snap.event, a.target_role, years, location(a),
                            std::to_string(a.ratings.size()), std::to_string(snap.line)});
    doc.csv.rows.push_back({std::to_string(n), format_timestamp(snap.at), snap.event, a.target_role, years, location(a),
                            std::to_string(a.ratings.size()), std::to_string(snap.line)});
  }
  if (h.snapshots.empty()) {
    s.table = {};
    s.paragraphs.push_back(h.exists ? "No snapshot could be read." : "No history yet: every 'careerplan assess' that saves "
                                                                     "the assessment adds a snapshot.");
  }
  doc.sections.push_back(std::move(s));
  if (!h.problems.empty()) {
    Section p;
    p.heading = "Lines not read in full (they stay in the file)";
    for (const auto& pr : h.problems) {
      p.bullets.push_back(pr.line == 0 ? pr.message : fmt::format("line {}: {}", pr.line, pr.message));
    }
    doc.sections.push_back(std::move(p));
  }
  return doc;
}

nlohmann::json history_problems_json(const History& h)
{
  nlohmann::json arr = nlohmann::json::array();
  for (const auto& pr : h.problems) {
    nlohmann::json j = {{"message", pr.message}};
    if (pr.line > 0) {
      j["line"] = pr.line;
    }
    arr.push_back(j);
  }
  return arr;
}

nlohmann::json history_json(const History& h)
{
  nlohmann::json snaps = nlohmann::json::array();
  for (const auto& snap : h.snapshots) {
    const Assessment& a = snap.assessment;
    nlohmann::json j = {{"at", format_timestamp(snap.at)},
                        {"event", snap.event},
                        {"line", snap.line},
                        {"target_role", a.target_role},
                        {"current_role", a.current_role},
                        {"ratings", a.ratings}};
    if (a.years_experience) {
      j["years_experience"] = *a.years_experience;
    }
    if (!a.state.empty()) {
      j["state"] = a.state;
    }
    if (!a.country.empty()) {
      j["country"] = a.country;
    }
    snaps.push_back(j);
  }
  return {{"schema", schema_id::history_list},
          {"file", h.file},
          {"exists", h.exists},
          {"lines", h.lines},
          {"snapshots", snaps},
          {"problems", history_problems_json(h)}};
}

std::vector<Section> progress_sections(const RoleProgress& p)
{
  std::vector<Section> out;
  Section head;
  head.heading = fmt::format("{} ({})", p.role->title, p.role->id);
  if (p.points.empty()) {
    head.paragraphs.push_back("No snapshot in this period.");
    out.push_back(std::move(head));
    return out;
  }
  const ProgressPoint& a = p.points.front();
  const ProgressPoint& b = p.points.back();
  std::vector<double> values;
  values.reserve(p.points.size());
  for (const auto& pt : p.points) {
    values.push_back(pt.readiness);
  }
  head.fields.emplace_back("period", fmt::format("{} to {}, {} snapshot(s)", format_timestamp(a.snapshot->at),
                                                 format_timestamp(b.snapshot->at), p.points.size()));
  head.fields.emplace_back("readiness", fmt::format("{} → {} ({})", percent(a.readiness), percent(b.readiness), points_text(p.change)));
  head.fields.emplace_back("over time", sparkline(values, k_sparkline_width) + " (0–100%)");
  const auto senior = [](const ProgressPoint& pt) { return pt.seniority.empty() ? std::string("no years given") : pt.seniority + " (" + pt.seniority_title + ")"; };
  head.fields.emplace_back("seniority", a.seniority == b.seniority ? senior(b) : senior(a) + " → " + senior(b) + ", reached");
  out.push_back(std::move(head));

  Section t;
  t.heading = "Readiness over time";
  t.table.columns = {"DATE", "LEVEL", "READINESS", "CHANGE", "GAPS", "SENIORITY"};
  t.table.align = {Align::left, Align::left, Align::right, Align::right, Align::right, Align::left};
  t.table.droppable = {5, 3};
  const std::size_t start = p.points.size() > k_progress_rows ? p.points.size() - k_progress_rows : 0;
  for (std::size_t i = start; i < p.points.size(); ++i) {
    const auto& pt = p.points[i];
    const std::string change = i == 0 ? "" : fmt::format("{:+.1f}", pt.readiness - p.points[i - 1].readiness);
    t.table.rows.push_back({format_timestamp(pt.snapshot->at), pt.level, percent(pt.readiness), change,
                            std::to_string(pt.gaps), pt.seniority});
  }
  if (start > 0) {
    t.paragraphs.push_back(fmt::format("The latest {} of {} snapshots; --json lists every one.", k_progress_rows, p.points.size()));
  }
  out.push_back(std::move(t));

  Section m;
  m.heading = "Skills that moved";
  m.table.columns = {"SKILL", "FROM", "TO", "CHANGE", "REQUIRED", "GAP NOW"};
  m.table.align = {Align::left, Align::right, Align::right, Align::right, Align::right, Align::right};
  for (const auto& mv : p.moved) {
    m.table.rows.push_back({mv.skill, std::to_string(mv.from), std::to_string(mv.to), fmt::format("{:+}", mv.to - mv.from),
                            plain_number(mv.required), plain_number(mv.gap_to)});
  }
  if (p.moved.empty()) {
    m.paragraphs.push_back("No rating of this role's skills changed in the period.");
  }
  out.push_back(std::move(m));

  Section g;
  g.heading = "Gaps";
  std::vector<std::string> closed;
  for (const auto& mv : p.closed) {
    closed.push_back(move_text(mv));
  }
  std::vector<std::string> opened;
  for (const auto& mv : p.opened) {
    opened.push_back(fmt::format("{} (required {})", move_text(mv), plain_number(mv.required)));
  }
  g.fields.emplace_back("closed", closed.empty() ? "none" : join(closed, ", "));
  if (!opened.empty()) {
    g.fields.emplace_back("opened", join(opened, ", "));
  }
  g.fields.emplace_back("open now", std::to_string(b.gaps));
  out.push_back(std::move(g));
  return out;
}

nlohmann::json progress_role_json(const RoleProgress& p)
{
  nlohmann::json points = nlohmann::json::array();
  for (const auto& pt : p.points) {
    nlohmann::json j = {{"at", format_timestamp(pt.snapshot->at)},
                        {"line", pt.snapshot->line},
                        {"level", pt.level},
                        {"readiness", shape::percent(pt.readiness)},
                        {"gaps", pt.gaps}};
    if (!pt.seniority.empty()) {
      j["seniority"] = pt.seniority;
      j["seniority_title"] = pt.seniority_title;
    }
    points.push_back(j);
  }
  nlohmann::json moved = nlohmann::json::array();
  for (const auto& m : p.moved) {
    moved.push_back(move_json(m));
  }
  nlohmann::json closed = nlohmann::json::array();
  for (const auto& m : p.closed) {
    closed.push_back(move_json(m));
  }
  nlohmann::json opened = nlohmann::json::array();
  for (const auto& m : p.opened) {
    opened.push_back(move_json(m));
  }
  nlohmann::json j = {{"role", shape::role_ref(p.role->id, p.role->title)},
                      {"points", points},
                      {"readiness_change", shape::percent(p.change)},
                      {"moved", moved},
                      {"gaps_closed", closed},
                      {"gaps_opened", opened}};
  if (!p.points.empty()) {
    j["readiness_first"] = shape::percent(p.points.front().readiness);
    j["readiness_last"] = shape::percent(p.points.back().readiness);
    if (!p.points.back().seniority.empty()) {
      j["seniority_reached"] = p.points.back().seniority;
    }
  }
  return j;
}

Document progress_document(const std::vector<RoleProgress>& roles, const History& h, std::optional<Timestamp> since)
{
  Document doc;
  doc.title = since ? fmt::format("Progress since {}", format_timestamp(*since)) : std::string("Progress");
  Section head;
  head.fields.emplace_back("history", fmt::format("{} ({} snapshot(s))", h.file, h.snapshots.size()));
  doc.sections.push_back(std::move(head));
  doc.csv.columns = {"role", "at", "level", "readiness", "gaps", "seniority"};
  for (const auto& p : roles) {
    for (auto& s : progress_sections(p)) {
      doc.sections.push_back(std::move(s));
    }
    for (const auto& pt : p.points) {
      doc.csv.rows.push_back({p.role->id, format_timestamp(pt.snapshot->at), pt.level, fmt::format("{}", pt.readiness),
                              std::to_string(pt.gaps), pt.seniority});
    }
  }
  doc.footnotes.push_back("Each snapshot is measured as 'careerplan gap' measures the assessment, at the level its own "
                          "years of experience give (or --level); skills and gaps compare the first and the last snapshot "
                          "of the period.");
  return doc;
}

nlohmann::json progress_json(const std::vector<RoleProgress>& roles, const History& h, std::optional<Timestamp> since)
{
  nlohmann::json arr = nlohmann::json::array();
  for (const auto& r : roles) {
    arr.push_back(progress_role_json(r));
  }
  return {{"schema", schema_id::progress},
          {"history", h.file},
          {"snapshots", h.snapshots.size()},
          {"roles", arr},
          {"problems", history_problems_json(h)},
          {"since", since ? nlohmann::json(format_timestamp(*since)) : nlohmann::json(nullptr)}};
}

} // namespace careerplan
