#include "core/error.hpp"
#include "core/i18n.hpp"
#include "core/id.hpp"
#include "core/text.hpp"
#include "store/lesson.hpp"
#include "store/log_impl.hpp"
#include "store/meeting.hpp"
#include "store/record_id.hpp"
#include "store/sql.hpp"
#include "store/village.hpp"

#include <algorithm>

namespace kades::store {
using core::tr;
using core::trf;
using core::trnf;

namespace {

// Both statements take the same parameters: ?1 uuid, ?2 title ... ?12 cancel_reason. The host
// is bound by slug and the forum by uuid, as core::Meeting holds them.
constexpr const char* k_insert_meeting = R"sql(
INSERT INTO meeting (uuid, title, date, time, kind, status, host, place, forum, agenda, notes,
                     cancel_reason)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, (SELECT id FROM village WHERE slug = ?7), ?8,
        (SELECT id FROM forum WHERE uuid = ?9), ?10, ?11, ?12))sql";

constexpr const char* k_update_meeting = R"sql(
UPDATE meeting SET title = ?2, date = ?3, time = ?4, kind = ?5, status = ?6,
    host = (SELECT id FROM village WHERE slug = ?7), place = ?8,
    forum = (SELECT id FROM forum WHERE uuid = ?9), agenda = ?10, notes = ?11,
    cancel_reason = ?12, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
WHERE uuid = ?1)sql";

void write_row(Log& log, const char* sql, const core::Meeting& m) {
    SQLite::Statement stmt(db_of(log), sql);
    stmt.bind(1, m.uuid);
    stmt.bind(2, m.title);
    stmt.bind(3, core::iso(m.date));
    bind_text(stmt, 4, m.time);
    stmt.bind(5, core::meeting_kind_key(m.kind));
    stmt.bind(6, core::meeting_status_key(m.status));
    bind_text(stmt, 7, m.host ? m.host->slug : "");
    bind_text(stmt, 8, m.place);
    bind_text(stmt, 9, m.forum ? m.forum->uuid : "");
    bind_text(stmt, 10, m.agenda);
    bind_text(stmt, 11, m.notes);
    bind_text(stmt, 12, m.cancel_reason);
    stmt.exec();
}

core::MeetingForum resolve_forum(Log& log, const std::string& id) {
    auto uuid = resolve_uuid(log, RecordKind::forum, id);
    SQLite::Statement stmt(db_of(log), "SELECT name FROM forum WHERE uuid = ?1");
    stmt.bind(1, uuid);
    stmt.executeStep();
    return {uuid, stmt.getColumn(0).getString()};
}

// The host and forum the fields name; an empty text clears them.
void apply_refs(Log& log, const core::MeetingFields& f, core::Meeting& row) {
    if (f.host && f.host->empty()) {
        row.host.reset();
    } else if (f.host) {
        auto village = resolve_village(log, *f.host);
        row.host = core::VillageRef{village.slug, village.name};
    }
    if (f.forum && f.forum->empty())
        row.forum.reset();
    else if (f.forum)
        row.forum = resolve_forum(log, *f.forum);
}

void apply_text(const core::MeetingFields& f, core::Meeting& row) {
    row.title = f.title.value_or(row.title);
    row.date = f.date.value_or(row.date);
    row.time = f.time.value_or(row.time);
    row.kind = f.kind.value_or(row.kind);
    row.place = f.place.value_or(row.place);
    row.agenda = f.agenda.value_or(row.agenda);
    row.notes = f.notes.value_or(row.notes);
}

bool attends(const std::vector<core::VillageRef>& attendees, const std::string& slug) {
    return std::any_of(attendees.begin(), attendees.end(),
                       [&](const core::VillageRef& a) { return a.slug == slug; });
}

// The villages the REFs name, each once: every REF is resolved before anything is written.
std::vector<core::VillageRef> distinct_villages(Log& log, const std::vector<std::string>& refs) {
    std::vector<core::VillageRef> villages;
    for (const auto& ref : refs) {
        auto v = resolve_village(log, ref);
        if (attends(villages, v.slug))
            throw core::Invalid(trf("{} is given twice: give each village once", v.slug));
        villages.push_back({v.slug, v.name});
    }
    return villages;
}

std::vector<core::VillageRef> new_attendees(Log& log, const std::vector<std::string>& refs,
                                            const std::vector<core::VillageRef>& present,
                                            const core::Meeting& m) {
    auto villages = distinct_villages(log, refs);
    for (const auto& v : villages) {
        if (attends(present, v.slug))
            throw core::Conflict(
                trf("{} already attends meeting {}", v.slug, core::short_id(m.uuid)));
    }
    return villages;
}

std::vector<core::VillageRef> dropped_attendees(Log& log, const std::vector<std::string>& refs,
                                                const core::Meeting& m) {
    auto villages = distinct_villages(log, refs);
    for (const auto& v : villages) {
        if (!attends(m.attendees, v.slug))
            throw core::Invalid(
                trf("{} does not attend meeting {}", v.slug, core::short_id(m.uuid)));
    }
    return villages;
}

void insert_attendees(Log& log, const std::string& uuid,
                      const std::vector<core::VillageRef>& villages) {
    SQLite::Statement stmt(db_of(log), R"sql(
INSERT INTO meeting_attendee (meeting, village)
SELECT m.id, v.id FROM meeting m, village v WHERE m.uuid = ?1 AND v.slug = ?2)sql");
    for (const auto& v : villages) {
        stmt.bind(1, uuid);
        stmt.bind(2, v.slug);
        stmt.exec();
        stmt.reset();
    }
}

void delete_attendees(Log& log, const std::string& uuid,
                      const std::vector<core::VillageRef>& villages) {
    SQLite::Statement stmt(db_of(log), R"sql(
DELETE FROM meeting_attendee WHERE meeting = (SELECT id FROM meeting WHERE uuid = ?1)
  AND village = (SELECT id FROM village WHERE slug = ?2))sql");
    for (const auto& v : villages) {
        stmt.bind(1, uuid);
        stmt.bind(2, v.slug);
        stmt.exec();
        stmt.reset();
    }
}

void append_decisions(Log& log, const std::string& uuid, const std::vector<std::string>& texts) {
    SQLite::Statement stmt(db_of(log), R"sql(
INSERT INTO meeting_decision (meeting, position, text)
SELECT m.id, coalesce((SELECT max(position) FROM meeting_decision WHERE meeting = m.id), 0) + 1,
       ?2
FROM meeting m WHERE m.uuid = ?1)sql");
    for (const auto& text : texts) {
        stmt.bind(1, uuid);
        stmt.bind(2, text);
        stmt.exec();
        stmt.reset();
    }
}

void set_status(Log& log, const core::Meeting& m, core::MeetingStatus status,
                const std::string& reason) {
    SQLite::Statement stmt(db_of(log), R"sql(
UPDATE meeting SET status = ?2, cancel_reason = ?3,
    updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
WHERE uuid = ?1)sql");
    stmt.bind(1, m.uuid);
    stmt.bind(2, core::meeting_status_key(status));
    bind_text(stmt, 3, reason);
    stmt.exec();
}

// Marks the meeting changed (its attendance), for the newer-edit-wins merge of copies.
void touch(Log& log, const std::string& uuid) {
    SQLite::Statement stmt(db_of(log), "UPDATE meeting SET updated_at = "
                                       "strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE uuid = ?1");
    stmt.bind(1, uuid);
    stmt.exec();
}

// Without --planned or --held an edit keeps the status, but a held meeting cannot move past
// today; with them, the status is set as on add (a cancelled meeting is reinstated).
core::MeetingStatus edited_status(const core::Meeting& m, core::Date date, core::Date today,
                                  std::optional<core::MeetingStatus> asked) {
    if (asked)
        return core::meeting_status_for(date, today, asked);
    if (m.status == core::MeetingStatus::held && core::is_after(date, today))
        throw core::Refused(trf("a meeting on {} cannot be held yet: today is {}", core::iso(date),
                                core::iso(today)),
                            {tr("give --planned with a date after today")});
    return m.status;
}

core::Meeting reread(Log& log, const std::string& uuid) {
    return find_meeting(log, uuid).value();
}

} // namespace

core::Meeting add_meeting(Log& log, core::MeetingFields f, core::Date today) {
    core::normalize_meeting_fields(f);
    if (!f.title)
        throw core::Invalid(tr("the meeting's title is empty: give a title"));
    if (!f.date)
        throw core::Invalid(tr("a meeting needs a date: give --date"));
    core::Meeting row;
    row.uuid = core::new_uuid();
    row.date = *f.date;
    apply_text(f, row);
    row.status = core::meeting_status_for(row.date, today, f.status);
    apply_refs(log, f, row);
    auto attendees = new_attendees(log, f.attendees, {}, row);
    write_row(log, k_insert_meeting, row);
    insert_attendees(log, row.uuid, attendees);
    append_decisions(log, row.uuid, f.decisions);
    return reread(log, row.uuid);
}

core::Meeting edit_meeting(Log& log, const core::Meeting& m, core::MeetingFields f,
                           core::Date today) {
    core::normalize_meeting_fields(f);
    core::Meeting row = m;
    apply_text(f, row);
    row.status = edited_status(m, row.date, today, f.status);
    if (row.status != core::MeetingStatus::cancelled)
        row.cancel_reason.clear();
    apply_refs(log, f, row);
    auto dropped = dropped_attendees(log, f.drop_attendees, m);
    std::vector<core::VillageRef> remaining;
    for (const auto& a : m.attendees) {
        if (!attends(dropped, a.slug))
            remaining.push_back(a);
    }
    auto added = new_attendees(log, f.attendees, remaining, m);
    write_row(log, k_update_meeting, row);
    delete_attendees(log, m.uuid, dropped);
    insert_attendees(log, m.uuid, added);
    append_decisions(log, m.uuid, f.decisions);
    return reread(log, m.uuid);
}

core::Meeting attend_meeting(Log& log, const core::Meeting& m,
                             const std::vector<std::string>& refs) {
    std::vector<std::string> clean;
    for (const auto& ref : refs)
        clean.push_back(core::clean_field(ref, "attendee"));
    auto added = new_attendees(log, clean, m.attendees, m);
    insert_attendees(log, m.uuid, added);
    touch(log, m.uuid);
    return reread(log, m.uuid);
}

core::Meeting mark_held(Log& log, const core::Meeting& m, core::Date today) {
    auto id = core::short_id(m.uuid);
    if (m.status == core::MeetingStatus::held)
        throw core::Conflict(trf("meeting {} is already held", id));
    if (core::is_after(m.date, today))
        throw core::Refused(trf("a meeting on {} cannot be held yet: today is {}",
                                core::iso(m.date), core::iso(today)),
                            {trf("if it took place on another day, give that day first: `kades "
                                 "meeting edit {} --date DATE`",
                                 id)});
    set_status(log, m, core::MeetingStatus::held, "");
    return reread(log, m.uuid);
}

core::Meeting cancel_meeting(Log& log, const core::Meeting& m, const std::string& reason) {
    auto clean = core::clean_field(reason, "reason");
    auto id = core::short_id(m.uuid);
    if (m.status == core::MeetingStatus::held)
        throw core::Refused(
            trf("meeting {} was held on {}: a held meeting cannot be cancelled", id,
                core::iso(m.date)),
            {trf("if it was recorded held by mistake: `kades meeting edit {} --planned`", id)});
    if (m.status == core::MeetingStatus::cancelled)
        throw core::Conflict(trf("meeting {} is already cancelled", id));
    set_status(log, m, core::MeetingStatus::cancelled, clean);
    return reread(log, m.uuid);
}

void remove_meeting(Log& log, const core::Meeting& m) {
    if (!m.actions.empty()) {
        std::string ids;
        std::vector<std::string> hints;
        for (const auto& a : m.actions) {
            ids += (ids.empty() ? "" : ", ") + core::short_id(a.uuid);
            hints.push_back(core::short_id(a.uuid) + "  " + a.text);
        }
        hints.push_back(tr("remove them with `kades action remove ID`, or unlink them with `kades "
                           "action edit ID --meeting \"\"`"));
        throw core::Refused(trnf("meeting {} has a follow-up action: {}",
                                 "meeting {} has follow-up actions: {}", m.actions.size(),
                                 core::short_id(m.uuid), ids),
                            hints);
    }
    refuse_if_lessons_shared_at(log, LessonSourceKind::meeting, m.uuid);
    // Attendees and decisions go with it (ON DELETE CASCADE).
    SQLite::Statement stmt(db_of(log), "DELETE FROM meeting WHERE uuid = ?1");
    stmt.bind(1, m.uuid);
    stmt.exec();
}

} // namespace kades::store
