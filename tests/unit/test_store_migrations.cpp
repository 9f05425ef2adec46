// Tests of src/store/migrations.cpp: the numbered schema, its version and its tables.

#include "core/error.hpp"
#include "store/log.hpp"
#include "store/log_impl.hpp"
#include "store/stem_tokenizer.hpp"
#include "store/sync_triggers.hpp"

#include "unit/temp_dir.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <doctest/doctest.h>
#include <fmt/format.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>
#include <string>
#include <vector>

using namespace kades;
using store::Log;
using store::OpenMode;

namespace {
namespace fs = std::filesystem;
using kades::test::TempDir;

constexpr int k_kades_application_id = 0x6b616465; // 'kade'

std::string bytes_of(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// The whole schema as SQLite keeps it: any migration that ran again would change it.
std::string schema_of(SQLite::Database& db) {
    SQLite::Statement stmt(db, "SELECT type, name, ifnull(sql, '') FROM sqlite_schema "
                               "ORDER BY type, name");
    std::string out;
    while (stmt.executeStep())
        out += stmt.getColumn(0).getString() + " " + stmt.getColumn(1).getString() + " " +
               stmt.getColumn(2).getString() + "\n";
    return out;
}

std::set<std::string> tables_of(SQLite::Database& db) {
    SQLite::Statement stmt(db, "SELECT name FROM pragma_table_list WHERE schema = 'main' AND "
                               "type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'");
    std::set<std::string> names;
    while (stmt.executeStep())
        names.insert(stmt.getColumn(0).getString());
    return names;
}

} // namespace

TEST_CASE("store::schema_version") {
    CHECK(store::schema_version() >= 1);
}

TEST_CASE("store::migrate: a new log ends at schema_version() with the kades application id") {
    TempDir dir;
    auto path = dir.path / "kades.db";
    {
        auto log = Log::open(path, OpenMode::write);
        CHECK(log.version() == 0); // found before migrating
        auto& db = store::db_of(log);
        CHECK(db.execAndGet("PRAGMA user_version").getInt() == store::schema_version());
        CHECK(db.execAndGet("PRAGMA application_id").getInt() == k_kades_application_id);
        log.commit(); // a log created by a command that fails is removed again
    }
    SQLite::Database db(path.string(), SQLite::OPEN_READONLY);
    CHECK(db.execAndGet("PRAGMA user_version").getInt() == store::schema_version());
    CHECK(db.execAndGet("PRAGMA application_id").getInt() == k_kades_application_id);
}

TEST_CASE("store::migrate: the tables of the schema") {
    auto log = Log::open_memory();
    auto tables = tables_of(store::db_of(log));
    for (const char* table :
         {"region", "village", "village_tag", "village_head", "village_index"}) {
        CAPTURE(table);
        CHECK(tables.count(table) == 1);
    }
}

TEST_CASE("store::migrate: every table is STRICT") {
    auto log = Log::open_memory();
    auto& db = store::db_of(log);
    SQLite::Statement stmt(db, "SELECT name, strict FROM pragma_table_list WHERE schema = "
                               "'main' AND type = 'table' AND name NOT LIKE 'sqlite\\_%' "
                               "ESCAPE '\\'");
    int tables = 0;
    while (stmt.executeStep()) {
        CAPTURE(stmt.getColumn(0).getString());
        CHECK(stmt.getColumn(1).getInt() == 1);
        ++tables;
    }
    CHECK(tables >= 5);
    // STRICT refuses a value of the wrong type rather than storing it.
    CHECK_THROWS_AS(db.exec("INSERT INTO village_head (village, name, since) VALUES ('x', 'A', "
                            "NULL)"),
                    SQLite::Exception);
}

TEST_CASE("store::migrate: the schema's constraints hold") {
    auto log = Log::open_memory();
    auto& db = store::db_of(log);
    CHECK_THROWS_AS(db.exec("INSERT INTO region (code, level, name) VALUES ('33', 'planet', "
                            "'Jawa Tengah')"),
                    SQLite::Exception);
    db.exec("INSERT INTO village (uuid, slug, name) VALUES ('u1', 's1', 'A')");
    CHECK_THROWS_AS(db.exec("INSERT INTO village (uuid, slug, name) VALUES ('u2', 's1', 'B')"),
                    SQLite::Exception);
    CHECK_THROWS_AS(db.exec("INSERT INTO village_tag (village, tag) VALUES (999, 'x')"),
                    SQLite::Exception); // foreign keys on
    CHECK_THROWS_AS(db.exec("INSERT INTO village_index (village, kind, year, score, status) "
                            "VALUES (1, 'hdi', 2024, 0.5, 'maju')"),
                    SQLite::Exception);
}

TEST_CASE("store::migrate: an already migrated log is left as it is") {
    TempDir dir;
    auto path = dir.path / "kades.db";
    Log::open(path, OpenMode::write).commit();
    std::string schema;
    int cookie = 0;
    {
        SQLite::Database db(path.string(), SQLite::OPEN_READONLY);
        schema = schema_of(db);
        cookie = db.execAndGet("PRAGMA schema_version").getInt();
    }
    auto before = bytes_of(path);
    // Neither a reader nor a writer that writes nothing changes the file (not even its clock).
    for (auto mode : {OpenMode::read, OpenMode::write}) {
        auto log = Log::open(path, mode);
        CHECK(log.version() == store::schema_version());
        auto& db = store::db_of(log);
        // Migrating once more inside the command's transaction does nothing (and opens no
        // transaction of its own, which would fail inside this one).
        CHECK_NOTHROW(store::verify(db, path));
        CHECK_NOTHROW(store::migrate(db));
        CHECK(schema_of(db) == schema);
        CHECK(db.execAndGet("PRAGMA schema_version").getInt() == cookie);
        log.commit();
    }
    CHECK(bytes_of(path) == before);
}

TEST_CASE("store::migrate: an empty file is migrated as a new log") {
    TempDir dir;
    auto path = dir.path / "kades.db";
    { std::ofstream touch(path); }
    REQUIRE(fs::file_size(path) == 0);
    auto log = Log::open(path, OpenMode::write);
    CHECK(log.version() == 0);
    CHECK(store::db_of(log).execAndGet("PRAGMA user_version").getInt() == store::schema_version());
}

TEST_CASE("store::Log::open_memory") {
    auto log = Log::open_memory();
    CHECK(log.path() == ":memory:");
    auto& db = store::db_of(log);
    CHECK(db.execAndGet("PRAGMA user_version").getInt() == store::schema_version());
    CHECK(db.execAndGet("PRAGMA application_id").getInt() == k_kades_application_id);
    CHECK(db.execAndGet("PRAGMA foreign_keys").getInt() == 1);
    db.exec("INSERT INTO village (uuid, slug, name) VALUES ('u1', 'sukamaju', 'Sukamaju')");
    CHECK(db.execAndGet("SELECT count(*) FROM village").getInt() == 1);
    // Two memory logs are separate.
    auto other = Log::open_memory();
    CHECK(store::db_of(other).execAndGet("SELECT count(*) FROM village").getInt() == 0);
}

TEST_CASE("store::verify") {
    SQLite::Database db(":memory:", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    CHECK_NOTHROW(store::verify(db, "new.db"));           // an empty file: a new log
    store::register_indonesian_tokenizer(db.getHandle()); // as every Log does before migrating
    store::migrate(db);
    CHECK_NOTHROW(store::verify(db, "kades.db"));
    db.exec("PRAGMA user_version = " + std::to_string(store::schema_version() + 1));
    CHECK_THROWS_AS(store::verify(db, "newer.db"), core::LogUnavailable);
    db.exec("PRAGMA user_version = 1");
    db.exec("PRAGMA application_id = 42");
    CHECK_THROWS_AS(store::verify(db, "other.db"), core::LogUnavailable);
    SQLite::Database other(":memory:", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    other.exec("CREATE TABLE notes (body TEXT)");
    CHECK_THROWS_AS(store::verify(other, "notes.db"), core::LogUnavailable);
}

namespace {

constexpr const char* k_report_indexes[] = {"lesson_village_date", "adoption_village_date",
                                            "action_owner_status", "action_done",
                                            "village_archived"};

std::set<std::string> indexes_of(SQLite::Database& db) {
    SQLite::Statement stmt(db, "SELECT name FROM sqlite_schema WHERE type = 'index'");
    std::set<std::string> names;
    while (stmt.executeStep())
        names.insert(stmt.getColumn(0).getString());
    return names;
}

} // namespace

TEST_CASE("store::migrate: migration 6 adds the indexes of the reports") {
    auto log = Log::open_memory();
    auto& db = store::db_of(log);
    CHECK(store::schema_version() >= 6);
    auto indexes = indexes_of(db);
    for (const char* index : k_report_indexes) {
        CAPTURE(index);
        CHECK(indexes.count(index) == 1);
    }
    // The planner takes them where the reports need them.
    auto plan = [&db](const std::string& sql) {
        SQLite::Statement stmt(db, "EXPLAIN QUERY PLAN " + sql);
        std::string text;
        while (stmt.executeStep())
            text += stmt.getColumn(3).getString() + "\n";
        return text;
    };
    CHECK(plan("SELECT count(*) FROM action WHERE status = 'done' AND done_on BETWEEN "
               "'2026-11-01' AND '2026-11-30'")
              .find("action_done") != std::string::npos);
    CHECK(plan("SELECT 1 FROM lesson WHERE village = 1 AND date BETWEEN '2026-11-01' AND "
               "'2026-11-30'")
              .find("lesson_village_date") != std::string::npos);
}

namespace {

// What migration 8 added (sharing), and what later migrations made depend on it (the lesson
// index's triggers of migration 10 wait while a merge applies): a log of an older schema
// has none of it.
void drop_sharing(SQLite::Database& db) {
    std::vector<std::pair<std::string, std::string>> waiting;
    SQLite::Statement w(db, "SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' AND "
                            "name LIKE 'lesson_fts_%' AND sql LIKE '%sync_replica%'");
    while (w.executeStep())
        waiting.emplace_back(w.getColumn(0).getString(), w.getColumn(1).getString());
    for (auto& [name, sql] : waiting) {
        db.exec("DROP TRIGGER " + name);
        const std::string when = "\nWHEN (SELECT applying FROM sync_replica) = 0 BEGIN";
        REQUIRE(sql.find(when) != std::string::npos);
        db.exec(sql.replace(sql.find(when), when.size(), " BEGIN"));
    }
    std::vector<std::pair<std::string, std::string>> objects;
    SQLite::Statement q(db, "SELECT type, name FROM sqlite_schema WHERE name LIKE 'sync\\_%' "
                            "ESCAPE '\\' AND type IN ('trigger', 'table') ORDER BY type = 'table'");
    while (q.executeStep())
        objects.emplace_back(q.getColumn(0).getString(), q.getColumn(1).getString());
    for (const auto& [type, name] : objects)
        db.exec(fmt::format("DROP {} {}", type == "table" ? "TABLE" : "TRIGGER", name));
}

} // namespace

TEST_CASE("store::migrate: migration 8 gives every record of an older log its first stamp") {
    TempDir dir;
    auto path = dir.path / "kades.db";
    Log::open(path, OpenMode::write).commit();
    {
        SQLite::Database db(path.string(), SQLite::OPEN_READWRITE);
        store::register_indonesian_tokenizer(db.getHandle()); // the lesson's search index
        drop_sharing(db);
        db.exec("INSERT INTO village (uuid, slug, name) VALUES "
                "('00000000-0000-4000-8000-000000000001', "
                "'sukamaju', 'Sukamaju')");
        db.exec("INSERT INTO village_tag (village, tag) VALUES (1, 'bumdes')");
        db.exec(
            "INSERT INTO lesson (uuid, title, village, date, kind) VALUES "
            "('10000000-0000-4000-8000-000000000001', 'Bank sampah', 1, '2026-11-06', 'success')");
        db.exec("PRAGMA user_version = 7");
    }
    auto log = Log::open(path, OpenMode::write);
    CHECK(log.version() == 7);
    auto& db = store::db_of(log);
    CHECK(db.execAndGet("SELECT count(DISTINCT kind || record) FROM sync_change").getInt() == 3);
    CHECK(db.execAndGet("SELECT value FROM sync_change WHERE kind = 'lesson' AND field = 'village'")
              .getString() == "00000000-0000-4000-8000-000000000001");
    CHECK(db.execAndGet("SELECT count(*) FROM sync_change WHERE kind = 'village_tag' AND record = "
                        "'00000000-0000-4000-8000-000000000001 bumdes'")
              .getInt() == 1);
    CHECK(db.execAndGet("SELECT length(id) FROM sync_replica").getInt() == 16);
}

TEST_CASE("store::migrate: a version-5 log is upgraded, its records kept") {
    TempDir dir;
    auto path = dir.path / "kades.db";
    Log::open(path, OpenMode::write).commit();
    {
        // What a log of kades schema 5 holds: the same tables, without the indexes of
        // migrations 6 and 7.
        SQLite::Database db(path.string(), SQLite::OPEN_READWRITE);
        drop_sharing(db);
        for (const char* index : k_report_indexes)
            db.exec(std::string("DROP INDEX ") + index);
        db.exec("DROP INDEX village_by_name");
        db.exec("INSERT INTO village (uuid, slug, name, archived) VALUES ('u1', 'sukamaju', "
                "'Sukamaju', 0), ('u2', 'sukajadi', 'Sukajadi', 1)");
        db.exec("INSERT INTO action (uuid, text, owner, due, status, done_on) VALUES "
                "('a1', 'Kirim RAB', 1, '2026-11-15', 'done', '2026-11-10')");
        db.exec("PRAGMA user_version = 5");
        CHECK(indexes_of(db).count("action_done") == 0);
    }
    {
        auto log = Log::open(path, OpenMode::write);
        CHECK(log.version() == 5);
        auto& db = store::db_of(log);
        CHECK(db.execAndGet("PRAGMA user_version").getInt() == store::schema_version());
        auto indexes = indexes_of(db);
        for (const char* index : k_report_indexes) {
            CAPTURE(index);
            CHECK(indexes.count(index) == 1);
        }
        CHECK(db.execAndGet("SELECT count(*) FROM village WHERE archived = 1").getInt() == 1);
        CHECK(db.execAndGet("SELECT count(*) FROM action WHERE status = 'done' AND done_on "
                            "BETWEEN '2026-11-01' AND '2026-11-30'")
                  .getInt() == 1);
        CHECK(db.execAndGet("PRAGMA integrity_check").getString() == "ok");
        log.commit();
    }
    // Opened again, it is left as it is.
    auto log = Log::open(path, OpenMode::read);
    CHECK(log.version() == store::schema_version());
}

TEST_CASE("store::migrate: migration 7 lists villages by name from an index") {
    TempDir dir;
    auto path = dir.path / "kades.db";
    Log::open(path, OpenMode::write).commit();
    {
        // A log of schema 6, with villages whose names sort otherwise than their slugs.
        SQLite::Database db(path.string(), SQLite::OPEN_READWRITE);
        drop_sharing(db);
        db.exec("DROP INDEX village_by_name");
        db.exec("INSERT INTO village (uuid, slug, name, archived) VALUES "
                "('u1', 'a-2', 'Sukamaju', 0), ('u2', 'a-1', 'Sukamaju', 0), "
                "('u3', 'z', 'Caruy', 0), ('u4', 'b', 'Bantar', 1)");
        db.exec("PRAGMA user_version = 6");
    }
    auto log = Log::open(path, OpenMode::write);
    CHECK(log.version() == 6);
    auto& db = store::db_of(log);
    CHECK(indexes_of(db).count("village_by_name") == 1);
    // The walk the whole log's quiet villages take: by name, then slug, archived left out,
    // read from the index alone.
    SQLite::Statement walk(db, "SELECT slug FROM village INDEXED BY village_by_name "
                               "WHERE archived = 0 ORDER BY name, slug");
    std::vector<std::string> slugs;
    while (walk.executeStep())
        slugs.push_back(walk.getColumn(0).getString());
    CHECK(slugs == std::vector<std::string>{"z", "a-1", "a-2"});
    SQLite::Statement plan(db, "EXPLAIN QUERY PLAN SELECT id, slug, name FROM village INDEXED BY "
                               "village_by_name WHERE archived = 0 ORDER BY name, slug");
    std::string text;
    while (plan.executeStep())
        text += plan.getColumn(3).getString() + "\n";
    CHECK(text.find("COVERING INDEX village_by_name") != std::string::npos);
    CHECK(text.find("TEMP B-TREE") == std::string::npos);
}

namespace {

// One CREATE TRIGGER statement of a migration's SQL, by the trigger's name.
std::string trigger_in(const std::string& sql, const std::string& name) {
    auto from = sql.find("CREATE TRIGGER " + name + " ");
    REQUIRE(from != std::string::npos);
    auto to = sql.find("END;", from);
    return sql.substr(from, to + 4 - from);
}

std::string claim_stamp(SQLite::Database& db, const std::string& slug) {
    SQLite::Statement q(db, "SELECT stamp FROM sync_slug_claim WHERE slug = ?1");
    q.bind(1, slug);
    return q.executeStep() ? q.getColumn(0).getString() : "";
}

} // namespace

TEST_CASE("store::migrate: migration 9 claims a slug with the village's own change, not with a "
          "trigger on every change") {
    TempDir dir;
    auto path = dir.path / "kades.db";
    Log::open(path, OpenMode::write).commit();
    {
        // A log of schema 8: the claim triggers on the change table, migration 8's village
        // triggers, and a village whose slug is claimed.
        SQLite::Database db(path.string(), SQLite::OPEN_READWRITE);
        auto v8 = store::sync::migration_sql();
        db.exec("DROP TRIGGER sync_village_insert; DROP TRIGGER sync_village_update");
        for (const char* name : {"sync_slug_claim_insert", "sync_slug_claim_update",
                                 "sync_village_insert", "sync_village_update"})
            db.exec(trigger_in(v8, name));
        db.exec("INSERT INTO village (uuid, slug, name) VALUES "
                "('00000000-0000-4000-8000-000000000001', 'uji', 'Desa Uji')");
        db.exec("PRAGMA user_version = 8");
        CHECK(claim_stamp(db, "uji") != "");
    }
    {
        auto log = Log::open(path, OpenMode::write);
        CHECK(log.version() == 8);
        auto& db = store::db_of(log);
        CHECK(db.execAndGet("SELECT count(*) FROM sqlite_schema WHERE name LIKE "
                            "'sync_slug_claim_%'")
                  .getInt() == 0);
        CHECK(claim_stamp(db, "uji") != ""); // the claims made before stay
        // The numbering index leaves out what came through a folder, and the sync's own
        // file is read from it.
        CHECK(db.execAndGet("SELECT sql FROM sqlite_schema WHERE name = 'sync_change_seq'")
                  .getString()
                  .find("WHERE via <> 2") != std::string::npos);
        SQLite::Statement plan(db, "EXPLAIN QUERY PLAN SELECT record, field, value, stamp, base "
                                   "FROM sync_change INDEXED BY sync_change_seq WHERE kind = ?1 "
                                   "AND seq > ?2 AND via <> 2 "
                                   "ORDER BY record, field");
        std::string text;
        while (plan.executeStep())
            text += plan.getColumn(3).getString() + "\n";
        CHECK(text.find("sync_change_seq") != std::string::npos);
        log.commit();
    }
    auto stamp_of_slug = [&](SQLite::Database& db) {
        return db
            .execAndGet("SELECT stamp FROM sync_change WHERE kind = 'village' AND field = 'slug' "
                        "AND record = '00000000-0000-4000-8000-000000000002'")
            .getString();
    };
    std::string added;
    {
        auto log = Log::open(path, OpenMode::write);
        auto& db = store::db_of(log);
        db.exec("INSERT INTO village (uuid, slug, name) VALUES "
                "('00000000-0000-4000-8000-000000000002', 'baru', 'Desa Baru')");
        added = stamp_of_slug(db);
        CHECK(claim_stamp(db, "baru") == added);
        log.commit();
    }
    {
        // Another field changes: the claim keeps its stamp.
        auto log = Log::open(path, OpenMode::write);
        auto& db = store::db_of(log);
        db.exec("UPDATE village SET note = 'catatan' WHERE slug = 'baru'");
        CHECK(claim_stamp(db, "baru") == added);
        log.commit();
    }
    {
        // The slug changes: the new one is claimed with the change's stamp, the old stays.
        auto log = Log::open(path, OpenMode::write);
        auto& db = store::db_of(log);
        db.exec("UPDATE village SET slug = 'baru-2' WHERE slug = 'baru'");
        CHECK(claim_stamp(db, "baru-2") == stamp_of_slug(db));
        CHECK(claim_stamp(db, "baru-2") > added);
        CHECK(claim_stamp(db, "baru") == added);
        CHECK(db.execAndGet("PRAGMA integrity_check").getString() == "ok");
        log.commit();
    }
}

TEST_CASE("store::migrate: migration 10 keeps the lesson index by the merge while it applies, "
          "by triggers otherwise") {
    TempDir dir;
    auto path = dir.path / "kades.db";
    Log::open(path, OpenMode::write).commit();
    {
        SQLite::Database db(path.string(), SQLite::OPEN_READWRITE);
        db.exec("PRAGMA user_version = 9");
    }
    auto log = Log::open(path, OpenMode::write);
    CHECK(log.version() == 9);
    auto& db = store::db_of(log);
    for (const char* name : {"lesson_fts_insert", "lesson_fts_update", "lesson_fts_topic_insert",
                             "lesson_fts_topic_delete"}) {
        CAPTURE(name);
        SQLite::Statement q(db, "SELECT sql FROM sqlite_schema WHERE name = ?1");
        q.bind(1, name);
        REQUIRE(q.executeStep());
        CHECK(q.getColumn(0).getString().find("WHEN (SELECT applying FROM sync_replica) = 0") !=
              std::string::npos);
    }
    // A command's own writes are indexed as they are made.
    db.exec("INSERT INTO village (uuid, slug, name) VALUES ('v1', 'uji', 'Desa Uji')");
    db.exec("INSERT INTO lesson (uuid, title, village, date, kind) VALUES "
            "('l1', 'Bank sampah', 1, '2026-11-06', 'success')");
    db.exec("INSERT INTO lesson_topic (lesson, topic) VALUES (1, 'bumdes')");
    CHECK(db.execAndGet("SELECT topics FROM lesson_fts WHERE lesson_fts MATCH 'sampah'")
              .getString() == "bumdes");
    db.exec("UPDATE lesson SET title = 'Irigasi'");
    CHECK(
        db.execAndGet("SELECT count(*) FROM lesson_fts WHERE lesson_fts MATCH 'sampah'").getInt() ==
        0);
    db.exec("INSERT INTO lesson_fts (lesson_fts) VALUES ('integrity-check')");
    log.commit();
}
