// Report queries over actions, agreements, the villages' activity and the network's links.

#include "store/log_impl.hpp"
#include "store/report.hpp"
#include "store/report_sql.hpp"
#include "store/sql.hpp"

#include <fmt/format.h>

namespace kades::store {
using report_sql::village_ref;

namespace {

// One row per act of a village within ?1..?2: a held meeting attended or hosted, a held visit
// hosted or made, a lesson shared, an adoption.
constexpr const char* k_acts = R"sql(
WITH act(village) AS (
  SELECT a.village FROM meeting m JOIN meeting_attendee a ON a.meeting = m.id
  WHERE m.status = 'held' AND m.date BETWEEN ?1 AND ?2
  UNION ALL SELECT m.host FROM meeting m
  WHERE m.status = 'held' AND m.date BETWEEN ?1 AND ?2 AND m.host IS NOT NULL
  UNION ALL SELECT v.host FROM visit v WHERE v.status = 'held' AND v.date BETWEEN ?1 AND ?2
  UNION ALL SELECT vv.village FROM visit v JOIN visit_visitor vv ON vv.visit = v.id
  WHERE v.status = 'held' AND v.date BETWEEN ?1 AND ?2
  UNION ALL SELECT l.village FROM lesson l WHERE l.date BETWEEN ?1 AND ?2
  UNION ALL SELECT a.village FROM adoption a WHERE a.date BETWEEN ?1 AND ?2)
)sql";

constexpr const char* k_activity = R"sql(
SELECT x.slug, x.name, count(*) AS n FROM act JOIN scope_village s ON s.id = act.village
JOIN village x ON x.id = act.village
GROUP BY act.village ORDER BY n DESC, x.name, x.slug LIMIT ?3)sql";

constexpr const char* k_quiet = R"sql(
SELECT x.slug, x.name FROM scope_village s JOIN village x ON x.id = s.id
WHERE s.active AND s.id NOT IN (SELECT village FROM act WHERE village IS NOT NULL)
ORDER BY x.name, x.slug)sql";

constexpr const char* k_action_counts = R"sql(
SELECT coalesce(sum(a.status = 'open'), 0),
       coalesce(sum(a.status = 'open' AND a.due < ?3), 0),
       coalesce(sum(a.status = 'done' AND a.done_on BETWEEN ?1 AND ?2), 0)
FROM action a
WHERE (EXISTS (SELECT 1 FROM scope_meta WHERE everything = 1)
       OR a.owner IN (SELECT id FROM scope_village)))sql";

constexpr const char* k_overdue = R"sql(
SELECT a.uuid, a.text, v.slug, v.name, a.due FROM action a JOIN village v ON v.id = a.owner
WHERE a.status = 'open' AND a.due < ?1
  AND (EXISTS (SELECT 1 FROM scope_meta WHERE everything = 1)
       OR a.owner IN (SELECT id FROM scope_village))
ORDER BY a.due, v.name LIMIT ?2)sql";

constexpr const char* k_agreements = R"sql(
SELECT g.id, g.uuid, g.title, g.signed, coalesce(g.ended, g.until), g.funding FROM agreement g
WHERE {} BETWEEN ?1 AND ?2 AND {} ORDER BY {}, g.title)sql";

constexpr const char* k_agreements_in_force = R"sql(
SELECT g.id, g.uuid, g.title, g.signed, coalesce(g.ended, g.until), g.funding FROM agreement g
WHERE g.signed <= ?2 AND coalesce(g.ended, g.until, '9999-12-31') >= ?1 AND {}
ORDER BY g.signed, g.title)sql";

constexpr const char* k_agreement_villages = R"sql(
SELECT v.slug, v.name FROM agreement_village g JOIN village v ON v.id = g.village
WHERE g.agreement = ?1 ORDER BY v.name)sql";

constexpr const char* k_agreement_partners = R"sql(
SELECT p.name FROM agreement_partner g JOIN partner p ON p.id = g.partner
WHERE g.agreement = ?1 ORDER BY p.name)sql";

SQLite::Statement period_statement(Log& log, const std::string& sql, const core::Period& p) {
    SQLite::Statement stmt(db_of(log), sql);
    stmt.bind(1, core::iso(p.from));
    stmt.bind(2, core::iso(p.to));
    return stmt;
}

void fill_parties(Log& log, int64_t id, core::ReportAgreement& g) {
    SQLite::Statement villages(db_of(log), k_agreement_villages);
    villages.bind(1, id);
    while (villages.executeStep())
        g.villages.push_back(village_ref(villages, 0));
    SQLite::Statement partners(db_of(log), k_agreement_partners);
    partners.bind(1, id);
    while (partners.executeStep())
        g.partners.push_back(partners.getColumn(0).getString());
}

} // namespace

ActionCounts report_action_counts(Log& log, const core::Period& period, core::Date today) {
    auto stmt = period_statement(log, k_action_counts, period);
    stmt.bind(3, core::iso(today));
    stmt.executeStep();
    return {stmt.getColumn(0).getInt(), stmt.getColumn(1).getInt(), stmt.getColumn(2).getInt()};
}

std::vector<core::ReportAction> report_overdue(Log& log, core::Date today, long limit) {
    SQLite::Statement stmt(db_of(log), k_overdue);
    stmt.bind(1, core::iso(today));
    stmt.bind(2, static_cast<int64_t>(limit));
    std::vector<core::ReportAction> actions;
    while (stmt.executeStep())
        actions.push_back({stmt.getColumn(0).getString(), stmt.getColumn(1).getString(),
                           village_ref(stmt, 2), date_of(stmt.getColumn(4))});
    return actions;
}

namespace {

std::vector<core::ReportAgreement> read_agreements(Log& log, SQLite::Statement& stmt) {
    std::vector<core::ReportAgreement> agreements;
    while (stmt.executeStep()) {
        core::ReportAgreement g;
        g.uuid = stmt.getColumn(1).getString();
        g.title = stmt.getColumn(2).getString();
        g.signed_on = date_of(stmt.getColumn(3)).value_or(core::Date{});
        g.until = date_of(stmt.getColumn(4));
        if (!stmt.getColumn(5).isNull())
            g.funding = stmt.getColumn(5).getInt64();
        fill_parties(log, stmt.getColumn(0).getInt64(), g);
        agreements.push_back(std::move(g));
    }
    return agreements;
}

} // namespace

std::vector<core::ReportAgreement> report_agreements(Log& log, const core::Period& period,
                                                     bool ending) {
    const char* column = ending ? "coalesce(g.ended, g.until)" : "g.signed";
    auto stmt = period_statement(
        log, fmt::format(k_agreements, column, report_sql::k_agreement_in_scope, column), period);
    return read_agreements(log, stmt);
}

std::vector<core::ReportAgreement> report_agreements_in_force(Log& log,
                                                              const core::Period& period) {
    auto stmt = period_statement(
        log, fmt::format(k_agreements_in_force, report_sql::k_agreement_in_scope), period);
    return read_agreements(log, stmt);
}

std::vector<core::VillageActivity> report_activity(Log& log, const core::Period& period,
                                                   long limit) {
    auto stmt = period_statement(log, std::string(k_acts) + k_activity, period);
    stmt.bind(3, static_cast<int64_t>(limit));
    std::vector<core::VillageActivity> rows;
    while (stmt.executeStep())
        rows.push_back({village_ref(stmt, 0), stmt.getColumn(2).getInt()});
    return rows;
}

std::vector<core::VillageRef> report_quiet(Log& log, const core::Period& period) {
    auto stmt = period_statement(log, std::string(k_acts) + k_quiet, period);
    std::vector<core::VillageRef> rows;
    while (stmt.executeStep())
        rows.push_back(village_ref(stmt, 0));
    return rows;
}

} // namespace kades::store
