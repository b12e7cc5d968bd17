#pragma once
// Internal to core/json_reader.cpp: the fast way to a document. simdjson parses the text (and
// checks its UTF-8) several times faster than nlohmann's lexer, and the document is built from
// its tree. Whatever it does not take as it stands (malformed text, a duplicate key, nesting at
// the limit, a number beyond 64 bits or a double's range, -0.0) is left to the nlohmann parse,
// which reports exactly what is wrong with line and column. One difference, never seen: "-0" is
// the unsigned 0 (simdjson's tree keeps no sign on an integer 0; nlohmann types it signed, and no
// reader tells signed from unsigned integers).
#include <optional>
#include <string_view>

#include <nlohmann/json.hpp>

namespace careerplan::detail {

// The document nlohmann's parse would give, or none: then parse with nlohmann.
std::optional<nlohmann::json> parse_json_fast(std::string_view text, std::size_t max_depth);

} // namespace careerplan::detail
