// Report queries over actions, agreements, the villages' activity and the network's links.

#include "store/log_impl.hpp"
#include "store/report.hpp"
#include "store/report_sql.hpp"
#include "store/sql.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <functional>
#include <tuple>
#include <utility>
#include <vector>

namespace kades::store {
using report_sql::period_statement;
using report_sql::village_ref;

namespace {

// One row per act of a village within ?1..?2: a held meeting attended or hosted, a held
// visit hosted or made, a lesson shared, an adoption. For the whole log: the acts of the
// period, the village of each, a statement a kind (one compound SELECT was a fifth slower).
constexpr std::array k_acts{
    "SELECT a.village FROM meeting m JOIN meeting_attendee a ON a.meeting = m.id "
    "WHERE m.status = 'held' AND m.date BETWEEN ?1 AND ?2",
    "SELECT m.host FROM meeting m "
    "WHERE m.status = 'held' AND m.date BETWEEN ?1 AND ?2 AND m.host IS NOT NULL",
    "SELECT v.host FROM visit v WHERE v.status = 'held' AND v.date BETWEEN ?1 AND ?2",
    "SELECT vv.village FROM visit v JOIN visit_visitor vv ON vv.visit = v.id "
    "WHERE v.status = 'held' AND v.date BETWEEN ?1 AND ?2",
    "SELECT l.village FROM lesson l WHERE l.date BETWEEN ?1 AND ?2",
    "SELECT a.village FROM adoption a WHERE a.date BETWEEN ?1 AND ?2",
};

// The same acts of the scope's villages only, found from each village through the indexes on
// the villages of meetings and visits (within the period's ids) and of lessons and adoptions
// (with their dates).
constexpr const char* k_scope_acts =
    R"sql(
WITH act(village) AS (
  SELECT s.id FROM scope_village s CROSS JOIN meeting_attendee a CROSS JOIN meeting m
  WHERE a.village = s.id AND )sql" KADES_IN_SPAN("a.meeting", "meeting") R"sql(
    AND m.id = a.meeting AND m.status = 'held' AND m.date BETWEEN ?1 AND ?2
  UNION ALL SELECT s.id FROM scope_village s CROSS JOIN meeting m
  WHERE m.host = s.id AND )sql" KADES_IN_SPAN("m.id", "meeting") R"sql(
    AND m.status = 'held' AND m.date BETWEEN ?1 AND ?2
  UNION ALL SELECT s.id FROM scope_village s CROSS JOIN visit v
  WHERE v.host = s.id AND )sql" KADES_IN_SPAN("v.id", "visit") R"sql(
    AND v.status = 'held' AND v.date BETWEEN ?1 AND ?2
  UNION ALL SELECT s.id FROM scope_village s CROSS JOIN visit_visitor vv CROSS JOIN visit v
  WHERE vv.village = s.id AND )sql" KADES_IN_SPAN("vv.visit", "visit") R"sql(
    AND v.id = vv.visit AND v.status = 'held' AND v.date BETWEEN ?1 AND ?2
  UNION ALL SELECT s.id FROM scope_village s CROSS JOIN lesson l
  WHERE l.village = s.id AND l.date BETWEEN ?1 AND ?2
  UNION ALL SELECT s.id FROM scope_village s CROSS JOIN adoption a
  WHERE a.village = s.id AND a.date BETWEEN ?1 AND ?2)
)sql";

// The most active villages of the scope (its acts only).
constexpr const char* k_activity = R"sql(
SELECT x.slug, x.name, count(*) AS n FROM act JOIN village x ON x.id = act.village
GROUP BY act.village ORDER BY n DESC, x.name, x.slug LIMIT ?3)sql";

// For the whole log every act's village is in the scope: the acts are counted per village
// here (some 60,000 a month, 200,000 in 90 days) rather than grouped by SQLite, and only the
// villages that are listed are named.
constexpr const char* k_villages_by_name =
    "SELECT id, slug, name FROM village INDEXED BY village_by_name WHERE archived = 0 "
    "ORDER BY name, slug";

// For a scope (CROSS JOIN: from the scope's few villages, then sorted, rather than walking
// every village by name through migration 7's index): each village is asked for one act of each
// kind, the latest first (a village that met this month is done after one meeting), rather than for
// all its acts, and among the period's ids only (lessons and adoptions by their date).
constexpr const char* k_scope_quiet = R"sql(
SELECT x.slug, x.name FROM scope_village s CROSS JOIN village x ON x.id = s.id
WHERE s.active
  AND (SELECT a.meeting FROM meeting_attendee a CROSS JOIN meeting m
       WHERE a.village = s.id AND )sql" KADES_IN_SPAN("a.meeting", "meeting") R"sql(
         AND m.id = a.meeting AND m.status = 'held' AND m.date BETWEEN ?1 AND ?2
       ORDER BY a.meeting DESC LIMIT 1) IS NULL
  AND (SELECT m.id FROM meeting m
       WHERE m.host = s.id AND )sql" KADES_IN_SPAN("m.id", "meeting") R"sql(
         AND m.status = 'held' AND m.date BETWEEN ?1 AND ?2 ORDER BY m.id DESC LIMIT 1) IS NULL
  AND NOT EXISTS (SELECT 1 FROM lesson l WHERE l.village = s.id AND l.date BETWEEN ?1 AND ?2)
  AND NOT EXISTS (SELECT 1 FROM adoption a WHERE a.village = s.id AND a.date BETWEEN ?1 AND ?2)
  AND (SELECT v.id FROM visit v WHERE v.host = s.id AND )sql" KADES_IN_SPAN("v.id", "visit") R"sql(
         AND v.status = 'held' AND v.date BETWEEN ?1 AND ?2 ORDER BY v.id DESC LIMIT 1) IS NULL
  AND (SELECT vv.visit FROM visit_visitor vv CROSS JOIN visit v
       WHERE vv.village = s.id AND )sql" KADES_IN_SPAN("vv.visit", "visit") R"sql(
         AND v.id = vv.visit AND v.status = 'held' AND v.date BETWEEN ?1 AND ?2
       ORDER BY vv.visit DESC LIMIT 1) IS NULL
ORDER BY x.name, x.slug)sql";

// Open and overdue as of ?3, done within ?1 .. ?2: for the whole log from the indexes on the
// actions' status; for a scope from each village's actions (an index holds them all).
// The overdue are counted as the open ones less those not due yet (no date, or from ?3 on):
// each count reads a range of the index on (status, due), and most of a large log's open
// actions are past due (200,000 nationally) while few are still to come.
constexpr const char* k_action_counts_all = R"sql(
SELECT (SELECT count(*) FROM action WHERE status = 'open'),
       (SELECT count(*) FROM action WHERE status = 'open')
       - (SELECT count(*) FROM action WHERE status = 'open' AND due IS NULL)
       - (SELECT count(*) FROM action WHERE status = 'open' AND due >= ?3),
       (SELECT count(*) FROM action WHERE status = 'done' AND done_on BETWEEN ?1 AND ?2))sql";

constexpr const char* k_action_counts = R"sql(
SELECT coalesce(sum(a.status = 'open'), 0),
       coalesce(sum(a.status = 'open' AND a.due < ?3), 0),
       coalesce(sum(a.status = 'done' AND a.done_on BETWEEN ?1 AND ?2), 0)
FROM scope_village s CROSS JOIN action a WHERE a.owner = s.id)sql";

constexpr const char* k_overdue_all = R"sql(
SELECT a.uuid, a.text, v.slug, v.name, a.due FROM action a JOIN village v ON v.id = a.owner
WHERE a.status = 'open' AND a.due < ?1
ORDER BY a.due, v.name LIMIT ?2)sql";

// For a scope: the open actions due before ?1 from the villages' index, and only those due
// no later than the ?2-th of them read in full.
constexpr const char* k_overdue = R"sql(
WITH late(id, due) AS MATERIALIZED (
  SELECT a.id, a.due FROM scope_village s CROSS JOIN action a
  WHERE a.owner = s.id AND a.status = 'open' AND a.due < ?1)
SELECT a.uuid, a.text, v.slug, v.name, a.due
FROM late l CROSS JOIN action a CROSS JOIN village v
WHERE a.id = l.id AND v.id = a.owner
  AND l.due <= coalesce(CASE WHEN ?2 > 0 THEN (SELECT due FROM late ORDER BY due
                                                LIMIT 1 OFFSET ?2 - 1) END, l.due)
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

// Per village id: its acts within the period, and whether it acted within the quiet window.
struct ActCounts {
    std::vector<long> in_period;
    std::vector<bool> in_quiet_window;
};

// The two windows are read once, in the pieces between their ends (a month and the 90 days
// ending with it: the month, then the two months before it), each piece counted where it lies.
ActCounts count_acts(Log& log, const core::Period& period, const core::Period& quiet) {
    using std::chrono::sys_days;
    auto after = [](core::Date date) { return core::Date(sys_days(date) + std::chrono::days(1)); };
    std::vector<core::Date> cuts{period.from, after(period.to), quiet.from, after(quiet.to)};
    std::sort(cuts.begin(), cuts.end());
    cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
    auto within = [](const core::Period& piece, const core::Period& window) {
        return piece.from >= window.from && piece.to <= window.to;
    };
    ActCounts acts;
    for (std::size_t i = 0; i + 1 < cuts.size(); ++i) {
        core::Period piece{cuts[i], core::Date(sys_days(cuts[i + 1]) - std::chrono::days(1))};
        bool counted = within(piece, period), seen = within(piece, quiet);
        if (!counted && !seen)
            continue;
        for (const char* sql : k_acts) {
            auto stmt = period_statement(log, sql, piece);
            while (stmt.executeStep()) {
                auto id = static_cast<std::size_t>(stmt.getColumn(0).getInt64());
                if (id >= acts.in_period.size()) {
                    acts.in_period.resize(id + 1 + id / 4);
                    acts.in_quiet_window.resize(id + 1 + id / 4);
                }
                acts.in_period[id] += counted ? 1 : 0;
                if (seen)
                    acts.in_quiet_window[id] = true;
            }
        }
    }
    return acts;
}

// The villages (by id) with their slugs and names, sorted by name then slug.
std::vector<std::pair<int64_t, core::VillageRef>> refs_by_name(Log& log,
                                                               const std::vector<int64_t>& ids) {
    auto named = village_refs(log, ids);
    std::vector<std::pair<int64_t, core::VillageRef>> refs;
    for (std::size_t i = 0; i < ids.size(); ++i)
        if (!named[i].slug.empty())
            refs.emplace_back(ids[i], std::move(named[i]));
    std::sort(refs.begin(), refs.end(), [](const auto& a, const auto& b) {
        return std::tie(a.second.name, a.second.slug) < std::tie(b.second.name, b.second.slug);
    });
    return refs;
}

} // namespace

ActionCounts report_action_counts(Log& log, const core::Period& period, core::Date today) {
    bool all = report_sql::scope_is_everything(db_of(log));
    auto stmt = period_statement(log, all ? k_action_counts_all : k_action_counts, period);
    stmt.bind(3, core::iso(today));
    stmt.executeStep();
    return {stmt.getColumn(0).getInt(), stmt.getColumn(1).getInt(), stmt.getColumn(2).getInt()};
}

std::vector<core::ReportAction> report_overdue(Log& log, core::Date today, long limit) {
    bool all = report_sql::scope_is_everything(db_of(log));
    SQLite::Statement stmt(db_of(log), all ? k_overdue_all : k_overdue);
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
    const char* in_scope =
        report_sql::agreement_in_scope(report_sql::scope_is_everything(db_of(log)));
    auto stmt = period_statement(log, fmt::format(k_agreements, column, in_scope, column), period);
    return read_agreements(log, stmt);
}

std::vector<core::ReportAgreement> report_agreements_in_force(Log& log,
                                                              const core::Period& period) {
    const char* in_scope =
        report_sql::agreement_in_scope(report_sql::scope_is_everything(db_of(log)));
    auto stmt = period_statement(log, fmt::format(k_agreements_in_force, in_scope), period);
    return read_agreements(log, stmt);
}

namespace {

// The most active of the whole log's villages: those with at least as many acts as the
// limit-th most active one, by count, name and slug, as ORDER BY n DESC, name, slug would
// give them.
std::vector<core::VillageActivity> most_active(Log& log, const std::vector<long>& acts,
                                               long limit) {
    std::vector<core::VillageActivity> rows;
    std::vector<long> counts;
    for (auto n : acts)
        if (n > 0)
            counts.push_back(n);
    if (counts.empty() || limit == 0)
        return rows;
    auto kept = limit < 0 ? counts.size() // no limit, as LIMIT -1
                          : std::min(static_cast<std::size_t>(limit), counts.size());
    std::nth_element(counts.begin(), counts.begin() + static_cast<std::ptrdiff_t>(kept - 1),
                     counts.end(), std::greater<>());
    auto least = counts[kept - 1];
    std::vector<int64_t> ids;
    for (std::size_t id = 0; id < acts.size(); ++id)
        if (acts[id] >= least)
            ids.push_back(static_cast<int64_t>(id));
    auto refs = refs_by_name(log, ids);
    std::stable_sort(refs.begin(), refs.end(), [&acts](const auto& a, const auto& b) {
        return acts[static_cast<std::size_t>(a.first)] > acts[static_cast<std::size_t>(b.first)];
    });
    refs.resize(std::min(refs.size(), kept));
    for (auto& [id, ref] : refs)
        rows.push_back({std::move(ref), acts[static_cast<std::size_t>(id)]});
    return rows;
}

// The whole log's villages not archived that did not act: counted, and the first `limit` by
// name and slug named, in one walk of the index on names (migration 7) rather than naming
// every quiet village (5,900 nationally) to order them.
std::vector<core::VillageRef> quiet(Log& log, const std::vector<bool>& acted, long limit,
                                    long& count) {
    SQLite::Statement villages(db_of(log), k_villages_by_name);
    std::vector<core::VillageRef> rows;
    count = 0;
    while (villages.executeStep()) {
        auto id = static_cast<std::size_t>(villages.getColumn(0).getInt64());
        if (id < acted.size() && acted[id])
            continue;
        if (count++ < limit)
            rows.push_back(village_ref(villages, 1));
    }
    return rows;
}

} // namespace

Activity report_activity(Log& log, const core::Period& period, long limit,
                         const core::Period& quiet_window, long quiet_limit) {
    Activity activity;
    if (report_sql::scope_is_everything(db_of(log))) {
        auto acts = count_acts(log, period, quiet_window);
        activity.most_active = most_active(log, acts.in_period, limit);
        activity.quiet = quiet(log, acts.in_quiet_window, quiet_limit, activity.quiet_count);
        return activity;
    }
    auto stmt = period_statement(log, std::string(k_scope_acts) + k_activity, period);
    stmt.bind(3, static_cast<int64_t>(limit));
    while (stmt.executeStep())
        activity.most_active.push_back({village_ref(stmt, 0), stmt.getColumn(2).getInt()});
    auto quiet = period_statement(log, k_scope_quiet, quiet_window);
    while (quiet.executeStep())
        if (activity.quiet_count++ < quiet_limit)
            activity.quiet.push_back(village_ref(quiet, 0));
    return activity;
}

} // namespace kades::store
