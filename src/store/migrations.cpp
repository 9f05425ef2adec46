// The numbered schema migrations. A migration is never edited once released: a change to
// the schema is a new entry at the end, with a test in tests/unit/test_store_migrations.cpp.

#include "store/log_impl.hpp"

#include "core/error.hpp"
#include "core/i18n.hpp"

#include <fmt/format.h>

#include <array>

namespace kades::store {
namespace {

// CHECKs of more than two values are written as OR chains: SQLite builds a temporary table
// for every run of a statement checking `x IN (a, b, c)`, which made a row-by-row import
// three times slower.

// 'kade' in ASCII: tells a kades log from any other SQLite file.
constexpr int k_application_id = 0x6b616465;

struct Migration {
    int version;
    const char* sql;
};

constexpr const char* k_migration_1 = R"sql(
CREATE TABLE region (
    code   TEXT PRIMARY KEY,
    level  TEXT NOT NULL CHECK (level = 'province' OR level = 'regency'
                                OR level = 'district' OR level = 'village'),
    parent TEXT,
    name   TEXT NOT NULL
) STRICT, WITHOUT ROWID;

CREATE TABLE village (
    id         INTEGER PRIMARY KEY,
    uuid       TEXT NOT NULL UNIQUE,
    slug       TEXT NOT NULL UNIQUE,
    name       TEXT NOT NULL,
    code       TEXT UNIQUE,
    district   TEXT,
    regency    TEXT,
    province   TEXT,
    phone      TEXT,
    email      TEXT,
    note       TEXT,
    archived   INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;
CREATE INDEX village_name ON village (name COLLATE NOCASE);

CREATE TABLE village_tag (
    village INTEGER NOT NULL REFERENCES village (id) ON DELETE CASCADE,
    tag     TEXT NOT NULL,
    PRIMARY KEY (village, tag)
) STRICT, WITHOUT ROWID;
CREATE INDEX village_tag_tag ON village_tag (tag);

CREATE TABLE village_head (
    id      INTEGER PRIMARY KEY,
    village INTEGER NOT NULL REFERENCES village (id) ON DELETE CASCADE,
    name    TEXT NOT NULL,
    since   TEXT
) STRICT;
CREATE INDEX village_head_village ON village_head (village, since);

CREATE TABLE village_index (
    village INTEGER NOT NULL REFERENCES village (id) ON DELETE CASCADE,
    kind    TEXT NOT NULL CHECK (kind IN ('idm', 'id')),
    year    INTEGER NOT NULL,
    score   REAL NOT NULL,
    status  TEXT NOT NULL,
    PRIMARY KEY (village, kind, year)
) STRICT, WITHOUT ROWID;
)sql";

constexpr std::array k_migrations{
    Migration{1, k_migration_1},
};

bool has_foreign_tables(SQLite::Database& db) {
    return db.execAndGet("SELECT count(*) FROM sqlite_schema").getInt() > 0;
}

} // namespace

int schema_version() {
    return k_migrations.back().version;
}

void verify(SQLite::Database& db, const std::filesystem::path& path) {
    int version = db.execAndGet("PRAGMA user_version").getInt();
    int app_id = db.execAndGet("PRAGMA application_id").getInt();
    // Every kades log has its application_id from migration 1 on; a file without it is
    // ours only while it is empty.
    if (app_id != k_application_id && (app_id != 0 || version != 0 || has_foreign_tables(db)))
        throw core::LogUnavailable(
            core::trf("{} is an SQLite file but not a kades log", path.string()),
            {core::tr("give a kades log with --db, or a new path to start one")});
    if (version > schema_version())
        throw core::LogUnavailable(
            core::trf("the log {} was written by a newer kades (schema {}, this kades knows {})",
                      path.string(), version, schema_version()),
            {core::tr("upgrade kades to use this log")});
}

void migrate(SQLite::Database& db) {
    int version = db.execAndGet("PRAGMA user_version").getInt();
    for (const auto& migration : k_migrations) {
        if (migration.version <= version)
            continue;
        SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
        // Another kades may have migrated while this one waited for the lock.
        if (db.execAndGet("PRAGMA user_version").getInt() >= migration.version)
            continue;
        db.exec(migration.sql);
        // PRAGMA takes no bound parameters: the values are this file's own constants.
        db.exec(fmt::format("PRAGMA user_version = {}", migration.version));
        db.exec(fmt::format("PRAGMA application_id = {}", k_application_id));
        tx.commit();
    }
}

} // namespace kades::store
