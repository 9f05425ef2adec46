// The scope of a report as TEMP tables, filled once per command and read by every report
// query: a set of village ids is cheaper to join than a filter repeated in each query. The
// whole log's villages are a TEMP view of the village table instead (nothing to copy). For a
// scope, the lessons of its villages (scope_lesson) and, per period asked, its meetings and
// visits (scope_period) are kept too, with the kades_span function that bounds the ids of a
// period (see report_sql.hpp).

#include "store/report.hpp"

#include "core/error.hpp"
#include "core/i18n.hpp"
#include "core/region.hpp"
#include "store/forum.hpp"
#include "store/log_impl.hpp"
#include "store/report_sql.hpp"
#include "store/sql.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <array>
#include <map>
#include <optional>
#include <string>
#include <tuple>

namespace kades::store {
using core::trf;

namespace {

// prepare_scope may run more than once on a connection (a village report narrowed to a scope).
constexpr const char* k_create = R"sql(
DROP TABLE IF EXISTS temp.scope_forum;
DROP TABLE IF EXISTS temp.scope_meta;
DROP TABLE IF EXISTS temp.scope_lesson;
DROP TABLE IF EXISTS temp.scope_period;
DROP TABLE IF EXISTS temp.scope_period_read;
CREATE TEMP TABLE scope_forum (id INTEGER PRIMARY KEY);
CREATE TEMP TABLE scope_meta (everything INTEGER NOT NULL);
CREATE TEMP TABLE scope_lesson (id INTEGER PRIMARY KEY);
CREATE TEMP TABLE scope_period (kind TEXT NOT NULL, first TEXT NOT NULL, last TEXT NOT NULL,
                                id INTEGER NOT NULL, PRIMARY KEY (kind, first, last, id))
                                WITHOUT ROWID;
CREATE TEMP TABLE scope_period_read (first TEXT NOT NULL, last TEXT NOT NULL,
                                     PRIMARY KEY (first, last)) WITHOUT ROWID;
)sql";

// The scope's meetings and visits of ?1 .. ?2 (report_sql.hpp), found from its villages
// through the indexes on hosts, attendees and visitors, within the period's ids.
constexpr const char* k_note_period = R"sql(
INSERT OR IGNORE INTO scope_period (kind, first, last, id)
SELECT 'meeting', ?1, ?2, n.id FROM (
  SELECT x.id AS id FROM meeting x WHERE x.forum IN (SELECT id FROM scope_forum)
    AND )sql" KADES_IN_SPAN("x.id", "meeting") R"sql(
  UNION ALL SELECT x.id FROM scope_village s CROSS JOIN meeting x
  WHERE x.host = s.id AND )sql" KADES_IN_SPAN("x.id", "meeting") R"sql(
  UNION ALL SELECT x.meeting FROM scope_village s CROSS JOIN meeting_attendee x
  WHERE x.village = s.id AND )sql" KADES_IN_SPAN("x.meeting", "meeting") R"sql() n
UNION ALL
SELECT 'visit', ?1, ?2, n.id FROM (
  SELECT x.id AS id FROM scope_village s CROSS JOIN visit x
  WHERE x.host = s.id AND )sql" KADES_IN_SPAN("x.id", "visit") R"sql(
  UNION ALL SELECT x.visit FROM scope_village s CROSS JOIN visit_visitor x
  WHERE x.village = s.id AND )sql" KADES_IN_SPAN("x.visit", "visit") R"sql() n)sql";

// The lessons of the scope's villages, any date (left empty for the whole log: every lesson).
constexpr const char* k_fill_lessons = R"sql(
INSERT INTO scope_lesson (id)
SELECT l.id FROM scope_village s CROSS JOIN lesson l WHERE l.village = s.id)sql";

constexpr const char* k_create_villages =
    "CREATE TEMP TABLE scope_village (id INTEGER PRIMARY KEY, active INTEGER NOT NULL)";
constexpr const char* k_all_villages =
    "CREATE TEMP VIEW scope_village (id, active) AS SELECT id, archived = 0 FROM village";

// ?1 forum uuid or NULL, ?2 dotted code: a village is in the scope when it meets both. The
// range on the code lets the code's index find the villages under ?2.
constexpr const char* k_fill_under = R"sql(
INSERT INTO scope_village (id, active)
SELECT v.id, v.archived = 0 FROM village v
WHERE v.code >= ?2 AND v.code < ?2 || '/' AND (v.code = ?2 OR v.code > ?2 || '.')
  AND (?1 IS NULL OR v.id IN (SELECT fm.village FROM forum_member fm JOIN forum f ON f.id = fm.forum
                              WHERE f.uuid = ?1)))sql";

// ?1 forum uuid: its members.
constexpr const char* k_fill_forum = R"sql(
INSERT INTO scope_village (id, active)
SELECT v.id, v.archived = 0 FROM forum f JOIN forum_member fm ON fm.forum = f.id
JOIN village v ON v.id = fm.village WHERE f.uuid = ?1)sql";

// Reports read much of the log, some pages many times: a larger page cache for this
// connection (64 MiB at most, taken as pages are read), and the file mapped into memory
// (up to the 2 GB SQLite allows by default) so that a page already in the system's cache is
// read where it lies rather than copied by a system call each time (a national month reads
// some 20,000 pages: 30 ms of system time less). A report only reads; SQLite writes through
// the mapping only when built to, which Debian's is not.
constexpr const char* k_cache = "PRAGMA cache_size = -65536; PRAGMA mmap_size = 2147418112";

// kades_span(table, first, last, end): the least (end 0) or the greatest (end 1) id of the
// table's records dated from first to last, NULL when there are none (see report_sql.hpp).
// Read once per table and period and kept until the scope is prepared again: a report reads
// the log in one transaction, in which it does not change. The date index holds each date's
// ids in order, so the span is read a date at a time, two steps a date, rather than by
// reading every record of the period.
struct SpanSql {
    const char* table;
    const char* covers; // whether ?1 .. ?2 covers every date of the table
    const char* all;    // the first and last id of the table
    const char* next;   // the first date from ?1 up to ?2, with its least id
    const char* after;  // the same after ?1
    const char* most;   // the greatest id of date ?1
};

#define KADES_COVERS(t)                                                                            \
    "SELECT ?1 <= (SELECT min(date) FROM " t ") AND ?2 >= (SELECT max(date) FROM " t ")"
#define KADES_ALL(t) "SELECT (SELECT min(id) FROM " t "), (SELECT max(id) FROM " t ")"
#define KADES_NEXT(t, op)                                                                          \
    "SELECT date, id FROM " t " WHERE date " op " ?1 AND date <= ?2 ORDER BY date, id LIMIT 1"
#define KADES_MOST(t) "SELECT max(id) FROM " t " WHERE date = ?1"
#define KADES_SPAN_SQL(t)                                                                          \
    SpanSql {                                                                                      \
        t, KADES_COVERS(t), KADES_ALL(t), KADES_NEXT(t, ">="), KADES_NEXT(t, ">"), KADES_MOST(t)   \
    }
constexpr std::array k_span_sql{KADES_SPAN_SQL("meeting"), KADES_SPAN_SQL("visit"),
                                KADES_SPAN_SQL("lesson"), KADES_SPAN_SQL("adoption")};
#undef KADES_SPAN_SQL
#undef KADES_MOST
#undef KADES_NEXT
#undef KADES_ALL
#undef KADES_COVERS

using Span = std::array<std::optional<int64_t>, 2>;

struct Spans {
    SQLite::Database* db = nullptr;
    std::map<std::tuple<std::string, std::string, std::string>, Span> known;

    Span read(const SpanSql& sql, const std::string& first, const std::string& last) {
        Span span;
        SQLite::Statement covers(*db, sql.covers);
        covers.bind(1, first);
        covers.bind(2, last);
        if (covers.executeStep() && covers.getColumn(0).getInt() == 1) {
            SQLite::Statement all(*db, sql.all);
            if (all.executeStep() && !all.getColumn(0).isNull())
                span = {all.getColumn(0).getInt64(), all.getColumn(1).getInt64()};
            return span;
        }
        SQLite::Statement next(*db, sql.next);
        SQLite::Statement after(*db, sql.after);
        SQLite::Statement most(*db, sql.most);
        auto* step = &next;
        std::string date = first;
        for (;;) {
            step->bind(1, date);
            step->bind(2, last);
            if (!step->executeStep())
                break;
            date = step->getColumn(0).getString();
            auto least = step->getColumn(1).getInt64();
            step->reset();
            most.bind(1, date);
            most.executeStep();
            auto greatest = most.getColumn(0).getInt64();
            most.reset();
            span[0] = span[0] ? std::min(*span[0], least) : least;
            span[1] = span[1] ? std::max(*span[1], greatest) : greatest;
            step = &after;
        }
        return span;
    }
};

void span_function(sqlite3_context* context, int, sqlite3_value** argv) {
    auto* spans = static_cast<Spans*>(sqlite3_user_data(context));
    auto text = [argv](int i) {
        const auto* value = sqlite3_value_text(argv[i]);
        return value ? std::string(reinterpret_cast<const char*>(value)) : std::string();
    };
    auto table = text(0);
    const auto* sql = std::find_if(k_span_sql.begin(), k_span_sql.end(),
                                   [&](const SpanSql& s) { return table == s.table; });
    auto end = sqlite3_value_int(argv[3]);
    if (sql == k_span_sql.end() || end < 0 || end > 1) {
        sqlite3_result_error(context, "kades_span: no such table or end", -1);
        return;
    }
    try {
        auto key = std::make_tuple(table, text(1), text(2));
        auto it = spans->known.find(key);
        if (it == spans->known.end())
            it = spans->known.emplace(key, spans->read(*sql, text(1), text(2))).first;
        if (const auto& id = it->second[static_cast<std::size_t>(end)])
            sqlite3_result_int64(context, *id);
        else
            sqlite3_result_null(context);
    } catch (const std::exception& e) {
        sqlite3_result_error(context, e.what(), -1);
    }
}

// Registers kades_span on the connection, with nothing read yet.
void register_spans(SQLite::Database& db) {
    auto* spans = new Spans{&db, {}};
    db.createFunction("kades_span", 4, true, spans, span_function, nullptr, nullptr,
                      [](void* p) { delete static_cast<Spans*>(p); });
}

// Drops scope_village, a table or a view.
void drop_scope_villages(SQLite::Database& db) {
    std::string type;
    {
        SQLite::Statement kind(db,
                               "SELECT type FROM temp.sqlite_schema WHERE name = 'scope_village'");
        if (kind.executeStep())
            type = kind.getColumn(0).getString();
    } // done reading the schema before changing it
    if (type == "view")
        db.exec("DROP VIEW temp.scope_village");
    else if (type == "table")
        db.exec("DROP TABLE temp.scope_village");
}

std::string region_name(Log& log, const std::string& code) {
    SQLite::Statement stmt(db_of(log), "SELECT name FROM region WHERE code = ?1");
    stmt.bind(1, code);
    return stmt.executeStep() ? stmt.getColumn(0).getString() : std::string();
}

} // namespace

core::ReportScope prepare_scope(Log& log, const ScopeFilter& filter) {
    core::ReportScope scope;
    if (filter.forum) {
        auto forum = find_forum(log, *filter.forum);
        scope.forum_uuid = forum.uuid;
        scope.forum_name = forum.name;
    }
    if (filter.under) {
        auto code = core::parse_region_code(*filter.under);
        if (!code)
            throw core::Invalid(trf(
                "'{}' is not a region code: give one like 33, 33.01 or 33.01.18", *filter.under));
        scope.under = code->dotted;
        scope.under_name = region_name(log, scope.under);
    }
    auto& db = db_of(log);
    db.exec(k_cache);
    register_spans(db);
    drop_scope_villages(db);
    db.exec(k_create);
    if (scope.forum_uuid.empty() && scope.under.empty()) {
        db.exec(k_all_villages);
    } else {
        db.exec(k_create_villages);
        SQLite::Statement fill(db, scope.under.empty() ? k_fill_forum : k_fill_under);
        bind_text(fill, 1, scope.forum_uuid);
        if (!scope.under.empty())
            fill.bind(2, scope.under);
        fill.exec();
        db.exec(k_fill_lessons);
    }
    SQLite::Statement forum(db, "INSERT INTO scope_forum SELECT id FROM forum WHERE uuid = ?1");
    forum.bind(1, scope.forum_uuid);
    forum.exec();
    SQLite::Statement meta(db, "INSERT INTO scope_meta VALUES (?1)");
    meta.bind(1, scope.forum_uuid.empty() && scope.under.empty() ? 1 : 0);
    meta.exec();
    return scope;
}

void prepare_village_scope(Log& log, const std::string& village_uuid) {
    auto& db = db_of(log);
    db.exec(k_cache);
    register_spans(db);
    drop_scope_villages(db);
    db.exec(k_create);
    db.exec(k_create_villages);
    SQLite::Statement fill(db, "INSERT INTO scope_village (id, active) "
                               "SELECT id, archived = 0 FROM village WHERE uuid = ?1");
    fill.bind(1, village_uuid);
    fill.exec();
    db.exec(k_fill_lessons);
    db.exec("INSERT INTO scope_meta VALUES (0)");
}

namespace report_sql {
namespace {

// Reads the scope's meetings and visits of the period into scope_period, once.
void note_period(SQLite::Database& db, const core::Period& period) {
    auto first = core::iso(period.from), last = core::iso(period.to);
    SQLite::Statement read(db, "INSERT OR IGNORE INTO scope_period_read VALUES (?1, ?2)");
    read.bind(1, first);
    read.bind(2, last);
    if (read.exec() == 0)
        return;
    SQLite::Statement note(db, k_note_period);
    note.bind(1, first);
    note.bind(2, last);
    note.exec();
}

} // namespace

const char* meeting_in_scope(SQLite::Database& db, const core::Period& period) {
    if (scope_is_everything(db))
        return "1";
    note_period(db, period);
    return k_scope_meeting;
}

const char* visit_in_scope(SQLite::Database& db, const core::Period& period) {
    if (scope_is_everything(db))
        return "1";
    note_period(db, period);
    return k_scope_visit;
}

} // namespace report_sql

long network_size(Log& log) {
    auto& db = db_of(log);
    // For the whole log: every village less the archived ones (counting a table is cheap).
    if (report_sql::scope_is_everything(db))
        return db
            .execAndGet("SELECT (SELECT count(*) FROM village) - "
                        "(SELECT count(*) FROM village WHERE archived = 1)")
            .getInt();
    return db.execAndGet("SELECT count(*) FROM scope_village WHERE active").getInt();
}

bool in_scope(Log& log, const std::string& slug) {
    SQLite::Statement stmt(db_of(log), "SELECT 1 FROM scope_village s JOIN village v "
                                       "ON v.id = s.id WHERE v.slug = ?1");
    stmt.bind(1, slug);
    return stmt.executeStep();
}

} // namespace kades::store
