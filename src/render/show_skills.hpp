#pragma once
// show ROLE, part "skills": the skills table (each figure's basis as a one-letter code), what the
// role expects of each skill, and every basis quoted with its source.
#include <string>
#include <vector>

#include "core/model.hpp"
#include "render/document.hpp"

namespace careerplan {

// The one-letter code the skills table shows for a basis: P published, D derived, M modelling
// choice, O own judgement.
char basis_code(BasisKind kind);

// One basis (kind, source, quote, derivation) and the figures that rest on it ("python weight",
// "sql levels"), in order of first use.
struct BasisGroup
{
  const Basis* basis;
  std::vector<std::string> figures;
};
std::vector<BasisGroup> basis_groups(const Role& role);
// "python weight, sql weight (modelling choice): "quote" [source] — derivation"
std::string basis_note(const BasisGroup& g);

// The sections of the part "skills" that describe the role's skills (none when it has none).
std::vector<Section> skill_sections(const Role& role);

} // namespace careerplan
