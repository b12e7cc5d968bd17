#pragma once
// Importing an unzipped O*NET text release (db_XX_X_text) into the store. Every row is checked
// (occupation codes, scale ids and ranges from Scales Reference, duplicates) and a problem stops
// the import with its file and line; the tables are replaced inside one transaction, so a failed
// or interrupted import leaves the previous one as it was.
#include <functional>
#include <string>
#include <vector>

#include "core/store.hpp"

namespace careerplan {

struct OnetImportReport
{
  std::string version; // "29.3"; empty when Read Me.txt does not say
  std::string release; // "O*NET 29.3 Database, May 2025 Release"
  std::size_t occupations = 0;
  std::size_t rated_occupations = 0; // with Skills rows
  std::vector<std::pair<std::string, std::size_t>> files; // file name, rows read
  std::vector<std::string> missing; // optional files that are not there (that part is absent)
};

// Called before each file is read, with its name (for progress on a terminal).
using ImportProgress = std::function<void(const std::string& file)>;

// Reads the release in `dir` and replaces the O*NET tables of `db`. `imported_at` is recorded as
// given (UTC, ISO 8601). Throws DataError (exit 3) for invalid files, IoError for unreadable ones.
OnetImportReport import_onet(const std::string& dir, Db& db, const std::string& imported_at,
                             const ImportProgress& progress = {});

// The SQL that drops and creates the O*NET tables (onet_schema.cpp).
const char* onet_schema_sql();
// "15-2041.00": two digits, '-', four digits, '.', two digits.
bool is_onet_code(std::string_view s);
// The title as an id: "Statisticians" -> "statisticians", "Computer & Information..." -> "computer-information-..."
std::string title_slug(std::string_view title);

} // namespace careerplan
