// The merge: another copy's records, field by field, into this copy's change table. The
// later stamp wins; the value it overwrote (or the older one that came in) is kept in
// sync_conflict unless one edit was made over the other. A removed record stays removed.

#include "store/sync_internal.hpp"

#include "core/hlc.hpp"
#include "store/sync_triggers.hpp"

#include <fmt/format.h>
#include <sqlite3.h>

#include <algorithm>

namespace kades::store::sync {
namespace {

constexpr const char* k_local_fields =
    "SELECT field, value, stamp, base FROM sync_change WHERE kind = ?1 AND record = ?2";
// The fields' rows (seq and via are bound once as ?1 and ?2; each field as kind, record,
// name, value, stamp, base from ?3 on).
constexpr const char* k_write = R"sql(
INSERT INTO sync_change (kind, record, field, value, stamp, base, seq, via)
VALUES {rows}
ON CONFLICT (kind, record, field) DO UPDATE SET value = excluded.value, stamp = excluded.stamp,
    base = excluded.base, seq = excluded.seq, via = excluded.via)sql";
// Rows of records the change table holds nothing of. A statement that may stop half-way
// keeps a journal of the pages it changes, and SQLite moves that journal to a file past
// 64 KiB (four pages): an upsert may stop half-way, and so, for SQLite, may a plain insert
// of many rows. One that would fail takes the whole command back (OR ROLLBACK) and needs
// no journal: it cannot fail here but for a bug, and then the command changes nothing.
constexpr const char* k_insert = R"sql(
INSERT OR ROLLBACK INTO sync_change (kind, record, field, value, stamp, base, seq, via)
VALUES {rows})sql";
constexpr const char* k_conflict = R"sql(
INSERT OR IGNORE INTO sync_conflict (kind, record, field, value, stamp, winner)
VALUES (?1, ?2, ?3, ?4, ?5, ?6))sql";

std::size_t index_of(const Kind& kind) {
    return static_cast<std::size_t>(&kind - kinds().data());
}

// The parent's UUID of an element's key.
std::string_view parent_of(std::string_view key) {
    return key.substr(0, key.find(' '));
}

} // namespace

SQLite::Statement& Statements::reuse(std::unique_ptr<SQLite::Statement>& slot, const char* sql) {
    if (!slot) {
        slot = std::make_unique<SQLite::Statement>(m_db, sql);
    } else {
        slot->reset();
        slot->clearBindings();
    }
    return *slot;
}

SQLite::Statement& Statements::operator()(const char* literal) {
    return reuse(m_literals[literal], literal);
}

SQLite::Statement& Statements::operator()(const std::string& sql) {
    return reuse(m_built[sql], sql.c_str());
}

Json json_of(const SQLite::Column& column) {
    if (column.isNull())
        return nullptr;
    if (column.isInteger())
        return column.getInt64();
    if (column.isFloat())
        return column.getDouble();
    return column.getString();
}

void bind_json(SQLite::Statement& stmt, int index, const Json& value, bool no_copy) {
    if (value.is_null())
        stmt.bind(index);
    else if (value.is_number_integer())
        stmt.bind(index, value.get<int64_t>());
    else if (value.is_number())
        stmt.bind(index, value.get<double>());
    else if (no_copy)
        stmt.bindNoCopy(index, value.get_ref<const std::string&>());
    else
        stmt.bind(index, value.get<std::string>());
}

Replica replica(SQLite::Database& db) {
    SQLite::Statement q(db, "SELECT id, name, clock, stamp, txn FROM sync_replica");
    q.executeStep();
    return {q.getColumn(0).getString(), q.getColumn(1).getString(), q.getColumn(2).getString(),
            q.getColumn(3).getString(), q.getColumn(4).getInt64()};
}

// While a merge applies, the statements it prepares are made without the log's triggers:
// the recording triggers would not record (sync_replica.applying) and the merge indexes the
// lessons it writes itself, but each trigger, even one that does not fire, made every row a
// statement of its own journal and a call into each trigger's program (a fifth of a large
// import). Statements prepared before keep their triggers, which `applying` holds back.
void enable_triggers(SQLite::Database& db, bool enable) {
    sqlite3_db_config(db.getHandle(), SQLITE_DBCONFIG_ENABLE_TRIGGER, enable ? 1 : 0, nullptr);
}

void set_applying(SQLite::Database& db, bool applying) {
    SQLite::Statement q(db, "UPDATE sync_replica SET applying = ?1");
    q.bind(1, applying ? 1 : 0);
    q.exec();
}

Merger::Merger(SQLite::Database& db, Via via)
    : m_db(db), m_sql(db), m_via(via), m_replica(replica(db)), m_dirty(kinds().size()),
      m_changed_by_kind(kinds().size(), 0) {
    m_seen = m_replica.clock;
    SQLite::Statement any(db, "SELECT EXISTS (SELECT 1 FROM sync_change WHERE kind = ?1)");
    for (const auto& kind : kinds()) {
        any.reset();
        any.bind(1, kind.name);
        any.executeStep();
        m_kind_was_empty.push_back(any.getColumn(0).getInt() == 0);
    }
    // A merge writes far more than a command: a 64 MiB page cache keeps its pages from
    // spilling to the WAL before the commit (20% of a 100,000-record import).
    m_db.exec("PRAGMA cache_size = -262144");
    set_applying(m_db, true);
    enable_triggers(m_db, false);
}

Merger::~Merger() {
    enable_triggers(m_db, true);
    try {
        set_applying(m_db, false);
    } catch (...) { // the transaction is being rolled back: so is the flag
    }
}

std::map<std::string, Merger::Local> Merger::local_fields(const Kind& kind,
                                                          const std::string& key) {
    if (m_kind_was_empty[index_of(kind)] && !m_written.count(std::hash<std::string>{}(key)))
        return {};
    if (std::any_of(m_pending.begin(), m_pending.end(),
                    [&](const Pending& p) { return p.kind == kind.name && p.key == key; }))
        flush();
    auto& q = m_sql(k_local_fields);
    q.bind(1, kind.name);
    q.bind(2, key);
    std::map<std::string, Local> fields;
    while (q.executeStep())
        fields[q.getColumn(0).getString()] = {json_of(q.getColumn(1)), q.getColumn(2).getString(),
                                              q.getColumn(3).isNull() ? ""
                                                                      : q.getColumn(3).getString()};
    return fields;
}

void Merger::write(const Kind& kind, const std::string& key, const std::vector<Field*>& fields) {
    if (fields.empty())
        return;
    bool fresh = false;
    if (m_kind_was_empty[index_of(kind)])
        fresh = m_written.insert(std::hash<std::string>{}(key)).second;
    Pending pending{kind.name, key, {}, fresh};
    pending.fields.reserve(fields.size());
    for (auto* f : fields)
        pending.fields.push_back(std::move(*f));
    m_pending.push_back(std::move(pending));
    m_pending_rows += fields.size();
    if (m_pending_rows >= k_rows_a_statement)
        flush();
}

// The rows written so far, k_rows_a_statement to a statement: one statement a record cost
// a third of a large import's merge.
void Merger::flush() {
    std::vector<std::pair<const Pending*, const Field*>> rows[2];
    for (const auto& p : m_pending)
        for (const auto& f : p.fields)
            rows[p.fresh].emplace_back(&p, &f);
    write_rows(rows[1], true);
    write_rows(rows[0], false);
    // A village's slug is its claim to it (the earliest claim keeps it): claimed once the
    // merge has taken everything in (see claim_slugs).
    for (const auto& p : m_pending)
        if (std::string_view(p.kind) == "village")
            for (const auto& f : p.fields)
                if (f.name == "slug")
                    m_claims.push_back(p.key);
    m_pending.clear();
    m_pending_rows = 0;
}

void Merger::write_rows(const std::vector<std::pair<const Pending*, const Field*>>& rows,
                        bool fresh) {
    for (std::size_t from = 0; from < rows.size(); from += k_rows_a_statement) {
        auto n = std::min(k_rows_a_statement, rows.size() - from);
        auto& sql = m_write_sql[{n, fresh}];
        if (sql.empty()) {
            std::string values;
            for (std::size_t i = 0; i < n; ++i) {
                auto at = 3 + 6 * i;
                values += fmt::format("{}(?{}, ?{}, ?{}, ?{}, ?{}, ?{}, ?1, ?2)", i ? ", " : "", at,
                                      at + 1, at + 2, at + 3, at + 4, at + 5);
            }
            sql = fmt::format(fmt::runtime(fresh ? k_insert : k_write), fmt::arg("rows", values));
        }
        auto& q = m_sql.kept(sql);
        q.bind(1, static_cast<int64_t>(m_replica.txn));
        q.bind(2, static_cast<int>(m_via));
        int at = 3;
        for (std::size_t i = from; i < from + n; ++i) {
            const auto& [p, f] = rows[i];
            // The rows outlive the statement's run: SQLite need not copy their text.
            q.bindNoCopy(at, p->kind);
            q.bindNoCopy(at + 1, p->key);
            q.bindNoCopy(at + 2, f->name);
            bind_json(q, at + 3, f->value, true);
            q.bindNoCopy(at + 4, f->stamp);
            if (!f->base.empty())
                q.bindNoCopy(at + 5, f->base);
            at += 6;
        }
        q.exec();
    }
}

void Merger::conflict(const Kind& kind, const std::string& key, const std::string& field,
                      const Json& value, const std::string& stamp, const std::string& winner) {
    auto& q = m_sql(k_conflict);
    q.bind(1, kind.name);
    q.bind(2, key);
    q.bind(3, field);
    bind_json(q, 4, value);
    q.bind(5, stamp);
    q.bind(6, winner);
    m_conflicts += q.exec();
}

// A removed record keeps its tombstone (and a village its slug, which stays taken but for
// the same village added again, and its code, which says which that is); its other fields
// and its sets' elements go.
void Merger::remove(const Kind& kind, const std::string& key, const Field& tombstone) {
    flush();
    SQLite::Statement fields(m_db, "DELETE FROM sync_change WHERE kind = ?1 AND record = ?2 "
                                   "AND field NOT IN ('slug', 'code')");
    fields.bind(1, kind.name);
    fields.bind(2, key);
    fields.exec();
    for (const auto& child : kinds()) {
        if (!child.element || std::string_view(child.key.front().ref) != kind.name)
            continue;
        SQLite::Statement elements(m_db, "DELETE FROM sync_change WHERE kind = ?1 AND record >= "
                                         "?2 || ' ' AND record < ?2 || '!'");
        elements.bind(1, child.name);
        elements.bind(2, key);
        elements.exec();
        mark_dirty(child, key);
    }
    auto kept = tombstone;
    write(kind, key, {&kept});
    flush();
    m_parent_kind = nullptr; // it may be the parent asked about last
}

// A record, or a parent's set, to project; an export lists a set's elements one after the
// other, so a parent comes in runs.
void Merger::mark_dirty(const Kind& kind, const std::string& key) {
    auto& keys = m_dirty[index_of(kind)];
    if (keys.empty() || keys.back() != key)
        keys.push_back(key);
}

bool Merger::parent_removed(const Kind& kind, const std::string& key) {
    const char* parent_kind = kind.key.front().ref;
    auto parent = parent_of(key);
    if (m_parent_kind == parent_kind && m_parent == parent)
        return m_parent_removed;
    // Tombstones are never left unwritten (see merge), so this reads them all.
    auto& q =
        m_sql("SELECT 1 FROM sync_change WHERE kind = ?1 AND record = ?2 AND field = '_removed'");
    q.bind(1, parent_kind);
    q.bind(2, std::string(parent));
    m_parent_kind = parent_kind;
    m_parent = parent;
    m_parent_removed = q.executeStep();
    return m_parent_removed;
}

void Merger::merge(Record& record) {
    const Kind& kind = *record.kind;
    if (kind.element && parent_removed(kind, record.key)) {
        for (const auto& f : record.fields)
            m_seen = std::max(m_seen, f.stamp);
        return; // its set went with its removed record
    }
    auto local = local_fields(kind, record.key);
    bool changed = false;
    const Field* tombstone = nullptr;
    for (auto& f : record.fields) {
        m_seen = std::max(m_seen, f.stamp);
        if (!kind.element && f.name == k_removed)
            tombstone = &f;
    }
    bool was_removed = !kind.element && local.count(std::string(k_removed));
    // Removed on two copies: the later stamp is kept on both, as for any field.
    if (tombstone && was_removed && tombstone->stamp > local[std::string(k_removed)].stamp) {
        auto kept = *tombstone;
        write(kind, record.key, {&kept});
        flush();
    }
    if (tombstone && !was_removed) {
        remove(kind, record.key, *tombstone);
        local = local_fields(kind, record.key);
        changed = was_removed = true;
    }
    std::vector<Field*> newer; // taken by write
    for (auto& f : record.fields) {
        // Removed: nothing brings it back; only a village's slug and code stay.
        if (f.name == k_removed || (was_removed && f.name != "slug" && f.name != "code"))
            continue;
        auto at = local.find(f.name);
        if (at == local.end()) {
            newer.push_back(&f);
            continue;
        }
        const Local& mine = at->second;
        if (f.stamp == mine.stamp)
            continue;
        // Not concurrent: one edit was made over the other (its base), or one copy made both.
        bool concurrent = f.value != mine.value && f.base != mine.stamp && mine.base != f.stamp &&
                          core::replica_of(f.stamp) != core::replica_of(mine.stamp);
        if (f.stamp > mine.stamp) {
            if (concurrent)
                conflict(kind, record.key, f.name, mine.value, mine.stamp, f.stamp);
            newer.push_back(&f);
        } else if (concurrent) {
            conflict(kind, record.key, f.name, f.value, f.stamp, mine.stamp);
        }
    }
    changed = changed || !newer.empty();
    if (changed) {
        ++m_changed_by_kind[index_of(kind)];
        mark_dirty(kind, kind.element ? std::string(parent_of(record.key)) : record.key);
    }
    write(kind, record.key, newer);
}

// The slugs written, claimed many villages to a statement: one statement a village made
// each its own journal of the claims' pages (20,000 page copies to a file in a
// 100,000-record import). Nothing reads the claims before the projection.
void Merger::claim_slugs() {
    std::sort(m_claims.begin(), m_claims.end());
    m_claims.erase(std::unique(m_claims.begin(), m_claims.end()), m_claims.end());
    static const std::string sql = slug_claims_sql();
    for (const auto& villages : json_arrays(m_claims)) {
        auto& q = m_sql.kept(sql);
        q.bind(1, villages);
        q.exec();
    }
    m_claims.clear();
}

std::vector<std::pair<std::string, std::string>> Merger::finish() {
    flush();
    claim_slugs();
    Projector projector(m_db);
    for (std::size_t index = 0; index < m_dirty.size(); ++index) {
        auto& keys = m_dirty[index];
        std::sort(keys.begin(), keys.end());
        keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
        for (const auto& key : keys)
            projector.project(kinds()[index], key);
        if (m_changed_by_kind[index] > 0)
            m_changed[kinds()[index].name] = m_changed_by_kind[index];
    }
    projector.project_merged();
    auto waiting = projector.retry_pending();
    projector.project_merged();
    projector.index_lessons();
    // The clock: never behind what was seen, so the next local edit comes after it.
    SQLite::Statement clock(m_db, "UPDATE sync_replica SET clock = max(clock, ?1)");
    clock.bind(1, m_seen);
    clock.exec();
    return waiting;
}

} // namespace kades::store::sync
