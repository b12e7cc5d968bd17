// libFuzzer target for the O*NET text-release reader: the first byte of the input picks one file
// of the fixture release (tests/fixtures/onet), the rest replaces that file's content, and the
// whole release is imported into an in-memory store. Any exception other than careerplan::Error,
// any crash, leak or undefined behaviour is a finding.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "core/errors.hpp"
#include "core/onet_import.hpp"
#include "core/store.hpp"

using namespace careerplan;
namespace fs = std::filesystem;

namespace {

const char* const k_files[] = {"Occupation Data.txt", "Skills.txt", "Knowledge.txt", "Scales Reference.txt",
                               "Job Zones.txt", "Job Zone Reference.txt", "Related Occupations.txt",
                               "Technology Skills.txt", "Alternate Titles.txt", "Interests.txt",
                               "Level Scale Anchors.txt", "Content Model Reference.txt", "Read Me.txt",
                               "Education, Training, and Experience.txt",
                               "Education, Training, and Experience Categories.txt"};
constexpr std::size_t k_count = sizeof k_files / sizeof k_files[0];

// A private copy of the fixture release, made once.
const std::string& release_dir()
{
  static const std::string dir = [] {
    std::string tmpl = (fs::temp_directory_path() / "careerplan-fuzz-onet-XXXXXX").string();
    const char* made = ::mkdtemp(tmpl.data());
    if (made == nullptr) {
      std::abort();
    }
    for (const auto& entry : fs::directory_iterator(CAREERPLAN_ONET_FIXTURE)) {
      if (entry.path().extension() == ".txt") {
        fs::copy_file(entry.path(), fs::path(made) / entry.path().filename());
      }
    }
    return std::string(made);
  }();
  return dir;
}

std::string slurp(const fs::path& p)
{
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void spit(const fs::path& p, const std::string& text)
{
  std::ofstream out(p, std::ios::binary | std::ios::trunc);
  out.write(text.data(), static_cast<std::streamsize>(text.size()));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
  if (size == 0) {
    return 0;
  }
  const fs::path file = fs::path(release_dir()) / k_files[data[0] % k_count];
  const std::string original = slurp(file);
  spit(file, std::string(reinterpret_cast<const char*>(data + 1), size - 1));
  try {
    Db db = Db::open(":memory:", true);
    (void)import_onet(release_dir(), db, "2025-01-01T00:00:00Z");
  } catch (const Error&) {
  }
  spit(file, original);
  return 0;
}
