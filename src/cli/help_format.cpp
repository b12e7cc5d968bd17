#include "cli/help_format.hpp"

#include <CLI/CLI.hpp>

#include <algorithm>

#include "core/text.hpp"

namespace careerplan {

namespace {

// Lines of `text` at most `width` wide, the first after `first`, the others after `indent`.
std::string hanging(const std::string& first, const std::string& text, std::size_t indent, std::size_t width)
{
  const std::size_t room = width > indent + 20 ? width - indent : 20;
  std::string out;
  const auto lines = wrap(text, room);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    out += (i == 0 ? first : std::string(indent, ' ')) + lines[i] + "\n";
  }
  if (lines.empty()) {
    out += first + "\n";
  }
  return out;
}

} // namespace

WrappingFormatter::WrappingFormatter(std::size_t width) : m_width(width)
{
  column_width(std::min<std::size_t>(30, width / 3));
}

std::string help_item(const std::string& name, const std::string& description, std::size_t column, std::size_t width)
{
  const std::string lead = "  " + name;
  if (description.empty()) {
    return lead + "\n";
  }
  std::string out;
  std::string first = lead + std::string(column > display_width(lead) ? column - display_width(lead) : 0, ' ');
  if (display_width(lead) >= column) {
    out = lead + "\n";
    first = std::string(column, ' ');
  }
  // A description may hold its own line breaks; each line wraps under the column.
  std::size_t start = 0;
  while (start <= description.size()) {
    const std::size_t end = std::min(description.find('\n', start), description.size());
    out += hanging(first, description.substr(start, end - start), column, width);
    first = std::string(column, ' ');
    start = end + 1;
  }
  return out;
}

std::string wrap_help_text(const std::string& text, std::size_t width)
{
  std::string out;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) {
      end = text.size();
    }
    const std::string line = text.substr(start, end - start);
    start = end + 1;
    if (display_width(line) <= width) {
      out += line + "\n";
      continue;
    }
    // The indentation, and for "  key  text" the column of the text.
    const std::size_t lead = line.find_first_not_of(' ');
    std::size_t indent = lead == std::string::npos ? 0 : lead;
    if (indent > 0) {
      const std::size_t gap = line.find("  ", indent);
      if (gap != std::string::npos) {
        const std::size_t text_at = line.find_first_not_of(' ', gap);
        if (text_at != std::string::npos && text_at < width / 2) {
          indent = text_at;
        }
      }
    }
    out += hanging(line.substr(0, indent), line.substr(indent), indent, width);
  }
  return out;
}

std::string WrappingFormatter::make_option(const CLI::Option* opt, bool is_positional) const
{
  return help_item(make_option_name(opt, is_positional) + make_option_opts(opt), make_option_desc(opt),
                   get_column_width(), m_width);
}

std::string WrappingFormatter::make_subcommand(const CLI::App* sub) const
{
  return help_item(sub->get_display_name(true), sub->get_description(), get_column_width(), m_width);
}

std::string WrappingFormatter::make_description(const CLI::App* app) const
{
  return wrap_help_text(CLI::Formatter::make_description(app), m_width);
}

std::string WrappingFormatter::make_usage(const CLI::App* app, std::string name) const
{
  return wrap_help_text(CLI::Formatter::make_usage(app, std::move(name)), m_width);
}

std::string WrappingFormatter::make_footer(const CLI::App* app) const
{
  return wrap_help_text(CLI::Formatter::make_footer(app), m_width);
}

} // namespace careerplan
