#pragma once
// The log: one SQLite file. Opening it applies the numbered migrations, then begins the
// command's one transaction; commit() makes the command's changes durable, and a Log
// destroyed without commit() rolls them back, so a failed command changes nothing.
// cli/ sees only this type, never SQLiteCpp.

#include <filesystem>
#include <memory>
#include <optional>

namespace kades::store {

enum class OpenMode {
    read,  // a missing log is an error (exit 3); it is never created
    write, // a missing log is created with its folder, mode 0600
};

// The schema version this kades writes (PRAGMA user_version).
int schema_version();

class Log {
  public:
    static Log open(const std::filesystem::path& path, OpenMode mode);
    // An in-memory log, migrated: for tests.
    static Log open_memory();

    Log(Log&&) noexcept;
    Log& operator=(Log&&) noexcept;
    ~Log();

    // A second connection to this log, to read it from another thread alongside this one
    // (a national report is built on two). Both read the same state of the log: the second
    // takes the log's write lock, which it holds until it is destroyed (a writer meanwhile
    // waits, as for any write), and this log's read transaction is begun again under it, so
    // nothing may have been written through this log yet. None for an in-memory log, or when
    // the lock cannot be had (a log this user may only read, a writer that keeps it): then
    // this log alone reads, as before.
    std::optional<Log> reader_alongside();

    void commit();
    const std::filesystem::path& path() const;
    int version() const; // the schema version found before migrating (0 for a new log)

    struct Impl;
    Impl& impl() { return *m_impl; }

  private:
    explicit Log(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

} // namespace kades::store
