#include "core/history.hpp"

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

#include "core/errors.hpp"
#include "core/json_reader.hpp"
#include "core/text.hpp"

namespace careerplan {

namespace {

bool digits(const std::string& s, std::size_t from, std::size_t n, int& out)
{
  if (from + n > s.size()) {
    return false;
  }
  out = 0;
  for (std::size_t i = from; i < from + n; ++i) {
    if (s[i] < '0' || s[i] > '9') {
      return false;
    }
    out = out * 10 + (s[i] - '0');
  }
  return true;
}

// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil).
std::int64_t days_from_civil(int y, int m, int d)
{
  y -= m <= 2 ? 1 : 0;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const int yoe = y - era * 400;
  const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return static_cast<std::int64_t>(era) * 146097 + doe - 719468;
}

int days_in_month(int y, int m)
{
  static constexpr int k_days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return m == 2 && leap ? 29 : k_days[m - 1];
}

void write_all(int fd, const std::string& data, const std::string& path)
{
  std::size_t done = 0;
  while (done < data.size()) {
    const ssize_t n = ::write(fd, data.data() + done, data.size() - done);
    if (n < 0) {
      if (errno == EINTR) {
        continue;
      }
      throw IoError(fmt::format("cannot append to '{}' (the assessment itself was saved): {}", path, std::strerror(errno)));
    }
    done += static_cast<std::size_t>(n);
  }
}

} // namespace

std::optional<Timestamp> parse_timestamp(const std::string& text)
{
  int y = 0;
  int mo = 0;
  int d = 0;
  if (!digits(text, 0, 4, y) || text.size() < 10 || text[4] != '-' || !digits(text, 5, 2, mo) || text[7] != '-' ||
      !digits(text, 8, 2, d) || mo < 1 || mo > 12 || d < 1 || y < 1970 || d > days_in_month(y, mo)) {
    return std::nullopt;
  }
  int h = 0;
  int mi = 0;
  int s = 0;
  if (text.size() > 10) {
    const bool hm = text.size() >= 17 && text[10] == 'T' && digits(text, 11, 2, h) && text[13] == ':' && digits(text, 14, 2, mi);
    if (!hm || h > 23 || mi > 59) {
      return std::nullopt;
    }
    std::size_t pos = 16;
    if (text[pos] == ':') {
      if (!digits(text, pos + 1, 2, s) || s > 60) {
        return std::nullopt;
      }
      pos += 3;
    }
    if (pos + 1 != text.size() || text[pos] != 'Z') {
      return std::nullopt;
    }
  }
  return days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60 + s;
}

std::string format_timestamp(Timestamp t)
{
  const auto tt = static_cast<std::time_t>(t);
  std::tm tm {};
  ::gmtime_r(&tt, &tm);
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour,
                     tm.tm_min, tm.tm_sec);
}

Timestamp current_time()
{
  if (const char* e = std::getenv("CAREERPLAN_NOW"); e != nullptr && *e != '\0') {
    const auto t = parse_timestamp(e);
    if (!t) {
      throw UsageError(fmt::format("$CAREERPLAN_NOW '{}' is not a UTC timestamp", e), "e.g. 2026-03-01T09:30:00Z");
    }
    return *t;
  }
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

std::string history_path(const std::string& assessment_path)
{
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::path p(assessment_path);
  if (fs::is_symlink(p, ec)) {
    const fs::path target = fs::canonical(p, ec);
    if (!ec) {
      p = target;
    }
  }
  std::string s = p.string();
  if (s.size() > 5 && s.compare(s.size() - 5, 5, ".json") == 0) {
    s.resize(s.size() - 5);
  }
  return s + ".history.jsonl";
}

History parse_history(const std::string& text, const std::string& file, const Catalog& catalog)
{
  History h;
  h.file = file;
  h.exists = true;
  std::size_t line_no = 0;
  std::size_t pos = 0;
  Timestamp latest = 0;
  std::size_t latest_line = 0;
  std::size_t out_of_order = 0;
  while (pos < text.size()) {
    std::size_t end = text.find('\n', pos);
    const bool last_without_newline = end == std::string::npos;
    if (last_without_newline) {
      end = text.size();
    }
    ++line_no;
    const std::string_view line(text.data() + pos, end - pos);
    pos = end + 1;
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) {
      continue;
    }
    ++h.lines;
    auto fail = [&](const std::string& message) { h.problems.push_back({line_no, printable_text(message)}); };
    std::vector<Problem> problems;
    const auto j = parse_json(line, file, problems);
    if (!j) {
      fail(last_without_newline ? "the last line is cut short (was careerplan stopped while saving?); left out, kept in the file"
                                : fmt::format("not JSON ({}); left out, kept in the file",
                                              problems.empty() ? "unreadable" : problems.front().message));
      continue;
    }
    if (!j->is_object()) {
      fail(fmt::format("a snapshot is a JSON object, found {}; left out, kept in the file", type_name(*j)));
      continue;
    }
    const auto schema = j->find("schema");
    if (schema == j->end() || !schema->is_string()) {
      fail("no \"schema\"; left out, kept in the file");
      continue;
    }
    if (schema->get<std::string>() != k_schema_history) {
      fail(fmt::format("schema '{}' is not one this version reads ({}); left out, kept in the file",
                       schema->get<std::string>(), k_schema_history));
      continue;
    }
    const auto at_it = j->find("at");
    const auto at = at_it != j->end() && at_it->is_string() ? parse_timestamp(at_it->get<std::string>()) : std::nullopt;
    if (!at) {
      fail("\"at\" is not a UTC timestamp such as 2026-03-01T09:30:00Z; left out, kept in the file");
      continue;
    }
    const auto as = j->find("assessment");
    if (as == j->end() || !as->is_object()) {
      fail("no \"assessment\" object; left out, kept in the file");
      continue;
    }
    Snapshot s;
    s.at = *at;
    s.line = line_no;
    const auto ev = j->find("event");
    s.event = ev != j->end() && ev->is_string() ? printable_text(ev->get<std::string>()) : "save";
    // What is sound is read: a rating this version cannot read (an unknown skill, a value out
    // of range, an older assessment schema) is named and left out, and the rest counts.
    const ReadContext ctx{file, &problems};
    s.assessment = read_assessment(*as, ctx, catalog);
    s.assessment.file = fmt::format("{}:{}", file, line_no);
    for (const auto& p : problems) {
      fail(fmt::format("/assessment{}: {}; the rest of the snapshot is read", p.path, p.message));
    }
    if (*at < latest) {
      if (++out_of_order <= 1) {
        fail(fmt::format("dated {}, before line {} ({}); snapshots are ordered by date", format_timestamp(*at), latest_line,
                         format_timestamp(latest)));
      }
    } else {
      latest = *at;
      latest_line = line_no;
    }
    h.snapshots.push_back(std::move(s));
  }
  if (out_of_order > 1) {
    h.problems.push_back({0, fmt::format("{} snapshots in all are dated before an earlier line; ordered by date", out_of_order)});
  }
  std::stable_sort(h.snapshots.begin(), h.snapshots.end(), [](const Snapshot& a, const Snapshot& b) { return a.at < b.at; });
  return h;
}

History read_history(const std::string& path, const Catalog& catalog)
{
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) {
    if (errno == ENOENT) {
      History h;
      h.file = path;
      return h;
    }
    throw IoError(fmt::format("cannot read '{}': {}", path, std::strerror(errno)));
  }
  if (!S_ISREG(st.st_mode)) {
    throw IoError(fmt::format("cannot read '{}': not a regular file", path));
  }
  if (static_cast<std::size_t>(st.st_size) > k_max_history_size) {
    throw IoError(fmt::format("cannot read '{}': {} bytes is over the limit of {} bytes", path, st.st_size,
                              k_max_history_size));
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw IoError(fmt::format("cannot read '{}': {}", path, std::strerror(errno)));
  }
  std::string text(static_cast<std::size_t>(st.st_size), '\0');
  in.read(text.data(), static_cast<std::streamsize>(text.size()));
  text.resize(static_cast<std::size_t>(in.gcount()));
  if (in.bad()) {
    throw IoError(fmt::format("cannot read '{}': read error", path));
  }
  return parse_history(text, path, catalog);
}

std::string history_line(const nlohmann::ordered_json& assessment, Timestamp at, const std::string& event)
{
  const nlohmann::ordered_json j = {
      {"schema", k_schema_history}, {"at", format_timestamp(at)}, {"event", event}, {"assessment", assessment}};
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

HistorySeed history_seed(const std::string& assessment_path)
{
  HistorySeed seed;
  seed.now = current_time();
  seed.log = history_path(assessment_path);
  struct stat st {};
  if (::stat(seed.log.c_str(), &st) == 0 || ::stat(assessment_path.c_str(), &st) != 0 || !S_ISREG(st.st_mode) ||
      static_cast<std::size_t>(st.st_size) > k_max_file_size) {
    return seed;
  }
  std::ifstream in(assessment_path, std::ios::binary);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  auto j = nlohmann::ordered_json::parse(text, nullptr, false);
  if (!j.is_discarded() && j.is_object()) {
    seed.assessment = std::move(j);
    seed.at = st.st_mtime;
  }
  return seed;
}

void record_save(const std::string& assessment_path, const std::string& saved, const HistorySeed& seed)
{
  const std::string path = seed.log.empty() ? history_path(assessment_path) : seed.log;
  const auto j = nlohmann::ordered_json::parse(saved, nullptr, false);
  if (j.is_discarded()) {
    throw IoError(fmt::format("cannot append to '{}': the saved assessment is not JSON", path));
  }
  std::string lines;
  if (seed.assessment) {
    lines += history_line(*seed.assessment, seed.at, "before-history");
  }
  lines += history_line(j, seed.now, "save");
  const int fd = ::open(path.c_str(), O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0) {
    throw IoError(fmt::format("cannot append to '{}' (the assessment itself was saved): {}", path, std::strerror(errno)));
  }
  try {
    // A last line cut short by a killed process keeps its own line: the new one starts after it.
    struct stat st {};
    char last = '\n';
    if (::fstat(fd, &st) == 0 && st.st_size > 0 && ::pread(fd, &last, 1, st.st_size - 1) != 1) {
      last = '\n';
    }
    write_all(fd, last == '\n' ? lines : "\n" + lines, path);
    if (::fsync(fd) != 0) {
      throw IoError(fmt::format("cannot append to '{}' (the assessment itself was saved): sync: {}", path, std::strerror(errno)));
    }
  } catch (...) {
    ::close(fd);
    throw;
  }
  ::close(fd);
}

} // namespace careerplan
