// Tests of src/store/log.cpp: opening, creating, refusing and the one transaction per command.

#include "core/error.hpp"
#include "core/village.hpp"
#include "store/log.hpp"
#include "store/log_impl.hpp"
#include "store/village.hpp"

#include "unit/temp_dir.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <doctest/doctest.h>

#include <sys/stat.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

using namespace kades;
using store::Log;
using store::OpenMode;

namespace {
namespace fs = std::filesystem;
using kades::test::TempDir;

std::string bytes_of(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void write_text(const fs::path& file, const std::string& text) {
    std::ofstream out(file, std::ios::binary);
    out << text;
}

unsigned mode_of(const fs::path& file) {
    struct stat st {};
    REQUIRE(::stat(file.c_str(), &st) == 0);
    return static_cast<unsigned>(st.st_mode) & 0777u;
}

core::VillageFields named(const std::string& name) {
    core::VillageFields fields;
    fields.name = name;
    return fields;
}

// Expects open to throw LogUnavailable with exit code 3.
void check_unavailable(const fs::path& path, OpenMode mode) {
    try {
        auto log = Log::open(path, mode);
        FAIL("the log opened: ", path.string());
    } catch (const core::LogUnavailable& e) {
        CHECK(e.exit_code() == 3);
        CHECK(std::string(e.what()).find(path.string()) != std::string::npos);
    }
}

// A kades log whose user_version says a newer kades wrote it.
void make_newer_log(const fs::path& path) {
    Log::open(path, OpenMode::write).commit();
    SQLite::Database db(path.string(), SQLite::OPEN_READWRITE);
    db.exec("PRAGMA user_version = " + std::to_string(store::schema_version() + 1));
}

} // namespace

TEST_CASE("store::Log::open read: a missing log is not created") {
    TempDir dir;
    auto path = dir.path / "sub" / "kades.db";
    CHECK_THROWS_AS(Log::open(path, OpenMode::read), core::LogUnavailable);
    try {
        Log::open(path, OpenMode::read);
    } catch (const core::LogUnavailable& e) {
        CHECK(e.exit_code() == core::k_exit_log);
        CHECK(e.exit_code() == 3);
        REQUIRE_FALSE(e.hints().empty());
        CHECK(e.hints().front().find("kades db init") != std::string::npos);
    }
    CHECK_FALSE(fs::exists(path));
    CHECK_FALSE(fs::exists(dir.path / "sub"));
    CHECK(fs::is_empty(dir.path));
}

TEST_CASE("store::Log::open write: creates the log and its folders, mode 0600") {
    TempDir dir;
    auto path = dir.path / "a" / "b" / "kades.db";
    {
        auto log = Log::open(path, OpenMode::write);
        CHECK(log.path() == path);
        CHECK(log.version() == 0);
        log.commit();
    }
    REQUIRE(fs::is_regular_file(path));
    CHECK(mode_of(path) == 0600u);
    auto log = Log::open(path, OpenMode::read);
    CHECK(log.version() == store::schema_version());
}

TEST_CASE("store::Log::open write: the mode is 0600 whatever the umask") {
    TempDir dir;
    auto path = dir.path / "kades.db";
    // Without write permission in the umask, only an explicit chmod gives the owner 0600.
    auto old_mask = ::umask(0277);
    Log::open(path, OpenMode::write).commit();
    ::umask(old_mask);
    CHECK(mode_of(path) == 0600u);
}

TEST_CASE("store::Log::open: a folder is not a log") {
    TempDir dir;
    check_unavailable(dir.path, OpenMode::read);
    check_unavailable(dir.path, OpenMode::write);
}

TEST_CASE("store::Log::open: WAL, foreign keys and a busy timeout") {
    TempDir dir;
    auto path = dir.path / "kades.db";
    {
        auto log = Log::open(path, OpenMode::write);
        auto& db = store::db_of(log);
        CHECK(db.execAndGet("PRAGMA journal_mode").getString() == "wal");
        CHECK(db.execAndGet("PRAGMA foreign_keys").getInt() == 1);
        CHECK(db.execAndGet("PRAGMA busy_timeout").getInt() >= 5000);
        log.commit();
    }
    auto log = Log::open(path, OpenMode::read);
    auto& db = store::db_of(log);
    CHECK(db.execAndGet("PRAGMA journal_mode").getString() == "wal");
    CHECK(db.execAndGet("PRAGMA foreign_keys").getInt() == 1);
    CHECK(db.execAndGet("PRAGMA busy_timeout").getInt() >= 5000);
}

TEST_CASE("store::Log::open: a new log has 16 KiB pages, an older log keeps its own") {
    TempDir dir;
    auto fresh = dir.path / "new.db";
    {
        auto log = Log::open(fresh, OpenMode::write);
        CHECK(store::db_of(log).execAndGet("PRAGMA page_size").getInt() == 16384);
        log.commit();
    }
    {
        auto log = Log::open(fresh, OpenMode::read);
        CHECK(store::db_of(log).execAndGet("PRAGMA page_size").getInt() == 16384);
    }
    // A log made with SQLite's default 4 KiB pages, as kades made them before, is opened,
    // written and read as it is.
    {
        SQLite::Database raw(fresh.string(), SQLite::OPEN_READWRITE);
        raw.exec("PRAGMA journal_mode = DELETE; PRAGMA page_size = 4096; VACUUM; "
                 "PRAGMA journal_mode = WAL");
        REQUIRE(raw.execAndGet("PRAGMA page_size").getInt() == 4096);
    }
    {
        auto log = Log::open(fresh, OpenMode::write);
        CHECK(store::db_of(log).execAndGet("PRAGMA page_size").getInt() == 4096);
        store::add_village(log, named("Sidasari"));
        log.commit();
    }
    auto log = Log::open(fresh, OpenMode::read);
    CHECK(store::db_of(log).execAndGet("PRAGMA page_size").getInt() == 4096);
    CHECK(store::db_of(log).execAndGet("SELECT count(*) FROM village").getInt() == 1);
}

TEST_CASE("store::Log: dropped without commit() rolls back, commit() keeps") {
    TempDir dir;
    auto path = dir.path / "kades.db";
    Log::open(path, OpenMode::write).commit();
    {
        auto log = Log::open(path, OpenMode::write);
        store::add_village(log, named("Sukamaju"));
        CHECK(store::list_villages(log, {}).size() == 1);
    } // no commit
    {
        auto log = Log::open(path, OpenMode::read);
        CHECK(store::list_villages(log, {}).empty());
        CHECK_THROWS_AS(store::resolve_village(log, "sukamaju"), core::NotFound);
    }
    {
        auto log = Log::open(path, OpenMode::write);
        store::add_village(log, named("Sukamaju"));
        log.commit();
    }
    auto log = Log::open(path, OpenMode::read);
    CHECK(store::resolve_village(log, "sukamaju").name == "Sukamaju");
}

TEST_CASE("store::Log: a moved Log keeps its one transaction") {
    TempDir dir;
    auto path = dir.path / "kades.db";
    {
        auto first = Log::open(path, OpenMode::write);
        Log second = std::move(first);
        store::add_village(second, named("Sukamaju"));
        second.commit();
    }
    auto log = Log::open(path, OpenMode::read);
    CHECK(store::list_villages(log, {}).size() == 1);
}

TEST_CASE("store::Log::open: a text file is not a log and stays as it was") {
    TempDir dir;
    auto path = dir.path / "notes.txt";
    const std::string text = "these are my notes, not a database\n";
    write_text(path, text);
    check_unavailable(path, OpenMode::read);
    check_unavailable(path, OpenMode::write);
    CHECK(bytes_of(path) == text);
}

TEST_CASE("store::Log::open: an SQLite file of another application is refused") {
    TempDir dir;
    auto path = dir.path / "other.db";
    {
        SQLite::Database db(path.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        db.exec("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)");
        db.exec("INSERT INTO notes (body) VALUES ('keep me')");
    }
    check_unavailable(path, OpenMode::read);
    check_unavailable(path, OpenMode::write);
    SQLite::Database db(path.string(), SQLite::OPEN_READONLY);
    CHECK(db.execAndGet("SELECT count(*) FROM sqlite_schema").getInt() == 1);
    CHECK(db.execAndGet("SELECT body FROM notes").getString() == "keep me");
}

TEST_CASE("store::Log::open: another application's SQLite file is not modified") {
    // The check comes before PRAGMA journal_mode = WAL, which would rewrite the header.
    TempDir dir;
    auto path = dir.path / "other.db";
    {
        SQLite::Database db(path.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        db.exec("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)");
    }
    auto before = bytes_of(path);
    check_unavailable(path, OpenMode::write);
    CHECK(bytes_of(path) == before);
    SQLite::Database db(path.string(), SQLite::OPEN_READONLY);
    CHECK(db.execAndGet("PRAGMA journal_mode").getString() == "delete");
}

TEST_CASE("store::Log::open: an SQLite file of another application with a user_version") {
    TempDir dir;
    auto path = dir.path / "other.db";
    {
        SQLite::Database db(path.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        db.exec("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)");
        db.exec("PRAGMA user_version = 1");
    }
    check_unavailable(path, OpenMode::read);
    check_unavailable(path, OpenMode::write);
}

TEST_CASE("store::Log::open: a log of a newer kades is refused and left as it was") {
    TempDir dir;
    auto path = dir.path / "kades.db";
    make_newer_log(path);
    auto before = bytes_of(path);
    for (auto mode : {OpenMode::read, OpenMode::write}) {
        try {
            auto log = Log::open(path, mode);
            FAIL("a newer log opened");
        } catch (const core::LogUnavailable& e) {
            CHECK(e.exit_code() == 3);
            CHECK(std::string(e.what()).find("newer") != std::string::npos);
            CHECK_FALSE(e.hints().empty());
        }
    }
    CHECK(bytes_of(path) == before);
    SQLite::Database db(path.string(), SQLite::OPEN_READONLY);
    CHECK(db.execAndGet("PRAGMA user_version").getInt() == store::schema_version() + 1);
}

TEST_CASE("store::Log::open: a newer log in rollback-journal mode is not modified") {
    // OpenMode::write must not switch it to WAL before refusing it.
    TempDir dir;
    auto path = dir.path / "kades.db";
    make_newer_log(path);
    {
        SQLite::Database db(path.string(), SQLite::OPEN_READWRITE);
        db.exec("PRAGMA journal_mode = DELETE");
    }
    auto before = bytes_of(path);
    check_unavailable(path, OpenMode::write);
    CHECK(bytes_of(path) == before);
}

TEST_CASE("store::Log::reader_alongside: a second reader of the same state, writers kept out") {
    TempDir dir;
    auto path = dir.path / "kades.db";
    {
        auto log = Log::open(path, OpenMode::write);
        store::add_village(log, named("Sukamaju"));
        log.commit();
    }
    auto log = Log::open(path, OpenMode::read);
    auto reader = log.reader_alongside();
    REQUIRE(reader);
    CHECK(store::list_villages(*reader, {}).size() == 1);
    CHECK(store::list_villages(log, {}).size() == 1);
    // While it lives, no one else can begin to write (here without waiting).
    SQLite::Database other(path.string(), SQLite::OPEN_READWRITE, 0);
    CHECK_THROWS_AS(other.exec("BEGIN IMMEDIATE"), SQLite::Exception);
    reader.reset();
    // A log being written has no reader alongside: the lock is taken.
    other.exec("BEGIN IMMEDIATE");
    other.exec("INSERT INTO village (uuid, slug, name) VALUES ('u2', 'caruy', 'Caruy')");
    auto second = Log::open(path, OpenMode::read);
    CHECK_FALSE(second.reader_alongside());
    CHECK(store::list_villages(second, {}).size() == 1); // still reads, alone
    other.exec("COMMIT");
    // In memory there is no second connection to the same log.
    auto memory = Log::open_memory();
    CHECK_FALSE(memory.reader_alongside());
}
