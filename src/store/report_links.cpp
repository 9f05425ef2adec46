// The groups of villages that worked together within a period, from which the report layer
// weighs the collaboration network's links.

#include "store/log_impl.hpp"
#include "store/report.hpp"
#include "store/report_sql.hpp"
#include "store/sql.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <unordered_map>
#include <utility>

namespace kades::store {
using report_sql::period_statement;
using report_sql::village_ref;

namespace {

// Each query yields (group id, place, village id) rows in any order; the villages of a group
// are kept by place (a visit's host first).

// A meeting's villages: its host and its attendees (a host that also attends is one village).
constexpr const char* k_meeting_groups = R"sql(
SELECT m.id, 0, m.host FROM meeting m
WHERE m.status = 'held' AND m.date BETWEEN ?1 AND ?2 AND {0} AND m.host IS NOT NULL
UNION ALL
SELECT m.id, 0, a.village FROM meeting m JOIN meeting_attendee a ON a.meeting = m.id
WHERE m.status = 'held' AND m.date BETWEEN ?1 AND ?2 AND {0})sql";

// A visit's villages: its host, then its visitors.
constexpr const char* k_visit_groups = R"sql(
SELECT v.id, 0, v.host FROM visit v WHERE v.status = 'held' AND v.date BETWEEN ?1 AND ?2 AND {0}
UNION ALL
SELECT v.id, 1, vv.village FROM visit v JOIN visit_visitor vv ON vv.visit = v.id
WHERE v.status = 'held' AND v.date BETWEEN ?1 AND ?2 AND {0})sql";

// An adoption's villages: the adopter, then the lesson's village.
constexpr const char* k_adoption_groups = R"sql(
SELECT a.id, 0, a.village, l.village FROM adoption a JOIN lesson l ON l.id = a.lesson
WHERE a.date BETWEEN ?1 AND ?2 AND {0})sql";

// Agreements in force at some time within the period (few: read from the agreements first).
constexpr const char* k_agreement_groups = R"sql(
SELECT g.id, 0, av.village FROM agreement g CROSS JOIN agreement_village av
WHERE av.agreement = g.id AND g.signed <= ?2 AND coalesce(g.ended, g.until, '9999-12-31') >= ?1
  AND {0})sql";

constexpr const char* k_village_ref = "SELECT slug, name FROM village WHERE id = ?1";

// Adds a group per id the statement yields, its villages by place (then as they came); a
// fourth column, when there is one, is a village after the third's.
void collect(SQLite::Statement stmt, LinkKind kind, bool distinct, std::vector<LinkGroup>& groups) {
    std::vector<std::vector<std::pair<int, int64_t>>> placed;
    std::unordered_map<int64_t, std::size_t> at;
    while (stmt.executeStep()) {
        auto [it, added] = at.try_emplace(stmt.getColumn(0).getInt64(), placed.size());
        if (added)
            placed.emplace_back();
        auto place = stmt.getColumn(1).getInt();
        for (int column = 2; column < stmt.getColumnCount(); ++column)
            placed[it->second].emplace_back(place + column - 2, stmt.getColumn(column).getInt64());
    }
    for (auto& villages : placed) {
        std::stable_sort(villages.begin(), villages.end(),
                         [](const auto& x, const auto& y) { return x.first < y.first; });
        LinkGroup group{kind, kind == LinkKind::visit, {}};
        for (const auto& [place, id] : villages)
            group.villages.push_back(id);
        if (distinct) {
            std::sort(group.villages.begin(), group.villages.end());
            group.villages.erase(std::unique(group.villages.begin(), group.villages.end()),
                                 group.villages.end());
        }
        groups.push_back(std::move(group));
    }
}

} // namespace

std::vector<LinkGroup> report_link_groups(Log& log, const core::Period& period) {
    auto& db = db_of(log);
    bool all = report_sql::scope_is_everything(db);
    std::vector<LinkGroup> groups;
    auto query = [&](const char* sql, const char* in_scope) {
        return period_statement(log, fmt::format(fmt::runtime(sql), in_scope), period);
    };
    collect(query(k_meeting_groups, report_sql::meeting_in_scope(db, period)), LinkKind::meeting,
            true, groups);
    collect(query(k_visit_groups, report_sql::visit_in_scope(db, period)), LinkKind::visit, false,
            groups);
    collect(query(k_adoption_groups, report_sql::k_adoption_in_scope), LinkKind::adoption, false,
            groups);
    collect(query(k_agreement_groups, report_sql::agreement_in_scope(all)), LinkKind::agreement,
            false, groups);
    return groups;
}

std::vector<core::VillageRef> village_refs(Log& log, const std::vector<int64_t>& ids) {
    SQLite::Statement stmt(db_of(log), k_village_ref);
    std::vector<core::VillageRef> refs;
    refs.reserve(ids.size());
    for (auto id : ids) {
        stmt.bind(1, id);
        refs.push_back(stmt.executeStep() ? village_ref(stmt, 0) : core::VillageRef{});
        stmt.reset();
    }
    return refs;
}

} // namespace kades::store
