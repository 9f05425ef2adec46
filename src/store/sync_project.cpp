// The projection: the change table's state of a record or a set, written onto the log's own
// tables, so that every command and report reads what the copies agreed on. It is a function
// of that state, whatever order the changes came in: a record waits (sync_pending) until
// the records it names have come; one whose required record was removed is left out, and an
// optional reference to a removed record is empty; villages that share a Kemendagri code,
// and adoptions of one lesson by one village, are one record (the smaller UUID, sync_alias);
// a slug two villages took goes to the earlier claim.

#include "store/sync_internal.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace kades::store::sync {
namespace {

const Kind& kind_named(std::string_view name) {
    return *find_kind(name);
}

std::string hex_of(const std::string& uuid) {
    std::string hex;
    for (char c : uuid)
        if (c != '-')
            hex += c;
    return hex;
}

} // namespace

Projector::Projector(SQLite::Database& db) : m_db(db), m_sql(db) {
    // Most logs have no alias and nothing waiting: then those tables need no look-up at all.
    m_has_alias = db.execAndGet("SELECT EXISTS (SELECT 1 FROM sync_alias)").getInt() != 0;
    m_has_pending = db.execAndGet("SELECT EXISTS (SELECT 1 FROM sync_pending)").getInt() != 0;
}

std::string Projector::canonical(const Kind& kind, const std::string& uuid) {
    if (!m_has_alias)
        return uuid;
    auto& q = m_sql("SELECT canonical FROM sync_alias WHERE kind = ?1 AND alias = ?2");
    q.bind(1, kind.name);
    q.bind(2, uuid);
    return q.executeStep() ? q.getColumn(0).getString() : uuid;
}

std::vector<std::string> Projector::group(const Kind& kind, const std::string& canonical) {
    std::vector<std::string> uuids{canonical};
    if (!m_has_alias)
        return uuids;
    auto& q = m_sql("SELECT alias FROM sync_alias WHERE kind = ?1 AND canonical = ?2");
    q.bind(1, kind.name);
    q.bind(2, canonical);
    while (q.executeStep())
        uuids.push_back(q.getColumn(0).getString());
    return uuids;
}

// The statements a kind's rows are written with, made once a merge.
const Projector::KindSql& Projector::sql_of(const Kind& kind) {
    auto& sql = m_kind_sql[kind.name];
    if (!sql.local_id.empty())
        return sql;
    sql.local_id = fmt::format("SELECT id FROM {} WHERE uuid = ?1", kind.name);
    std::string columns = "uuid", params = "?1", sets;
    int i = 2;
    for (const auto& col : kind.fields) {
        columns += fmt::format(", {}", col.name);
        params += fmt::format(", ?{}", i);
        sets += fmt::format("{}{} = ?{}", sets.empty() ? "" : ", ", col.name, i);
        ++i;
    }
    sql.update = fmt::format("UPDATE {} SET {} WHERE uuid = ?1", kind.name, sets);
    sql.insert = fmt::format("INSERT INTO {} ({}) VALUES ({})", kind.name, columns, params);
    if (kind.element) {
        sql.clear = fmt::format("DELETE FROM {} WHERE {} = ?1", kind.name, kind.key.front().name);
        columns.clear();
        params.clear();
        int n = 1;
        for (const auto* list : {&kind.key, &kind.fields})
            for (const auto& col : *list) {
                columns += fmt::format("{}{}", n > 1 ? ", " : "", col.name);
                params += fmt::format("{}?{}", n > 1 ? ", " : "", n);
                ++n;
            }
        sql.insert =
            fmt::format("INSERT OR IGNORE INTO {} ({}) VALUES ({})", kind.name, columns, params);
    }
    std::string where;
    i = 2;
    for (const char* column : kind.natural)
        where += fmt::format(" AND {} = ?{}", column, i++);
    sql.natural = fmt::format("SELECT uuid FROM {} WHERE uuid <> ?1{}", kind.name, where);
    return sql;
}

std::optional<int64_t> Projector::local_id(const char* kind, const std::string& uuid) {
    auto& ids = m_ids[kind];
    if (auto at = ids.find(uuid); at != ids.end())
        return at->second;
    auto& q = m_sql.kept(sql_of(kind_named(kind)).local_id);
    q.bind(1, uuid);
    if (!q.executeStep())
        return std::nullopt;
    auto id = q.getColumn(0).getInt64();
    q.reset(); // not left open on the table while its rows are written
    ids.emplace(uuid, id);
    return id;
}

bool Projector::removed(const char* kind, const std::string& uuid) {
    auto& q =
        m_sql("SELECT 1 FROM sync_change WHERE kind = ?1 AND record = ?2 AND field = '_removed'");
    q.bind(1, kind);
    q.bind(2, uuid);
    return q.executeStep();
}

void Projector::pend(const Kind& kind, const std::string& key, bool waiting) {
    if (!waiting && !m_has_pending)
        return;
    m_has_pending = m_has_pending || waiting;
    auto& q = m_sql(waiting ? "INSERT OR IGNORE INTO sync_pending (kind, record) VALUES (?1, ?2)"
                            : "DELETE FROM sync_pending WHERE kind = ?1 AND record = ?2");
    q.bind(1, kind.name);
    q.bind(2, key);
    q.exec();
}

// The latest value of each field over a record and its aliases.
std::map<std::string, std::pair<Json, std::string>>
Projector::values_of(const Kind& kind, const std::vector<std::string>& uuids) {
    std::map<std::string, std::pair<Json, std::string>> values;
    auto& q = m_sql("SELECT field, value, stamp FROM sync_change WHERE kind = ?1 AND record = ?2");
    for (const auto& uuid : uuids) {
        q.reset();
        q.bind(1, kind.name);
        q.bind(2, uuid);
        while (q.executeStep()) {
            auto stamp = q.getColumn(2).getString();
            auto field = q.getColumn(0).getString();
            auto& slot = values[field];
            // A village's slug is the one given first: villages that became one keep it.
            bool first_wins = field == "slug";
            if (slot.second.empty() || (first_wins ? stamp < slot.second : stamp > slot.second))
                slot = {json_of(q.getColumn(1)), stamp};
        }
    }
    return values;
}

const std::set<std::string>& Projector::required_columns(const Kind& kind) {
    auto& columns = m_not_null[kind.name];
    if (columns.empty()) {
        auto& q = m_sql("SELECT name FROM pragma_table_info(?1) WHERE \"notnull\"");
        q.bind(1, kind.name);
        while (q.executeStep())
            columns.insert(q.getColumn(0).getString());
        columns.insert(""); // known, even when it has none
    }
    return columns;
}

void Projector::project(const Kind& kind, const std::string& key) {
    if (kind.element)
        project_set(kind, key);
    else
        project_record(kind, key);
}

void Projector::project_record(const Kind& kind, const std::string& uuid) {
    auto c = canonical(kind, uuid);
    auto uuids = group(kind, c);
    auto values = values_of(kind, uuids);
    if (values.count(std::string(k_removed))) { // one of them was removed
        remove_row(kind, c);
        pend(kind, c, false);
        return;
    }
    std::map<std::string, Json> row;
    for (const auto& [field, value] : values)
        row[field] = value.first;
    bool waiting = false;
    bool dead = false;
    for (const auto& col : kind.fields) {
        auto& value = row[col.name];
        if (col.type != Type::ref || value.is_null())
            continue;
        const auto& target = kind_named(col.ref);
        auto id = local_id(target.name, canonical(target, value.get<std::string>()));
        if (!id) {
            bool gone = removed(target.name, value.get<std::string>());
            waiting = waiting || !gone;
            dead = dead || col.required;
        }
        value = id ? Json(*id) : Json(nullptr);
    }
    // Known only in part (a delta whose record has not come yet): it waits for the rest.
    for (const auto& column : required_columns(kind)) {
        const auto* field = find_field(kind, column);
        if (field && field->type != Type::ref && row[column].is_null()) {
            pend(kind, c, true);
            return;
        }
    }
    if (dead) {
        remove_row(kind, c);
        pend(kind, c, waiting);
        return;
    }
    if (!kind.natural.empty()) {
        auto merged = merge_natural(kind, c, row);
        if (merged != c || group(kind, merged).size() != uuids.size())
            return project_record(kind, merged);
    }
    if (std::string_view(kind.name) == "village")
        row["slug"] = effective_slug(c, row["slug"].get<std::string>(), row["code"]);
    auto existing = local_id(kind.name, c);
    if (existing && std::string_view(kind.name) == "village")
        keep_old_slug(c, row["slug"].get<std::string>());
    const auto& sql = sql_of(kind);
    auto& q = m_sql.kept(existing ? sql.update : sql.insert);
    q.bind(1, c);
    int i = 2;
    for (const auto& col : kind.fields)
        bind_json(q, i++, row[col.name]);
    q.exec();
    auto id = existing ? *existing : m_db.getLastInsertRowid();
    if (!existing)
        m_inserted.emplace(kind.name, id);
    if (std::string_view(kind.name) == "lesson")
        m_lessons.insert(id);
    pend(kind, c, waiting);
}

// Another live record with the same natural identity becomes one record with this one:
// the smaller UUID names both, and the row that had the other keeps its id (so whatever
// pointed at either points at it).
std::string Projector::merge_natural(const Kind& kind, const std::string& uuid,
                                     const std::map<std::string, Json>& row) {
    for (const char* column : kind.natural)
        if (row.at(column).is_null())
            return uuid;
    auto& q = m_sql.kept(sql_of(kind).natural);
    q.bind(1, uuid);
    int i = 2;
    for (const char* column : kind.natural)
        bind_json(q, i++, row.at(column));
    if (!q.executeStep())
        return uuid;
    auto other = q.getColumn(0).getString();
    q.reset();
    auto keep = std::min(uuid, other);
    auto alias = std::max(uuid, other);
    m_has_alias = true;
    m_merged[kind.name].insert(keep);
    m_merged[kind.name].insert(alias);
    for (const char* sql :
         {"UPDATE sync_alias SET canonical = ?3 WHERE kind = ?1 AND canonical = ?2",
          "INSERT OR REPLACE INTO sync_alias (kind, alias, canonical) VALUES (?1, ?2, ?3)"}) {
        auto& w = m_sql(sql);
        w.bind(1, kind.name);
        w.bind(2, alias);
        w.bind(3, keep);
        w.exec();
    }
    m_ids[kind.name].erase(uuid);
    m_ids[kind.name].erase(other);
    if (keep == uuid) { // the row here was the other's: it takes the smaller UUID
        auto& rename = m_sql(fmt::format("UPDATE {} SET uuid = ?1 WHERE uuid = ?2", kind.name));
        rename.bind(1, keep);
        rename.bind(2, other);
        rename.exec();
    }
    return keep;
}

// The slug a village has here: the one it claimed, unless an earlier claim took it; then
// the claim with the first hex digits of its UUID. A village here that loses its slug to an
// earlier claim keeps it as an alias on this copy, where it was given.
std::string Projector::effective_slug(const std::string& uuid, const std::string& claimed,
                                      const Json& code) {
    const auto& village = kind_named("village");
    std::string owner;
    std::string first;
    auto& q = m_sql("SELECT record, stamp FROM sync_slug_claim WHERE slug = ?1");
    q.bind(1, claimed);
    std::vector<std::pair<std::string, std::string>> claims;
    while (q.executeStep())
        claims.emplace_back(q.getColumn(1).getString(), q.getColumn(0).getString());
    // A removed village's claim does not hold against the same village (its code) added again.
    if (!code.is_null())
        std::erase_if(claims, [&](const auto& claim) {
            if (claim.second == uuid || !removed("village", claim.second))
                return false;
            auto& c = m_sql("SELECT value FROM sync_change WHERE kind = 'village' AND record = ?1 "
                            "AND field = 'code'");
            c.bind(1, claim.second);
            return c.executeStep() && json_of(c.getColumn(0)) == code;
        });
    std::sort(claims.begin(), claims.end());
    owner = claims.empty() ? uuid : canonical(village, claims.front().second);
    auto suffixed = [&](const std::string& who) {
        auto hex = hex_of(who);
        for (std::size_t n : {4u, 8u, 32u}) {
            auto candidate = claimed + "-" + hex.substr(0, n);
            auto& taken = m_sql("SELECT 1 FROM village WHERE slug = ?1 AND uuid <> ?2");
            taken.bind(1, candidate);
            taken.bind(2, who);
            if (!taken.executeStep())
                return candidate;
        }
        return claimed + "-" + hex;
    };
    auto& holder = m_sql("SELECT uuid FROM village WHERE slug = ?1 AND uuid <> ?2");
    holder.bind(1, claimed);
    holder.bind(2, uuid);
    if (owner == uuid && holder.executeStep()) {
        auto other = holder.getColumn(0).getString();
        holder.reset();
        auto& rename = m_sql("UPDATE village SET slug = ?2 WHERE uuid = ?1");
        rename.bind(1, other);
        rename.bind(2, suffixed(other));
        rename.exec();
        auto& alias =
            m_sql("INSERT OR REPLACE INTO sync_slug_alias (slug, village) VALUES (?1, ?2)");
        alias.bind(1, claimed);
        alias.bind(2, other);
        alias.exec();
    }
    if (owner == uuid)
        return claimed;
    auto& mine = m_sql("SELECT slug FROM village WHERE uuid = ?1");
    mine.bind(1, uuid);
    if (mine.executeStep() && mine.getColumn(0).getString() == claimed) {
        auto& alias =
            m_sql("INSERT OR REPLACE INTO sync_slug_alias (slug, village) VALUES (?1, ?2)");
        alias.bind(1, claimed);
        alias.bind(2, uuid);
        alias.exec();
    }
    return suffixed(uuid);
}

// A slug given here keeps naming its village here when the village takes another.
void Projector::keep_old_slug(const std::string& uuid, const std::string& slug) {
    auto& q = m_sql("SELECT slug FROM village WHERE uuid = ?1");
    q.bind(1, uuid);
    if (!q.executeStep() || q.getColumn(0).getString() == slug)
        return;
    auto old = q.getColumn(0).getString();
    q.reset();
    auto& alias = m_sql("INSERT OR REPLACE INTO sync_slug_alias (slug, village) VALUES (?1, ?2)");
    alias.bind(1, old);
    alias.bind(2, uuid);
    alias.exec();
}

// A record that is no longer here, and what needs it: records that require it go too (they
// stay in the change table, and come back if it ever could), optional references empty.
void Projector::remove_row(const Kind& kind, const std::string& uuid) {
    auto id = local_id(kind.name, uuid);
    if (!id)
        return;
    if (std::string_view(kind.name) == "lesson")
        m_lessons.insert(*id); // out of the index too (its triggers are off in a merge)
    for (const auto& other : kinds()) {
        const auto& columns = other.element ? other.key : other.fields;
        for (std::size_t i = 0; i < columns.size(); ++i) {
            const auto& col = columns[i];
            if (col.type != Type::ref || std::string_view(col.ref) != kind.name)
                continue;
            if (other.element && i > 0) {
                auto& q = m_sql(fmt::format("DELETE FROM {} WHERE {} = ?1", other.name, col.name));
                q.bind(1, *id);
                q.exec();
            } else if (!other.element && col.required) {
                std::vector<std::string> needing;
                auto& q =
                    m_sql(fmt::format("SELECT uuid FROM {} WHERE {} = ?1", other.name, col.name));
                q.bind(1, *id);
                while (q.executeStep())
                    needing.push_back(q.getColumn(0).getString());
                for (const auto& u : needing)
                    remove_row(other, u);
            } else if (!other.element) {
                auto& q = m_sql(fmt::format("UPDATE {} SET {} = NULL WHERE {} = ?1", other.name,
                                            col.name, col.name));
                q.bind(1, *id);
                q.exec();
            }
        }
    }
    auto& q = m_sql(fmt::format("DELETE FROM {} WHERE id = ?1", kind.name));
    q.bind(1, *id);
    q.exec();
    m_ids.clear(); // and whatever the schema's own ON DELETE took with it
}

void Projector::project_set(const Kind& kind, const std::string& parent) {
    const auto& parent_kind = kind_named(kind.key.front().ref);
    auto c = canonical(parent_kind, parent);
    auto pid = local_id(parent_kind.name, c);
    if (!pid) {
        pend(kind, parent, !removed(parent_kind.name, parent));
        return;
    }
    struct Element {
        bool present = false;
        std::string stamp; // of its presence
        std::map<std::string, Json> fields;
    };
    std::map<std::string, Element> elements;
    auto& q = m_sql("SELECT record, field, value, stamp FROM sync_change WHERE kind = ?1 AND "
                    "record >= ?2 || ' ' AND record < ?2 || '!'");
    for (const auto& uuid : group(parent_kind, c)) {
        q.reset();
        q.bind(1, kind.name);
        q.bind(2, uuid);
        while (q.executeStep()) {
            auto& e = elements[q.getColumn(0).getString()];
            auto field = q.getColumn(1).getString();
            auto value = json_of(q.getColumn(2));
            if (field == k_present) {
                e.present = value == 1;
                e.stamp = q.getColumn(3).getString();
            } else {
                e.fields[field] = value;
            }
        }
    }
    // The rows: key columns (refs as ids here), then the fields. Elements that name one row
    // (through villages that became one) are one element: the latest decides.
    struct Row {
        std::string order, stamp;
        bool present = false;
        std::vector<Json> values;
    };
    std::map<std::string, Row> by_row;
    bool waiting = false;
    for (const auto& [key, e] : elements) {
        auto parts = split_key(kind, key);
        if (parts.size() != kind.key.size() || e.stamp.empty())
            continue;
        std::vector<Json> values{*pid};
        bool skip = false;
        for (std::size_t i = 1; i < kind.key.size() && !skip; ++i) {
            const auto& col = kind.key[i];
            if (col.type == Type::ref) {
                const auto& target = kind_named(col.ref);
                auto id = local_id(target.name, canonical(target, parts[i]));
                if (!id) {
                    waiting = waiting || (e.present && !removed(target.name, parts[i]));
                    skip = true;
                } else {
                    values.emplace_back(*id);
                }
            } else if (col.type == Type::integer) {
                values.emplace_back(std::stoll(parts[i]));
            } else {
                values.emplace_back(parts[i].empty() ? Json(nullptr) : Json(parts[i]));
            }
        }
        if (skip)
            continue;
        auto identity = Json(values).dump();
        for (const auto& col : kind.fields) {
            auto at = e.fields.find(col.name);
            values.push_back(at == e.fields.end() ? Json(nullptr) : at->second);
        }
        auto& row = by_row[identity];
        if (!row.stamp.empty() && row.stamp > e.stamp)
            continue;
        row.stamp = e.stamp;
        row.present = e.present;
        row.order = (kind.order_by && e.fields.count(kind.order_by)
                         ? fmt::format("{:012d}", e.fields.at(kind.order_by).get<int64_t>())
                         : "") +
                    " " + identity;
        row.values = std::move(values);
    }
    std::vector<std::pair<std::string, std::vector<Json>>> rows;
    for (auto& [identity, row] : by_row)
        if (row.present)
            rows.emplace_back(row.order, std::move(row.values));
    std::sort(rows.begin(), rows.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
    if (std::string_view(kind.name) == "lesson_topic")
        m_lessons.insert(*pid);
    const auto& sql = sql_of(kind);
    // A parent this projection inserted has no elements before its first projection here.
    bool first = m_sets_projected.emplace(kind.name, *pid).second;
    if (!first || !m_inserted.count({parent_kind.name, *pid})) {
        auto& clear = m_sql.kept(sql.clear);
        clear.bind(1, *pid);
        clear.exec();
    }
    auto& insert = m_sql.kept(sql.insert);
    int64_t position = 0;
    for (auto& [order, values] : rows) {
        if (kind.order_by)
            values.back() = ++position; // the order kept, numbered afresh
        insert.reset();
        insert.clearBindings();
        for (std::size_t i = 0; i < values.size(); ++i)
            bind_json(insert, static_cast<int>(i + 1), values[i]);
        insert.exec();
    }
    pend(kind, parent, waiting);
}

// Records that became one change what their sets, and the sets naming them, hold: elements
// of either now name one row. Projected again once per merge, in one pass over each kind.
void Projector::project_merged() {
    while (!m_merged.empty()) {
        auto merged = std::move(m_merged);
        m_merged.clear();
        for (const auto& kind : kinds()) {
            if (!kind.element)
                continue;
            std::set<std::string> parents;
            const auto& parent_kind = kind.key.front().ref;
            if (merged.count(parent_kind))
                for (const auto& uuid : merged.at(parent_kind))
                    parents.insert(canonical(kind_named(parent_kind), uuid));
            bool names_merged = false;
            for (std::size_t i = 1; i < kind.key.size(); ++i)
                names_merged = names_merged || (kind.key[i].ref && merged.count(kind.key[i].ref));
            if (names_merged) {
                auto& q = m_sql(fmt::format("SELECT record FROM sync_change WHERE kind = '{}' AND "
                                            "field = '_present'",
                                            kind.name));
                while (q.executeStep()) {
                    auto key = q.getColumn(0).getString();
                    auto parts = split_key(kind, key);
                    for (std::size_t i = 1; i < parts.size() && i < kind.key.size(); ++i)
                        if (kind.key[i].ref && merged.count(kind.key[i].ref) &&
                            merged.at(kind.key[i].ref).count(parts[i]))
                            parents.insert(parts[0]);
                }
            }
            for (const auto& parent : parents)
                project_set(kind, parent);
        }
    }
}

void Projector::index_lessons() {
    for (const auto& lessons :
         json_arrays(std::vector<int64_t>(m_lessons.begin(), m_lessons.end()))) {
        for (const char* sql : {
                 "DELETE FROM lesson_fts WHERE rowid IN (SELECT value FROM json_each(?1))",
                 "INSERT INTO lesson_fts (rowid, title, topics, context, outcome, lesson, "
                 "recommendation) SELECT id, title, coalesce((SELECT group_concat(topic, ' ') "
                 "FROM lesson_topic WHERE lesson = l.id), ''), context, outcome, lesson, "
                 "recommendation FROM lesson l WHERE id IN (SELECT value FROM json_each(?1))",
             }) {
            auto& q = m_sql(sql);
            q.bind(1, lessons);
            q.exec();
        }
    }
    m_lessons.clear();
}

std::vector<std::pair<std::string, std::string>> Projector::retry_pending() {
    std::vector<std::pair<std::string, std::string>> still;
    for (const auto& kind : kinds()) {
        std::vector<std::string> keys;
        auto& q = m_sql("SELECT record FROM sync_pending WHERE kind = ?1");
        q.bind(1, kind.name);
        while (q.executeStep())
            keys.push_back(q.getColumn(0).getString());
        for (const auto& key : keys)
            project(kind, key);
    }
    auto& q = m_sql("SELECT kind, record FROM sync_pending");
    while (q.executeStep())
        still.emplace_back(q.getColumn(0).getString(), q.getColumn(1).getString());
    return still;
}

} // namespace kades::store::sync
