// The numbered schema migrations. A migration is never edited once released: a change to
// the schema is a new entry at the end, with a test in tests/unit/test_store_migrations.cpp.

#include "store/log_impl.hpp"

#include "core/error.hpp"
#include "core/i18n.hpp"
#include "store/sync_triggers.hpp"

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
    std::string (*generated)() = nullptr; // SQL made from a table of the store's (sharing)
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

// Forums and their members, meetings with attendance and decisions, follow-up actions.
// Villages are referenced without ON DELETE: a village something points at cannot go.
constexpr const char* k_migration_2 = R"sql(
CREATE TABLE forum (
    id         INTEGER PRIMARY KEY,
    uuid       TEXT NOT NULL UNIQUE,
    name       TEXT NOT NULL,
    purpose    TEXT,
    founded    TEXT,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;

CREATE TABLE forum_member (
    forum   INTEGER NOT NULL REFERENCES forum (id) ON DELETE CASCADE,
    village INTEGER NOT NULL REFERENCES village (id),
    PRIMARY KEY (forum, village)
) STRICT, WITHOUT ROWID;
CREATE INDEX forum_member_village ON forum_member (village);

CREATE TABLE meeting (
    id            INTEGER PRIMARY KEY,
    uuid          TEXT NOT NULL UNIQUE,
    title         TEXT NOT NULL,
    date          TEXT NOT NULL,
    time          TEXT,
    kind          TEXT NOT NULL CHECK (kind = 'routine' OR kind = 'forum' OR kind = 'training'
                                       OR kind = 'workshop' OR kind = 'other'),
    status        TEXT NOT NULL CHECK (status = 'planned' OR status = 'held' OR status = 'cancelled'),
    host          INTEGER REFERENCES village (id),
    place         TEXT,
    forum         INTEGER REFERENCES forum (id),
    agenda        TEXT,
    notes         TEXT,
    cancel_reason TEXT,
    created_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;
CREATE INDEX meeting_date ON meeting (date);
CREATE INDEX meeting_host ON meeting (host);
CREATE INDEX meeting_forum ON meeting (forum);

CREATE TABLE meeting_attendee (
    meeting INTEGER NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
    village INTEGER NOT NULL REFERENCES village (id),
    PRIMARY KEY (meeting, village)
) STRICT, WITHOUT ROWID;
CREATE INDEX meeting_attendee_village ON meeting_attendee (village);

CREATE TABLE meeting_decision (
    meeting  INTEGER NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    text     TEXT NOT NULL,
    PRIMARY KEY (meeting, position)
) STRICT, WITHOUT ROWID;

CREATE TABLE action (
    id         INTEGER PRIMARY KEY,
    uuid       TEXT NOT NULL UNIQUE,
    text       TEXT NOT NULL,
    owner      INTEGER NOT NULL REFERENCES village (id),
    due        TEXT,
    status     TEXT NOT NULL CHECK (status IN ('open', 'done')),
    done_on    TEXT,
    note       TEXT,
    meeting    INTEGER REFERENCES meeting (id),
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;
CREATE INDEX action_owner ON action (owner);
CREATE INDEX action_meeting ON action (meeting);
CREATE INDEX action_due ON action (status, due);
)sql";

// Work visits (kunjungan kerja) and worker exchanges; an action may follow from a visit.
constexpr const char* k_migration_3 = R"sql(
CREATE TABLE visit (
    id            INTEGER PRIMARY KEY,
    uuid          TEXT NOT NULL UNIQUE,
    kind          TEXT NOT NULL CHECK (kind = 'study' OR kind = 'exchange' OR kind = 'other'),
    status        TEXT NOT NULL CHECK (status = 'planned' OR status = 'held' OR status = 'cancelled'),
    date          TEXT NOT NULL,
    until         TEXT,
    host          INTEGER NOT NULL REFERENCES village (id),
    purpose       TEXT,
    findings      TEXT,
    workers       INTEGER CHECK (workers > 0),
    skill         TEXT,
    cancel_reason TEXT,
    created_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;
CREATE INDEX visit_date ON visit (date);
CREATE INDEX visit_host ON visit (host);

CREATE TABLE visit_visitor (
    visit   INTEGER NOT NULL REFERENCES visit (id) ON DELETE CASCADE,
    village INTEGER NOT NULL REFERENCES village (id),
    PRIMARY KEY (visit, village)
) STRICT, WITHOUT ROWID;
CREATE INDEX visit_visitor_village ON visit_visitor (village);

CREATE TABLE visit_program (
    visit    INTEGER NOT NULL REFERENCES visit (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    name     TEXT NOT NULL,
    PRIMARY KEY (visit, position)
) STRICT, WITHOUT ROWID;

ALTER TABLE action ADD COLUMN visit INTEGER REFERENCES visit (id);
CREATE INDEX action_visit ON action (visit);
)sql";

// Lessons learned (after-action reviews), their topics, their adoption by other villages,
// and the full-text index over them. The index is kept by triggers, so that every write
// (command, import, sync) keeps it right. Its tokenizer "kades_id" (Indonesian stemming) is
// registered on every connection before the migrations run.
constexpr const char* k_migration_4 = R"sql(
CREATE TABLE lesson (
    id             INTEGER PRIMARY KEY,
    uuid           TEXT NOT NULL UNIQUE,
    title          TEXT NOT NULL,
    village        INTEGER NOT NULL REFERENCES village (id),
    date           TEXT NOT NULL,
    kind           TEXT NOT NULL CHECK (kind = 'success' OR kind = 'failure' OR kind = 'insight'),
    context        TEXT,
    outcome        TEXT,
    lesson         TEXT,
    recommendation TEXT,
    meeting        INTEGER REFERENCES meeting (id),
    visit          INTEGER REFERENCES visit (id),
    created_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;
CREATE INDEX lesson_village ON lesson (village);
CREATE INDEX lesson_date ON lesson (date);
CREATE INDEX lesson_meeting ON lesson (meeting);
CREATE INDEX lesson_visit ON lesson (visit);

CREATE TABLE lesson_topic (
    lesson INTEGER NOT NULL REFERENCES lesson (id) ON DELETE CASCADE,
    topic  TEXT NOT NULL,
    PRIMARY KEY (lesson, topic)
) STRICT, WITHOUT ROWID;
CREATE INDEX lesson_topic_topic ON lesson_topic (topic);

CREATE TABLE adoption (
    id         INTEGER PRIMARY KEY,
    uuid       TEXT NOT NULL UNIQUE,
    lesson     INTEGER NOT NULL REFERENCES lesson (id),
    village    INTEGER NOT NULL REFERENCES village (id),
    status     TEXT NOT NULL CHECK (status = 'planned' OR status = 'trying' OR status = 'adopted'
                                    OR status = 'abandoned'),
    date       TEXT NOT NULL,
    result     TEXT,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    UNIQUE (lesson, village)
) STRICT;
CREATE INDEX adoption_village ON adoption (village);
CREATE INDEX adoption_date ON adoption (date);

CREATE VIRTUAL TABLE lesson_fts USING fts5 (
    title, topics, context, outcome, lesson, recommendation, tokenize = 'kades_id'
);

CREATE TRIGGER lesson_fts_insert AFTER INSERT ON lesson BEGIN
    INSERT INTO lesson_fts (rowid, title, topics, context, outcome, lesson, recommendation)
    VALUES (new.id, new.title, '', new.context, new.outcome, new.lesson, new.recommendation);
END;
CREATE TRIGGER lesson_fts_update AFTER UPDATE ON lesson BEGIN
    UPDATE lesson_fts SET title = new.title, context = new.context, outcome = new.outcome,
        lesson = new.lesson, recommendation = new.recommendation
    WHERE rowid = new.id;
END;
CREATE TRIGGER lesson_fts_delete AFTER DELETE ON lesson BEGIN
    DELETE FROM lesson_fts WHERE rowid = old.id;
END;
CREATE TRIGGER lesson_fts_topic_insert AFTER INSERT ON lesson_topic BEGIN
    UPDATE lesson_fts SET topics = (SELECT group_concat(topic, ' ') FROM lesson_topic
                                    WHERE lesson = new.lesson)
    WHERE rowid = new.lesson;
END;
CREATE TRIGGER lesson_fts_topic_delete AFTER DELETE ON lesson_topic BEGIN
    UPDATE lesson_fts SET topics = coalesce((SELECT group_concat(topic, ' ') FROM lesson_topic
                                             WHERE lesson = old.lesson), '')
    WHERE rowid = old.lesson;
END;
)sql";

// Partners of the network (NGOs, companies' CSR programs, government offices, universities)
// and written cooperation agreements (Kerja Sama Desa) between villages and with partners.
constexpr const char* k_migration_5 = R"sql(
CREATE TABLE partner (
    id         INTEGER PRIMARY KEY,
    uuid       TEXT NOT NULL UNIQUE,
    name       TEXT NOT NULL,
    type       TEXT NOT NULL CHECK (type = 'ngo' OR type = 'company' OR type = 'government'
                                    OR type = 'university' OR type = 'other'),
    contact    TEXT,
    note       TEXT,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;

CREATE TABLE agreement (
    id         INTEGER PRIMARY KEY,
    uuid       TEXT NOT NULL UNIQUE,
    title      TEXT NOT NULL,
    scope      TEXT NOT NULL CHECK (scope = 'business' OR scope = 'community' OR scope = 'services'
                                    OR scope = 'development' OR scope = 'empowerment'),
    signed     TEXT NOT NULL,
    until      TEXT,
    ended      TEXT,
    number     TEXT,
    mad        TEXT,
    funding    INTEGER CHECK (funding >= 0),
    note       TEXT,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;
CREATE INDEX agreement_signed ON agreement (signed);
CREATE INDEX agreement_until ON agreement (until);

CREATE TABLE agreement_village (
    agreement INTEGER NOT NULL REFERENCES agreement (id) ON DELETE CASCADE,
    village   INTEGER NOT NULL REFERENCES village (id),
    PRIMARY KEY (agreement, village)
) STRICT, WITHOUT ROWID;
CREATE INDEX agreement_village_village ON agreement_village (village);

CREATE TABLE agreement_partner (
    agreement INTEGER NOT NULL REFERENCES agreement (id) ON DELETE CASCADE,
    partner   INTEGER NOT NULL REFERENCES partner (id),
    PRIMARY KEY (agreement, partner)
) STRICT, WITHOUT ROWID;
CREATE INDEX agreement_partner_partner ON agreement_partner (partner);
)sql";

// Indexes for the reports on a national log (bench/national.sh): a scope's lessons and
// adoptions of a period found from its villages; its follow-up actions counted from its
// villages without reading their rows; the whole log's actions done within a period; the
// archived villages (few) without reading every village.
constexpr const char* k_migration_6 = R"sql(
CREATE INDEX lesson_village_date ON lesson (village, date);
CREATE INDEX adoption_village_date ON adoption (village, date);
CREATE INDEX action_owner_status ON action (owner, status, due, done_on);
CREATE INDEX action_done ON action (status, done_on);
CREATE INDEX village_archived ON village (archived);
)sql";

// The villages in the order reports list them (name, then slug) with what they are listed
// by: the national report's quiet villages are the first 50 of 5,900 in that order, found by
// walking this index rather than by naming and sorting all of them.
constexpr const char* k_migration_7 = R"sql(
CREATE INDEX village_by_name ON village (name, slug, archived);
)sql";

// The lesson index is not kept row by row while another copy's changes are applied (sync
// applying): a lesson with two topics was indexed five times over (its insert, then delete
// and insert again for each topic). The merge indexes each lesson it wrote once, at its end.
// Removals still leave the index through lesson_fts_delete.
constexpr const char* k_migration_10 = R"sql(
DROP TRIGGER lesson_fts_insert;
DROP TRIGGER lesson_fts_update;
DROP TRIGGER lesson_fts_topic_insert;
DROP TRIGGER lesson_fts_topic_delete;
CREATE TRIGGER lesson_fts_insert AFTER INSERT ON lesson
WHEN (SELECT applying FROM sync_replica) = 0 BEGIN
    INSERT INTO lesson_fts (rowid, title, topics, context, outcome, lesson, recommendation)
    VALUES (new.id, new.title, '', new.context, new.outcome, new.lesson, new.recommendation);
END;
CREATE TRIGGER lesson_fts_update AFTER UPDATE ON lesson
WHEN (SELECT applying FROM sync_replica) = 0 BEGIN
    UPDATE lesson_fts SET title = new.title, context = new.context, outcome = new.outcome,
        lesson = new.lesson, recommendation = new.recommendation
    WHERE rowid = new.id;
END;
CREATE TRIGGER lesson_fts_topic_insert AFTER INSERT ON lesson_topic
WHEN (SELECT applying FROM sync_replica) = 0 BEGIN
    UPDATE lesson_fts SET topics = (SELECT group_concat(topic, ' ') FROM lesson_topic
                                    WHERE lesson = new.lesson)
    WHERE rowid = new.lesson;
END;
CREATE TRIGGER lesson_fts_topic_delete AFTER DELETE ON lesson_topic
WHEN (SELECT applying FROM sync_replica) = 0 BEGIN
    UPDATE lesson_fts SET topics = coalesce((SELECT group_concat(topic, ' ') FROM lesson_topic
                                             WHERE lesson = old.lesson), '')
    WHERE rowid = old.lesson;
END;
)sql";

constexpr std::array k_migrations{
    Migration{1, k_migration_1},
    Migration{2, k_migration_2},
    Migration{3, k_migration_3},
    Migration{4, k_migration_4},
    Migration{5, k_migration_5},
    Migration{6, k_migration_6},
    Migration{7, k_migration_7},
    Migration{8, nullptr, sync::migration_sql},
    Migration{9, nullptr, sync::change_writes_migration_sql},
    Migration{10, k_migration_10},
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
        db.exec(migration.generated ? migration.generated() : std::string(migration.sql));
        // PRAGMA takes no bound parameters: the values are this file's own constants.
        db.exec(fmt::format("PRAGMA user_version = {}", migration.version));
        db.exec(fmt::format("PRAGMA application_id = {}", k_application_id));
        tx.commit();
    }
}

} // namespace kades::store
