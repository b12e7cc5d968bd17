#include "core/store.hpp"

#include <sqlite3.h>

#include <fmt/format.h>

#include "core/errors.hpp"

namespace careerplan {

std::string store_path(const std::string& data_dir)
{
  return data_dir + "/" + k_store_file;
}

namespace {

[[noreturn]] void fail(sqlite3* db, const std::string& path, const char* what)
{
  const char* msg = db != nullptr ? sqlite3_errmsg(db) : "out of memory";
  throw IoError(fmt::format("{}: {}: {}", path, what, msg));
}

} // namespace

Db Db::open(const std::string& path, bool create)
{
  sqlite3* db = nullptr;
  // Readers open read-write too (SQLite falls back to read-only on a write-protected file): a
  // reader that finds the journal of a killed import must be able to roll it back.
  const int flags = create ? (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) : SQLITE_OPEN_READWRITE;
  if (sqlite3_open_v2(path.c_str(), &db, flags | SQLITE_OPEN_NOMUTEX, nullptr) != SQLITE_OK) {
    const std::string msg = db != nullptr ? sqlite3_errmsg(db) : "out of memory";
    sqlite3_close(db);
    throw IoError(fmt::format("{}: cannot open the store: {}", path, msg));
  }
  sqlite3_busy_timeout(db, 5000);
  Db out(db, path);
  if (create) {
    out.exec("PRAGMA journal_mode=DELETE");
  }
  return out;
}

Db::Db(Db&& other) noexcept : m_db(other.m_db), m_path(std::move(other.m_path))
{
  other.m_db = nullptr;
}

Db& Db::operator=(Db&& other) noexcept
{
  if (this != &other) {
    sqlite3_close(m_db);
    m_db = other.m_db;
    m_path = std::move(other.m_path);
    other.m_db = nullptr;
  }
  return *this;
}

Db::~Db()
{
  sqlite3_close(m_db);
}

void Db::exec(const char* sql)
{
  char* err = nullptr;
  if (sqlite3_exec(m_db, sql, nullptr, nullptr, &err) != SQLITE_OK) {
    const std::string msg = err != nullptr ? err : sqlite3_errmsg(m_db);
    sqlite3_free(err);
    throw IoError(fmt::format("{}: {}", m_path, msg));
  }
}

bool Db::has_table(const std::string& name)
{
  Stmt s(*this, "SELECT 1 FROM sqlite_master WHERE type='table' AND name=?");
  s.bind(1, name);
  return s.step();
}

Stmt::Stmt(Db& db, const char* sql) : m_db(db)
{
  if (sqlite3_prepare_v2(db.handle(), sql, -1, &m_stmt, nullptr) != SQLITE_OK) {
    fail(db.handle(), db.path(), "the store is not one this careerplan can read");
  }
}

Stmt::~Stmt()
{
  sqlite3_finalize(m_stmt);
}

Stmt& Stmt::bind(int i, std::string_view text)
{
  sqlite3_bind_text(m_stmt, i, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
  return *this;
}

Stmt& Stmt::bind(int i, std::int64_t value)
{
  sqlite3_bind_int64(m_stmt, i, value);
  return *this;
}

Stmt& Stmt::bind(int i, double value)
{
  sqlite3_bind_double(m_stmt, i, value);
  return *this;
}

Stmt& Stmt::bind(int i, const std::optional<double>& value)
{
  return value ? bind(i, *value) : bind_null(i);
}

Stmt& Stmt::bind(int i, const std::optional<std::int64_t>& value)
{
  return value ? bind(i, *value) : bind_null(i);
}

Stmt& Stmt::bind_null(int i)
{
  sqlite3_bind_null(m_stmt, i);
  return *this;
}

Stmt& Stmt::bind_blob(int i, std::string_view bytes)
{
  sqlite3_bind_blob(m_stmt, i, bytes.data(), static_cast<int>(bytes.size()), SQLITE_TRANSIENT);
  return *this;
}

bool Stmt::step()
{
  const int rc = sqlite3_step(m_stmt);
  if (rc == SQLITE_ROW) {
    return true;
  }
  if (rc == SQLITE_DONE) {
    return false;
  }
  fail(m_db.handle(), m_db.path(), "store query failed");
}

void Stmt::run()
{
  step();
  reset();
}

void Stmt::reset()
{
  sqlite3_reset(m_stmt);
  sqlite3_clear_bindings(m_stmt);
}

bool Stmt::is_null(int col) const
{
  return sqlite3_column_type(m_stmt, col) == SQLITE_NULL;
}

std::string Stmt::text(int col) const
{
  const auto* p = sqlite3_column_text(m_stmt, col);
  return p == nullptr ? std::string()
                      : std::string(reinterpret_cast<const char*>(p),
                                    static_cast<std::size_t>(sqlite3_column_bytes(m_stmt, col)));
}

std::string_view Stmt::view(int col) const
{
  const auto* p = sqlite3_column_text(m_stmt, col);
  return p == nullptr ? std::string_view()
                      : std::string_view(reinterpret_cast<const char*>(p),
                                         static_cast<std::size_t>(sqlite3_column_bytes(m_stmt, col)));
}

std::string_view Stmt::blob(int col) const
{
  const void* p = sqlite3_column_blob(m_stmt, col);
  return p == nullptr ? std::string_view()
                      : std::string_view(static_cast<const char*>(p),
                                         static_cast<std::size_t>(sqlite3_column_bytes(m_stmt, col)));
}

std::int64_t Stmt::integer(int col) const
{
  return sqlite3_column_int64(m_stmt, col);
}

double Stmt::real(int col) const
{
  return sqlite3_column_double(m_stmt, col);
}

std::optional<double> Stmt::opt_real(int col) const
{
  return is_null(col) ? std::nullopt : std::optional<double>(real(col));
}

std::optional<std::int64_t> Stmt::opt_integer(int col) const
{
  return is_null(col) ? std::nullopt : std::optional<std::int64_t>(integer(col));
}

Transaction::Transaction(Db& db) : m_db(db)
{
  m_db.exec("BEGIN IMMEDIATE");
}

Transaction::~Transaction()
{
  if (!m_done) {
    sqlite3_exec(m_db.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
  }
}

void Transaction::commit()
{
  m_db.exec("COMMIT");
  m_done = true;
}

} // namespace careerplan
