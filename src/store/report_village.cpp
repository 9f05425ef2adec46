// `report village`: what one village did within a period.

#include "store/log_impl.hpp"
#include "store/report.hpp"

namespace kades::store {

namespace {

// ?1 village uuid, ?2 .. ?3 the period.
constexpr const char* k_counts = R"sql(
SELECT
  (SELECT count(*) FROM meeting m WHERE m.host = v.id AND m.status = 'held'
   AND m.date BETWEEN ?2 AND ?3),
  (SELECT count(*) FROM meeting_attendee a JOIN meeting m ON m.id = a.meeting
   WHERE a.village = v.id AND m.status = 'held' AND m.date BETWEEN ?2 AND ?3),
  (SELECT count(*) FROM visit t WHERE t.host = v.id AND t.status = 'held'
   AND t.date BETWEEN ?2 AND ?3),
  (SELECT count(*) FROM visit_visitor g JOIN visit t ON t.id = g.visit
   WHERE g.village = v.id AND t.status = 'held' AND t.date BETWEEN ?2 AND ?3),
  (SELECT coalesce(sum(t.workers), 0) FROM visit_visitor g JOIN visit t ON t.id = g.visit
   WHERE g.village = v.id AND t.status = 'held' AND t.date BETWEEN ?2 AND ?3),
  (SELECT coalesce(sum(t.workers), 0) FROM visit t WHERE t.host = v.id AND t.status = 'held'
   AND t.date BETWEEN ?2 AND ?3),
  (SELECT count(*) FROM lesson l WHERE l.village = v.id AND l.date BETWEEN ?2 AND ?3),
  (SELECT count(*) FROM adoption d JOIN lesson l ON l.id = d.lesson
   WHERE d.village = v.id AND l.village <> v.id AND d.date BETWEEN ?2 AND ?3),
  (SELECT count(*) FROM adoption d JOIN lesson l ON l.id = d.lesson
   WHERE l.village = v.id AND d.village <> v.id AND d.date BETWEEN ?2 AND ?3),
  (SELECT count(*) FROM agreement_village g JOIN agreement a ON a.id = g.agreement
   WHERE g.village = v.id AND a.signed <= ?3
     AND coalesce(a.ended, a.until, '9999-12-31') >= ?2),
  (SELECT count(DISTINCT p.partner) FROM agreement_village g
   JOIN agreement a ON a.id = g.agreement JOIN agreement_partner p ON p.agreement = a.id
   WHERE g.village = v.id AND a.signed <= ?3
     AND coalesce(a.ended, a.until, '9999-12-31') >= ?2),
  (SELECT coalesce(sum(a.funding), 0) FROM agreement_village g
   JOIN agreement a ON a.id = g.agreement
   WHERE g.village = v.id AND a.signed <= ?3
     AND coalesce(a.ended, a.until, '9999-12-31') >= ?2)
FROM village v WHERE v.uuid = ?1)sql";

constexpr const char* k_partners = R"sql(
SELECT DISTINCT p.name FROM village v JOIN agreement_village g ON g.village = v.id
JOIN agreement a ON a.id = g.agreement JOIN agreement_partner ap ON ap.agreement = a.id
JOIN partner p ON p.id = ap.partner
WHERE v.uuid = ?1 AND a.signed <= ?3 AND coalesce(a.ended, a.until, '9999-12-31') >= ?2
ORDER BY p.name)sql";

SQLite::Statement statement(Log& log, const char* sql, const std::string& uuid,
                            const core::Period& period) {
    SQLite::Statement stmt(db_of(log), sql);
    stmt.bind(1, uuid);
    stmt.bind(2, core::iso(period.from));
    stmt.bind(3, core::iso(period.to));
    return stmt;
}

} // namespace

core::VillagePeriodCounts report_village_counts(Log& log, const std::string& village_uuid,
                                                const core::Period& period) {
    auto stmt = statement(log, k_counts, village_uuid, period);
    core::VillagePeriodCounts c;
    if (!stmt.executeStep())
        return c;
    auto n = [&stmt](int i) { return static_cast<long>(stmt.getColumn(i).getInt64()); };
    c.meetings_hosted = n(0);
    c.meetings_attended = n(1);
    c.visits_hosted = n(2);
    c.visits_made = n(3);
    c.workers_sent = n(4);
    c.workers_received = n(5);
    c.lessons_shared = n(6);
    c.lessons_adopted = n(7);
    c.adopted_by_others = n(8);
    c.agreements = n(9);
    c.partners = n(10);
    c.funding = stmt.getColumn(11).getInt64();
    return c;
}

std::vector<std::string> report_village_partners(Log& log, const std::string& village_uuid,
                                                 const core::Period& period) {
    auto stmt = statement(log, k_partners, village_uuid, period);
    std::vector<std::string> names;
    while (stmt.executeStep())
        names.push_back(stmt.getColumn(0).getString());
    return names;
}

} // namespace kades::store
