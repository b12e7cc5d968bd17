#include "render/report_html.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "core/text.hpp"
#include "render/format.hpp"
#include "render/gap_view.hpp"
#include "render/progress_view.hpp"
#include "render/report_view.hpp"

namespace careerplan {

std::string html_escape(std::string_view text)
{
  std::string out;
  out.reserve(text.size());
  for (const char c : printable_text(text)) {
    switch (c) {
    case '&': out += "&amp;"; break;
    case '<': out += "&lt;"; break;
    case '>': out += "&gt;"; break;
    case '"': out += "&quot;"; break;
    case '\'': out += "&#39;"; break;
    default: out += c;
    }
  }
  return out;
}

namespace {

using Out = std::string;

const char* k_style = R"(
:root{color-scheme:light;--ink:#1d2330;--muted:#5b6475;--line:#d9dee7;--fill:#2f6fdf;--gap:#f0b43c;--bg:#fff}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--ink);font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif}
main{max-width:60rem;margin:0 auto;padding:1rem}
h1{font-size:1.6rem;margin:.5rem 0}h2{font-size:1.25rem;margin:2rem 0 .5rem;border-bottom:2px solid var(--line)}
.meta{color:var(--muted);margin:0}.meta span{margin-right:1rem;white-space:nowrap}
.big{font-size:2.4rem;font-weight:700;margin:.5rem 0}
.scroll{overflow-x:auto}
table{border-collapse:collapse;width:100%;font-size:.95rem}
th,td{text-align:left;padding:.3rem .5rem;border-bottom:1px solid var(--line);vertical-align:top}
td.n,th.n{text-align:right;white-space:nowrap}
.chart{list-style:none;padding:0;margin:0}
.chart li{margin:.35rem 0}
.chart .label{display:flex;justify-content:space-between;gap:1rem;font-size:.95rem}
svg.bar{display:block;width:100%;height:14px}
svg.line{display:block;width:100%;height:auto;max-height:18rem}
.note{color:var(--muted);font-size:.9rem}
.met{color:#17733a;font-weight:600}.unmet{color:#a33b12;font-weight:600}
ol.plan li{margin:.5rem 0}
a{color:#1b4fb3;overflow-wrap:anywhere}
.legend{font-size:.85rem;color:var(--muted)}
.sw{display:inline-block;width:.8rem;height:.8rem;vertical-align:middle;margin:0 .25rem 0 .75rem}
@media (max-width:40rem){main{padding:.75rem}h1{font-size:1.35rem}.big{font-size:2rem}table{font-size:.85rem}th,td{padding:.25rem .3rem}.wide{display:none}}
@media print{a{color:inherit}}
)";

std::string num(double v)
{
  return plain_number(v);
}

std::string safe_url(const std::string& url)
{
  return url.rfind("https://", 0) == 0 || url.rfind("http://", 0) == 0 ? url : std::string();
}

void skill_bar(Out& o, int rating, double required)
{
  // 0-5 scale on 0-100 units: the rating filled, the gap to the required level hatched in amber.
  const double r = std::clamp(rating, 0, 5) * 20.0;
  const double q = std::clamp(required, 0.0, 5.0) * 20.0;
  o += fmt::format(R"(<svg class="bar" viewBox="0 0 100 10" preserveAspectRatio="none" role="img" aria-label="rating {} of 5, required {}">)",
                   rating, num(required));
  o += R"(<rect x="0" y="1" width="100" height="8" fill="#eef1f6"/>)";
  if (q > r) {
    o += fmt::format(R"(<rect x="{:.1f}" y="1" width="{:.1f}" height="8" fill="#f0b43c"/>)", r, q - r);
  }
  o += fmt::format(R"(<rect x="0" y="1" width="{:.1f}" height="8" fill="#2f6fdf"/>)", r);
  o += fmt::format(R"(<rect x="{:.1f}" y="0" width="0.8" height="10" fill="#1d2330"/></svg>)", std::max(0.0, q - 0.8));
}

void gap_section(Out& o, const Report& r)
{
  const GapResult& g = r.plan.gap;
  o += "<section id=\"gap\"><h2>Skills: where you are, what the role asks</h2>\n";
  o += "<p class=\"legend\">On a 0–5 scale:<span class=\"sw\" style=\"background:#2f6fdf\"></span>your rating"
       "<span class=\"sw\" style=\"background:#f0b43c\"></span>the gap<span class=\"sw\" style=\"background:#1d2330;width:.2rem\"></span>"
       "the required level. What to learn first is at the top.</p>\n<ul class=\"chart\">\n";
  for (const auto& k : g.skills) {
    o += fmt::format("<li data-skill=\"{}\"><div class=\"label\"><span>{}</span><span>you <b data-key=\"rating\">{}</b> · "
                     "required <b data-key=\"required\">{}</b></span></div>",
                     html_escape(k.skill), html_escape(k.name), k.rating, num(k.required));
    skill_bar(o, k.rating, k.required);
    o += "</li>\n";
  }
  o += "</ul>\n<div class=\"scroll\"><table id=\"gap-table\"><thead><tr><th>#</th><th>Skill</th><th class=\"n\">Required</th>"
       "<th class=\"n\">You</th><th class=\"n\">Gap</th><th class=\"n wide\">Weight</th><th class=\"n\">Priority</th></tr></thead><tbody>\n";
  int n = 0;
  for (const auto& k : g.skills) {
    o += fmt::format("<tr data-skill=\"{}\"><td>{}</td><td>{}</td><td class=\"n\" data-key=\"required\">{}</td><td class=\"n\" "
                     "data-key=\"rating\">{}</td><td class=\"n\" data-key=\"gap\">{}</td><td class=\"n wide\" data-key=\"weight\">{}</td>"
                     "<td class=\"n\" data-key=\"priority\">{:.3f}</td></tr>\n",
                     html_escape(k.skill), ++n, html_escape(k.name), num(k.required), k.rating, num(k.gap), num(k.weight), k.priority);
  }
  o += "</tbody></table></div>\n";
  if (!g.rules.empty()) {
    o += "<h3>Rules</h3><ul>\n";
    for (const auto& rr : g.rules) {
      o += fmt::format("<li><span class=\"{}\">{}</span> {} ({} of {} skills at level {}+, {} needed{}) [{}]</li>\n",
                       !rr.applies ? "" : rr.met ? "met" : "unmet", !rr.applies ? "Not asked" : rr.met ? "Met" : "Not met",
                       html_escape(rr.rule->description), rr.count, rr.rule->skills.size(), num(rr.rule->min_level),
                       rr.rule->at_least,
                       rr.applies ? std::string() : "; first asked at " + html_escape(rr.applies_from),
                       html_escape(rr.rule->basis.source));
    }
    o += "</ul>\n";
  }
  o += "<h3>Seniority</h3><ul>\n";
  for (const auto& m : g.seniority) {
    o += fmt::format("<li>{} [{}]: <b>{}</b> ({}){}</li>\n", html_escape(m.ladder), html_escape(m.source), html_escape(m.level),
                     html_escape(m.title),
                     m.next_level.empty() ? std::string("; top of this ladder")
                                          : fmt::format("; next: {} ({}) in {} year(s)", html_escape(m.next_level),
                                                        html_escape(m.next_title), num(*m.years_to_next)));
  }
  if (g.seniority.empty()) {
    o += "<li>No years of experience in the assessment.</li>\n";
  }
  o += "</ul></section>\n";
}

void plan_section(Out& o, const Report& r)
{
  o += "<section id=\"plan\"><h2>Learning plan, in order</h2>\n";
  if (r.plan.steps.empty()) {
    o += "<p>You meet every requirement at this level.</p>\n";
  }
  o += "<ol class=\"plan\">\n";
  for (const auto& st : r.plan.steps) {
    o += fmt::format("<li data-skill=\"{}\"><b>{}</b>: from {} to {} <span class=\"note\">(priority {:.3f})</span>",
                     html_escape(r.plan.gap_of(st).skill), html_escape(r.plan.gap_of(st).name), r.plan.gap_of(st).rating, num(r.plan.gap_of(st).required), r.plan.gap_of(st).priority);
    std::vector<std::string> tools;
    for (const Tool* t : st.tools) {
      tools.push_back(html_escape(t->name));
    }
    if (!tools.empty()) {
      o += "<br>Learn: " + join(tools, ", ");
    }
    for (const Project* p : st.projects) {
      o += "<br>Prove it: " + html_escape(p->text) + fmt::format(" <span class=\"note\">[{}]</span>", html_escape(p->source));
    }
    for (const Certification* c : st.certifications) {
      o += "<br>Certification: " + html_escape(c->name) + " (" + html_escape(c->issuer) +
           (c->cost ? ", " + html_escape(money(*c->cost, c->currency)) : std::string()) + ")";
    }
    o += "</li>\n";
  }
  o += "</ol>\n";
  for (const auto& nl : r.plan.next) {
    std::vector<std::string> asks;
    for (const auto& g : nl.asks) {
      asks.push_back(fmt::format("{} {}→{}", html_escape(g.skill), g.rating, num(g.required)));
    }
    o += fmt::format("<p>Next level, {} (by the {} ladder), asks: {}</p>\n", html_escape(nl.level), html_escape(nl.ladder),
                     asks.empty() ? "nothing beyond your current ratings" : join(asks, ", "));
  }
  o += "</section>\n";
}

std::optional<double> low_of(const SalaryFigure& f) { return f.low ? f.low : f.p10; }
std::optional<double> high_of(const SalaryFigure& f) { return f.high ? f.high : f.p90; }
std::optional<double> mid_of(const SalaryFigure& f) { return f.median ? f.median : f.value; }

std::string money_cell(const std::optional<double>& v, const char* key, const SalaryFigure& f)
{
  if (!v) {
    return "<td class=\"n\">–</td>";
  }
  return fmt::format("<td class=\"n\" data-key=\"{}\">{}</td>", key, html_escape(money(*v, f.currency)));
}

void salary_table(Out& o, const SalaryResult& s, const char* scope, std::optional<double> pay)
{
  double lo = 1e12;
  double hi = 0;
  for (const auto& b : s.bands) {
    for (const auto& v : {low_of(b.figure), high_of(b.figure), mid_of(b.figure), b.figure.value}) {
      if (v) {
        lo = std::min(lo, *v);
        hi = std::max(hi, *v);
      }
    }
  }
  if (pay) {
    lo = std::min(lo, *pay);
    hi = std::max(hi, *pay);
  }
  const double span = hi > lo ? hi - lo : 1;
  const auto x = [&](double v) { return 2 + 96 * (v - lo) / span; };
  o += fmt::format("<div class=\"scroll\"><table data-scope=\"{}\"><thead><tr><th>Band</th><th class=\"n\">Low</th>"
                   "<th class=\"n\">Median</th><th class=\"n\">High</th></tr></thead><tbody>\n",
                   scope);
  for (const auto& b : s.bands) {
    const SalaryFigure& f = b.figure;
    const char* lk = f.low ? "low" : "p10";
    const char* hk = f.high ? "high" : "p90";
    const char* mk = f.median ? "median" : "value";
    const std::string label = f.label.empty() ? (f.level.empty() ? std::string(id_of(f.scope)) : f.level) : f.label;
    o += fmt::format("<tr data-figure=\"{}\"><td>{}{}", html_escape(f.id),
                     b.kind == BandKind::estimate && label.rfind("Estimate", 0) != 0 ? "Estimate: " : "", html_escape(label));
    o += fmt::format("<br><span class=\"note\">{} · {}</span>", html_escape(std::string(pay_basis_words(f.basis))),
                     b.kind == BandKind::estimate ? std::string("estimate") : "<a href=\"#source-" + html_escape(f.source) + "\">" + html_escape(f.source) + "</a>");
    const auto l = low_of(f);
    const auto h = high_of(f);
    if ((l && h) || mid_of(f)) {
      o += R"(<svg class="bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true"><rect x="0" y="4" width="100" height="2" fill="#eef1f6"/>)";
      if (l && h) {
        o += fmt::format(R"(<rect x="{:.1f}" y="2" width="{:.1f}" height="6" fill="#2f6fdf"/>)", x(*l), std::max(0.8, x(*h) - x(*l)));
      }
      if (const auto m = mid_of(f)) {
        o += fmt::format(R"(<rect x="{:.1f}" y="0" width="0.8" height="10" fill="#1d2330"/>)", x(*m) - 0.4);
      }
      if (pay) {
        o += fmt::format(R"(<rect x="{:.1f}" y="0" width="0.8" height="10" fill="#c0392b"/>)", x(*pay) - 0.4);
      }
      o += "</svg>";
    } else if (!f.words.empty()) {
      o += "<br><span class=\"note\">" + html_escape(f.words) + "</span>";
    }
    o += "</td>" + money_cell(l, lk, f) + money_cell(mid_of(f), mk, f) + money_cell(h, hk, f);
    o += "</tr>\n";
  }
  o += "</tbody></table></div>\n";
  for (const auto& b : s.bands) {
    if (b.derivation) {
      o += "<p class=\"note\">Estimate: " + html_escape(b.derivation->text) + "</p>\n";
    }
  }
  for (const auto& n : s.notes) {
    o += "<p class=\"note\">" + html_escape(n) + "</p>\n";
  }
}

void salary_section(Out& o, const Report& r)
{
  const std::optional<double> pay = r.assessment.current_pay ? std::optional<double>(r.assessment.current_pay->amount) : std::nullopt;
  o += "<section id=\"salary\"><h2>Pay by level</h2>\n<p class=\"note\">Annual, each source apart, never averaged. On each bar: "
       "the band in blue, its median as a dark line";
  o += pay ? ", your pay as a red line.</p>\n" : ".</p>\n";
  salary_table(o, r.national, "national", pay);
  if (r.local) {
    o += "<h2>Pay in " + html_escape(report_place(r)) + "</h2>\n";
    salary_table(o, *r.local, "local", pay);
  }
  o += "</section>\n";
}

void progress_section(Out& o, const Report& r)
{
  o += "<section id=\"progress\"><h2>Readiness over time</h2>\n";
  if (!r.progress || r.progress->points.empty()) {
    o += "<p>No history yet: every <code>careerplan assess</code> that saves the assessment adds a snapshot.</p></section>\n";
    return;
  }
  const RoleProgress& p = *r.progress;
  const auto& pts = p.points;
  o += fmt::format("<p>From <b data-key=\"readiness_first\">{}</b> to <b data-key=\"readiness_last\">{}</b> "
                   "(<span data-key=\"readiness_change\">{}</span>) over {} snapshot(s), {} to {}.</p>\n",
                   percent(pts.front().readiness), percent(pts.back().readiness), points_text(p.change), pts.size(),
                   date_of(pts.front().snapshot->at), date_of(pts.back().snapshot->at));
  // The line chart: x by date, y 0-100 %.
  constexpr double k_w = 600;
  constexpr double k_h = 220;
  constexpr double k_left = 58;
  constexpr double k_bottom = 28;
  const Timestamp t0 = pts.front().snapshot->at;
  const Timestamp t1 = pts.back().snapshot->at;
  const auto px = [&](Timestamp t) {
    return t1 == t0 ? (k_left + k_w - 10) / 2 : k_left + (k_w - k_left - 10) * static_cast<double>(t - t0) / static_cast<double>(t1 - t0);
  };
  const auto py = [&](double v) { return 10 + (k_h - k_bottom - 10) * (1 - v / 100); };
  o += fmt::format(R"(<svg class="line" viewBox="0 0 {} {}" role="img" aria-label="readiness over time, from {} to {}">)", k_w, k_h,
                   percent(pts.front().readiness), percent(pts.back().readiness));
  for (const int v : {0, 50, 100}) {
    o += fmt::format(R"(<line x1="{}" x2="{}" y1="{:.1f}" y2="{:.1f}" stroke="#d9dee7"/><text x="{}" y="{:.1f}" font-size="18" text-anchor="end" fill="#5b6475">{}%</text>)",
                     k_left, k_w - 10, py(v), py(v), k_left - 6, py(v) + 5, v);
  }
  std::string line;
  const std::size_t step = std::max<std::size_t>(1, pts.size() / 600);
  for (std::size_t i = 0; i < pts.size(); i += step) {
    line += fmt::format("{:.1f},{:.1f} ", px(pts[i].snapshot->at), py(pts[i].readiness));
  }
  if ((pts.size() - 1) % step != 0) {
    line += fmt::format("{:.1f},{:.1f}", px(pts.back().snapshot->at), py(pts.back().readiness));
  }
  o += R"(<polyline fill="none" stroke="#2f6fdf" stroke-width="3" points=")" + line + "\"/>";
  if (pts.size() <= 60) {
    for (const auto& pt : pts) {
      o += fmt::format(R"(<circle cx="{:.1f}" cy="{:.1f}" r="4.5" fill="#2f6fdf"/>)", px(pt.snapshot->at), py(pt.readiness));
    }
  }
  o += fmt::format(R"(<text x="{}" y="{}" font-size="18" fill="#5b6475">{}</text><text x="{}" y="{}" font-size="18" text-anchor="end" fill="#5b6475">{}</text></svg>)",
                   k_left, k_h - 6, date_of(t0), k_w - 10, k_h - 6, date_of(t1));
  o += "\n<div class=\"scroll\"><table id=\"progress-table\"><thead><tr><th>Date</th><th>Level</th><th class=\"n\">Readiness</th>"
       "<th class=\"n\">Gaps</th><th class=\"wide\">Seniority</th></tr></thead><tbody>\n";
  const std::size_t start = pts.size() > k_progress_rows ? pts.size() - k_progress_rows : 0;
  for (std::size_t i = start; i < pts.size(); ++i) {
    o += fmt::format("<tr data-index=\"{}\"><td>{}</td><td>{}</td><td class=\"n\" data-key=\"readiness\">{}</td><td class=\"n\" "
                     "data-key=\"gaps\">{}</td><td class=\"wide\">{}</td></tr>\n",
                     i, date_of(pts[i].snapshot->at), html_escape(pts[i].level), percent(pts[i].readiness), pts[i].gaps,
                     html_escape(pts[i].seniority));
  }
  o += "</tbody></table></div>\n";
  if (start > 0) {
    o += fmt::format("<p class=\"note\">The latest {} of {} snapshots.</p>\n", k_progress_rows, pts.size());
  }
  std::vector<std::string> moved;
  for (const auto& m : p.moved) {
    moved.push_back(fmt::format("<span data-skill=\"{}\">{} {}→{}</span>", html_escape(m.skill), html_escape(m.name), m.from, m.to));
  }
  std::vector<std::string> closed;
  for (const auto& m : p.closed) {
    closed.push_back(html_escape(m.name));
  }
  if (!r.history_problems.empty()) {
    o += fmt::format("<p class=\"note\">{} line(s) of the history log could not be read in full and are left out "
                     "(<code>careerplan history</code> lists them; they stay in the file).</p>\n",
                     r.history_problems.size());
  }
  o += "<p>Skills that moved: " + (moved.empty() ? std::string("none") : join(moved, ", ")) + ".<br>Gaps closed: " +
       (closed.empty() ? std::string("none") : join(closed, ", ")) + ".</p>\n</section>\n";
}

void sources_section(Out& o, const Report& r)
{
  o += "<section id=\"sources\"><h2>Sources</h2>\n<ul>\n";
  for (const Source* s : r.sources) {
    const std::string url = safe_url(s->url);
    o += fmt::format("<li id=\"source-{}\"><b>[{}]</b> ", html_escape(s->id), html_escape(s->id));
    o += url.empty() ? html_escape(s->title) : "<a href=\"" + html_escape(url) + "\">" + html_escape(s->title) + "</a>";
    o += ", " + html_escape(s->publisher) + (s->date.empty() ? "" : " (" + html_escape(s->date) + ")");
    if (!url.empty()) {
      o += "<br><span class=\"note\">" + html_escape(url) + "</span>";
    }
    o += "</li>\n";
  }
  o += "</ul></section>\n";
}

} // namespace

std::string render_report_html(const Report& r, const std::string& version)
{
  const GapResult& g = r.plan.gap;
  const Assessment& a = r.assessment;
  Out o;
  o.reserve(64 * 1024);
  o += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
       "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  o += "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n";
  o += "<title>Career plan: " + html_escape(r.role->title) + "</title>\n<style>" + k_style + "</style>\n</head>\n<body>\n<main>\n";
  o += "<header><h1>Career plan: " + html_escape(r.role->title) + "</h1>\n<p class=\"meta\">";
  if (!a.current_role.empty()) {
    o += "<span>From: " + html_escape(a.current_role) + "</span> ";
  }
  if (a.years_experience) {
    o += "<span>Experience: " + num(*a.years_experience) + " year(s)</span> ";
  }
  if (const std::string place = report_place(r); !place.empty()) {
    o += "<span>Place: " + html_escape(place) + "</span> ";
  }
  o += "<span>Generated: <time data-key=\"generated_at\">" + format_timestamp(r.generated) + "</time></span></p>\n";
  o += fmt::format("<p class=\"big\"><span data-key=\"readiness\">{}</span> ready</p>\n", percent(g.readiness));
  o += fmt::format("<p>Readiness is the weighted coverage of the levels the role asks at level <b data-key=\"level\">{}</b> "
                   "({}): 100% when every requirement is met. {} skill(s) with a gap.</p>\n</header>\n",
                   html_escape(g.level), html_escape(g.level_basis),
                   std::count_if(g.skills.begin(), g.skills.end(), [](const SkillGap& k) { return k.gap > 0; }));
  gap_section(o, r);
  plan_section(o, r);
  salary_section(o, r);
  progress_section(o, r);
  sources_section(o, r);
  o += "<footer><p class=\"note\">Made by careerplan " + html_escape(version) +
       " from a self-assessment and the sources above. Weights, required levels and estimates say in the "
       "role profile whether they are published, derived or a modelling choice: <code>careerplan show " +
       html_escape(r.role->id) + "</code>.</p></footer>\n</main>\n</body>\n</html>\n";
  return o;
}

} // namespace careerplan
