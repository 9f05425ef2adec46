// Report queries over meetings and visits of a period.

#include "store/log_impl.hpp"
#include "store/report.hpp"
#include "store/report_sql.hpp"
#include "store/sql.hpp"

#include <fmt/format.h>

#include <unordered_map>

namespace kades::store {
using report_sql::village_ref;

namespace {

// The villages a meeting invites by rule: its forum's non-archived members, or without a
// forum the scope's non-archived villages. Guests are attendees outside them. The archived
// villages (few, from their index) are read once rather than every attendee's village.
constexpr const char* k_meetings = R"sql(
SELECT m.id, m.uuid, m.title, m.date, m.status, h.slug, h.name,
  (SELECT count(*) FROM meeting_attendee a WHERE a.meeting = m.id),
  CASE WHEN m.forum IS NULL THEN (SELECT count(*) FROM scope_village WHERE active)
       ELSE (SELECT count(*) FROM forum_member fm WHERE fm.forum = m.forum)
          - (SELECT count(*) FROM village x CROSS JOIN forum_member fm
             WHERE x.archived = 1 AND fm.forum = m.forum AND fm.village = x.id) END,
  (SELECT count(*) FROM meeting_attendee a
   WHERE a.meeting = m.id AND (a.village IN (SELECT id FROM village WHERE archived = 1)
     OR (m.forum IS NULL AND a.village NOT IN (SELECT id FROM scope_village))
     OR (m.forum IS NOT NULL AND NOT EXISTS (SELECT 1 FROM forum_member fm
                                             WHERE fm.forum = m.forum AND fm.village = a.village))))
FROM meeting m LEFT JOIN village h ON h.id = m.host
WHERE m.date BETWEEN ?1 AND ?2 AND {}
ORDER BY m.date, m.time, m.title, m.id)sql";

// The decisions, visitors and programs of the meetings and visits above, each in its order
// (meetings and visits in the order of their date index, which needs no sorting).
constexpr const char* k_decisions = R"sql(
SELECT d.meeting, d.text FROM meeting m JOIN meeting_decision d ON d.meeting = m.id
WHERE m.date BETWEEN ?1 AND ?2 AND {} ORDER BY m.date, m.id, d.position)sql";

constexpr const char* k_visits = R"sql(
SELECT v.id, v.uuid, v.date, v.until, v.kind, h.slug, h.name, v.workers, v.purpose, v.skill
FROM visit v JOIN village h ON h.id = v.host
WHERE v.status = 'held' AND v.date BETWEEN ?1 AND ?2 AND {}
ORDER BY v.date, v.id)sql";

constexpr const char* k_visitors = R"sql(
SELECT vv.visit, x.slug, x.name FROM visit v JOIN visit_visitor vv ON vv.visit = v.id
JOIN village x ON x.id = vv.village
WHERE v.status = 'held' AND v.date BETWEEN ?1 AND ?2 AND {} ORDER BY v.date, v.id, x.name)sql";

constexpr const char* k_programs = R"sql(
SELECT p.visit, p.name FROM visit v JOIN visit_program p ON p.visit = v.id
WHERE v.status = 'held' AND v.date BETWEEN ?1 AND ?2 AND {}
ORDER BY v.date, v.id, p.position)sql";

constexpr const char* k_planned = R"sql(
SELECT m.date, 'meeting', m.title, h.slug, h.name FROM meeting m LEFT JOIN village h ON h.id = m.host
WHERE m.status = 'planned' AND m.date BETWEEN ?1 AND ?2 AND {}
UNION ALL
SELECT v.date, 'visit', coalesce(v.purpose, ''), h.slug, h.name FROM visit v
JOIN village h ON h.id = v.host
WHERE v.status = 'planned' AND v.date BETWEEN ?1 AND ?2 AND {}
ORDER BY 1, 2, 3)sql";

core::Date date_at(SQLite::Statement& stmt, int column) {
    return date_of(stmt.getColumn(column)).value_or(core::Date{});
}

SQLite::Statement period_statement(Log& log, const std::string& sql, const core::Period& p) {
    SQLite::Statement stmt(db_of(log), sql);
    stmt.bind(1, core::iso(p.from));
    stmt.bind(2, core::iso(p.to));
    return stmt;
}

} // namespace

std::vector<MeetingRow> report_meetings(Log& log, const core::Period& period) {
    const char* in_scope = report_sql::meeting_in_scope(db_of(log), period);
    auto stmt = period_statement(log, fmt::format(k_meetings, in_scope), period);
    std::vector<MeetingRow> rows;
    std::unordered_map<int64_t, std::size_t> index;
    while (stmt.executeStep()) {
        MeetingRow row;
        auto& m = row.meeting;
        m.uuid = stmt.getColumn(1).getString();
        m.title = stmt.getColumn(2).getString();
        m.date = date_at(stmt, 3);
        m.status = stmt.getColumn(4).getString();
        m.host = village_ref(stmt, 5);
        m.attended = stmt.getColumn(7).getInt();
        row.members = stmt.getColumn(8).getInt();
        row.guests = stmt.getColumn(9).getInt();
        index[stmt.getColumn(0).getInt64()] = rows.size();
        rows.push_back(std::move(row));
    }
    auto decisions = period_statement(log, fmt::format(k_decisions, in_scope), period);
    while (decisions.executeStep())
        if (auto it = index.find(decisions.getColumn(0).getInt64()); it != index.end())
            rows[it->second].meeting.decisions.push_back(decisions.getColumn(1).getString());
    return rows;
}

std::vector<core::ReportVisit> report_visits(Log& log, const core::Period& period) {
    const char* in_scope = report_sql::visit_in_scope(db_of(log), period);
    auto stmt = period_statement(log, fmt::format(k_visits, in_scope), period);
    std::vector<core::ReportVisit> visits;
    std::unordered_map<int64_t, std::size_t> index;
    while (stmt.executeStep()) {
        core::ReportVisit v;
        v.uuid = stmt.getColumn(1).getString();
        v.date = date_at(stmt, 2);
        v.until = date_of(stmt.getColumn(3));
        v.kind = stmt.getColumn(4).getString();
        v.host = village_ref(stmt, 5);
        v.workers = stmt.getColumn(7).isNull() ? 0 : stmt.getColumn(7).getInt();
        v.purpose = text_of(stmt.getColumn(8));
        v.skill = text_of(stmt.getColumn(9));
        index[stmt.getColumn(0).getInt64()] = visits.size();
        visits.push_back(std::move(v));
    }
    auto visitors = period_statement(log, fmt::format(k_visitors, in_scope), period);
    while (visitors.executeStep())
        if (auto it = index.find(visitors.getColumn(0).getInt64()); it != index.end())
            visits[it->second].visitors.push_back(village_ref(visitors, 1));
    auto programs = period_statement(log, fmt::format(k_programs, in_scope), period);
    while (programs.executeStep())
        if (auto it = index.find(programs.getColumn(0).getInt64()); it != index.end())
            visits[it->second].programs.push_back(programs.getColumn(1).getString());
    return visits;
}

std::vector<core::PlannedItem> report_planned(Log& log, const core::Period& period) {
    auto& db = db_of(log);
    auto stmt = period_statement(log,
                                 fmt::format(k_planned, report_sql::meeting_in_scope(db, period),
                                             report_sql::visit_in_scope(db, period)),
                                 period);
    std::vector<core::PlannedItem> items;
    while (stmt.executeStep())
        items.push_back({date_at(stmt, 0), stmt.getColumn(1).getString(),
                         stmt.getColumn(2).getString(), village_ref(stmt, 3)});
    return items;
}

} // namespace kades::store
