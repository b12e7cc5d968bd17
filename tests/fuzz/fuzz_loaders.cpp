// libFuzzer targets for the loaders: each builds as its own binary with -DFUZZ_<KIND>.
// Any exception other than careerplan::Error, any crash, leak or undefined behaviour is a finding.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/assessment.hpp"
#include "core/catalog.hpp"
#include "core/errors.hpp"
#include "core/history.hpp"
#include "core/progress.hpp"

using namespace careerplan;

namespace {

[[maybe_unused]] const Catalog& bundled()
{
  static const Catalog cat = load_catalog({});
  return cat;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  std::vector<Problem> problems;
#if defined(FUZZ_HISTORY)
  // A history log: every line read or named as a problem, then measured against a role.
  const History h = parse_history(std::string(text), "fuzz.history.jsonl", bundled());
  (void)compute_progress(bundled().roles.front(), bundled(), h, {});
#elif defined(FUZZ_ASSESSMENT)
  try {
    (void)parse_assessment_text(std::string(text), "fuzz.json", bundled());
  } catch (const Error&) {
  }
#else
  const auto j = parse_json(text, "fuzz.json", problems);
  if (!j) {
    return 0;
  }
  const ReadContext ctx{"fuzz.json", &problems};
#if defined(FUZZ_SKILLS)
  (void)read_skill_catalog(*j, ctx);
  (void)read_sources(*j, ctx);
#elif defined(FUZZ_ROLE)
  const Role role = read_role(*j, ctx);
  if (problems.empty()) {
    check_role(role, bundled(), problems);
  }
#else
#error "define FUZZ_HISTORY, FUZZ_ASSESSMENT, FUZZ_SKILLS or FUZZ_ROLE"
#endif
#endif
  return 0;
}
