// The groups of villages that worked together within a period, from which the report layer
// weighs the collaboration network's links.

#include "store/log_impl.hpp"
#include "store/report.hpp"
#include "store/report_sql.hpp"
#include "store/sql.hpp"

#include <fmt/format.h>

namespace kades::store {
using report_sql::village_ref;

namespace {

// Each query yields (group id, order, slug, name) sorted by group (the order of the groups
// themselves does not matter): a new id starts a group.

// A meeting's villages, each once: its host and its attendees.
constexpr const char* k_meeting_groups = R"sql(
SELECT m.id, 0, x.slug, x.name FROM meeting m JOIN village x
  ON x.id = m.host OR x.id IN (SELECT a.village FROM meeting_attendee a WHERE a.meeting = m.id)
WHERE m.status = 'held' AND m.date BETWEEN ?1 AND ?2 AND {0}
ORDER BY m.date, m.id, x.slug)sql";

// A visit's villages: its host, then its visitors. The visits are chosen once for both.
constexpr const char* k_visit_groups = R"sql(
WITH chosen AS MATERIALIZED (
  SELECT v.id, v.host FROM visit v
  WHERE v.status = 'held' AND v.date BETWEEN ?1 AND ?2 AND {0})
SELECT c.id, 0, x.slug, x.name FROM chosen c JOIN village x ON x.id = c.host
UNION ALL
SELECT c.id, 1, x.slug, x.name FROM chosen c JOIN visit_visitor vv ON vv.visit = c.id
JOIN village x ON x.id = vv.village
ORDER BY 1, 2, 3)sql";

// An adoption's villages: the adopter, then the lesson's village.
constexpr const char* k_adoption_groups = R"sql(
WITH chosen AS MATERIALIZED (
  SELECT a.id, a.village, a.lesson FROM adoption a WHERE a.date BETWEEN ?1 AND ?2 AND {0})
SELECT c.id, 0, av.slug, av.name FROM chosen c JOIN village av ON av.id = c.village
UNION ALL
SELECT c.id, 1, lv.slug, lv.name FROM chosen c JOIN lesson l ON l.id = c.lesson
JOIN village lv ON lv.id = l.village
ORDER BY 1, 2)sql";

// Agreements in force at some time within the period (few: read from the agreements first).
constexpr const char* k_agreement_groups = R"sql(
SELECT g.id, 0, x.slug, x.name FROM agreement g CROSS JOIN agreement_village av
JOIN village x ON x.id = av.village
WHERE av.agreement = g.id AND g.signed <= ?2 AND coalesce(g.ended, g.until, '9999-12-31') >= ?1
  AND {0}
ORDER BY 1, 3)sql";

void collect(Log& log, const std::string& sql, const core::Period& period, LinkKind kind,
             std::vector<LinkGroup>& groups) {
    SQLite::Statement stmt(db_of(log), sql);
    stmt.bind(1, core::iso(period.from));
    stmt.bind(2, core::iso(period.to));
    int64_t current = -1;
    while (stmt.executeStep()) {
        auto id = stmt.getColumn(0).getInt64();
        if (id != current || groups.empty()) {
            groups.push_back({kind, kind == LinkKind::visit, {}});
            current = id;
        }
        groups.back().villages.push_back(village_ref(stmt, 2));
    }
}

} // namespace

std::vector<LinkGroup> report_link_groups(Log& log, const core::Period& period) {
    auto& db = db_of(log);
    bool all = report_sql::scope_is_everything(db);
    std::vector<LinkGroup> groups;
    collect(log, fmt::format(k_meeting_groups, report_sql::meeting_in_scope(db, period)), period,
            LinkKind::meeting, groups);
    collect(log, fmt::format(k_visit_groups, report_sql::visit_in_scope(db, period)), period,
            LinkKind::visit, groups);
    collect(log, fmt::format(k_adoption_groups, report_sql::k_adoption_in_scope), period,
            LinkKind::adoption, groups);
    collect(log, fmt::format(k_agreement_groups, report_sql::agreement_in_scope(all)), period,
            LinkKind::agreement, groups);
    return groups;
}

} // namespace kades::store
