// Tests of src/store/meeting*.cpp: meetings, their attendees, decisions and status, and the
// actions that point at them.

#include "core/date.hpp"
#include "core/error.hpp"
#include "core/meeting.hpp"
#include "store/log.hpp"
#include "store/log_impl.hpp"
#include "store/meeting.hpp"
#include "store/region.hpp"
#include "store/village.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <doctest/doctest.h>

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

using namespace kades;
using store::Log;

namespace {
namespace fs = std::filesystem;

const char* const k_forum_uuid = "f0f0f0f0-1111-4222-8333-444455556666";

core::Date day(const char* iso) {
    return core::parse_iso_date(iso).value();
}

const core::Date k_today = day("2026-11-27");

// Cipari's 11 villages, and a forum inserted directly (the forum commands are not under test).
Log cipari_log() {
    auto log = Log::open_memory();
    store::import_regions(log, fs::path(__FILE__).parent_path().parent_path() / "data" / "wilayah");
    store::import_villages_under(log, "33.01.18");
    SQLite::Statement forum(store::db_of(log), "INSERT INTO forum (uuid, name) VALUES (?1, ?2)");
    forum.bind(1, k_forum_uuid);
    forum.bind(2, "Forum Kades Cipari");
    forum.exec();
    return log;
}

core::MeetingFields fields(const std::string& title, const char* date) {
    core::MeetingFields f;
    f.title = title;
    f.date = day(date);
    return f;
}

long rows(Log& log, const std::string& table) {
    return store::db_of(log).execAndGet("SELECT count(*) FROM " + table).getInt64();
}

// Rows of every meeting table, to show a refused call wrote nothing.
std::vector<long> meeting_rows(Log& log) {
    return {rows(log, "meeting"), rows(log, "meeting_attendee"), rows(log, "meeting_decision")};
}

std::vector<std::string> slugs(const std::vector<core::VillageRef>& refs) {
    std::vector<std::string> out;
    for (const auto& r : refs)
        out.push_back(r.slug);
    return out;
}

std::vector<std::string> titles(const std::vector<core::Meeting>& meetings) {
    std::vector<std::string> out;
    for (const auto& m : meetings)
        out.push_back(m.title);
    return out;
}

// The error of type E that f throws, or nothing.
template <typename E, typename F> std::optional<E> thrown(F f) {
    try {
        f();
    } catch (const E& e) {
        return e;
    }
    return std::nullopt;
}

bool says(const std::optional<core::Error>& e, const std::string& text) {
    return e && std::string(e->what()).find(text) != std::string::npos;
}

void insert_action(Log& log, const std::string& uuid, const core::Meeting& m) {
    SQLite::Statement stmt(store::db_of(log), R"sql(
INSERT INTO action (uuid, text, owner, status, meeting)
SELECT ?1, 'Siapkan pelatihan', v.id, 'open', m.id FROM village v, meeting m
WHERE v.slug = 'cipari-cipari' AND m.uuid = ?2)sql");
    stmt.bind(1, uuid);
    stmt.bind(2, m.uuid);
    stmt.exec();
}

} // namespace

TEST_CASE("store::add_meeting: every field, read back by find_meeting") {
    auto log = cipari_log();
    auto f = fields("  Rapat koordinasi  ", "2026-12-04");
    f.time = "9:00";
    f.kind = core::MeetingKind::workshop;
    f.host = "sidasari-cipari";
    f.place = "Balai desa";
    f.forum = "f0f0";
    f.attendees = {"segaralangu-cipari", "33.01.18.2005", "Caruy"};
    f.agenda = "BUMDes";
    f.notes = "bring the reports";
    f.decisions = {"First", "Second"};
    auto m = store::add_meeting(log, f, k_today);
    CHECK(m.uuid.size() == 36);
    CHECK(m.title == "Rapat koordinasi");
    CHECK(m.date == day("2026-12-04"));
    CHECK(m.time == "09:00");
    CHECK(m.kind == core::MeetingKind::workshop);
    CHECK(m.status == core::MeetingStatus::planned);
    REQUIRE(m.host);
    CHECK(*m.host == core::VillageRef{"sidasari-cipari", "Sidasari"});
    CHECK(m.place == "Balai desa");
    REQUIRE(m.forum);
    CHECK(m.forum->uuid == k_forum_uuid);
    CHECK(m.forum->name == "Forum Kades Cipari");
    CHECK(slugs(m.attendees) ==
          std::vector<std::string>{"caruy-cipari", "cipari-cipari", "segaralangu-cipari"});
    CHECK(m.agenda == "BUMDes");
    CHECK(m.notes == "bring the reports");
    CHECK(m.decisions == std::vector<std::string>{"First", "Second"});
    CHECK(m.actions.empty());
    CHECK(m.cancel_reason.empty());
    auto again = store::find_meeting(log, m.uuid);
    REQUIRE(again);
    CHECK(again->title == m.title);
    CHECK_FALSE(store::find_meeting(log, "00000000-0000-4000-8000-000000000000"));
}

TEST_CASE("store::add_meeting: the status follows the date, --planned and --held") {
    auto log = cipari_log();
    auto kind_of = [&](const char* date, std::optional<core::MeetingStatus> asked) {
        auto f = fields("R", date);
        f.status = asked;
        return store::add_meeting(log, f, k_today).status;
    };
    using S = core::MeetingStatus;
    CHECK(kind_of("2026-11-28", std::nullopt) == S::planned);
    CHECK(kind_of("2026-11-27", std::nullopt) == S::held);
    CHECK(kind_of("2026-01-05", std::nullopt) == S::held);
    CHECK(kind_of("2026-01-05", S::planned) == S::planned);
    CHECK(kind_of("2026-11-27", S::held) == S::held);
    auto before = meeting_rows(log);
    CHECK(says(thrown<core::Refused>([&] { kind_of("2026-11-28", S::held); }),
               "a meeting on 2026-11-28 cannot be held yet"));
    CHECK(meeting_rows(log) == before);
    CHECK(store::add_meeting(log, fields("R", "2026-12-01"), k_today).kind ==
          core::MeetingKind::routine);
}

TEST_CASE("store::add_meeting: a bad reference records nothing, not even the good ones") {
    auto log = cipari_log();
    store::import_villages_under(log, "33.01.17"); // Sampang has a Sidasari too
    auto before = meeting_rows(log);
    auto with_attendees = [&](std::vector<std::string> refs) {
        auto f = fields("R", "2026-11-01");
        f.attendees = std::move(refs);
        f.decisions = {"kept only if all is well"};
        store::add_meeting(log, f, k_today);
    };
    CHECK(says(thrown<core::NotFound>([&] {
                   with_attendees({"caruy-cipari", "nosuch"});
               }),
               "'nosuch'"));
    auto ambiguous = thrown<core::Ambiguous>([&] { with_attendees({"caruy-cipari", "Sidasari"}); });
    CHECK(says(ambiguous, "'Sidasari'"));
    REQUIRE(ambiguous);
    CHECK(ambiguous->hints().size() == 2);
    CHECK(says(thrown<core::Invalid>([&] {
                   with_attendees({"cipari-cipari", "caruy-cipari", "33.01.18.2001"});
               }),
               "given twice"));
    auto f = fields("R", "2026-11-01");
    f.host = "nosuch";
    CHECK(says(thrown<core::NotFound>([&] { store::add_meeting(log, f, k_today); }), "'nosuch'"));
    f.host.reset();
    f.forum = "abcd";
    CHECK(says(thrown<core::NotFound>([&] { store::add_meeting(log, f, k_today); }), "'abcd'"));
    f.forum = "xyz";
    CHECK(says(thrown<core::Invalid>([&] { store::add_meeting(log, f, k_today); }), "'xyz'"));
    f.forum.reset();
    f.time = "25:00";
    CHECK(says(thrown<core::Invalid>([&] { store::add_meeting(log, f, k_today); }), "'25:00'"));
    f.time.reset();
    f.title = " ";
    CHECK(thrown<core::Invalid>([&] { store::add_meeting(log, f, k_today); }));
    CHECK(meeting_rows(log) == before);
}

TEST_CASE("store::resolve_meeting: by prefix, a shared prefix is ambiguous") {
    auto log = cipari_log();
    auto& db = store::db_of(log);
    db.exec("INSERT INTO meeting (uuid, title, date, kind, status) VALUES "
            "('abcd1234-0000-4000-8000-000000000001', 'One', '2026-11-01', 'routine', 'held'), "
            "('abcd5678-0000-4000-8000-000000000002', 'Two', '2026-11-02', 'routine', 'held')");
    CHECK(store::resolve_meeting(log, "abcd1").title == "One");
    CHECK(store::resolve_meeting(log, "ABCD5678").title == "Two");
    auto ambiguous = thrown<core::Ambiguous>([&] { store::resolve_meeting(log, "abcd"); });
    CHECK(says(ambiguous, "'abcd'"));
    REQUIRE(ambiguous);
    CHECK(ambiguous->hints().size() == 2);
    CHECK(says(thrown<core::NotFound>([&] { store::resolve_meeting(log, "ffff"); }), "'ffff'"));
    CHECK(says(thrown<core::Invalid>([&] { store::resolve_meeting(log, "abc"); }), "'abc'"));
}

TEST_CASE("store::list_meetings: by date and time, with every filter") {
    auto log = cipari_log();
    auto add = [&](const char* title, const char* date, const char* time) {
        auto f = fields(title, date);
        if (*time)
            f.time = time;
        return store::add_meeting(log, f, k_today);
    };
    add("C late", "2026-11-20", "15:00");
    auto early = add("B early", "2026-11-20", "08:00");
    add("A no time", "2026-11-20", "");
    add("D october", "2026-10-05", "");
    add("E december", "2026-12-10", "");
    auto all = store::list_meetings(log, {});
    CHECK(titles(all) ==
          std::vector<std::string>{"D october", "A no time", "B early", "C late", "E december"});

    store::MeetingFilter filter;
    filter.window.period = core::parse_month("2026-11", k_today);
    CHECK(titles(store::list_meetings(log, filter)) ==
          std::vector<std::string>{"A no time", "B early", "C late"});
    filter.window.limit = 2;
    CHECK(store::list_meetings(log, filter).size() == 2);

    store::MeetingFilter planned;
    planned.status = core::MeetingStatus::planned;
    CHECK(titles(store::list_meetings(log, planned)) == std::vector<std::string>{"E december"});

    core::MeetingFields edit;
    edit.kind = core::MeetingKind::training;
    edit.forum = "f0f0f0f0";
    edit.host = "kutasari-cipari";
    store::edit_meeting(log, early, edit, k_today);
    core::MeetingFields attend;
    attend.attendees = {"kutasari-cipari"};
    store::edit_meeting(log, store::list_meetings(log, {}).front(), attend, k_today);

    store::MeetingFilter by_kind;
    by_kind.kind = core::MeetingKind::training;
    CHECK(titles(store::list_meetings(log, by_kind)) == std::vector<std::string>{"B early"});
    store::MeetingFilter by_forum;
    by_forum.forum = "f0f0";
    CHECK(titles(store::list_meetings(log, by_forum)) == std::vector<std::string>{"B early"});
    store::MeetingFilter by_village;
    by_village.village = "Kutasari";
    CHECK(titles(store::list_meetings(log, by_village)) ==
          std::vector<std::string>{"D october", "B early"});
    by_village.village = "nosuch";
    CHECK(thrown<core::NotFound>([&] { store::list_meetings(log, by_village); }));
    by_forum.forum = "1234";
    CHECK(thrown<core::NotFound>([&] { store::list_meetings(log, by_forum); }));
}

TEST_CASE("store::edit_meeting: sets, clears, drops and adds attendees, appends decisions") {
    auto log = cipari_log();
    auto f = fields("Rapat", "2026-11-20");
    f.time = "09:00";
    f.host = "sidasari-cipari";
    f.forum = "f0f0";
    f.place = "Balai";
    f.attendees = {"caruy-cipari", "cipari-cipari"};
    f.decisions = {"One"};
    auto m = store::add_meeting(log, f, k_today);

    core::MeetingFields e;
    e.title = "Rapat besar";
    e.time = "";
    e.host = "";
    e.forum = "";
    e.place = "";
    e.agenda = "Anggaran";
    e.drop_attendees = {"caruy-cipari"};
    e.attendees = {"serang-cipari"};
    e.decisions = {"Two"};
    auto edited = store::edit_meeting(log, m, e, k_today);
    CHECK(edited.uuid == m.uuid);
    CHECK(edited.title == "Rapat besar");
    CHECK(edited.time.empty());
    CHECK_FALSE(edited.host);
    CHECK_FALSE(edited.forum);
    CHECK(edited.place.empty());
    CHECK(edited.agenda == "Anggaran");
    CHECK(edited.date == m.date);
    CHECK(edited.status == core::MeetingStatus::held);
    CHECK(slugs(edited.attendees) == std::vector<std::string>{"cipari-cipari", "serang-cipari"});
    CHECK(edited.decisions == std::vector<std::string>{"One", "Two"});

    auto before = meeting_rows(log);
    core::MeetingFields again;
    again.attendees = {"serang-cipari"};
    again.decisions = {"never"};
    CHECK(says(thrown<core::Conflict>([&] { store::edit_meeting(log, edited, again, k_today); }),
               "serang-cipari already attends"));
    core::MeetingFields absent;
    absent.drop_attendees = {"caruy-cipari"};
    CHECK(says(thrown<core::Invalid>([&] { store::edit_meeting(log, edited, absent, k_today); }),
               "caruy-cipari does not attend"));
    core::MeetingFields empty;
    empty.title = "";
    CHECK(thrown<core::Invalid>([&] { store::edit_meeting(log, edited, empty, k_today); }));
    CHECK(meeting_rows(log) == before);
    CHECK(store::find_meeting(log, m.uuid)->title == "Rapat besar");
}

TEST_CASE("store::edit_meeting: the status on a new date") {
    auto log = cipari_log();
    auto held = store::add_meeting(log, fields("Rapat", "2026-11-20"), k_today);
    core::MeetingFields later;
    later.date = day("2026-12-20");
    CHECK(says(thrown<core::Refused>([&] { store::edit_meeting(log, held, later, k_today); }),
               "a meeting on 2026-12-20 cannot be held yet"));
    later.status = core::MeetingStatus::planned;
    auto moved = store::edit_meeting(log, held, later, k_today);
    CHECK(moved.status == core::MeetingStatus::planned);
    CHECK(moved.date == day("2026-12-20"));

    core::MeetingFields back; // a planned meeting moved to the past stays planned
    back.date = day("2026-11-01");
    CHECK(store::edit_meeting(log, moved, back, k_today).status == core::MeetingStatus::planned);

    auto cancelled = store::cancel_meeting(log, moved, "hujan");
    core::MeetingFields reinstate;
    reinstate.status = core::MeetingStatus::planned;
    auto planned = store::edit_meeting(log, cancelled, reinstate, k_today);
    CHECK(planned.status == core::MeetingStatus::planned);
    CHECK(planned.cancel_reason.empty());
}

TEST_CASE("store::attend_meeting: all or nothing") {
    auto log = cipari_log();
    auto f = fields("Rapat", "2026-11-20");
    f.attendees = {"cipari-cipari"};
    auto m = store::add_meeting(log, f, k_today);
    auto before = meeting_rows(log);
    CHECK(says(thrown<core::Conflict>([&] {
                   store::attend_meeting(log, m, {"caruy-cipari", "cipari-cipari"});
               }),
               "cipari-cipari already attends"));
    CHECK(says(thrown<core::NotFound>([&] {
                   store::attend_meeting(log, m, {"caruy-cipari", "nosuch"});
               }),
               "'nosuch'"));
    CHECK(says(thrown<core::Invalid>([&] {
                   store::attend_meeting(log, m, {"caruy-cipari", "Caruy"});
               }),
               "caruy-cipari is given twice"));
    CHECK(meeting_rows(log) == before);
    auto attended = store::attend_meeting(log, m, {"Caruy", "33.01.18.2011"});
    CHECK(slugs(attended.attendees) ==
          std::vector<std::string>{"caruy-cipari", "cipari-cipari", "sidasari-cipari"});
}

TEST_CASE("store::mark_held and store::cancel_meeting") {
    auto log = cipari_log();
    auto future = store::add_meeting(log, fields("Nanti", "2026-12-01"), k_today);
    CHECK(says(thrown<core::Refused>([&] { store::mark_held(log, future, k_today); }),
               "a meeting on 2026-12-01 cannot be held yet"));

    auto f = fields("Lalu", "2026-11-20");
    f.status = core::MeetingStatus::planned;
    auto past = store::add_meeting(log, f, k_today);
    auto held = store::mark_held(log, past, k_today);
    CHECK(held.status == core::MeetingStatus::held);
    CHECK(says(thrown<core::Conflict>([&] { store::mark_held(log, held, k_today); }),
               "already held"));
    CHECK(says(thrown<core::Refused>([&] { store::cancel_meeting(log, held, ""); }),
               "cannot be cancelled"));

    auto cancelled = store::cancel_meeting(log, future, "  banjir ");
    CHECK(cancelled.status == core::MeetingStatus::cancelled);
    CHECK(cancelled.cancel_reason == "banjir");
    CHECK(says(thrown<core::Conflict>([&] { store::cancel_meeting(log, cancelled, ""); }),
               "already cancelled"));
    CHECK(thrown<core::Refused>([&] { store::mark_held(log, cancelled, k_today); }));
    // A cancelled meeting that took place after all, once its day has come.
    auto late = store::mark_held(log, cancelled, day("2026-12-01"));
    CHECK(late.status == core::MeetingStatus::held);
    CHECK(late.cancel_reason.empty());
    CHECK(
        store::cancel_meeting(log, store::add_meeting(log, fields("X", "2027-01-01"), k_today), "")
            .cancel_reason.empty());
}

TEST_CASE("store::remove_meeting: refused while actions point at it, the rest goes with it") {
    auto log = cipari_log();
    auto f = fields("Rapat", "2026-11-20");
    f.attendees = {"cipari-cipari", "caruy-cipari"};
    f.decisions = {"One", "Two"};
    auto m = store::add_meeting(log, f, k_today);
    store::add_meeting(log, fields("Other", "2026-11-21"), k_today);
    insert_action(log, "ac710000-0000-4000-8000-000000000001", m);
    m = *store::find_meeting(log, m.uuid);
    REQUIRE(m.actions.size() == 1);
    CHECK(m.actions.front().uuid == "ac710000-0000-4000-8000-000000000001");
    CHECK(m.actions.front().owner.slug == "cipari-cipari");
    CHECK_FALSE(m.actions.front().done);
    auto refusal = thrown<core::Refused>([&] { store::remove_meeting(log, m); });
    CHECK(says(refusal, "ac710000"));
    CHECK(rows(log, "meeting") == 2);

    store::db_of(log).exec("DELETE FROM action");
    m = *store::find_meeting(log, m.uuid);
    store::remove_meeting(log, m);
    CHECK(rows(log, "meeting") == 1);
    CHECK(rows(log, "meeting_attendee") == 0);
    CHECK(rows(log, "meeting_decision") == 0);
    CHECK_FALSE(store::find_meeting(log, m.uuid));
}
