#include "store/log_impl.hpp"

#include "core/error.hpp"
#include "core/i18n.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <system_error>

namespace kades::store {
namespace fs = std::filesystem;
using core::tr;
using core::trf;

namespace {

constexpr int k_busy_timeout_ms = 5000;

std::vector<std::string> how_to_start() {
    return {tr("start a log with `kades db init`, or with a command that adds, such as "
               "`kades region import`")};
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
    db.exec("PRAGMA foreign_keys = ON");
    if (mode == OpenMode::write)
        db.exec("PRAGMA journal_mode = WAL");
}

} // namespace

Log::Log(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
Log::Log(Log&&) noexcept = default;
Log& Log::operator=(Log&&) noexcept = default;

Log::~Log() {
    if (m_impl && m_impl->in_transaction) {
        try {
            m_impl->db->exec("ROLLBACK");
        } catch (...) { // nothing more to undo: SQLite rolls back on close as well
        }
    }
}

Log Log::open(const fs::path& path, OpenMode mode) {
    if (!fs::exists(path)) {
        if (mode == OpenMode::read)
            throw core::LogUnavailable(trf("there is no log at {}", path.string()), how_to_start());
        create_log_file(path);
    } else if (fs::is_directory(path)) {
        throw core::LogUnavailable(
            trf("{} is a folder, not a log: give the log file with --db", path.string()));
    }
    auto impl = std::make_unique<Impl>();
    impl->path = path;
    try {
        impl->db = std::make_unique<SQLite::Database>(path.string(), SQLite::OPEN_READWRITE,
                                                      k_busy_timeout_ms);
        impl->found_version = impl->db->execAndGet("PRAGMA user_version").getInt();
        verify(*impl->db, path);
        configure(*impl->db, mode);
        migrate(*impl->db);
        impl->db->exec(mode == OpenMode::write ? "BEGIN IMMEDIATE" : "BEGIN");
        impl->in_transaction = true;
    } catch (const SQLite::Exception& e) {
        throw core::LogUnavailable(trf("cannot use the log {}: {}", path.string(), e.what()));
    }
    return Log(std::move(impl));
}

Log Log::open_memory() {
    auto impl = std::make_unique<Impl>();
    impl->path = ":memory:";
    impl->db = std::make_unique<SQLite::Database>(
        ":memory:", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE | SQLite::OPEN_MEMORY);
    configure(*impl->db, OpenMode::read);
    migrate(*impl->db);
    impl->db->exec("BEGIN");
    impl->in_transaction = true;
    return Log(std::move(impl));
}

void Log::commit() {
    m_impl->db->exec("COMMIT");
    m_impl->in_transaction = false;
}

const fs::path& Log::path() const {
    return m_impl->path;
}
int Log::version() const {
    return m_impl->found_version;
}

} // namespace kades::store
