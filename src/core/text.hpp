#pragma once
// Small string helpers shared by the core and the renderers.
#include <string>
#include <string_view>
#include <vector>

namespace careerplan {

std::string to_lower(std::string_view s);
bool iequals(std::string_view a, std::string_view b);
std::size_t edit_distance(std::string_view a, std::string_view b);
// The candidates nearest to `wanted` (case-insensitive edit distance, or a prefix/substring), best first.
std::vector<std::string> nearest(std::string_view wanted, const std::vector<std::string>& candidates,
                                 std::size_t most = 3);
// "did you mean 'a', 'b'?" or "" when there is nothing near.
std::string did_you_mean(std::string_view wanted, const std::vector<std::string>& candidates);
std::string join(const std::vector<std::string>& items, std::string_view sep);
// The fields of `s` between each `sep`: "a,,b" gives "a", "", "b"; "" gives one empty field.
std::vector<std::string> split(std::string_view s, char sep);
// A plain name: lower-case letters, digits and '-', starting with a letter. Role and skill ids are names, never paths.
bool is_plain_id(std::string_view s);
// Text as it may reach a terminal, a CSV cell or a Markdown document: control characters (C0, DEL,
// the C1 range U+0080-U+009F, which includes ESC/CSI/OSC and NUL), bidirectional overrides and
// isolates (U+061C, U+200E-U+200F, U+202A-U+202E, U+2066-U+2069), line and paragraph separators,
// and bytes that are not valid UTF-8 each become '?'; a tab, line feed or carriage return becomes
// a space. Everything else, including other non-ASCII text, is kept as it is.
std::string printable(std::string_view s);
// Display width of UTF-8 text (code points; the catalog holds no wide characters).
std::size_t display_width(std::string_view s);
// Words kept whole (table cells: a column is as wide as its longest word) or split where a word
// is wider than the line (running text: a long path must not overflow the terminal; a URL is
// kept whole all the same, so that the terminal can open it).
enum class LongWords { keep, split };
// Lines of at most `width` (10 at least) columns, broken at spaces.
std::vector<std::string> wrap(std::string_view text, std::size_t width, LongWords long_words = LongWords::keep);
// 185000 -> "185,000"
std::string thousands(double value);
// A number without trailing zeros: 0.95 -> "0.95", 3 -> "3", 0.8125 -> "0.8125"
std::string plain_number(double value);

} // namespace careerplan

namespace careerplan {
// Text safe for a terminal: control characters and invalid UTF-8 bytes become '?'.
std::string printable_text(std::string_view s);
} // namespace careerplan
