#include "store/visit.hpp"

#include "store/log_impl.hpp"
#include "store/record_id.hpp"
#include "store/sql.hpp"
#include "store/village.hpp"

namespace kades::store {

namespace {

constexpr const char* k_select_visit = R"sql(
SELECT t.id, t.uuid, t.kind, t.status, t.date, t.until, h.slug, h.name, t.purpose, t.findings,
       t.workers, t.skill, t.cancel_reason
FROM visit t
JOIN village h ON h.id = t.host
)sql";

// A visit meets the period when one of its days (date to until) lies in it.
constexpr const char* k_list_filter = R"sql(
WHERE (?1 IS NULL OR t.status = ?1)
  AND (?2 IS NULL OR t.kind = ?2)
  AND (?3 IS NULL OR h.uuid = ?3 OR EXISTS (
      SELECT 1 FROM visit_visitor g JOIN village v ON v.id = g.village
      WHERE g.visit = t.id AND v.uuid = ?3))
  AND (?4 IS NULL OR coalesce(t.until, t.date) >= ?4)
  AND (?5 IS NULL OR t.date <= ?5)
ORDER BY t.date, coalesce(t.until, t.date), h.name, t.uuid
LIMIT ?6)sql";

constexpr const char* k_select_visitors = R"sql(
SELECT v.slug, v.name FROM visit_visitor g JOIN village v ON v.id = g.village
WHERE g.visit = ?1 ORDER BY v.slug)sql";

constexpr const char* k_select_programs =
    "SELECT name FROM visit_program WHERE visit = ?1 ORDER BY position";

constexpr const char* k_select_actions = R"sql(
SELECT a.uuid, a.text, v.slug, v.name, a.due, a.status
FROM action a JOIN village v ON v.id = a.owner
WHERE a.visit = ?1 ORDER BY a.created_at, a.uuid)sql";

// The statements that read a visit's lists, prepared once for a whole list.
struct DetailQueries {
    SQLite::Statement visitors, programs, actions;
    explicit DetailQueries(SQLite::Database& db)
        : visitors(db, k_select_visitors), programs(db, k_select_programs),
          actions(db, k_select_actions) {}
};

core::Visit visit_from(SQLite::Statement& stmt) {
    core::Visit v;
    v.uuid = stmt.getColumn(1).getString();
    v.kind = core::parse_visit_kind(stmt.getColumn(2).getString());
    v.status = core::parse_visit_status(stmt.getColumn(3).getString());
    v.date = date_of(stmt.getColumn(4)).value_or(core::Date{});
    v.until = date_of(stmt.getColumn(5));
    v.host = core::VillageRef{stmt.getColumn(6).getString(), stmt.getColumn(7).getString()};
    v.purpose = text_of(stmt.getColumn(8));
    v.findings = text_of(stmt.getColumn(9));
    if (!stmt.getColumn(10).isNull())
        v.workers = static_cast<long>(stmt.getColumn(10).getInt64());
    v.skill = text_of(stmt.getColumn(11));
    v.cancel_reason = text_of(stmt.getColumn(12));
    return v;
}

core::FollowUp action_from(SQLite::Statement& stmt) {
    core::FollowUp a;
    a.uuid = stmt.getColumn(0).getString();
    a.text = stmt.getColumn(1).getString();
    a.owner = {stmt.getColumn(2).getString(), stmt.getColumn(3).getString()};
    a.due = date_of(stmt.getColumn(4));
    a.done = stmt.getColumn(5).getString() == "done";
    return a;
}

void read_details(DetailQueries& q, std::int64_t id, core::Visit& v) {
    q.visitors.bind(1, id);
    while (q.visitors.executeStep())
        v.visitors.push_back(
            {q.visitors.getColumn(0).getString(), q.visitors.getColumn(1).getString()});
    q.visitors.reset();
    q.programs.bind(1, id);
    while (q.programs.executeStep())
        v.programs.push_back(q.programs.getColumn(0).getString());
    q.programs.reset();
    q.actions.bind(1, id);
    while (q.actions.executeStep())
        v.actions.push_back(action_from(q.actions));
    q.actions.reset();
}

std::vector<core::Visit> collect(Log& log, SQLite::Statement& stmt) {
    DetailQueries queries(db_of(log));
    std::vector<core::Visit> visits;
    while (stmt.executeStep()) {
        visits.push_back(visit_from(stmt));
        read_details(queries, stmt.getColumn(0).getInt64(), visits.back());
    }
    return visits;
}

} // namespace

std::optional<core::Visit> find_visit(Log& log, const std::string& uuid) {
    SQLite::Statement stmt(db_of(log), std::string(k_select_visit) + "WHERE t.uuid = ?1");
    stmt.bind(1, uuid);
    auto found = collect(log, stmt);
    if (found.empty())
        return std::nullopt;
    return found.front();
}

core::Visit resolve_visit(Log& log, std::string_view id) {
    return find_visit(log, resolve_uuid(log, RecordKind::visit, id)).value();
}

std::vector<core::Visit> list_visits(Log& log, const VisitFilter& filter) {
    // The village is resolved first, so that an unknown one is an error, not an empty list.
    std::optional<std::string> village;
    if (filter.village)
        village = resolve_village(log, *filter.village).uuid;
    SQLite::Statement stmt(db_of(log), std::string(k_select_visit) + k_list_filter);
    bind_opt(stmt, 1,
             filter.status ? std::optional(core::visit_status_key(*filter.status)) : std::nullopt);
    bind_opt(stmt, 2,
             filter.kind ? std::optional(core::visit_kind_key(*filter.kind)) : std::nullopt);
    bind_opt(stmt, 3, village);
    bind_period(stmt, 4, 5, filter.window.period);
    stmt.bind(6, static_cast<int64_t>(filter.window.limit.value_or(-1)));
    return collect(log, stmt);
}

} // namespace kades::store
