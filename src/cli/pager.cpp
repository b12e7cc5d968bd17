// The pager for long output on a terminal, as git runs one: $PAGER, else `less -FRX` (quit when
// the text fits one screen, keep colours, leave the text on the screen). Never in a pipe: the
// caller only asks when stdout is a terminal.
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <sys/wait.h>
#include <unistd.h>

#include "cli/context.hpp"

namespace careerplan {

namespace {

bool on_path(const std::string& program)
{
  const std::string path = env("PATH");
  std::size_t start = 0;
  while (start <= path.size()) {
    const std::size_t end = path.find(':', start);
    const std::string dir = path.substr(start, end == std::string::npos ? std::string::npos : end - start);
    if (::access(((dir.empty() ? "." : dir) + "/" + program).c_str(), X_OK) == 0) {
      return true;
    }
    if (end == std::string::npos) {
      break;
    }
    start = end + 1;
  }
  return false;
}

} // namespace

bool write_paged(const std::string& out)
{
  const char* set = std::getenv("PAGER");
  std::string pager = set != nullptr ? set : "";
  if (set == nullptr) {
    if (!on_path("less")) {
      return false;
    }
    pager = "less -FRX";
  }
  if (pager.empty() || pager == "cat") {
    return false;
  }
  std::fflush(stdout);
  ::setenv("LESS", "FRX", 0); // as git: a PAGER=less of the user's quits on one screen too, unless LESS says otherwise
  FILE* pipe = ::popen(pager.c_str(), "w");
  if (pipe == nullptr) {
    return false;
  }
  // A pager quit before the end closes the pipe: that ends the output, not the program.
  void (*previous)(int) = std::signal(SIGPIPE, SIG_IGN);
  std::fwrite(out.data(), 1, out.size(), pipe);
  const int status = ::pclose(pipe);
  std::signal(SIGPIPE, previous);
  // A pager that could not be run (the shell's 127: not found) showed nothing: print it plainly.
  return !(status != -1 && WIFEXITED(status) && WEXITSTATUS(status) == 127);
}

} // namespace careerplan
