#pragma once
// The store of imported public data (O*NET, BLS OEWS): one SQLite database in the user's data
// directory. SQLite because it is a real, transactional file a user can inspect and query with
// the sqlite3 shell, and because a command that needs one occupation reads one occupation (an
// indexed lookup), not the whole release. Each import replaces its own tables inside one
// transaction: an import that fails or is killed leaves the previous one as it was.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace careerplan {

inline constexpr const char* k_store_file = "careerplan.sqlite3";

// <dir>/careerplan.sqlite3
std::string store_path(const std::string& data_dir);

class Db
{
public:
  // Opens an existing store (IoError when it is missing or unreadable), or, with `create`,
  // creates it when missing. Nothing is written unless an import runs.
  static Db open(const std::string& path, bool create);
  Db(Db&& other) noexcept;
  Db& operator=(Db&& other) noexcept;
  Db(const Db&) = delete;
  Db& operator=(const Db&) = delete;
  ~Db();

  sqlite3* handle() const { return m_db; }
  const std::string& path() const { return m_path; }
  // Runs SQL that returns no rows; IoError naming the store on failure.
  void exec(const char* sql);
  bool has_table(const std::string& name);

private:
  Db(sqlite3* db, std::string path) : m_db(db), m_path(std::move(path)) {}
  sqlite3* m_db = nullptr;
  std::string m_path;
};

// A prepared statement: bind by 1-based index, step through rows, read columns by 0-based index.
class Stmt
{
public:
  Stmt(Db& db, const char* sql);
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;
  ~Stmt();

  Stmt& bind(int i, std::string_view text);
  Stmt& bind(int i, std::int64_t value);
  Stmt& bind(int i, int value) { return bind(i, static_cast<std::int64_t>(value)); }
  Stmt& bind(int i, double value);
  Stmt& bind(int i, const std::optional<double>& value);
  Stmt& bind(int i, const std::optional<std::int64_t>& value);
  Stmt& bind_null(int i);
  Stmt& bind_blob(int i, std::string_view bytes);

  // True while there is a row; false when done. IoError on failure.
  bool step();
  // step() for statements that return no row (INSERT, UPDATE), then reset for the next bind.
  void run();
  void reset();

  bool is_null(int col) const;
  std::string text(int col) const;
  // The text of a column without a copy; valid until the next step() or column call on it.
  std::string_view view(int col) const;
  // The bytes of a BLOB column without a copy; valid until the next step() or column call on it.
  std::string_view blob(int col) const;
  std::int64_t integer(int col) const;
  double real(int col) const;
  std::optional<double> opt_real(int col) const;
  std::optional<std::int64_t> opt_integer(int col) const;

private:
  Db& m_db;
  sqlite3_stmt* m_stmt = nullptr;
};

// BEGIN IMMEDIATE on construction; ROLLBACK on destruction unless commit() was called.
class Transaction
{
public:
  explicit Transaction(Db& db);
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  ~Transaction();
  void commit();

private:
  Db& m_db;
  bool m_done = false;
};

} // namespace careerplan
