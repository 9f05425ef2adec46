// Report queries over meetings and visits of a period.

#include "store/log_impl.hpp"
#include "store/report.hpp"
#include "store/report_sql.hpp"
#include "store/sql.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <optional>
#include <unordered_map>
#include <unordered_set>

namespace kades::store {
using report_sql::period_statement;
using report_sql::village_ref;

namespace {

// The period's meetings; their attendees, and the members of their forums, are read apart
// and counted in report_meetings (rather than by a subquery per attendee: a national month
// has 44,000 attendees).
constexpr const char* k_meetings = R"sql(
SELECT m.id, m.uuid, m.title, m.date, m.status, h.slug, h.name, m.forum
FROM meeting m LEFT JOIN village h ON h.id = m.host
WHERE m.date BETWEEN ?1 AND ?2 AND {}
ORDER BY m.date, m.time, m.title, m.id)sql";

constexpr const char* k_attendees = R"sql(
SELECT a.meeting, a.village FROM meeting m JOIN meeting_attendee a ON a.meeting = m.id
WHERE m.date BETWEEN ?1 AND ?2 AND {})sql";

constexpr const char* k_members = R"sql(
SELECT fm.forum, fm.village FROM forum_member fm
WHERE fm.forum IN (SELECT m.forum FROM meeting m WHERE m.date BETWEEN ?1 AND ?2 AND {}))sql";

// The archived villages (few, from their index), and for a scope its villages.
constexpr const char* k_archived = "SELECT id FROM village WHERE archived = 1";
constexpr const char* k_scope_villages = "SELECT id FROM scope_village";

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

} // namespace

namespace {

std::unordered_set<int64_t> id_set(Log& log, const char* sql) {
    SQLite::Statement stmt(db_of(log), sql);
    std::unordered_set<int64_t> ids;
    while (stmt.executeStep())
        ids.insert(stmt.getColumn(0).getInt64());
    return ids;
}

// (first, second) pairs of the statement's rows, each first's seconds sorted.
std::unordered_map<int64_t, std::vector<int64_t>> grouped(SQLite::Statement stmt) {
    std::unordered_map<int64_t, std::vector<int64_t>> groups;
    while (stmt.executeStep())
        groups[stmt.getColumn(0).getInt64()].push_back(stmt.getColumn(1).getInt64());
    for (auto& [first, seconds] : groups)
        std::sort(seconds.begin(), seconds.end());
    return groups;
}

} // namespace

std::vector<MeetingRow> report_meetings(Log& log, const core::Period& period) {
    auto& db = db_of(log);
    const char* in_scope = report_sql::meeting_in_scope(db, period);
    auto query = [&](const char* sql) {
        return period_statement(log, fmt::format(fmt::runtime(sql), in_scope), period);
    };
    // The villages a held meeting invites by rule: its forum's non-archived members, or
    // without a forum the scope's non-archived villages. Guests are attendees outside them,
    // or archived since.
    auto attendees = grouped(query(k_attendees));
    auto members = grouped(query(k_members));
    auto archived = id_set(log, k_archived);
    bool everything = report_sql::scope_is_everything(db);
    std::unordered_set<int64_t> scope;
    std::optional<long> scope_size; // read when a meeting without a forum needs it
    auto archived_count = [&](const std::vector<int64_t>& ids) {
        return std::count_if(ids.begin(), ids.end(),
                             [&](int64_t id) { return archived.contains(id); });
    };

    auto stmt = query(k_meetings);
    std::vector<MeetingRow> rows;
    std::unordered_map<int64_t, std::size_t> index;
    const std::vector<int64_t> none;
    while (stmt.executeStep()) {
        MeetingRow row;
        auto& m = row.meeting;
        auto id = stmt.getColumn(0).getInt64();
        m.uuid = stmt.getColumn(1).getString();
        m.title = stmt.getColumn(2).getString();
        m.date = date_at(stmt, 3);
        m.status = stmt.getColumn(4).getString();
        m.host = village_ref(stmt, 5);
        auto found = attendees.find(id);
        const auto& came = found == attendees.end() ? none : found->second;
        m.attended = static_cast<long>(came.size());
        if (!stmt.getColumn(7).isNull()) {
            auto forum = members.find(stmt.getColumn(7).getInt64());
            const auto& invited = forum == members.end() ? none : forum->second;
            row.members = static_cast<long>(invited.size() - archived_count(invited));
            row.guests = static_cast<long>(std::count_if(came.begin(), came.end(), [&](int64_t v) {
                return archived.contains(v) ||
                       !std::binary_search(invited.begin(), invited.end(), v);
            }));
        } else {
            if (!scope_size) {
                scope_size = network_size(log);
                if (!everything)
                    scope = id_set(log, k_scope_villages);
            }
            row.members = *scope_size;
            row.guests = static_cast<long>(std::count_if(came.begin(), came.end(), [&](int64_t v) {
                return archived.contains(v) || (!everything && !scope.contains(v));
            }));
        }
        index[id] = rows.size();
        rows.push_back(std::move(row));
    }
    auto decisions = query(k_decisions);
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
