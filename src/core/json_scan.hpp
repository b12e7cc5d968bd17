#pragma once
// Reading one top-level key of a JSON document without parsing the rest: a role file names its
// title and aliases near its start, so finding a role's title, or which role an alias names,
// does not parse every file whole. The text is read up to the key's value and no further; what
// lies beyond (even a syntax error) is not looked at.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace careerplan {

// The value of the top-level `key` when it is a string; nullopt when the document has no such
// key before its end or an error, or its value is no string.
std::optional<std::string> scan_top_string(std::string_view text, std::string_view key);
// The strings directly in the value of the top-level `key` when it is an array (those read before
// an error); empty otherwise.
std::vector<std::string> scan_top_strings(std::string_view text, std::string_view key);

} // namespace careerplan
