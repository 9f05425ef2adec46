// action add | edit | done | reopen | remove: writing follow-up actions.

#include "core/error.hpp"
#include "core/i18n.hpp"
#include "core/id.hpp"
#include "store/action.hpp"
#include "store/log_impl.hpp"
#include "store/sql.hpp"

namespace kades::store {
using core::tr;
using core::trf;

namespace {

// The owner and the meeting are named by UUID; a UUID that names nothing leaves the SELECT
// empty, so nothing is inserted and the caller is told.
constexpr const char* k_insert_action = R"sql(
INSERT INTO action (uuid, text, owner, due, status, note, meeting, visit)
SELECT ?1, ?2, v.id, ?4, 'open', ?5, (SELECT id FROM meeting WHERE uuid = ?6),
       (SELECT id FROM visit WHERE uuid = ?7)
FROM village v WHERE v.uuid = ?3)sql";

constexpr const char* k_update_action = R"sql(
UPDATE action SET text = ?2, owner = coalesce((SELECT id FROM village WHERE uuid = ?3), owner),
    due = ?4,
    note = ?5, meeting = (SELECT id FROM meeting WHERE uuid = ?6),
    visit = (SELECT id FROM visit WHERE uuid = ?7),
    updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
WHERE uuid = ?1)sql";

constexpr const char* k_set_status = R"sql(
UPDATE action SET status = ?2, done_on = ?3, note = ?4,
    updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
WHERE uuid = ?1)sql";

// A source UUID that names nothing would be stored as no source: refuse it instead. An
// action comes from a meeting or from a visit, not from both.
void check_source(Log& log, const std::string& meeting, const std::string& visit) {
    if (!meeting.empty() && !visit.empty())
        throw core::Invalid(tr("an action comes from a meeting or from a visit, not both: give "
                               "--meeting or --visit"));
    SQLite::Statement stmt(db_of(log), "SELECT (?1 = '' OR EXISTS (SELECT 1 FROM meeting WHERE "
                                       "uuid = ?1)), (?2 = '' OR EXISTS (SELECT 1 FROM visit "
                                       "WHERE uuid = ?2))");
    stmt.bind(1, meeting);
    stmt.bind(2, visit);
    stmt.executeStep();
    if (stmt.getColumn(0).getInt() == 0)
        throw core::NotFound(trf("no meeting with id '{}'", meeting));
    if (stmt.getColumn(1).getInt() == 0)
        throw core::NotFound(trf("no visit with id '{}'", visit));
}

void check_owner(Log& log, const std::string& owner) {
    SQLite::Statement stmt(db_of(log), "SELECT 1 FROM village WHERE uuid = ?1");
    stmt.bind(1, owner);
    if (!stmt.executeStep())
        throw core::NotFound(trf("no village with uuid '{}' in the network", owner));
}

void set_status(Log& log, const core::Action& action, core::ActionStatus status,
                const std::optional<core::Date>& done_on, const std::string& note) {
    SQLite::Statement stmt(db_of(log), k_set_status);
    stmt.bind(1, action.uuid);
    stmt.bind(2, core::action_status_key(status));
    bind_date(stmt, 3, done_on);
    bind_text(stmt, 4, note);
    stmt.exec();
}

} // namespace

core::Action add_action(Log& log, const core::ActionFields& fields) {
    if (!fields.text || fields.text->empty())
        throw core::Invalid(tr("the action's text is empty: say what is to be done"));
    if (!fields.owner)
        throw core::Invalid(tr("an action needs an owner: give --owner REF"));
    check_owner(log, *fields.owner);
    check_source(log, fields.meeting.value_or(""), fields.visit.value_or(""));
    auto uuid = core::new_uuid();
    SQLite::Statement stmt(db_of(log), k_insert_action);
    stmt.bind(1, uuid);
    stmt.bind(2, *fields.text);
    stmt.bind(3, *fields.owner);
    bind_date(stmt, 4, fields.due.value_or(std::nullopt));
    bind_text(stmt, 5, fields.note.value_or(""));
    bind_text(stmt, 6, fields.meeting.value_or(""));
    bind_text(stmt, 7, fields.visit.value_or(""));
    stmt.exec();
    return action_by_uuid(log, uuid);
}

core::Action edit_action(Log& log, const core::Action& action, const core::ActionFields& fields) {
    if (fields.text && fields.text->empty())
        throw core::Invalid(tr("the action's text is empty: say what is to be done"));
    if (fields.owner)
        check_owner(log, *fields.owner);
    auto meeting = fields.meeting.value_or(action.meeting ? action.meeting->uuid : "");
    auto visit = fields.visit.value_or(action.visit ? action.visit->uuid : "");
    check_source(log, meeting, visit);
    SQLite::Statement stmt(db_of(log), k_update_action);
    stmt.bind(1, action.uuid);
    stmt.bind(2, fields.text.value_or(action.text));
    bind_opt(stmt, 3, fields.owner); // NULL keeps the owner
    bind_date(stmt, 4, fields.due.value_or(action.due));
    bind_text(stmt, 5, fields.note.value_or(action.note));
    bind_text(stmt, 6, meeting);
    bind_text(stmt, 7, visit);
    stmt.exec();
    return action_by_uuid(log, action.uuid);
}

core::Action mark_done(Log& log, const core::Action& action, core::Date done_on,
                       const std::optional<std::string>& note) {
    if (action.status == core::ActionStatus::done)
        throw core::Refused(
            trf("action {} was already done on {}", core::short_id(action.uuid),
                action.done_on ? core::iso(*action.done_on) : "?"),
            {trf("reopen it first with `kades action reopen {}`", core::short_id(action.uuid))});
    set_status(log, action, core::ActionStatus::done, done_on, note.value_or(action.note));
    return action_by_uuid(log, action.uuid);
}

core::Action reopen_action(Log& log, const core::Action& action) {
    if (action.status == core::ActionStatus::open)
        throw core::Refused(trf("action {} is open already: only a done action is reopened",
                                core::short_id(action.uuid)));
    set_status(log, action, core::ActionStatus::open, std::nullopt, action.note);
    return action_by_uuid(log, action.uuid);
}

void remove_action(Log& log, const core::Action& action) {
    SQLite::Statement stmt(db_of(log), "DELETE FROM action WHERE uuid = ?1");
    stmt.bind(1, action.uuid);
    stmt.exec();
}

} // namespace kades::store
