#include <algorithm>
#include <cmath>

#include "core/text.hpp"
#include "render/document.hpp"

namespace careerplan {

namespace {

const char* k_bold = "\x1b[1m";
const char* k_dim = "\x1b[2m";
const char* k_reset = "\x1b[0m";

std::string pad(const std::string& s, std::size_t width, Align align)
{
  const std::size_t w = display_width(s);
  if (w >= width) {
    return s;
  }
  const std::string fill(width - w, ' ');
  return align == Align::right ? fill + s : s + fill;
}

std::size_t wrap_column(const Table& t)
{
  return t.wrap && *t.wrap < t.columns.size() ? *t.wrap : t.columns.size() - 1;
}

// The wrapping columns: `wrap` (default: the last) and `wrap_also`.
std::vector<std::size_t> wrap_columns(const Table& t)
{
  std::vector<std::size_t> out;
  if (!t.columns.empty()) {
    out.push_back(wrap_column(t));
  }
  for (std::size_t c : t.wrap_also) {
    if (c < t.columns.size() && std::find(out.begin(), out.end(), c) == out.end()) {
      out.push_back(c);
    }
  }
  return out;
}

// A column's natural width (its widest cell) and, for a wrapping column, the narrowest it may
// be: 12 cells or its longest word.
std::pair<std::size_t, std::size_t> column_widths(const Table& t, std::size_t c, bool wraps)
{
  std::size_t w = display_width(t.columns[c]);
  std::size_t longest = w;
  for (const auto& row : t.rows) {
    if (c < row.size()) {
      w = std::max(w, display_width(row[c]));
      if (wraps) {
        for (const auto& word : wrap(row[c], 1)) {
          longest = std::max(longest, display_width(word));
        }
      }
    }
  }
  return {w, wraps ? std::max(std::min<std::size_t>(w, 12), longest) : w};
}

// The narrowest the table can be: every column at its natural width but the wrapping ones.
std::size_t narrowest_width(const Table& t)
{
  std::size_t total = 2;
  const auto wrapping = wrap_columns(t);
  for (std::size_t c = 0; c < t.columns.size(); ++c) {
    const bool wraps = std::find(wrapping.begin(), wrapping.end(), c) != wrapping.end();
    total += column_widths(t, c, wraps).second;
    total += c + 1 < t.columns.size() ? 2 : 0;
  }
  return total;
}

Table without_column(const Table& t, std::size_t col)
{
  Table out = t;
  auto erase = [col](auto& v) {
    if (col < v.size()) {
      v.erase(v.begin() + static_cast<std::ptrdiff_t>(col));
    }
  };
  erase(out.columns);
  erase(out.align);
  for (auto& row : out.rows) {
    erase(row);
  }
  out.droppable.clear();
  if (out.wrap && *out.wrap > col) {
    --*out.wrap;
  }
  out.wrap_also.clear();
  for (std::size_t c : t.wrap_also) {
    if (c != col) {
      out.wrap_also.push_back(c > col ? c - 1 : c);
    }
  }
  return out;
}

// A table too wide for the terminal even without its droppable columns: one block per row, a
// "COLUMN  value" line per cell, values wrapped to the width.
void render_records(const Table& t, const RenderOptions& options, std::string& out)
{
  std::size_t key_width = 0;
  for (const auto& c : t.columns) {
    key_width = std::max(key_width, display_width(c));
  }
  const std::size_t lead = 2 + key_width + 2;
  const std::size_t room = options.width > lead + 20 ? options.width - lead : 20;
  bool first = true;
  for (const auto& row : t.rows) {
    if (!first) {
      out += "\n";
    }
    first = false;
    for (std::size_t c = 0; c < t.columns.size() && c < row.size(); ++c) {
      if (row[c].empty()) {
        continue;
      }
      const auto lines = wrap(row[c], room, LongWords::split);
      for (std::size_t i = 0; i < lines.size(); ++i) {
        std::string key = i == 0 ? pad(t.columns[c], key_width, Align::left) : std::string(key_width, ' ');
        if (i == 0 && options.color) {
          key = k_dim + key + k_reset;
        }
        std::string line = "  " + key + "  " + lines[i];
        while (!line.empty() && line.back() == ' ') {
          line.pop_back();
        }
        out += line + "\n";
      }
    }
  }
}

// The legends of the columns shown, wrapped under the table.
void render_legends(const Table& full, const std::vector<std::size_t>& dropped, const RenderOptions& options,
                    std::string& out)
{
  for (const auto& [col, text] : full.legends) {
    if (std::find(dropped.begin(), dropped.end(), col) != dropped.end()) {
      continue;
    }
    for (const auto& line : wrap(text, options.width > 4 ? options.width - 2 : 10, LongWords::split)) {
      out += "  " + line + "\n";
    }
  }
}

void render_rows(const Table& full, const RenderOptions& options, std::string& out)
{
  Table t = full;
  std::vector<std::size_t> dropped;
  for (std::size_t i = 0; i < full.droppable.size() && narrowest_width(t) > options.width; ++i) {
    // Later droppable indices shift left once an earlier column is gone.
    std::size_t col = full.droppable[i];
    for (std::size_t j = 0; j < i; ++j) {
      col -= full.droppable[j] < full.droppable[i] ? 1 : 0;
    }
    t = without_column(t, col);
    dropped.push_back(full.droppable[i]);
  }
  if (narrowest_width(t) > options.width) {
    render_records(full, options, out); // a block per row has room for every column
    render_legends(full, {}, options, out);
    return;
  }
  const std::size_t n = t.columns.size();
  std::vector<std::size_t> widths(n, 0);
  for (std::size_t c = 0; c < n; ++c) {
    widths[c] = display_width(t.columns[c]);
  }
  for (const auto& row : t.rows) {
    for (std::size_t c = 0; c < n && c < row.size(); ++c) {
      widths[c] = std::max(widths[c], display_width(row[c]));
    }
  }
  const std::size_t indent = 2;
  const std::size_t gap = 2;
  std::size_t total = indent;
  for (std::size_t c = 0; c < n; ++c) {
    total += widths[c] + (c + 1 < n ? gap : 0);
  }
  const auto wrapping = wrap_columns(t);
  auto wraps = [&](std::size_t c) { return std::find(wrapping.begin(), wrapping.end(), c) != wrapping.end(); };
  if (total > options.width) {
    // The room the other columns leave, shared: each wrapping column gets its minimum, then the
    // rest is shared out evenly, a column that needs less than its share leaving it to the others.
    for (std::size_t c : wrapping) {
      total -= widths[c];
    }
    std::size_t room = options.width > total ? options.width - total : 0;
    std::vector<std::pair<std::size_t, std::size_t>> order; // what a column wants beyond its minimum, column
    for (std::size_t c : wrapping) {
      const std::size_t least = std::min(widths[c], column_widths(t, c, true).second);
      room = room > least ? room - least : 0;
      order.emplace_back(widths[c] - least, c);
      widths[c] = least;
    }
    std::sort(order.begin(), order.end());
    for (std::size_t i = 0; i < order.size(); ++i) {
      const std::size_t more = std::min(order[i].first, room / (order.size() - i));
      widths[order[i].second] += more;
      room -= more;
    }
  }
  auto align_of = [&](std::size_t c) { return c < t.align.size() ? t.align[c] : Align::left; };
  auto emit = [&](const std::vector<std::string>& cells, bool header) {
    // Wrap the wrapping columns; other cells print on the first line only.
    std::vector<std::vector<std::string>> wrapped(n);
    std::size_t lines = 1;
    for (std::size_t c : wrapping) {
      if (c < cells.size()) {
        wrapped[c] = display_width(cells[c]) > widths[c] ? wrap(cells[c], widths[c]) : std::vector<std::string>{cells[c]};
        lines = std::max(lines, wrapped[c].size());
      }
    }
    for (std::size_t line = 0; line < lines; ++line) {
      std::string text(indent, ' ');
      for (std::size_t c = 0; c < n; ++c) {
        std::string cell = wraps(c) ? (line < wrapped[c].size() ? wrapped[c][line] : "")
                                    : (line == 0 && c < cells.size() ? cells[c] : "");
        const bool last = c + 1 == n;
        text += last && align_of(c) == Align::left ? cell : pad(cell, widths[c], align_of(c));
        if (!last) {
          text += std::string(gap, ' ');
        }
      }
      while (!text.empty() && text.back() == ' ') {
        text.pop_back();
      }
      if (header && options.color) {
        out += k_dim + text + k_reset + "\n";
      } else {
        out += text + "\n";
      }
    }
  };
  emit(t.columns, true);
  for (const auto& row : t.rows) {
    emit(row, false);
  }
  render_legends(full, dropped, options, out);
}

} // namespace

std::string bar(double value, double max, std::size_t width)
{
  if (max <= 0 || !std::isfinite(value)) {
    return std::string(width, ' ');
  }
  const double ratio = std::clamp(value / max, 0.0, 1.0);
  const auto filled = static_cast<std::size_t>(std::lround(ratio * static_cast<double>(width)));
  std::string out;
  for (std::size_t i = 0; i < width; ++i) {
    out += i < filled ? "█" : "░";
  }
  return out;
}

std::string render_table(const Document& in, const RenderOptions& options)
{
  const Document doc = printable(in);
  std::string out;
  // Titles and headings wrap like any text; each line keeps the emphasis.
  auto heading = [&](const std::string& text) {
    for (const auto& line : wrap(text, options.width, LongWords::split)) {
      out += (options.color ? std::string(k_bold) + line + k_reset : line) + "\n";
    }
  };
  if (!doc.title.empty()) {
    heading(doc.title);
  }
  for (const auto& s : doc.sections) {
    if (!out.empty()) {
      out += "\n";
    }
    if (!s.heading.empty()) {
      heading(s.heading);
    }
    std::size_t key_width = 0;
    for (const auto& [k, v] : s.fields) {
      key_width = std::max(key_width, display_width(k));
    }
    for (const auto& [k, v] : s.fields) {
      const std::size_t lead = 2 + key_width + 2;
      const auto lines = wrap(v, options.width > lead + 20 ? options.width - lead : 20, LongWords::split);
      for (std::size_t i = 0; i < lines.size(); ++i) {
        out += i == 0 ? "  " + pad(k + ":", key_width + 1, Align::left) + " " : std::string(lead, ' ');
        out += lines[i] + "\n";
      }
    }
    for (const auto& p : s.paragraphs) {
      for (const auto& line : wrap(p, options.width > 4 ? options.width - 2 : 10, LongWords::split)) {
        out += "  " + line + "\n";
      }
    }
    for (const auto& b : s.bullets) {
      const auto lines = wrap(b, options.width > 6 ? options.width - 4 : 10, LongWords::split);
      for (std::size_t i = 0; i < lines.size(); ++i) {
        out += (i == 0 ? "  - " : "    ") + lines[i] + "\n";
      }
    }
    if (!s.table.columns.empty()) {
      render_rows(s.table, options, out);
    }
  }
  if (!doc.footnotes.empty()) {
    out += "\n";
    for (const auto& f : doc.footnotes) {
      for (const auto& line : wrap(f, options.width, LongWords::split)) {
        out += (options.color ? std::string(k_dim) + line + k_reset : line) + "\n";
      }
    }
  }
  return out;
}

} // namespace careerplan
