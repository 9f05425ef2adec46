#pragma once
// Store-internal: the scope conditions the report queries share (see report_scope.cpp).
//
// For the whole log a query reads the period's records (through the date indexes) and needs
// no condition. For a scope (a forum, a region, a village) it starts from the scope's
// villages instead, through the indexes on the villages of meetings, visits, lessons,
// adoptions and agreements, so that a report on a kabupaten reads the records of its villages
// (Cilacap has 284) rather than every record of the country's month.
//
// Attendees and visitors carry no date: their meetings and visits of a period are found among
// the ids between the least and the greatest id of the table's records dated within it,
// kades_span(table, ?1, ?2, 0 or 1), an SQL function of the report's connection
// (report_scope.cpp) that reads them once per command. A log fills roughly in date order, so
// that span is narrow. Every query using these conditions binds the period to ?1 and ?2 and
// keeps its own date condition: the span narrows what the indexes read, never what the query
// returns.

#include "core/date.hpp"
#include "core/record.hpp"
#include "store/log_impl.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

#include <string>

namespace kades::store::report_sql {

// The column, an id of the table's records, within the ids of the period's records.
#define KADES_IN_SPAN(column, table)                                                               \
    column " BETWEEN kades_span('" table "', ?1, ?2, 0) AND kades_span('" table "', ?1, ?2, 1)"

// For a scope: the meeting m is one of the scope's meetings of the period (its forum's, or
// hosted or attended by a village of the scope), the visit v one of its visits (hosted or made
// by one). Their ids are read once per period and command into the TEMP table scope_period.
constexpr const char* k_scope_meeting =
    "m.id IN (SELECT id FROM scope_period WHERE kind = 'meeting' AND first = ?1 AND last = ?2)";
constexpr const char* k_scope_visit =
    "v.id IN (SELECT id FROM scope_period WHERE kind = 'visit' AND first = ?1 AND last = ?2)";

// The agreement g: one of its villages.
constexpr const char* k_scope_agreement =
    "g.id IN (SELECT x.agreement FROM scope_village s CROSS JOIN agreement_village x"
    " WHERE x.village = s.id)";

// Meetings and visits of the period (bound to ?1 and ?2): nothing for the whole log, else the
// condition above, the period's ids read first when they are not yet (report_scope.cpp).
const char* meeting_in_scope(SQLite::Database& db, const core::Period& period);
const char* visit_in_scope(SQLite::Database& db, const core::Period& period);
// Agreements: nothing for the whole log, else the condition above.
inline const char* agreement_in_scope(bool everything) {
    return everything ? "1" : k_scope_agreement;
}

// Whether the scope prepared for this command is the whole log.
inline bool scope_is_everything(SQLite::Database& db) {
    return db.execAndGet("SELECT everything FROM scope_meta").getInt() == 1;
}

// Lessons: nothing for the whole log, else the scope's lessons of the period, from the index
// on their villages and dates (a kabupaten's score rather than the country's 6,300 of a
// month, or all the lessons of the log for an all-time report). A condition true for the
// whole log through an EXISTS would keep SQLite from starting from the scope.
inline const char* lesson_in_scope(SQLite::Database& db) {
    return scope_is_everything(db) ? "1"
                                   : "l.id IN (SELECT y.id FROM scope_village s CROSS JOIN lesson y"
                                     " WHERE y.village = s.id AND y.date BETWEEN ?1 AND ?2)";
}
// Adoptions, one condition for both cases: an adoption a (of lesson l) is the scope's when the
// adopter or the lesson's village is (scope_lesson holds the lessons of the scope's villages,
// of any date). Kept true for the whole log through the EXISTS on purpose: SQLite then starts
// from the adoptions of the period (a month's 2,400) rather than from every adoption of the
// scope's villages and lessons, of all time.
constexpr const char* k_adoption_in_scope =
    "(EXISTS (SELECT 1 FROM scope_meta WHERE everything = 1)"
    " OR a.village IN (SELECT id FROM scope_village)"
    " OR a.lesson IN (SELECT id FROM scope_lesson))";

// A report query with the period bound to ?1 and ?2 (dates as text).
inline SQLite::Statement period_statement(Log& log, const std::string& sql,
                                          const core::Period& period) {
    SQLite::Statement stmt(db_of(log), sql);
    stmt.bind(1, core::iso(period.from));
    stmt.bind(2, core::iso(period.to));
    return stmt;
}

inline core::VillageRef village_ref(SQLite::Statement& stmt, int slug_column) {
    if (stmt.getColumn(slug_column).isNull())
        return {};
    return {stmt.getColumn(slug_column).getString(), stmt.getColumn(slug_column + 1).getString()};
}

} // namespace kades::store::report_sql
