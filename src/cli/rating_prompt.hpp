#pragma once
// The rating prompt of `assess`: one item at a time, its description and level anchors wrapped
// at word boundaries to the width. Keys: a level sets it; Enter keeps the value in brackets;
// '?' explains the keys and the scale; '-' goes back one item; end of input stops, keeping what
// was entered. Every text shown comes from a data file and is made printable first.
#include <cstddef>
#include <iosfwd>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace careerplan {

struct RatingItem
{
  std::string id, name, description;
  std::vector<std::pair<double, std::string>> anchors; // level -> what it looks like at that level
};

struct RatingScale
{
  int min = 0, max = 5;
  std::string name; // "careerplan's 0-5 proficiency scale", "O*NET's level scale (0-7)"
  std::vector<std::string> legend; // lines shown first and by '?' (the scale's descriptors)
  std::string prompt = "level"; // the prompt's first word: "level 0-7 [4] (...): "
};

// Asks for each item; returns the ratings entered (id -> level). `current` gives the values
// Enter keeps.
std::map<std::string, int> prompt_items(const std::vector<RatingItem>& items, const std::map<std::string, int>& current,
                                        const RatingScale& scale, std::istream& in, std::ostream& out, std::size_t width);

// Asks one free-text question; nullopt on Enter (keep) or end of input.
std::optional<std::string> prompt_line(const std::string& question, const std::string& current, std::istream& in,
                                       std::ostream& out);

} // namespace careerplan
