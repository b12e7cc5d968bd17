#include <doctest/doctest.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <utime.h>

#include <fmt/format.h>

#include "core/catalog.hpp"
#include "core/history.hpp"
#include "core/progress.hpp"

using namespace careerplan;

namespace {

std::string line(const std::string& at, const std::string& ratings, const std::string& extra = {})
{
  return fmt::format(R"({{"schema":"careerplan/history/v1","at":"{}","event":"save","assessment":{{"schema":"careerplan/assessment/v1","target_role":"machine-learning-engineer","years_experience":3{},"ratings":{{{}}}}}}})",
                     at, extra, ratings) +
         "\n";
}

} // namespace

TEST_CASE("timestamps: UTC ISO 8601 round trip, dates and bad text")
{
  CHECK(parse_timestamp("1970-01-01T00:00:00Z") == 0);
  CHECK(parse_timestamp("2026-03-01") == parse_timestamp("2026-03-01T00:00:00Z"));
  CHECK(format_timestamp(*parse_timestamp("2024-02-29T23:59:59Z")) == "2024-02-29T23:59:59Z");
  CHECK(format_timestamp(*parse_timestamp("2026-03-01T09:30Z")) == "2026-03-01T09:30:00Z");
  CHECK_FALSE(parse_timestamp("2025-02-29"));
  CHECK_FALSE(parse_timestamp("2026-13-01"));
  CHECK_FALSE(parse_timestamp("2026-03-01T09:30:00+01:00"));
  CHECK_FALSE(parse_timestamp("yesterday"));
  CHECK_FALSE(parse_timestamp("2026-03-01T09:30:00Zjunk"));
}

TEST_CASE("history_path: beside the assessment")
{
  CHECK(history_path("/x/assessment.json") == "/x/assessment.history.jsonl");
  CHECK(history_path("/x/me") == "/x/me.history.jsonl");
}

TEST_CASE("parse_history: sound lines read, bad ones named, order by date")
{
  const Catalog cat = load_catalog({});
  std::string text = line("2026-02-01T00:00:00Z", R"("python":3)") + line("2026-01-01T00:00:00Z", R"("python":2)") + "\n" +
                     R"({"schema":"careerplan/history/v0","at":"2025-01-01T00:00:00Z","assessment":{}})" + "\n" +
                     line("2026-03-01T00:00:00Z", R"("python":4,"no-such-skill":3)") + R"({"schema":"careerplan/hist)";
  const History h = parse_history(text, "h.jsonl", cat);
  REQUIRE(h.snapshots.size() == 3);
  CHECK(h.lines == 5);
  CHECK(h.snapshots[0].line == 2);
  CHECK(h.snapshots[0].assessment.ratings.at("python") == 2);
  CHECK(h.snapshots[2].assessment.ratings.at("python") == 4); // the unknown skill left out, the rest read
  REQUIRE(h.problems.size() == 4);
  CHECK(h.problems[0].line == 2);
  CHECK(h.problems[0].message.find("ordered by date") != std::string::npos);
  CHECK(h.problems[1].line == 4);
  CHECK(h.problems[1].message.find("careerplan/history/v0") != std::string::npos);
  CHECK(h.problems[2].line == 5);
  CHECK(h.problems[2].message.find("no-such-skill") != std::string::npos);
  CHECK(h.problems[3].line == 6);
  CHECK(h.problems[3].message.find("cut short") != std::string::npos);
}

TEST_CASE("record_save: appends, seeds the previous state once, mends a cut-short last line")
{
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / fmt::format("careerplan-unit-{}", ::getpid());
  fs::create_directories(dir);
  const std::string path = (dir / "assessment.json").string();
  std::ofstream(path) << R"({"schema":"careerplan/assessment/v1","ratings":{"python":1}})";
  const struct utimbuf jan {*parse_timestamp("2026-01-01"), *parse_timestamp("2026-01-01")}; // the file's date
  REQUIRE(::utime(path.c_str(), &jan) == 0);
  ::setenv("CAREERPLAN_NOW", "2026-03-01T09:30:00Z", 1);
  const HistorySeed seed = history_seed(path);
  REQUIRE(seed.assessment);
  record_save(path, R"({"schema":"careerplan/assessment/v1","ratings":{"python":2}})", seed);
  CHECK_FALSE(history_seed(path).assessment); // the log exists now: no second seed
  {
    std::ofstream(history_path(path), std::ios::app) << R"({"schema":"careerplan/hi)"; // a killed writer
  }
  record_save(path, R"({"schema":"careerplan/assessment/v1","ratings":{"python":3}})", history_seed(path));
  const History h = read_history(history_path(path), load_catalog({}));
  REQUIRE(h.snapshots.size() == 3);
  CHECK(h.snapshots[0].event == "before-history");
  CHECK(format_timestamp(h.snapshots[0].at) == "2026-01-01T00:00:00Z");
  CHECK(h.snapshots[1].assessment.ratings.at("python") == 2);
  CHECK(h.snapshots[2].assessment.ratings.at("python") == 3);
  CHECK(format_timestamp(h.snapshots[2].at) == "2026-03-01T09:30:00Z");
  REQUIRE(h.problems.size() == 1);
  CHECK(h.problems[0].line == 3);
  ::unsetenv("CAREERPLAN_NOW");
  fs::remove_all(dir);
}

TEST_CASE("compute_progress: readiness change, skills moved, gaps closed")
{
  const Catalog cat = load_catalog({});
  const Role& role = resolve_role(cat, "mle");
  const std::string text = line("2026-01-01T00:00:00Z", R"("python":1,"sql":3)") +
                           line("2026-02-01T00:00:00Z", R"("python":3,"sql":3)") +
                           line("2026-03-01T00:00:00Z", R"("python":5,"sql":2)");
  const History h = parse_history(text, "h.jsonl", cat);
  const RoleProgress p = compute_progress(role, cat, h, {});
  REQUIRE(p.points.size() == 3);
  CHECK(p.points[0].readiness < p.points[2].readiness);
  CHECK(p.change == doctest::Approx(p.points[2].readiness - p.points[0].readiness));
  REQUIRE(p.moved.size() == 2);
  CHECK(p.moved[0].skill == "python");
  CHECK(p.moved[0].from == 1);
  CHECK(p.moved[0].to == 5);
  CHECK(p.moved[1].skill == "sql");
  bool python_closed = false;
  for (const auto& m : p.closed) {
    python_closed = python_closed || m.skill == "python";
  }
  CHECK(python_closed);
  // The same figure as `gap` for each snapshot.
  CHECK(p.points[1].readiness == doctest::Approx(compute_gap(role, cat, h.snapshots[1].assessment).readiness));
  const RoleProgress since = compute_progress(role, cat, h, {parse_timestamp("2026-02-01"), ""});
  CHECK(since.points.size() == 2);
  CHECK(since.moved.size() == 2);
}

TEST_CASE("sparkline: one cell per value, or the last value of each share")
{
  CHECK(sparkline({0, 50, 100}, 40) == "▁▅█");
  CHECK(sparkline({}, 40).empty());
  std::vector<double> many(10000, 0.0);
  many.back() = 100;
  const std::string s = sparkline(many, 40);
  CHECK(s.size() == 40 * 3);
  CHECK(s.substr(s.size() - 3) == "█");
}

TEST_CASE("parse_history: 10,000 snapshots read quickly")
{
  const Catalog cat = load_catalog({});
  std::string text;
  for (int i = 0; i < 10000; ++i) {
    text += line(format_timestamp(1767225600 + i * 3600), fmt::format(R"("python":{},"sql":{})", i % 6, (i / 7) % 6));
  }
  const auto t0 = std::chrono::steady_clock::now();
  const History h = parse_history(text, "h.jsonl", cat);
  const RoleProgress p = compute_progress(resolve_role(cat, "mle"), cat, h, {});
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - t0).count();
  CHECK(h.snapshots.size() == 10000);
  CHECK(p.points.size() == 10000);
  CHECK(ms < 5000);
}
