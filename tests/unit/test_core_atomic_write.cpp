#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <sys/stat.h>
#include <unistd.h>

#include "core/atomic_write.hpp"
#include "core/errors.hpp"

using namespace careerplan;
namespace fs = std::filesystem;

namespace {

// A fresh directory under the system's temporary directory, removed at the end of the test.
struct TempDir
{
  fs::path path;
  TempDir()
  {
    std::string templ = (fs::temp_directory_path() / "careerplan-unit-XXXXXX").string();
    REQUIRE(::mkdtemp(templ.data()) != nullptr);
    path = templ;
  }
  ~TempDir()
  {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
};

std::string slurp(const fs::path& p)
{
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

unsigned mode_of(const fs::path& p)
{
  struct stat st{};
  REQUIRE(::stat(p.c_str(), &st) == 0);
  return st.st_mode & 07777;
}

std::size_t entries(const fs::path& dir)
{
  std::size_t n = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir)) {
    ++n;
  }
  return n;
}

} // namespace

TEST_CASE("a new file is written whole and private to its owner, and nothing else is left beside it")
{
  const TempDir dir;
  const fs::path file = dir.path / "a.json";
  write_file_atomic(file.string(), "{\"x\": 1}\n");
  CHECK(slurp(file) == "{\"x\": 1}\n");
  CHECK(mode_of(file) == 0600);
  CHECK(entries(dir.path) == 1); // no temporary file, no lock file
}

TEST_CASE("a replaced file keeps its mode and gets the new content")
{
  const TempDir dir;
  const fs::path file = dir.path / "a.json";
  std::ofstream(file) << "old";
  REQUIRE(::chmod(file.c_str(), 0640) == 0);
  write_file_atomic(file.string(), "new");
  CHECK(slurp(file) == "new");
  CHECK(mode_of(file) == 0640);
  CHECK(entries(dir.path) == 1);
}

TEST_CASE("a symbolic link is followed: its target is replaced and the link stays a link")
{
  const TempDir dir;
  const fs::path target = dir.path / "real.json";
  const fs::path link = dir.path / "link.json";
  std::ofstream(target) << "old";
  fs::create_symlink(target, link);
  {
    const SaveLock lock(link.string());
    CHECK(fs::path(lock.target()) == target);
    lock.write("new");
  }
  CHECK(fs::is_symlink(link));
  CHECK(slurp(target) == "new");
  CHECK(entries(dir.path) == 2); // the lock file is gone once the SaveLock ends
}

TEST_CASE("what is not a regular file is never replaced: an I/O error")
{
  const TempDir dir;
  const fs::path sub = dir.path / "sub";
  fs::create_directory(sub);
  CHECK_THROWS_AS(write_file_atomic(sub.string(), "x"), IoError);
  CHECK(fs::is_directory(sub));

  const fs::path dangling = dir.path / "dangling.json";
  fs::create_symlink(dir.path / "nowhere.json", dangling);
  CHECK_THROWS_AS(write_file_atomic(dangling.string(), "x"), IoError);
  CHECK_FALSE(fs::exists(dir.path / "nowhere.json"));

  const fs::path fifo = dir.path / "fifo";
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  CHECK_THROWS_AS(write_file_atomic(fifo.string(), "x"), IoError);
  CHECK(fs::is_fifo(fifo));
}

TEST_CASE("an I/O error's message names the file")
{
  const TempDir dir;
  const fs::path sub = dir.path / "sub";
  fs::create_directory(sub);
  try {
    write_file_atomic(sub.string(), "x");
    FAIL("expected an IoError");
  } catch (const IoError& e) {
    CHECK(e.message().find(sub.string()) != std::string::npos);
    CHECK(e.code() == ExitCode::io);
  }
}
