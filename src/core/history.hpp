#pragma once
// The assessment's history: every save appends a dated snapshot to a JSON Lines log beside the
// assessment file (assessment.json -> assessment.history.jsonl), one object per line:
//
//   {"schema":"careerplan/history/v1","at":"2026-03-01T09:30:00Z","event":"save","assessment":{...}}
//
// The log is append-only: careerplan never rewrites or truncates it, so it can be kept under
// git. Reading is forgiving: a line that cannot be read (a truncated last line after a killed
// process, a schema this version does not know) is reported with its line number and left out,
// and stays in the file; snapshots are ordered by date whatever the order of the lines.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/assessment.hpp"

namespace careerplan {

inline constexpr const char* k_schema_history = "careerplan/history/v1";
// A history log larger than this is refused before it is read (10,000 snapshots are ~10 MiB).
inline constexpr std::size_t k_max_history_size = 256 * 1024 * 1024;

// Seconds since 1970-01-01T00:00:00Z.
using Timestamp = std::int64_t;

// "2026-03-01T09:30:00Z" (also "2026-03-01T09:30Z" and "2026-03-01", midnight UTC). nullopt when not one.
std::optional<Timestamp> parse_timestamp(const std::string& text);
// "2026-03-01T09:30:00Z"
std::string format_timestamp(Timestamp t);
// Now, from the clock; or from $CAREERPLAN_NOW (a timestamp as above), which the tests set so
// that their output does not depend on the day they run. A bad $CAREERPLAN_NOW is a UsageError.
Timestamp current_time();

struct Snapshot
{
  Timestamp at = 0;
  std::string event; // "save", or "before-history" for the state found when the log began
  std::size_t line = 0; // in the log, from 1
  Assessment assessment;
};

struct HistoryProblem
{
  std::size_t line = 0;
  std::string message;
};

struct History
{
  std::string file;
  bool exists = false;
  std::vector<Snapshot> snapshots; // by date, then by line
  std::vector<HistoryProblem> problems; // lines left out or read in part, and dates out of order
  std::size_t lines = 0; // non-empty lines in the file
};

// Where the history of the assessment at `assessment_path` lives: beside it (beside the file a
// symbolic link points to), "NAME.history.jsonl" for "NAME.json", else the path + ".history.jsonl".
std::string history_path(const std::string& assessment_path);

// Reads the log; a missing file is an empty history. IoError when it cannot be read.
History read_history(const std::string& path, const Catalog& catalog);
// Reads history text (the file's content) as read_history does.
History parse_history(const std::string& text, const std::string& file, const Catalog& catalog);

// One line of the log, with its newline.
std::string history_line(const nlohmann::ordered_json& assessment, Timestamp at, const std::string& event);

// Called before a save: what was in the assessment file, to be kept when the log does not yet
// exist, and the time of the save. A UsageError for a bad $CAREERPLAN_NOW, before anything is written.
struct HistorySeed
{
  std::optional<nlohmann::ordered_json> assessment;
  Timestamp at = 0; // the file's modification time
  Timestamp now = 0; // when the save happens (read before it, so that a bad $CAREERPLAN_NOW stops it)
  std::string log; // the history log, found before the save (a save may replace a symbolic link)
};
HistorySeed history_seed(const std::string& assessment_path);

// After a successful save of `saved` (the assessment file's new text) at `assessment_path`:
// appends the seed (when there is one) and then the saved state, dated now. Appends only; a
// last line without its newline (a killed process) gets one first, so no line is lost.
// IoError when the log cannot be written.
void record_save(const std::string& assessment_path, const std::string& saved, const HistorySeed& seed);

} // namespace careerplan
