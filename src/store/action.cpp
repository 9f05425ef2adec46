// Reading follow-up actions. Writing them is in action_write.cpp.

#include "store/action.hpp"

#include "core/error.hpp"
#include "core/i18n.hpp"
#include "store/log_impl.hpp"
#include "store/record_id.hpp"
#include "store/sql.hpp"

namespace kades::store {
using core::trf;

namespace {

constexpr const char* k_select_action = R"sql(
SELECT a.uuid, a.text, v.slug, v.name, a.due, a.status, a.done_on, a.note,
       m.uuid, m.title, m.date, t.uuid, coalesce(t.purpose, t.kind), t.date
FROM action a
JOIN village v ON v.id = a.owner
LEFT JOIN meeting m ON m.id = a.meeting
LEFT JOIN visit t ON t.id = a.visit
)sql";

// ?1 open, ?2 done, ?3 overdue (0 or 1; all 0 shows every action), ?4 today.
constexpr const char* k_list_filter = R"sql(
WHERE (?1 = 0 AND ?2 = 0 AND ?3 = 0
       OR ?1 = 1 AND a.status = 'open'
       OR ?2 = 1 AND a.status = 'done'
       OR ?3 = 1 AND a.status = 'open' AND a.due < ?4)
  AND (?5 IS NULL OR v.uuid = ?5)
  AND (?6 IS NULL OR m.uuid = ?6)
  AND (?10 IS NULL OR t.uuid = ?10)
  AND (?7 IS NULL OR a.due >= ?7) AND (?8 IS NULL OR a.due <= ?8)
ORDER BY a.status = 'done',
         CASE a.status WHEN 'open' THEN a.due ELSE a.done_on END NULLS LAST,
         a.created_at, a.id
LIMIT ?9)sql";

core::Action action_from(SQLite::Statement& stmt) {
    core::Action a;
    a.uuid = stmt.getColumn(0).getString();
    a.text = stmt.getColumn(1).getString();
    a.owner = {stmt.getColumn(2).getString(), stmt.getColumn(3).getString()};
    a.due = date_of(stmt.getColumn(4));
    a.status = core::parse_action_status(stmt.getColumn(5).getString());
    a.done_on = date_of(stmt.getColumn(6));
    a.note = text_of(stmt.getColumn(7));
    if (!stmt.getColumn(8).isNull())
        a.meeting = core::ActionSource{stmt.getColumn(8).getString(), text_of(stmt.getColumn(9)),
                                       date_of(stmt.getColumn(10))};
    if (!stmt.getColumn(11).isNull())
        a.visit = core::ActionSource{stmt.getColumn(11).getString(), text_of(stmt.getColumn(12)),
                                     date_of(stmt.getColumn(13))};
    return a;
}

std::vector<core::Action> collect(SQLite::Statement& stmt) {
    std::vector<core::Action> actions;
    while (stmt.executeStep())
        actions.push_back(action_from(stmt));
    return actions;
}

} // namespace

std::vector<core::Action> list_actions(Log& log, const ActionFilter& filter) {
    SQLite::Statement stmt(db_of(log), std::string(k_select_action) + k_list_filter);
    stmt.bind(1, filter.open ? 1 : 0);
    stmt.bind(2, filter.done ? 1 : 0);
    stmt.bind(3, filter.overdue ? 1 : 0);
    stmt.bind(4, core::iso(filter.today));
    bind_opt(stmt, 5, filter.owner);
    bind_opt(stmt, 6, filter.meeting);
    bind_period(stmt, 7, 8, filter.window.period);
    stmt.bind(9, static_cast<int64_t>(filter.window.limit.value_or(-1)));
    bind_opt(stmt, 10, filter.visit);
    return collect(stmt);
}

core::Action action_by_uuid(Log& log, const std::string& uuid) {
    SQLite::Statement stmt(db_of(log), std::string(k_select_action) + "WHERE a.uuid = ?1");
    stmt.bind(1, uuid);
    auto found = collect(stmt);
    if (found.empty())
        throw core::NotFound(trf("no action with id '{}'", uuid));
    return found.front();
}

core::Action find_action(Log& log, std::string_view id) {
    return action_by_uuid(log, resolve_uuid(log, RecordKind::action, id));
}

} // namespace kades::store
