#include "store/meeting.hpp"

#include "store/log_impl.hpp"
#include "store/record_id.hpp"
#include "store/sql.hpp"
#include "store/village.hpp"

namespace kades::store {

namespace {

constexpr const char* k_select_meeting = R"sql(
SELECT m.id, m.uuid, m.title, m.date, m.time, m.kind, m.status, h.slug, h.name, m.place,
       f.uuid, f.name, m.agenda, m.notes, m.cancel_reason
FROM meeting m
LEFT JOIN village h ON h.id = m.host
LEFT JOIN forum f ON f.id = m.forum
)sql";

constexpr const char* k_list_filter = R"sql(
WHERE (?1 IS NULL OR m.status = ?1)
  AND (?2 IS NULL OR m.kind = ?2)
  AND (?3 IS NULL OR f.uuid = ?3)
  AND (?4 IS NULL OR h.uuid = ?4 OR EXISTS (
      SELECT 1 FROM meeting_attendee a JOIN village v ON v.id = a.village
      WHERE a.meeting = m.id AND v.uuid = ?4))
  AND (?5 IS NULL OR m.date >= ?5)
  AND (?6 IS NULL OR m.date <= ?6)
ORDER BY m.date, m.time NULLS FIRST, m.title, m.uuid
LIMIT ?7)sql";

constexpr const char* k_select_attendees = R"sql(
SELECT v.slug, v.name FROM meeting_attendee a JOIN village v ON v.id = a.village
WHERE a.meeting = ?1 ORDER BY v.slug)sql";

constexpr const char* k_select_decisions =
    "SELECT text FROM meeting_decision WHERE meeting = ?1 ORDER BY position";

constexpr const char* k_select_actions = R"sql(
SELECT a.uuid, a.text, v.slug, v.name, a.due, a.status
FROM action a JOIN village v ON v.id = a.owner
WHERE a.meeting = ?1 ORDER BY a.created_at, a.uuid)sql";

// The statements that read a meeting's lists, prepared once for a whole list.
struct DetailQueries {
    SQLite::Statement attendees, decisions, actions;
    explicit DetailQueries(SQLite::Database& db)
        : attendees(db, k_select_attendees), decisions(db, k_select_decisions),
          actions(db, k_select_actions) {}
};

core::Meeting meeting_from(SQLite::Statement& stmt) {
    core::Meeting m;
    m.uuid = stmt.getColumn(1).getString();
    m.title = stmt.getColumn(2).getString();
    m.date = date_of(stmt.getColumn(3)).value_or(core::Date{});
    m.time = text_of(stmt.getColumn(4));
    m.kind = core::parse_meeting_kind(stmt.getColumn(5).getString());
    m.status = core::parse_meeting_status(stmt.getColumn(6).getString());
    if (!stmt.getColumn(7).isNull())
        m.host = core::VillageRef{stmt.getColumn(7).getString(), stmt.getColumn(8).getString()};
    m.place = text_of(stmt.getColumn(9));
    if (!stmt.getColumn(10).isNull())
        m.forum =
            core::MeetingForum{stmt.getColumn(10).getString(), stmt.getColumn(11).getString()};
    m.agenda = text_of(stmt.getColumn(12));
    m.notes = text_of(stmt.getColumn(13));
    m.cancel_reason = text_of(stmt.getColumn(14));
    return m;
}

void read_details(DetailQueries& q, std::int64_t id, core::Meeting& m) {
    q.attendees.bind(1, id);
    while (q.attendees.executeStep())
        m.attendees.push_back(
            {q.attendees.getColumn(0).getString(), q.attendees.getColumn(1).getString()});
    q.attendees.reset();
    q.decisions.bind(1, id);
    while (q.decisions.executeStep())
        m.decisions.push_back(q.decisions.getColumn(0).getString());
    q.decisions.reset();
    q.actions.bind(1, id);
    while (q.actions.executeStep()) {
        core::FollowUp a;
        a.uuid = q.actions.getColumn(0).getString();
        a.text = q.actions.getColumn(1).getString();
        a.owner = {q.actions.getColumn(2).getString(), q.actions.getColumn(3).getString()};
        a.due = date_of(q.actions.getColumn(4));
        a.done = q.actions.getColumn(5).getString() == "done";
        m.actions.push_back(a);
    }
    q.actions.reset();
}

std::vector<core::Meeting> collect(Log& log, SQLite::Statement& stmt) {
    DetailQueries queries(db_of(log));
    std::vector<core::Meeting> meetings;
    while (stmt.executeStep()) {
        meetings.push_back(meeting_from(stmt));
        read_details(queries, stmt.getColumn(0).getInt64(), meetings.back());
    }
    return meetings;
}

} // namespace

std::optional<core::Meeting> find_meeting(Log& log, const std::string& uuid) {
    SQLite::Statement stmt(db_of(log), std::string(k_select_meeting) + "WHERE m.uuid = ?1");
    stmt.bind(1, uuid);
    auto found = collect(log, stmt);
    if (found.empty())
        return std::nullopt;
    return found.front();
}

core::Meeting resolve_meeting(Log& log, std::string_view id) {
    return find_meeting(log, resolve_uuid(log, RecordKind::meeting, id)).value();
}

std::vector<core::Meeting> list_meetings(Log& log, const MeetingFilter& filter) {
    // The references are resolved first, so that an unknown one is an error, not an empty list.
    std::optional<std::string> forum, village;
    if (filter.forum)
        forum = resolve_uuid(log, RecordKind::forum, *filter.forum);
    if (filter.village)
        village = resolve_village(log, *filter.village).uuid;
    SQLite::Statement stmt(db_of(log), std::string(k_select_meeting) + k_list_filter);
    bind_opt(stmt, 1,
             filter.status ? std::optional(core::meeting_status_key(*filter.status))
                           : std::nullopt);
    bind_opt(stmt, 2,
             filter.kind ? std::optional(core::meeting_kind_key(*filter.kind)) : std::nullopt);
    bind_opt(stmt, 3, forum);
    bind_opt(stmt, 4, village);
    bind_period(stmt, 5, 6, filter.window.period);
    stmt.bind(7, static_cast<int64_t>(filter.window.limit.value_or(-1)));
    return collect(log, stmt);
}

} // namespace kades::store
