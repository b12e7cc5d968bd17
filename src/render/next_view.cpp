#include "render/next_view.hpp"

#include <nlohmann/json.hpp>

#include <fmt/format.h>

#include "core/onet.hpp"
#include "core/onet_import.hpp"
#include "core/text.hpp"
#include "render/format.hpp"
#include "render/gap_view.hpp"
#include "render/json_shape.hpp"
#include "render/schema_ids.hpp"

namespace careerplan {

namespace {

std::string pp(double v)
{
  return fmt::format("{:+.1f} pp", v);
}

std::string reached_text(const NextRanking& r, const NextStep& s, const NextView& v)
{
  if (s.reached.empty()) {
    return "—";
  }
  std::vector<std::string> parts;
  for (const auto& x : s.reached) {
    const NextUnit& u = r.units[x.unit];
    std::string t = u.id;
    if (u.median) {
      t += " " + money(*u.median, v.currency);
      if (!is_onet_code(u.id)) {
        t += " (anchor occupation's median)"; // BLS's, for the role's SOC anchor: not the role's own
      }
    }
    if (!x.counts) {
      t += " (not a move: " + x.why_not + ")";
    }
    parts.push_back(t);
    if (parts.size() == 4 && s.reached.size() > 5) {
      parts.push_back(fmt::format("{} more", s.reached.size() - 4));
      break;
    }
  }
  return join(parts, ", ");
}

} // namespace

std::vector<Section> next_sections(const NextRanking& r, const NextView& v)
{
  std::vector<Section> out;
  Section s;
  s.heading = v.heading;
  std::vector<std::string> names;
  for (const auto& u : r.units) {
    if (u.target) {
      names.push_back(fmt::format("{} ({})", u.id, percent(u.readiness)));
    }
  }
  s.fields.emplace_back("targets", names.empty() ? std::string("none") : join(names, ", "));
  s.table.columns = {"#", "SKILL", "STEP", "GAIN ON TARGETS", "NEWLY WITHIN REACH", ""};
  s.table.align = {Align::right, Align::left, Align::left, Align::right, Align::left, Align::left};
  s.table.wrap = 4;
  std::size_t n = 0;
  for (const auto& st : r.steps) {
    if (n == v.top) {
      break;
    }
    ++n;
    std::string gain = pp(st.gain);
    if (st.se > 0) {
      gain += fmt::format(" ±{:.1f}", 1.96 * st.se);
    }
    s.table.rows.push_back({std::to_string(n), st.skill, fmt::format("{}→{}", st.from, st.to), gain,
                            fmt::format("{}: {}", st.reached_count, reached_text(r, st, v)),
                            st.too_close_to_previous ? "gain ≈ previous" : ""});
  }
  if (r.steps.empty()) {
    s.table = Table{};
    s.paragraphs.push_back("No one-level step changes a readiness: every rated skill meets what the " + v.unit_word +
                           " require, or is at the top of the scale.");
  }
  out.push_back(s);
  if (r.steps.size() > n) {
    Section more;
    more.paragraphs.push_back(fmt::format("{} more step(s): --top N shows more.", r.steps.size() - n));
    out.push_back(more);
  }
  if (!r.unrated.empty()) {
    Section u;
    u.heading = v.vocabulary == Vocabulary::onet ? "Not rated (O*NET): rate these first" : "Not rated: rate these first";
    u.paragraphs.push_back(v.vocabulary == Vocabulary::onet
                               ? "O*NET readiness leaves unrated elements out; rating one can move it either way."
                               : "Readiness counts an unrated skill as 0, so these are not proposed as steps from 0: "
                                 "rate them ('careerplan assess') and run next again.");
    constexpr std::size_t shown = 10; // JSON lists them all
    std::size_t others = 0;
    std::size_t needed = 0;
    for (const auto& x : r.unrated) {
      if (x.needed_by.empty()) {
        ++others;
      } else if (++needed <= shown) {
        u.bullets.push_back(fmt::format("{} ({}): needed by {}", x.skill, x.name, join(x.needed_by, ", ")));
      }
    }
    if (needed > shown) {
      u.bullets.push_back(fmt::format("{} more that your targets need (--json lists them)", needed - shown));
    }
    if (others > 0) {
      u.bullets.push_back(fmt::format("{} other unrated skill(s) that other {} require", others, v.unit_word));
    }
    out.push_back(u);
  }
  return out;
}

namespace {

// A unit as the JSON names it: a curated role under "role", an O*NET occupation under "occupation".
nlohmann::json unit_ref(const NextUnit& u, const NextView& v)
{
  if (v.vocabulary == Vocabulary::onet) {
    return {{"occupation", shape::occupation_ref(u.id, u.title)}};
  }
  return {{"role", shape::role_ref(u.id, u.title)}};
}

nlohmann::json annual(std::optional<double> value, const NextView& v)
{
  return shape::amount(value, v.currency, "year");
}

} // namespace

nlohmann::json next_json(const NextRanking& r, const NextView& v)
{
  nlohmann::json targets = nlohmann::json::array();
  for (const auto& u : r.units) {
    if (u.target) {
      nlohmann::json t = unit_ref(u, v);
      t["readiness"] = shape::percent(u.readiness);
      targets.push_back(std::move(t));
    }
  }
  nlohmann::json steps = nlohmann::json::array();
  int rank = 0;
  for (const auto& st : r.steps) {
    nlohmann::json tg = nlohmann::json::array();
    for (const auto& t : st.targets) {
      nlohmann::json e = unit_ref(r.units[t.unit], v);
      e.update({{"before", shape::percent(t.before)}, {"after", shape::percent(t.after)}, {"gain", t.gain}, {"se", t.se}});
      tg.push_back(std::move(e));
    }
    nlohmann::json reached = nlohmann::json::array();
    for (const auto& x : st.reached) {
      const NextUnit& u = r.units[x.unit];
      nlohmann::json e = unit_ref(u, v);
      e.update({{"before", shape::percent(x.before)}, {"after", shape::percent(x.after)}, {"counts", x.counts},
                {"why_not", x.why_not}});
      e["median_wage"] = annual(u.median, v);
      e["median_source"] = u.median_source;
      e["job_zone"] = u.job_zone ? nlohmann::json(*u.job_zone) : nlohmann::json(nullptr);
      e["zone_step"] = x.zone_step ? nlohmann::json(*x.zone_step) : nlohmann::json(nullptr);
      e["pay_ratio"] = x.pay_ratio ? nlohmann::json(*x.pay_ratio) : nlohmann::json(nullptr);
      reached.push_back(e);
    }
    nlohmann::json s = {{"rank", ++rank},
                        {"skill", st.skill},
                        {"name", st.name},
                        {"from", st.from},
                        {"to", st.to},
                        {"gain", st.gain},
                        {"se", st.se},
                        {"too_close_to_previous", st.too_close_to_previous},
                        {"targets", tg},
                        {"newly_within_reach", reached},
                        {"within_reach_count", st.reached_count}};
    s["best_median_wage"] = annual(st.best_median, v);
    steps.push_back(s);
    if (static_cast<std::size_t>(rank) == v.top) {
      break;
    }
  }
  nlohmann::json unrated = nlohmann::json::array();
  for (const auto& x : r.unrated) {
    unrated.push_back({{"skill", x.skill}, {"name", x.name}, {"needed_by", x.needed_by}});
  }
  return {{"targets", targets},
          {"steps", steps},
          {"steps_total", r.steps.size()},
          {"buys_nothing", r.buys_nothing},
          {"unrated", unrated},
          {"at_max", r.at_max}};
}

Section next_explain(const NextRanking& r, const NextView& v, const NextOptions& o)
{
  Section s;
  s.heading = v.vocabulary == Vocabulary::onet ? "How the O*NET steps are computed" : "How the steps are computed";
  if (v.vocabulary == Vocabulary::onet) {
    s.paragraphs.push_back("readiness = 100 × Σ w·min(r, LV)/LV ÷ Σ w over the counted elements you rated "
                           "(w = IM − 1; 'careerplan gap OCC --explain'). Raising element e from r to r+1 changes one "
                           "term: gain = 100 × w_e × (min(r+1, LV) − min(r, LV)) / LV ÷ Σ w. Its standard error comes "
                           "from O*NET's standard error of LV; ± shows 1.96 × se over the targets.");
  } else {
    s.paragraphs.push_back("readiness = 100 × Σ w·min(r, req) ÷ Σ w·req ('careerplan gap --explain'). Raising skill s "
                           "from r to r+1 changes one term: gain = 100 × w_s × (min(r+1, req) − min(r, req)) ÷ Σ w·req.");
  }
  s.paragraphs.push_back(fmt::format(
      "The gain of a step is its mean gain over the targets. {} newly comes within reach when its readiness is below "
      "{} before the step and at least {} after. Steps are ranked by gain, then by how many {} newly within reach count "
      "as moves, then by the best median wage among them. Two neighbours whose gains differ by less than 1.96 × √(se₁² + "
      "se₂²) (equal gains, for curated figures, which carry no standard error) are marked ≈: too close to call.",
      v.unit_word == "roles" ? "A role" : "An occupation", percent(o.threshold), percent(o.threshold), v.unit_word));
  s.paragraphs.push_back(fmt::format(
      "A move counts (Nesta, \"Mapping Career Causeways\", 2020) when the destination's job zone is at most {} from "
      "yours (O*NET occupations only; curated roles have no job zone) and, when you gave a current pay, when its median "
      "wage is at least {} of it (Nesta's desirability threshold). --max-zone-step and --min-pay-ratio change them.",
      o.max_zone_step, plain_number(o.min_pay_ratio)));
  if (!r.steps.empty()) {
    const NextStep& st = r.steps.front();
    std::vector<std::string> parts;
    for (const auto& t : st.targets) {
      parts.push_back(fmt::format("{}: {} → {} ({})", r.units[t.unit].id, percent(t.before), percent(t.after), pp(t.gain)));
    }
    s.paragraphs.push_back(fmt::format("The first step, {} {}→{}: {}; mean {}.", st.skill, st.from, st.to,
                                       parts.empty() ? std::string("no target") : join(parts, "; "), pp(st.gain)));
  }
  return s;
}

namespace {

NextView curated_view(std::size_t top)
{
  return {Vocabulary::curated, "careerplan's skills (0-5) against the curated roles", "roles", top, "USD"};
}

NextView onet_view(const NextResult& r, std::size_t top)
{
  return {Vocabulary::onet, fmt::format("O*NET's skills and knowledge (0-7) against the {} occupations", r.onet_source),
          "occupations", top, "USD"};
}

} // namespace

Document next_document(const NextResult& r, const std::string& assessment, std::size_t top, bool explain)
{
  const NextOptions& opt = r.options;
  Document doc;
  doc.title = "Your next best step: which skill to raise one level";
  Section head;
  head.fields.emplace_back("assessment", assessment);
  head.fields.emplace_back("threshold", fmt::format("{}% readiness", plain_number(opt.threshold)));
  head.fields.emplace_back("current pay", opt.current_pay ? money(*opt.current_pay, "USD") +
                                                                fmt::format(" (a move needs a median of at least {} of it)",
                                                                            plain_number(opt.min_pay_ratio))
                                                          : std::string("not given (the pay rule is not applied)"));
  if (opt.current_zone) {
    head.fields.emplace_back("job zone", fmt::format("{} — {} (a move spans at most {})", *opt.current_zone, r.zone_basis,
                                                     opt.max_zone_step));
  }
  doc.sections.push_back(head);
  doc.csv.columns = {"vocabulary", "rank", "skill", "from", "to", "gain", "se", "within_reach", "too_close_to_previous"};
  auto add = [&](const NextRanking& ranking, const NextView& v) {
    for (auto& s : next_sections(ranking, v)) {
      doc.sections.push_back(std::move(s));
    }
    if (explain) {
      doc.sections.push_back(next_explain(ranking, v, opt));
    }
    std::size_t n = 0;
    for (const auto& st : ranking.steps) {
      if (n++ == top) {
        break;
      }
      doc.csv.rows.push_back({std::string(id_of(v.vocabulary)), std::to_string(n), st.skill, std::to_string(st.from), std::to_string(st.to),
                              fmt::format("{}", st.gain), fmt::format("{}", st.se), std::to_string(st.reached_count),
                              st.too_close_to_previous ? "true" : "false"});
    }
  };
  if (r.curated) {
    add(*r.curated, curated_view(top));
  }
  if (r.onet) {
    add(*r.onet, onet_view(r, top));
    doc.footnotes.push_back(k_onet_credit);
  }
  add_bullets(doc, "Warnings", r.warnings);
  doc.footnotes.push_back("GAIN: readiness points on your targets (mean), ± 1.96 standard errors where O*NET gives "
                          "them; ≈: too close to call against the step above. A move counts under Nesta's rules "
                          "(\"Mapping Career Causeways\", 2020): job zone within one (O*NET only), median at least 0.75 "
                          "of your pay. --explain gives the formula.");
  return doc;
}

nlohmann::json next_document_json(const NextResult& r, const std::string& assessment, std::size_t top)
{
  const NextOptions& opt = r.options;
  nlohmann::json j = {{"schema", schema_id::next},
                      {"assessment", assessment},
                      {"threshold", opt.threshold},
                      {"max_zone_step", opt.max_zone_step},
                      {"min_pay_ratio", opt.min_pay_ratio},
                      {"warnings", r.warnings}};
  j["current_pay"] = shape::amount(opt.current_pay, "USD", "year");
  j["current_job_zone"] = opt.current_zone ? nlohmann::json(*opt.current_zone) : nlohmann::json(nullptr);
  j["current_job_zone_basis"] = r.zone_basis;
  j["curated"] = r.curated ? next_json(*r.curated, curated_view(top)) : nlohmann::json(nullptr);
  j["onet"] = r.onet ? next_json(*r.onet, onet_view(r, top)) : nlohmann::json(nullptr);
  return j;
}

} // namespace careerplan
