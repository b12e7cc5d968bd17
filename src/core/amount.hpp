#pragma once
// One reading of an amount of money typed by a person, for every option and prompt that takes
// one (salary --current, assess --pay): digits with an optional fraction ("150000", "52.5"),
// thousands separated by commas in groups of three ("150,000"), an optional leading "$", and an
// optional suffix k (thousand) or m (million), either case ("42k", "1.2m", "$150,000").
// Nothing else: no sign, no exponent, no "nan" or "inf", no hex, no spaces.
#include <optional>
#include <string_view>

namespace careerplan {

std::optional<double> parse_amount(std::string_view text);

} // namespace careerplan
