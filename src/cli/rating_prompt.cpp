#include "cli/rating_prompt.hpp"

#include <algorithm>
#include <istream>
#include <ostream>

#include <fmt/format.h>

#include "core/text.hpp"

namespace careerplan {

namespace {

// `text` wrapped at word boundaries to `width`, each line after `indent`; continuation lines are
// indented `hang` more.
void wrapped(std::ostream& out, const std::string& text, std::size_t width, const std::string& indent, std::size_t hang = 0)
{
  const std::size_t used = indent.size() + hang;
  const std::size_t w = width > used + 20 ? width - used : 20;
  bool first = true;
  for (const auto& line : wrap(printable(text), w)) {
    out << indent << (first ? std::string() : std::string(hang, ' ')) << line << '\n';
    first = false;
  }
}

std::string trimmed(std::string line)
{
  while (!line.empty() && (line.back() == ' ' || line.back() == '\r' || line.back() == '\t')) {
    line.pop_back();
  }
  std::size_t i = 0;
  while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) {
    ++i;
  }
  return line.substr(i);
}

void explain(const RatingScale& scale, std::ostream& out, std::size_t width)
{
  wrapped(out,
          fmt::format("Type a whole number from {} to {} on {}, then Enter. Enter alone keeps the value in "
                      "brackets ('-' in brackets: not rated yet, and Enter leaves it unrated). '-' goes back to the "
                      "previous item; '?' shows this help. End of input (Ctrl-D) stops and saves what you entered.",
                      scale.min, scale.max, scale.name),
          width, "  ");
  for (const auto& l : scale.legend) {
    wrapped(out, l, width, "    ");
  }
}

} // namespace

std::map<std::string, int> prompt_items(const std::vector<RatingItem>& items, const std::map<std::string, int>& current,
                                        const RatingScale& scale, std::istream& in, std::ostream& out, std::size_t width)
{
  std::map<std::string, int> entered;
  wrapped(out,
          fmt::format("Rate {} item(s) from {} to {} on {}. Enter keeps the value in brackets, '-' goes back one, "
                      "'?' explains.",
                      items.size(), scale.min, scale.max, scale.name),
          width, "");
  for (const auto& l : scale.legend) {
    wrapped(out, l, width, "  ", 2);
  }
  std::size_t i = 0;
  while (i < items.size()) {
    const RatingItem& it = items[i];
    std::optional<int> now;
    if (const auto e = entered.find(it.id); e != entered.end()) {
      now = e->second;
    } else if (const auto c = current.find(it.id); c != current.end()) {
      now = c->second;
    }
    out << fmt::format("\n[{}/{}] {} ({})\n", i + 1, items.size(), printable(it.name), printable(it.id));
    if (!it.description.empty()) {
      wrapped(out, it.description, width, "  ");
    }
    for (const auto& [level, text] : it.anchors) {
      const std::string label = plain_number(level) + ": ";
      wrapped(out, label + text, width, "    ", label.size());
    }
    for (;;) {
      out << fmt::format("{} {}-{} [{}] (Enter keeps, - back, ? help): ", scale.prompt, scale.min, scale.max,
                         now ? std::to_string(*now) : std::string("-"));
      out.flush();
      std::string line;
      if (!std::getline(in, line)) {
        out << '\n';
        return entered;
      }
      line = trimmed(line);
      if (line.empty()) {
        ++i;
        break;
      }
      if (line == "?") {
        explain(scale, out, width);
        continue;
      }
      if (line == "-") {
        if (i == 0) {
          out << "  this is the first item\n";
          continue;
        }
        --i;
        break;
      }
      if (line.size() <= 2 && std::all_of(line.begin(), line.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        const int v = std::stoi(line);
        if (v >= scale.min && v <= scale.max) {
          entered[it.id] = v;
          ++i;
          break;
        }
      }
      out << fmt::format("  please type a whole number from {} to {}; Enter keeps [{}], '-' goes back, '?' explains\n",
                         scale.min, scale.max, now ? std::to_string(*now) : std::string("-"));
    }
  }
  return entered;
}

std::optional<std::string> prompt_line(const std::string& question, const std::string& current, std::istream& in,
                                       std::ostream& out)
{
  out << fmt::format("{} [{}]: ", question, current.empty() ? "-" : printable(current));
  out.flush();
  std::string line;
  if (!std::getline(in, line)) {
    out << '\n';
    return std::nullopt;
  }
  line = trimmed(line);
  if (line.empty()) {
    return std::nullopt;
  }
  return line;
}

} // namespace careerplan
