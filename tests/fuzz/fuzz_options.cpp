// libFuzzer target for the option parser: the input is an argument vector, one argument per
// line. The real command tree is built (build_app) with its callbacks removed, so that only
// parsing and the options' own checks run.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "cli/context.hpp"
#include "core/errors.hpp"

using namespace careerplan;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
  std::vector<std::string> args = {"careerplan"};
  std::string current;
  for (std::size_t i = 0; i < size; ++i) {
    const char c = static_cast<char>(data[i]);
    if (c == '\n') {
      args.push_back(current);
      current.clear();
    } else {
      current += c;
    }
  }
  if (!current.empty()) {
    args.push_back(current);
  }
  if (args.size() > 64) {
    return 0;
  }
  std::vector<char*> argv;
  for (auto& a : args) {
    argv.push_back(a.data());
  }
  Context ctx;
  CLI::App app{"", "careerplan"};
  build_app(app, ctx);
  for (auto* sub : app.get_subcommands({})) {
    sub->callback(std::function<void()>{});
  }
  try {
    app.parse(static_cast<int>(argv.size()), argv.data());
  } catch (const CLI::Error&) {
  } catch (const Error&) {
  }
  return 0;
}
