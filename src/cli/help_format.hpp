#pragma once
// --help wrapped to the terminal: a CLI11 formatter whose option and command descriptions,
// description and footer wrap at a width (the terminal's, or 80 when output goes to a pipe).
#include <cstddef>
#include <memory>
#include <string>

#include <CLI/CLI.hpp>

namespace careerplan {

class WrappingFormatter : public CLI::Formatter
{
public:
  explicit WrappingFormatter(std::size_t width);
  std::string make_option(const CLI::Option* opt, bool is_positional) const override;
  std::string make_subcommand(const CLI::App* sub) const override;
  std::string make_description(const CLI::App* app) const override;
  std::string make_usage(const CLI::App* app, std::string name) const override;
  std::string make_footer(const CLI::App* app) const override;

private:
  std::size_t m_width;
};

// Text wrapped to `width`, line by line: a line keeps its indentation, and a line laid out as
// "  key  text" continues under its text.
std::string wrap_help_text(const std::string& text, std::size_t width);
// A name and its description, the description from column `column` and wrapped to `width`.
std::string help_item(const std::string& name, const std::string& description, std::size_t column, std::size_t width);

} // namespace careerplan
