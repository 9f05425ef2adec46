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

// Each query yields (group id, order, slug, name) sorted by group: a new id starts a group.
constexpr const char* k_meeting_groups = R"sql(
SELECT m.id, 0, x.slug, x.name FROM meeting m JOIN meeting_attendee a ON a.meeting = m.id
JOIN village x ON x.id = a.village
WHERE m.status = 'held' AND m.date BETWEEN ?1 AND ?2 AND {0}
UNION
SELECT m.id, 0, x.slug, x.name FROM meeting m JOIN village x ON x.id = m.host
WHERE m.status = 'held' AND m.date BETWEEN ?1 AND ?2 AND {0}
ORDER BY 1, 3)sql";

constexpr const char* k_visit_groups = R"sql(
SELECT v.id, 0, x.slug, x.name FROM visit v JOIN village x ON x.id = v.host
WHERE v.status = 'held' AND v.date BETWEEN ?1 AND ?2 AND {0}
UNION ALL
SELECT v.id, 1, x.slug, x.name FROM visit v JOIN visit_visitor vv ON vv.visit = v.id
JOIN village x ON x.id = vv.village
WHERE v.status = 'held' AND v.date BETWEEN ?1 AND ?2 AND {0}
ORDER BY 1, 2, 3)sql";

constexpr const char* k_adoption_groups = R"sql(
SELECT a.id, 0, av.slug, av.name FROM adoption a JOIN lesson l ON l.id = a.lesson
JOIN village av ON av.id = a.village WHERE a.date BETWEEN ?1 AND ?2 AND {0}
UNION ALL
SELECT a.id, 1, lv.slug, lv.name FROM adoption a JOIN lesson l ON l.id = a.lesson
JOIN village lv ON lv.id = l.village WHERE a.date BETWEEN ?1 AND ?2 AND {0}
ORDER BY 1, 2)sql";

// Agreements in force at some time within the period.
constexpr const char* k_agreement_groups = R"sql(
SELECT g.id, 0, x.slug, x.name FROM agreement g JOIN agreement_village av ON av.agreement = g.id
JOIN village x ON x.id = av.village
WHERE g.signed <= ?2 AND coalesce(g.ended, g.until, '9999-12-31') >= ?1 AND {0}
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
    std::vector<LinkGroup> groups;
    collect(log, fmt::format(k_meeting_groups, report_sql::k_meeting_in_scope), period,
            LinkKind::meeting, groups);
    collect(log, fmt::format(k_visit_groups, report_sql::k_visit_in_scope), period, LinkKind::visit,
            groups);
    collect(log, fmt::format(k_adoption_groups, report_sql::k_adoption_in_scope), period,
            LinkKind::adoption, groups);
    collect(log, fmt::format(k_agreement_groups, report_sql::k_agreement_in_scope), period,
            LinkKind::agreement, groups);
    return groups;
}

} // namespace kades::store
