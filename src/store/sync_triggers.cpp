// Migration 8: sharing. The tables that remember this copy's clock, every shared field's
// latest value with its stamp, the files applied from other copies and the values that a
// newer edit overwrote; the triggers that record every write to a shared table in the same
// transaction (so nothing can change the log without recording what it changed); and every
// existing record's first stamp, so that a log made before sharing exports whole.
//
// The triggers are generated from sync::kinds() as it is at migration 8. A later change to
// the shared schema is a new migration that drops and creates the triggers it changes.

#include "store/sync_triggers.hpp"

#include "store/sync_schema.hpp"

#include <fmt/format.h>

namespace kades::store::sync {
namespace {

constexpr const char* k_tables = R"sql(
CREATE TABLE sync_replica (
    id       TEXT NOT NULL,
    name     TEXT NOT NULL DEFAULT '',
    clock    TEXT NOT NULL,
    stamp    TEXT NOT NULL,
    txn      INTEGER NOT NULL,
    applying INTEGER NOT NULL DEFAULT 0
) STRICT;
INSERT INTO sync_replica (id, clock, stamp, txn)
SELECT id, printf('%016d.%06d.%s', ms, 0, id), printf('%016d.%06d.%s', ms, 0, id), 1
FROM (SELECT lower(hex(randomblob(8))) AS id,
             CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) AS ms);

CREATE TABLE sync_change (
    kind   TEXT NOT NULL,
    record TEXT NOT NULL,
    field  TEXT NOT NULL,
    value  ANY,
    stamp  TEXT NOT NULL,
    base   TEXT,
    seq    INTEGER NOT NULL,
    via    INTEGER NOT NULL DEFAULT 0 CHECK (via = 0 OR via = 1 OR via = 2),
    PRIMARY KEY (kind, record, field)
) STRICT, WITHOUT ROWID;
CREATE INDEX sync_change_seq ON sync_change (seq);
-- The villages that claim a slug (the earliest claim keeps it), kept beside the change table
-- rather than as a partial index of it: SQLite prepares again, at every run, a statement
-- that binds a column a partial index's WHERE names (kind), which made a merge 16% slower.
CREATE TABLE sync_slug_claim (
    slug   TEXT NOT NULL,
    record TEXT NOT NULL,
    stamp  TEXT NOT NULL,
    PRIMARY KEY (slug, record)
) STRICT, WITHOUT ROWID;
CREATE TRIGGER sync_slug_claim_insert AFTER INSERT ON sync_change
WHEN new.kind = 'village' AND new.field = 'slug' BEGIN
    INSERT INTO sync_slug_claim (slug, record, stamp) VALUES (new.value, new.record, new.stamp)
    ON CONFLICT (slug, record) DO UPDATE SET stamp = excluded.stamp;
END;
CREATE TRIGGER sync_slug_claim_update AFTER UPDATE ON sync_change
WHEN new.kind = 'village' AND new.field = 'slug' BEGIN
    INSERT INTO sync_slug_claim (slug, record, stamp) VALUES (new.value, new.record, new.stamp)
    ON CONFLICT (slug, record) DO UPDATE SET stamp = excluded.stamp;
END;

CREATE TABLE sync_file (
    replica    TEXT NOT NULL,
    name       TEXT NOT NULL,
    upto       INTEGER,
    mine       INTEGER NOT NULL DEFAULT 0,
    applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    PRIMARY KEY (replica, name)
) STRICT, WITHOUT ROWID;

CREATE TABLE sync_peer (
    replica TEXT PRIMARY KEY,
    name    TEXT NOT NULL,
    written TEXT NOT NULL,
    heard   TEXT NOT NULL
) STRICT, WITHOUT ROWID;

CREATE TABLE sync_conflict (
    id      INTEGER PRIMARY KEY,
    kind    TEXT NOT NULL,
    record  TEXT NOT NULL,
    field   TEXT NOT NULL,
    value   ANY,
    stamp   TEXT NOT NULL,
    winner  TEXT NOT NULL,
    noticed TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    UNIQUE (kind, record, field, stamp)
) STRICT;

CREATE TABLE sync_pending (
    kind   TEXT NOT NULL,
    record TEXT NOT NULL,
    PRIMARY KEY (kind, record)
) STRICT, WITHOUT ROWID;

CREATE TABLE sync_alias (
    kind      TEXT NOT NULL,
    alias     TEXT NOT NULL,
    canonical TEXT NOT NULL,
    PRIMARY KEY (kind, alias)
) STRICT, WITHOUT ROWID;

CREATE TABLE sync_slug_alias (
    slug    TEXT PRIMARY KEY,
    village TEXT NOT NULL
) STRICT, WITHOUT ROWID;
)sql";

// Records the fields' new values with the command's stamp, in one statement a trigger (so
// that the schema every command parses stays small). `base` keeps the stamp of the other
// copy's value each replaced (a copy's own edits in a row keep the first one's base): the
// merge tells a later edit made over that value from a concurrent one. An unchanged value
// keeps its stamp.
constexpr const char* k_upsert = R"sql(
    INSERT INTO sync_change (kind, record, field, value, stamp, base, seq, via)
    SELECT '{kind}', k.key, f.field, f.value, r.stamp, NULL, r.txn, 0
    FROM sync_replica r, (SELECT {key} AS key) k, ({fields}) f WHERE k.key IS NOT NULL{when}
    ON CONFLICT (kind, record, field) DO UPDATE SET value = excluded.value,
        base = CASE WHEN substr(sync_change.stamp, 25) = substr(excluded.stamp, 25)
                    THEN sync_change.base ELSE sync_change.stamp END,
        stamp = excluded.stamp, seq = excluded.seq, via = 0
    WHERE sync_change.value IS NOT excluded.value;
)sql";

struct Entry {
    std::string field, value, when; // `when`: the condition for writing it, or none
};

std::string value_of(const Column& c, const char* row) {
    if (c.type == Type::ref)
        return fmt::format("(SELECT uuid FROM {} WHERE id = {}.{})", c.ref, row, c.name);
    return fmt::format("{}.{}", row, c.name);
}

std::string key_of(const Kind& kind, const char* row) {
    if (!kind.element)
        return fmt::format("{}.uuid", row);
    std::string key;
    for (const auto& c : kind.key) {
        if (!key.empty())
            key += " || ' ' || ";
        key += c.type == Type::ref ? value_of(c, row)
                                   : fmt::format("coalesce({}.{}, '')", row, c.name);
    }
    return key;
}

std::string upsert(const Kind& kind, const char* row, const std::vector<Entry>& entries,
                   const std::string& when = "") {
    std::string fields;
    for (const auto& e : entries)
        fields += fmt::format("{}SELECT '{}' AS field, {} AS value{}",
                              fields.empty() ? "" : " UNION ALL ", e.field, e.value,
                              e.when.empty() ? "" : " WHERE " + e.when);
    return fmt::format(k_upsert, fmt::arg("kind", kind.name), fmt::arg("fields", fields),
                       fmt::arg("key", key_of(kind, row)), fmt::arg("when", when));
}

std::string upsert(const Kind& kind, const char* row, std::string_view field,
                   const std::string& value, const std::string& when = "") {
    return upsert(kind, row, {Entry{std::string(field), value, ""}}, when);
}

std::string trigger(const Kind& kind, const char* event, const std::string& body) {
    return fmt::format("CREATE TRIGGER sync_{0}_{1} AFTER {2} ON {0}\n"
                       "WHEN (SELECT applying FROM sync_replica) = 0 BEGIN{3}END;\n",
                       kind.name,
                       event[0] == 'I'   ? "insert"
                       : event[0] == 'U' ? "update"
                                         : "delete",
                       event, body);
}

std::string changed(const Column& c) {
    return fmt::format("old.{0} IS NOT new.{0}", c.name);
}

// A removed record leaves its tombstone alone: its fields and its sets' elements go.
std::string record_removed(const Kind& kind) {
    std::string body = fmt::format("\n    DELETE FROM sync_change WHERE kind = '{}' AND record = "
                                   "old.uuid AND field NOT IN ('slug', 'code');\n",
                                   kind.name);
    for (const auto& child : kinds())
        if (child.element && std::string_view(child.key.front().ref) == kind.name)
            body += fmt::format("    DELETE FROM sync_change WHERE kind = '{}' AND record >= "
                                "old.uuid || ' ' AND record < old.uuid || '!';\n",
                                child.name);
    return body + upsert(kind, "old", k_removed, "1");
}

// A record's insert and update triggers; `then_inserted` and `then_updated` follow the
// recording in each.
std::string write_triggers(const Kind& kind, const std::string& then_inserted = "",
                           const std::string& then_updated = "") {
    std::vector<Entry> inserted, updated;
    for (const auto& c : kind.fields) {
        inserted.push_back({c.name, value_of(c, "new"), ""});
        updated.push_back({c.name, value_of(c, "new"), changed(c)});
    }
    return trigger(kind, "INSERT", upsert(kind, "new", inserted) + then_inserted) +
           trigger(kind, "UPDATE", upsert(kind, "new", updated) + then_updated);
}

std::string record_triggers(const Kind& kind) {
    return write_triggers(kind) + trigger(kind, "DELETE", record_removed(kind));
}

std::string element_triggers(const Kind& kind) {
    std::vector<Entry> entries{{std::string(k_present), "1", ""}};
    for (const auto& c : kind.fields)
        entries.push_back({c.name, value_of(c, "new"), ""});
    auto added = upsert(kind, "new", entries);
    auto gone = upsert(kind, "old", k_present, "0");
    auto moved =
        upsert(kind, "old", k_present, "0",
               fmt::format(" AND ({}) IS NOT ({})", key_of(kind, "old"), key_of(kind, "new")));
    return trigger(kind, "INSERT", added) + trigger(kind, "UPDATE", moved + added) +
           trigger(kind, "DELETE", gone);
}

// Every existing row's fields, stamped with this copy's first stamp.
std::string first_stamps(const Kind& kind) {
    std::string sql;
    auto one = [&](std::string_view field, const std::string& value) {
        sql += fmt::format(
            "INSERT OR IGNORE INTO sync_change (kind, record, field, value, stamp, seq)\n"
            "SELECT '{}', {}, '{}', {}, r.stamp, 0 FROM {} t, sync_replica r{};\n",
            kind.name, key_of(kind, "t"), field, value, kind.name,
            kind.element ? fmt::format(" WHERE ({}) IS NOT NULL", key_of(kind, "t")) : "");
    };
    if (kind.element)
        one(k_present, "1");
    for (const auto& c : kind.fields)
        one(c.name, value_of(c, "t"));
    return sql;
}

// A claim of the slug of the villages `record_is` (an SQL condition on their UUID).
std::string claim_sql(std::string_view record_is, std::string_view also) {
    return fmt::format(R"sql(    INSERT INTO sync_slug_claim (slug, record, stamp)
    SELECT value, record, stamp FROM sync_change
    WHERE kind = 'village' AND record {} AND field = 'slug'{}
    ON CONFLICT (slug, record) DO UPDATE SET stamp = excluded.stamp;
)sql",
                       record_is, also);
}

} // namespace

std::string slug_claim_sql(std::string_view record, std::string_view also) {
    return claim_sql(fmt::format("= {}", record), also);
}

std::string slug_claims_sql() {
    return claim_sql("IN (SELECT value FROM json_each(?1))", "");
}

// Migration 9: cheaper writes to the change table.
// - Slug claims are written with a village's own change (and by the merge) instead of by a
//   trigger on every row of the change table, which cost a third of its writes in a large
//   import.
// - The numbering index holds only the changes this copy writes to a sync folder (its own and
//   imported ones, not those that came through a folder): a sync that took in 100,000
//   records indexed them all, and then walked them all to find that it had nothing to send.
std::string change_writes_migration_sql() {
    const auto& village = *find_kind("village");
    return "DROP INDEX sync_change_seq;\n"
           "CREATE INDEX sync_change_seq ON sync_change (seq) WHERE via <> 2;\n"
           "DROP TRIGGER sync_slug_claim_insert;\n"
           "DROP TRIGGER sync_slug_claim_update;\n"
           "DROP TRIGGER sync_village_insert;\n"
           "DROP TRIGGER sync_village_update;\n" +
           write_triggers(village, slug_claim_sql("new.uuid"),
                          slug_claim_sql("new.uuid", " AND old.slug IS NOT new.slug"));
}

std::string migration_sql() {
    std::string sql = k_tables;
    for (const auto& kind : kinds()) {
        sql += kind.element ? element_triggers(kind) : record_triggers(kind);
        sql += first_stamps(kind);
    }
    return sql;
}

} // namespace kades::store::sync
