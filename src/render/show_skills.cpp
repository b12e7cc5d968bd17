// show ROLE, part "skills": the table of weights and required levels, what the role expects of
// each skill, and how every figure was set. The table fits 80 columns with five levels: each
// figure's basis is a one-letter code (P, D, M, O) and the section under it quotes each basis
// with its source, naming the figures that rest on it.
#include "render/show_skills.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "core/text.hpp"
#include "render/format.hpp"

namespace careerplan {

char basis_code(BasisKind kind)
{
  switch (kind) {
  case BasisKind::published:
    return 'P';
  case BasisKind::derived:
    return 'D';
  case BasisKind::modelling_choice:
    return 'M';
  case BasisKind::own_judgement:
    return 'O';
  }
  return 'P'; // not reached: every kind is handled above
}

std::vector<BasisGroup> basis_groups(const Role& role)
{
  std::vector<BasisGroup> groups;
  for (const auto& rs : role.skills) {
    for (const Basis* b : {&rs.weight_basis, &rs.required_basis}) {
      auto it = std::find_if(groups.begin(), groups.end(), [&](const BasisGroup& g) {
        return g.basis->kind == b->kind && g.basis->source == b->source && g.basis->quote == b->quote &&
               g.basis->derivation == b->derivation;
      });
      const std::string what = rs.skill + (b == &rs.weight_basis ? " weight" : " levels");
      if (it == groups.end()) {
        groups.push_back({b, {what}});
      } else {
        it->figures.push_back(what);
      }
    }
  }
  return groups;
}

std::string basis_note(const BasisGroup& g)
{
  const Basis& b = *g.basis;
  std::string text = fmt::format("{} ({})", join(g.figures, ", "), basis_text(b));
  if (b.source.empty()) { // own judgement: no source to quote or cite
    return b.derivation.empty() ? text : text + ": " + b.derivation;
  }
  return fmt::format("{}: {}{}{}", text, b.quote.empty() ? "" : "\"" + b.quote + "\" ", cite(b.source),
                     b.derivation.empty() ? "" : " — " + b.derivation);
}

namespace {

Section skills_table(const Role& role)
{
  Section s;
  s.heading = "Skills (required level on the 0–5 scale, by seniority)";
  // "#" and the codes keep five level columns and the longest skill id within 80 columns.
  s.table.columns = {"#", "SKILL", "WEIGHT", "BASIS"};
  s.table.align = {Align::right, Align::left, Align::right, Align::left};
  for (const auto& level : role.levels) {
    s.table.columns.push_back(to_lower(level).substr(0, 8));
    s.table.align.push_back(Align::right);
  }
  for (const auto& rs : role.skills) {
    std::vector<std::string> row = {rs.rank > 0 ? std::to_string(rs.rank) : "—", rs.skill, plain_number(rs.weight),
                                    fmt::format("{}/{}", basis_code(rs.weight_basis.kind), basis_code(rs.required_basis.kind))};
    for (const auto& level : role.levels) {
      const auto it = rs.required.find(level);
      row.push_back(it == rs.required.end() ? "—" : plain_number(it->second));
    }
    s.table.rows.push_back(std::move(row));
  }
  s.table.legends = {{0, "#: the skill's rank in its source's list (— not ranked)."},
                     {3, "BASIS: of the weight/of the levels. P published, D derived (an estimate by a stated rule), "
                         "M modelling choice, O own judgement. Each basis is quoted with its source under \"How the "
                         "weights and levels were set\"."}};
  return s;
}

Section expects_section(const Role& role)
{
  Section s;
  s.heading = "What this role expects of each skill (in its sources' words)";
  for (const auto& rs : role.skills) {
    for (const auto& e : rs.expects) {
      s.bullets.push_back(fmt::format("{}: \"{}\" {}", rs.skill, e.text, cite(e.source)));
    }
  }
  return s;
}

} // namespace

std::vector<Section> skill_sections(const Role& role)
{
  std::vector<Section> out;
  if (role.skills.empty()) {
    return out;
  }
  out.push_back(skills_table(role));
  Section expects = expects_section(role);
  if (!expects.bullets.empty()) {
    out.push_back(std::move(expects));
  }
  Section bases;
  bases.heading = "How the weights and levels were set";
  for (const auto& g : basis_groups(role)) {
    bases.bullets.push_back(basis_note(g));
  }
  out.push_back(std::move(bases));
  return out;
}

} // namespace careerplan
