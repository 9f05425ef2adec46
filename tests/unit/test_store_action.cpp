// Tests of src/store/action*.cpp: follow-up actions.

#include "core/action.hpp"
#include "core/error.hpp"
#include "core/village.hpp"
#include "store/action.hpp"
#include "store/log.hpp"
#include "store/log_impl.hpp"
#include "store/village.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <doctest/doctest.h>

#include <optional>
#include <string>
#include <vector>

using namespace kades;
using store::Log;

namespace {

constexpr const char* k_meeting = "abcdef01-0000-4000-8000-000000000001";
constexpr const char* k_other_meeting = "abcdef02-0000-4000-8000-000000000002";

core::Date date(const char* iso) {
    return core::parse_iso_date(iso).value();
}

const core::Date k_today = date("2026-11-27");

void insert_meeting(Log& log, const std::string& uuid, const std::string& title) {
    SQLite::Statement stmt(store::db_of(log), R"sql(
INSERT INTO meeting (uuid, title, date, kind, status)
VALUES (?1, ?2, '2026-11-06', 'routine', 'held'))sql");
    stmt.bind(1, uuid);
    stmt.bind(2, title);
    stmt.exec();
}

// A log with villages alpha-cipari and beta-cipari and two meetings.
Log action_log() {
    auto log = Log::open_memory();
    for (const char* name : {"Alpha", "Beta"}) {
        core::VillageFields f;
        f.name = name;
        f.district = "Cipari";
        store::add_village(log, f);
    }
    insert_meeting(log, k_meeting, "Rapat koordinasi");
    insert_meeting(log, k_other_meeting, "Pelatihan");
    return log;
}

std::string owner(Log& log, const char* ref) {
    return store::resolve_village(log, ref).uuid;
}

core::Action add(Log& log, const std::string& text, const char* ref = "alpha-cipari",
                 const char* due = nullptr, const char* meeting = nullptr) {
    core::ActionFields f;
    f.text = text;
    f.owner = owner(log, ref);
    if (due)
        f.due = date(due);
    if (meeting)
        f.meeting = meeting;
    return store::add_action(log, f);
}

std::vector<std::string> texts_of(const std::vector<core::Action>& actions) {
    std::vector<std::string> texts;
    for (const auto& a : actions)
        texts.push_back(a.text);
    return texts;
}

std::vector<std::string> listed(Log& log, store::ActionFilter filter) {
    filter.today = k_today;
    return texts_of(store::list_actions(log, filter));
}

long rows(Log& log) {
    return store::db_of(log).execAndGet("SELECT count(*) FROM action").getInt64();
}

template <typename E, typename F> std::optional<E> thrown(F f) {
    try {
        f();
    } catch (const E& e) {
        return e;
    }
    return std::nullopt;
}

// Four actions: A open due 2026-12-10, B open overdue, C open without due, D done.
Log four_actions() {
    auto log = action_log();
    add(log, "C", "beta-cipari");
    add(log, "A", "alpha-cipari", "2026-12-10", k_meeting);
    add(log, "B", "beta-cipari", "2026-11-01", k_meeting);
    auto d = add(log, "D", "alpha-cipari", "2026-10-01");
    store::mark_done(log, d, date("2026-10-05"), std::nullopt);
    return log;
}

} // namespace

TEST_CASE("store::add_action: text, owner, due, meeting and note, read back open") {
    auto log = action_log();
    core::ActionFields f;
    f.text = "Register the joint BUMDes";
    f.owner = owner(log, "beta-cipari");
    f.due = date("2026-12-15");
    f.meeting = k_meeting;
    f.note = "with the notary";
    auto a = store::add_action(log, f);
    CHECK(a.uuid.size() == 36);
    CHECK(a.text == "Register the joint BUMDes");
    CHECK(a.owner == core::VillageRef{"beta-cipari", "Beta"});
    CHECK(a.due == date("2026-12-15"));
    CHECK(a.status == core::ActionStatus::open);
    CHECK_FALSE(a.done_on);
    CHECK(a.note == "with the notary");
    REQUIRE(a.meeting);
    CHECK(a.meeting->uuid == k_meeting);
    CHECK(a.meeting->title == "Rapat koordinasi");
    CHECK(a.meeting->date == date("2026-11-06"));
    CHECK(store::find_action(log, a.uuid.substr(0, 6)).text == a.text);
}

TEST_CASE("store::add_action: without due or meeting, no text, no owner or a lost id refused") {
    auto log = action_log();
    auto a = add(log, "Survey");
    CHECK_FALSE(a.due);
    CHECK_FALSE(a.meeting);
    CHECK(a.note.empty());

    core::ActionFields none;
    none.owner = owner(log, "alpha");
    CHECK_THROWS_AS(store::add_action(log, none), core::Invalid);
    core::ActionFields ownerless;
    ownerless.text = "x";
    CHECK_THROWS_AS(store::add_action(log, ownerless), core::Invalid);
    core::ActionFields lost = ownerless;
    lost.owner = owner(log, "alpha");
    lost.meeting = "00000000-0000-4000-8000-000000000000";
    CHECK_THROWS_AS(store::add_action(log, lost), core::NotFound);
    CHECK(rows(log) == 1);
}

TEST_CASE("store::list_actions: open by due date (none last), then done by the day done") {
    auto log = four_actions();
    auto e = add(log, "E", "alpha-cipari", "2026-09-01");
    store::mark_done(log, e, date("2026-11-20"), std::nullopt);
    CHECK(listed(log, {}) == std::vector<std::string>{"B", "A", "C", "D", "E"});
}

TEST_CASE("store::list_actions: --open, --done, --overdue and their unions") {
    auto log = four_actions();
    store::ActionFilter f;
    f.open = true;
    CHECK(listed(log, f) == std::vector<std::string>{"B", "A", "C"});
    f = {};
    f.done = true;
    CHECK(listed(log, f) == std::vector<std::string>{"D"});
    f = {};
    f.overdue = true;
    CHECK(listed(log, f) == std::vector<std::string>{"B"});
    f.done = true;
    CHECK(listed(log, f) == std::vector<std::string>{"B", "D"});
    f.today = date("2026-12-11"); // listed() sets its own today: ask directly
    f.done = false;
    CHECK(texts_of(store::list_actions(log, f)) == std::vector<std::string>{"B", "A"});
}

TEST_CASE("store::list_actions: by owner, by meeting, by due date in a period, limited") {
    auto log = four_actions();
    store::ActionFilter f;
    f.owner = owner(log, "beta-cipari");
    CHECK(listed(log, f) == std::vector<std::string>{"B", "C"});
    f = {};
    f.meeting = k_meeting;
    CHECK(listed(log, f) == std::vector<std::string>{"B", "A"});
    f.meeting = k_other_meeting;
    CHECK(listed(log, f).empty());
    f = {};
    f.window.period = core::Period{date("2026-10-01"), date("2026-11-30")};
    CHECK(listed(log, f) == std::vector<std::string>{"B", "D"});
    f = {};
    f.window.limit = 2;
    CHECK(listed(log, f) == std::vector<std::string>{"B", "A"});
}

TEST_CASE("store::mark_done and reopen_action: each once") {
    auto log = action_log();
    auto a = add(log, "Survey", "alpha-cipari", "2026-11-01");
    a = store::mark_done(log, a, date("2026-11-20"), std::string("surveyed"));
    CHECK(a.status == core::ActionStatus::done);
    CHECK(a.done_on == date("2026-11-20"));
    CHECK(a.note == "surveyed");
    auto twice =
        thrown<core::Refused>([&] { store::mark_done(log, a, date("2026-11-21"), std::nullopt); });
    REQUIRE(twice);
    CHECK(std::string(twice->what()).find("already done on 2026-11-20") != std::string::npos);

    a = store::reopen_action(log, a);
    CHECK(a.status == core::ActionStatus::open);
    CHECK_FALSE(a.done_on);
    CHECK(a.note == "surveyed"); // the note stays
    auto open = thrown<core::Refused>([&] { store::reopen_action(log, a); });
    REQUIRE(open);
    CHECK(std::string(open->what()).find(a.uuid.substr(0, 8)) != std::string::npos);

    a = store::mark_done(log, a, date("2026-11-27"), std::nullopt);
    CHECK(a.note == "surveyed"); // no --note keeps it
}

TEST_CASE("store::edit_action: changes what is given, keeps the rest, clears with empty") {
    auto log = action_log();
    auto a = add(log, "Survey", "alpha-cipari", "2026-12-01", k_meeting);
    core::ActionFields text;
    text.text = "Survey the canals";
    a = store::edit_action(log, a, text);
    CHECK(a.text == "Survey the canals");
    CHECK(a.owner.slug == "alpha-cipari");
    CHECK(a.due == date("2026-12-01"));
    CHECK(a.meeting->uuid == k_meeting);

    core::ActionFields move;
    move.owner = owner(log, "beta");
    move.meeting = k_other_meeting;
    move.note = "moved";
    a = store::edit_action(log, a, move);
    CHECK(a.owner.slug == "beta-cipari");
    CHECK(a.meeting->uuid == k_other_meeting);
    CHECK(a.note == "moved");
    CHECK(a.text == "Survey the canals");

    core::ActionFields clear;
    clear.due = std::optional<core::Date>();
    clear.meeting = "";
    clear.note = "";
    a = store::edit_action(log, a, clear);
    CHECK_FALSE(a.due);
    CHECK_FALSE(a.meeting);
    CHECK(a.note.empty());
    CHECK(a.owner.slug == "beta-cipari");

    core::ActionFields empty;
    empty.text = "";
    CHECK_THROWS_AS(store::edit_action(log, a, empty), core::Invalid);
}

TEST_CASE("store::find_action: ambiguous and unknown ids, remove_action") {
    auto log = action_log();
    for (const char* uuid :
         {"77770000-0000-4000-8000-000000000001", "77771111-0000-4000-8000-000000000002"})
        store::db_of(log).exec(std::string("INSERT INTO action (uuid, text, owner, status) "
                                           "VALUES ('") +
                               uuid + "', 'x', 1, 'open')");
    CHECK_THROWS_AS(store::find_action(log, "7777"), core::Ambiguous);
    CHECK_THROWS_AS(store::find_action(log, "8888"), core::NotFound);
    auto a = store::find_action(log, "77771");
    store::remove_action(log, a);
    CHECK(rows(log) == 1);
    CHECK(store::find_action(log, "7777").uuid == "77770000-0000-4000-8000-000000000001");
}

TEST_CASE("store: a meeting with actions cannot be deleted under them") {
    auto log = action_log();
    add(log, "Survey", "alpha-cipari", nullptr, k_meeting);
    CHECK_THROWS(store::db_of(log).exec(std::string("DELETE FROM meeting WHERE uuid = '") +
                                        k_meeting + "'"));
}
