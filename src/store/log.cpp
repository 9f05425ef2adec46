#include "store/log_impl.hpp"

#include "core/error.hpp"
#include "core/hlc.hpp"
#include "core/i18n.hpp"
#include "store/stem_tokenizer.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <system_error>

namespace kades::store {
namespace fs = std::filesystem;
using core::tr;
using core::trf;

namespace {

constexpr int k_busy_timeout_ms = 5000;

// A connection is used by the one thread that opened it: SQLite need not lock it around
// every call (a national report makes millions), nor keep the memory statistics it would
// lock for on every allocation. Set once, before the first connection.
//
// Statement journals keep SQLite's default spill (64 KiB). A 1 MiB spill, once set here
// for a large import's sake, made a sync fail with "database or disk is full" once a file's
// savepoint journal grew past it (SQLite 3.40), and the file was skipped. The merge needs
// few statement journals instead (sync_merge.cpp).

// A new log's page size. A large import writes a third less with 16 KiB pages than with
// SQLite's 4 KiB (fewer, fuller pages in the change table's two B-trees), and a one-record
// command takes as long (bench/README.md); 64 KiB pages made such a command 24% slower.
// A log keeps the page size it was made with.
constexpr int k_page_size = 16384;

int open_flags(int flags) {
    static const bool configured = [] {
        sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
        return true;
    }();
    (void)configured;
    return flags | SQLite::OPEN_NOMUTEX;
}

std::vector<std::string> how_to_start() {
    return {tr("start a log with `kades db init`, or with a command that adds, such as "
               "`kades region import`")};
}

// The outermost folder of path's parents that does not exist yet (empty if all do).
fs::path first_missing_folder(const fs::path& path) {
    fs::path missing;
    for (auto folder = path.parent_path(); !folder.empty() && !fs::exists(folder);
         folder = folder.parent_path()) {
        missing = folder;
        if (folder == folder.parent_path())
            break;
    }
    return missing;
}

// Creates the log file and its folder before SQLite opens it, so that its mode is 0600
// whatever the umask: it holds names and phone numbers of officials.
void create_log_file(const fs::path& path) {
    std::error_code ec;
    if (path.has_parent_path())
        fs::create_directories(path.parent_path(), ec);
    if (ec)
        throw core::LogUnavailable(
            trf("cannot create the folder {}: {}", path.parent_path().string(), ec.message()));
    int fd = ::open(path.c_str(), O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0600);
    if (fd < 0 && errno != EEXIST)
        throw core::LogUnavailable(trf("cannot create the log {}: {}", path.string(),
                                       std::generic_category().message(errno)));
    if (fd >= 0) {
        ::fchmod(fd, 0600);
        ::close(fd);
    }
}

void configure(SQLite::Database& db, OpenMode mode) {
    register_indonesian_tokenizer(db.getHandle());
    db.exec("PRAGMA foreign_keys = ON");
    if (mode != OpenMode::write)
        return;
    // Only while the file is still empty: the WAL header below fixes the page size.
    if (db.execAndGet("PRAGMA page_count").getInt64() == 0)
        db.exec(fmt::format("PRAGMA page_size = {}", k_page_size));
    db.exec("PRAGMA journal_mode = WAL");
}

// A writer's stamp: every change the command makes is recorded with it (migration 8's
// triggers read it), after every stamp this copy has made or seen.
void stamp_command(SQLite::Database& db) {
    SQLite::Statement q(db, "SELECT id, clock FROM sync_replica");
    if (!q.executeStep())
        throw core::LogUnavailable(
            tr("the log has lost its replica row: restore it from a backup"));
    auto id = q.getColumn(0).getString();
    auto last = core::parse_stamp(q.getColumn(1).getString());
    if (!last)
        throw core::LogUnavailable(tr("the log's clock is damaged: restore it from a backup"));
    auto stamp = core::format_stamp(core::tick(*last, core::wall_clock_ms(), id));
    SQLite::Statement set(db, "UPDATE sync_replica SET stamp = ?1, clock = ?1, txn = txn + 1, "
                              "applying = 0");
    set.bind(1, stamp);
    set.exec();
}

} // namespace

Log::Log(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
Log::Log(Log&&) noexcept = default;
Log& Log::operator=(Log&&) noexcept = default;

Log::~Log() {
    if (!m_impl || !m_impl->in_transaction)
        return;
    try {
        if (m_impl->db)
            m_impl->db->exec("ROLLBACK");
    } catch (...) { // nothing more to undo: SQLite rolls back on close as well
    }
    if (!m_impl->created)
        return;
    m_impl->db.reset();
    std::error_code ec;
    for (const char* suffix : {"", "-wal", "-shm", "-journal"})
        fs::remove(m_impl->path.string() + suffix, ec);
    if (!m_impl->created_folder.empty())
        fs::remove_all(m_impl->created_folder, ec);
}

Log Log::open(const fs::path& path, OpenMode mode) {
    auto impl = std::make_unique<Impl>();
    impl->path = path;
    if (!fs::exists(path)) {
        if (mode == OpenMode::read)
            throw core::LogUnavailable(trf("there is no log at {}", path.string()), how_to_start());
        impl->created_folder = first_missing_folder(path);
        create_log_file(path);
        impl->created = true;
    } else if (fs::is_directory(path)) {
        throw core::LogUnavailable(
            trf("{} is a folder, not a log: give the log file with --db", path.string()));
    }
    try {
        impl->db = std::make_unique<SQLite::Database>(
            path.string(), open_flags(SQLite::OPEN_READWRITE), k_busy_timeout_ms);
        impl->found_version = impl->db->execAndGet("PRAGMA user_version").getInt();
        verify(*impl->db, path);
        configure(*impl->db, mode);
        migrate(*impl->db);
        impl->db->exec(mode == OpenMode::write ? "BEGIN IMMEDIATE" : "BEGIN");
        impl->in_transaction = true;
        if (mode == OpenMode::write) {
            stamp_command(*impl->db);
            impl->changes_at_begin = impl->db->getTotalChanges();
        }
    } catch (const SQLite::Exception& e) {
        Log failed(std::move(impl)); // removes a log this open created
        failed.impl().in_transaction = true;
        throw core::LogUnavailable(trf("cannot use the log {}: {}", path.string(), e.what()));
    }
    return Log(std::move(impl));
}

Log Log::open_memory() {
    auto impl = std::make_unique<Impl>();
    impl->path = ":memory:";
    impl->db = std::make_unique<SQLite::Database>(
        ":memory:", open_flags(SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE | SQLite::OPEN_MEMORY));
    configure(*impl->db, OpenMode::read);
    migrate(*impl->db);
    impl->db->exec("BEGIN");
    impl->in_transaction = true;
    stamp_command(*impl->db);
    return Log(std::move(impl));
}

std::optional<Log> Log::reader_alongside() {
    if (m_impl->path == ":memory:")
        return std::nullopt;
    auto impl = std::make_unique<Impl>();
    impl->path = m_impl->path;
    try {
        // No waiting for a writer: without the lock, this log reads alone.
        impl->db = std::make_unique<SQLite::Database>(impl->path.string(),
                                                      open_flags(SQLite::OPEN_READWRITE), 0);
        configure(*impl->db, OpenMode::read);
        impl->db->exec("BEGIN IMMEDIATE");
        impl->in_transaction = true;
        // Each connection's state is the one it first reads in its transaction: read both
        // while the lock keeps writers out.
        auto& mine = *m_impl->db;
        mine.exec("COMMIT");
        mine.exec("BEGIN");
        mine.execAndGet("SELECT count(*) FROM sqlite_schema");
        impl->db->execAndGet("SELECT count(*) FROM sqlite_schema");
    } catch (const SQLite::Exception&) {
        return std::nullopt; // closing the second connection ends its transaction
    }
    return Log(std::move(impl));
}

void Log::commit() {
    bool wrote = m_impl->db->getTotalChanges() != m_impl->changes_at_begin;
    m_impl->db->exec(m_impl->changes_at_begin >= 0 && !wrote ? "ROLLBACK" : "COMMIT");
    m_impl->in_transaction = false;
}

const fs::path& Log::path() const {
    return m_impl->path;
}
int Log::version() const {
    return m_impl->found_version;
}

} // namespace kades::store
