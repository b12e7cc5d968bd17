#include "core/amount.hpp"

#include <charconv>
#include <cmath>
#include <string>

namespace careerplan {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

} // namespace

std::optional<double> parse_amount(std::string_view text)
{
  if (!text.empty() && text.front() == '$') {
    text.remove_prefix(1);
  }
  double scale = 1;
  if (!text.empty() && (text.back() == 'k' || text.back() == 'K')) {
    scale = 1e3;
    text.remove_suffix(1);
  } else if (!text.empty() && (text.back() == 'm' || text.back() == 'M')) {
    scale = 1e6;
    text.remove_suffix(1);
  }
  const std::size_t point = text.find('.');
  const std::string_view whole = text.substr(0, point);
  const std::string_view fraction = point == std::string_view::npos ? std::string_view("0") : text.substr(point + 1);
  if (whole.empty() || fraction.empty()) {
    return std::nullopt;
  }
  for (const char c : fraction) {
    if (!is_digit(c)) {
      return std::nullopt;
    }
  }
  // The whole part: plain digits, or groups of three after the first (1 to 3 digits) split by commas.
  std::string digits;
  const bool grouped = whole.find(',') != std::string_view::npos;
  std::size_t run = 0;
  for (std::size_t i = 0; i < whole.size(); ++i) {
    const char c = whole[i];
    if (c == ',') {
      if (run == 0 || (digits.size() != run && run != 3) || (digits.size() == run && run > 3)) {
        return std::nullopt;
      }
      run = 0;
      continue;
    }
    if (!is_digit(c)) {
      return std::nullopt;
    }
    digits += c;
    ++run;
  }
  if (grouped && run != 3) {
    return std::nullopt;
  }
  const std::string number = digits + "." + std::string(fraction);
  double value = 0;
  if (std::from_chars(number.data(), number.data() + number.size(), value).ec != std::errc() || !std::isfinite(value)) {
    return std::nullopt;
  }
  return value * scale;
}

} // namespace careerplan
