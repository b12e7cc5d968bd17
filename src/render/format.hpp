#pragma once
// Human formatting of the core's figures, shared by the commands' table renderings.
#include <string>

#include "core/model.hpp"

namespace careerplan {

std::string money(double value, const std::string& currency);
enum class FigureStyle
{
  full,   // "$130,000 – $380,000 (median $200,000)", "p10 $63,650 · … · p90 $194,410", "$185,000", or the words
  compact // for a table cell: "$130,000–$380,000, median $200,000"; "$63,650–$194,410 (p10–p90), median $112,590"
};
// The one text of a salary figure's amounts, in either style.
std::string figure_text(const SalaryFigure& f, FigureStyle style = FigureStyle::full);
std::string years_text(const LadderLevel& level);
std::string duration_text(const Duration& d);
std::string cite(const std::string& source);
std::string basis_text(const Basis& b);

} // namespace careerplan
