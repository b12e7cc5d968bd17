#include "core/text.hpp"

#include <algorithm>
#include <cmath>
#include <utility>
#include <fmt/format.h>

namespace careerplan {

std::string to_lower(std::string_view s)
{
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c); });
  return out;
}

bool iequals(std::string_view a, std::string_view b)
{
  return to_lower(a) == to_lower(b);
}

std::size_t edit_distance(std::string_view a, std::string_view b)
{
  std::vector<std::size_t> prev(b.size() + 1);
  std::vector<std::size_t> cur(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) {
    prev[j] = j;
  }
  for (std::size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t subst = prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, subst});
    }
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

std::vector<std::string> nearest(std::string_view wanted, const std::vector<std::string>& candidates,
                                 std::size_t most)
{
  const std::string w = to_lower(wanted);
  std::vector<std::pair<std::size_t, std::string>> scored;
  for (const auto& c : candidates) {
    const std::string lc = to_lower(c);
    std::size_t d = edit_distance(w, lc);
    if (!w.empty() && (lc.find(w) != std::string::npos || w.find(lc) != std::string::npos)) {
      d = std::min<std::size_t>(d, 1);
    }
    const std::size_t limit = std::max<std::size_t>(2, std::max(w.size(), lc.size()) / 3);
    if (d <= limit) {
      scored.emplace_back(d, c);
    }
  }
  std::stable_sort(scored.begin(), scored.end(), [](const auto& x, const auto& y) { return x.first < y.first; });
  std::vector<std::string> out;
  for (const auto& [d, c] : scored) {
    if (std::find(out.begin(), out.end(), c) == out.end()) {
      out.push_back(c);
    }
    if (out.size() == most) {
      break;
    }
  }
  return out;
}

std::string did_you_mean(std::string_view wanted, const std::vector<std::string>& candidates)
{
  const auto near = nearest(wanted, candidates);
  if (near.empty()) {
    return {};
  }
  std::string out = "did you mean ";
  for (std::size_t i = 0; i < near.size(); ++i) {
    out += (i == 0 ? "'" : ", '") + near[i] + "'";
  }
  return out + "?";
}

std::string join(const std::vector<std::string>& items, std::string_view sep)
{
  return fmt::format("{}", fmt::join(items, sep));
}

std::vector<std::string> split(std::string_view s, char sep)
{
  std::vector<std::string> out;
  for (std::size_t start = 0;;) {
    const std::size_t end = s.find(sep, start);
    out.emplace_back(s.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
    if (end == std::string_view::npos) {
      return out;
    }
    start = end + 1;
  }
}

bool is_plain_id(std::string_view s)
{
  if (s.empty() || s.size() > 64 || !(s[0] >= 'a' && s[0] <= 'z')) {
    return false;
  }
  return std::all_of(s.begin(), s.end(),
                     [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; });
}

namespace {

// The code point at s[i] and its length in bytes, or length 0 when the bytes there are not
// valid UTF-8 (a stray continuation byte, a truncated sequence, an overlong form, a surrogate or
// a value past U+10FFFF).
std::pair<char32_t, std::size_t> decode_utf8(std::string_view s, std::size_t i)
{
  const auto c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) {
    return {c, 1};
  }
  std::size_t len = 0;
  char32_t cp = 0;
  char32_t min = 0;
  if ((c & 0xE0) == 0xC0) {
    len = 2, cp = c & 0x1F, min = 0x80;
  } else if ((c & 0xF0) == 0xE0) {
    len = 3, cp = c & 0x0F, min = 0x800;
  } else if ((c & 0xF8) == 0xF0) {
    len = 4, cp = c & 0x07, min = 0x10000;
  } else {
    return {0, 0};
  }
  if (i + len > s.size()) {
    return {0, 0};
  }
  for (std::size_t k = 1; k < len; ++k) {
    const auto b = static_cast<unsigned char>(s[i + k]);
    if ((b & 0xC0) != 0x80) {
      return {0, 0};
    }
    cp = (cp << 6) | (b & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
    return {0, 0};
  }
  return {cp, len};
}

bool unsafe_code_point(char32_t cp)
{
  return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || cp == 0x061C || cp == 0x200E || cp == 0x200F ||
         (cp >= 0x2028 && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

} // namespace

std::string printable(std::string_view s)
{
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    const auto [cp, len] = decode_utf8(s, i);
    if (len == 0) {
      out += '?';
      ++i;
      continue;
    }
    if (cp == '\t' || cp == '\n' || cp == '\r') {
      out += ' ';
    } else if (unsafe_code_point(cp)) {
      out += '?';
    } else {
      out.append(s.substr(i, len));
    }
    i += len;
  }
  return out;
}

std::size_t display_width(std::string_view s)
{
  std::size_t n = 0;
  for (unsigned char c : s) {
    if ((c & 0xC0) != 0x80) {
      ++n;
    }
  }
  return n;
}

std::vector<std::string> wrap(std::string_view text, std::size_t width, LongWords long_words)
{
  std::vector<std::string> lines;
  std::string line;
  std::size_t line_width = 0;
  std::size_t pos = 0;
  width = std::max<std::size_t>(width, 10);
  while (pos < text.size()) {
    std::size_t end = text.find(' ', pos);
    // A quoted command ('careerplan sources ROLE') stays on one line when it fits, so that it can
    // be copied as it is.
    if (text.substr(pos).rfind("'careerplan ", 0) == 0) {
      const std::size_t close = text.find('\'', pos + 1);
      if (close != std::string_view::npos) {
        const std::size_t after = text.find(' ', close);
        const std::size_t stop = after == std::string_view::npos ? text.size() : after;
        if (display_width(text.substr(pos, stop - pos)) <= width) {
          end = after;
        }
      }
    }
    const std::string_view word = text.substr(pos, end == std::string_view::npos ? text.size() - pos : end - pos);
    pos = end == std::string_view::npos ? text.size() : end + 1;
    if (word.empty()) {
      continue;
    }
    const std::size_t ww = display_width(word);
    // A URL stays whole, so that the terminal can still open it.
    const bool url = word.rfind("https://", 0) == 0 || word.rfind("http://", 0) == 0;
    if (long_words == LongWords::split && ww > width && !url) {
      if (line_width > 0) {
        lines.push_back(line);
      }
      // Pieces of `width` code points; the last one starts the next line.
      std::string piece;
      std::size_t piece_width = 0;
      for (std::size_t i = 0; i < word.size(); ++i) {
        const auto c = static_cast<unsigned char>(word[i]);
        if ((c & 0xC0) != 0x80 && piece_width == width) {
          lines.push_back(piece);
          piece.clear();
          piece_width = 0;
        }
        piece += word[i];
        piece_width += (c & 0xC0) != 0x80 ? 1 : 0;
      }
      line = piece;
      line_width = piece_width;
      continue;
    }
    if (line_width > 0 && line_width + 1 + ww > width) {
      lines.push_back(line);
      line.clear();
      line_width = 0;
    }
    if (line_width > 0) {
      line += ' ';
      ++line_width;
    }
    line += word;
    line_width += ww;
  }
  if (!line.empty() || lines.empty()) {
    lines.push_back(line);
  }
  return lines;
}

std::string thousands(double value)
{
  const bool negative = value < 0;
  const auto whole = static_cast<long long>(std::llround(std::fabs(value)));
  std::string digits = std::to_string(whole);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) {
      out += ',';
    }
    out += digits[i];
  }
  return negative ? "-" + out : out;
}

std::string plain_number(double value)
{
  std::string s = fmt::format("{:.4f}", value);
  while (!s.empty() && s.back() == '0') {
    s.pop_back();
  }
  if (!s.empty() && s.back() == '.') {
    s.pop_back();
  }
  return s == "-0" ? "0" : s;
}

} // namespace careerplan

namespace careerplan {

std::string printable_text(std::string_view s)
{
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    const std::size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    bool ok = len > 0 && i + len <= s.size();
    for (std::size_t k = 1; ok && k < len; ++k) {
      ok = (static_cast<unsigned char>(s[i + k]) & 0xC0) == 0x80;
    }
    if (!ok || (len == 1 && (c < 0x20 || c == 0x7f))) {
      out += '?';
      ++i;
    } else {
      out.append(s.substr(i, len));
      i += len;
    }
  }
  return out;
}

} // namespace careerplan
