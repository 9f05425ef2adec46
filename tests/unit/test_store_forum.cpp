// Tests of src/store/forum*.cpp: forums and their member villages.

#include "core/error.hpp"
#include "core/forum.hpp"
#include "core/village.hpp"
#include "store/forum.hpp"
#include "store/log.hpp"
#include "store/log_impl.hpp"
#include "store/village.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <doctest/doctest.h>
#include <fmt/format.h>

#include <optional>
#include <string>
#include <vector>

using namespace kades;
using store::Log;

namespace {

core::Date date(const char* iso) {
    return core::parse_iso_date(iso).value();
}

// A log with three villages: alpha-cipari, beta-cipari, gamma-sampang.
Log village_log() {
    auto log = Log::open_memory();
    for (auto [name, district] : {std::pair{"Alpha", "Cipari"}, std::pair{"Beta", "Cipari"},
                                  std::pair{"Gamma", "Sampang"}}) {
        core::VillageFields f;
        f.name = name;
        f.district = district;
        store::add_village(log, f);
    }
    return log;
}

core::ForumFields named(const std::string& name) {
    core::ForumFields f;
    f.name = name;
    return f;
}

std::vector<std::string> slugs_of(const core::Forum& forum) {
    std::vector<std::string> slugs;
    for (const auto& m : forum.members)
        slugs.push_back(m.village.slug);
    return slugs;
}

std::vector<std::string> names_of(const std::vector<core::Forum>& forums) {
    std::vector<std::string> names;
    for (const auto& f : forums)
        names.push_back(f.name);
    return names;
}

core::Forum add(Log& log, const std::string& name, const std::vector<std::string>& refs = {}) {
    return store::add_forum(log, named(name), store::resolve_members(log, refs));
}

long rows(Log& log, const std::string& table) {
    return store::db_of(log).execAndGet("SELECT count(*) FROM " + table).getInt64();
}

// A forum row with a chosen UUID, to make two ids share a prefix.
void insert_forum(Log& log, const std::string& uuid, const std::string& name) {
    SQLite::Statement stmt(store::db_of(log), "INSERT INTO forum (uuid, name) VALUES (?1, ?2)");
    stmt.bind(1, uuid);
    stmt.bind(2, name);
    stmt.exec();
}

void insert_meeting(Log& log, const std::string& uuid, const std::string& title,
                    const std::string& forum_uuid) {
    SQLite::Statement stmt(store::db_of(log), R"sql(
INSERT INTO meeting (uuid, title, date, kind, status, forum)
VALUES (?1, ?2, '2026-11-06', 'forum', 'held', (SELECT id FROM forum WHERE uuid = ?3)))sql");
    stmt.bind(1, uuid);
    stmt.bind(2, title);
    stmt.bind(3, forum_uuid);
    stmt.exec();
}

template <typename E, typename F> std::optional<E> thrown(F f) {
    try {
        f();
    } catch (const E& e) {
        return e;
    }
    return std::nullopt;
}

} // namespace

TEST_CASE("store::add_forum: name, purpose, founded and members, read back") {
    auto log = village_log();
    auto fields = named("Forum Kades Cipari");
    fields.purpose = "BUMDes bersama";
    fields.founded = date("2024-03-01");
    auto f = store::add_forum(
        log, fields, store::resolve_members(log, {"beta-cipari", "Alpha", "gamma-sampang"}));
    CHECK(f.uuid.size() == 36);
    CHECK(f.name == "Forum Kades Cipari");
    CHECK(f.purpose == "BUMDes bersama");
    CHECK(f.founded == date("2024-03-01"));
    CHECK(slugs_of(f) == std::vector<std::string>{"alpha-cipari", "beta-cipari", "gamma-sampang"});
    CHECK(f.members.at(0).village.name == "Alpha");
    CHECK(f.members.at(2).district == "Sampang");
    auto again = store::find_forum(log, f.uuid.substr(0, 8));
    CHECK(again.uuid == f.uuid);
    CHECK(slugs_of(again) == slugs_of(f));
}

TEST_CASE("store::add_forum: without members or dates, a name taken is refused") {
    auto log = village_log();
    auto f = add(log, "Forum A");
    CHECK(f.members.empty());
    CHECK_FALSE(f.founded);
    CHECK(f.purpose.empty());
    auto e = thrown<core::Conflict>([&] { add(log, "forum a"); });
    REQUIRE(e);
    CHECK(std::string(e->what()).find("'forum a'") != std::string::npos);
    CHECK(std::string(e->what()).find(f.uuid.substr(0, 8)) != std::string::npos);
    CHECK(rows(log, "forum") == 1);
    CHECK_THROWS_AS(store::add_forum(log, core::ForumFields{}, {}), core::Invalid);
}

TEST_CASE("store::resolve_members: every REF resolved, an unknown or repeated one refused") {
    auto log = village_log();
    CHECK(store::resolve_members(log, {}).empty());
    CHECK(store::resolve_members(log, {"gamma", "alpha-cipari"}).at(0).slug == "gamma-sampang");
    auto unknown = thrown<core::NotFound>([&] {
        store::resolve_members(log, {"alpha-cipari", "nosuch", "beta-cipari"});
    });
    REQUIRE(unknown);
    CHECK(std::string(unknown->what()).find("'nosuch'") != std::string::npos);
    auto twice = thrown<core::Invalid>([&] {
        store::resolve_members(log, {"alpha", "alpha-cipari"});
    });
    REQUIRE(twice);
    CHECK(std::string(twice->what()).find("alpha-cipari") != std::string::npos);
}

TEST_CASE("store::join_forum and leave_forum: members come and go, each once") {
    auto log = village_log();
    auto f = add(log, "Forum A", {"alpha-cipari"});
    f = store::join_forum(log, f, store::resolve_members(log, {"gamma-sampang", "beta-cipari"}));
    CHECK(slugs_of(f) == std::vector<std::string>{"alpha-cipari", "beta-cipari", "gamma-sampang"});

    // A member joining again: refused naming it, before anything of the request is written.
    auto fresh = store::resolve_members(log, {"alpha-cipari"});
    auto e = thrown<core::Conflict>([&] { store::join_forum(log, f, fresh); });
    REQUIRE(e);
    CHECK(std::string(e->what()).find("alpha-cipari") != std::string::npos);

    f = store::leave_forum(log, f, store::resolve_members(log, {"alpha-cipari", "gamma-sampang"}));
    CHECK(slugs_of(f) == std::vector<std::string>{"beta-cipari"});
    auto before = rows(log, "forum_member");
    auto left = thrown<core::Refused>([&] {
        store::leave_forum(log, f, store::resolve_members(log, {"beta-cipari", "alpha-cipari"}));
    });
    REQUIRE(left);
    CHECK(std::string(left->what()).find("alpha-cipari is not a member") != std::string::npos);
    CHECK(rows(log, "forum_member") == before);
}

TEST_CASE("store::edit_forum: changes what is given, keeps the rest, clears with empty") {
    auto log = village_log();
    auto fields = named("Forum A");
    fields.purpose = "old";
    fields.founded = date("2020-01-01");
    auto f = store::add_forum(log, fields, store::resolve_members(log, {"beta"}));
    add(log, "Forum B");

    core::ForumFields rename;
    rename.name = "Forum Kades";
    f = store::edit_forum(log, f, rename);
    CHECK(f.name == "Forum Kades");
    CHECK(f.purpose == "old");
    CHECK(f.founded == date("2020-01-01"));
    CHECK(slugs_of(f) == std::vector<std::string>{"beta-cipari"});

    core::ForumFields clear;
    clear.purpose = "";
    clear.founded = std::optional<core::Date>();
    f = store::edit_forum(log, f, clear);
    CHECK(f.purpose.empty());
    CHECK_FALSE(f.founded);
    CHECK(f.name == "Forum Kades");

    CHECK_THROWS_AS(store::edit_forum(log, f, named("FORUM B")), core::Conflict);
    CHECK_NOTHROW(store::edit_forum(log, f, named("forum kades"))); // its own name, recased
}

TEST_CASE("store::list_forums: by name, by member village, by founding date, limited") {
    auto log = village_log();
    auto with_date = [&](const std::string& name, const char* founded,
                         const std::vector<std::string>& refs) {
        auto fields = named(name);
        if (founded)
            fields.founded = date(founded);
        store::add_forum(log, fields, store::resolve_members(log, refs));
    };
    with_date("zeta", "2023-05-01", {"alpha-cipari"});
    with_date("Alpha forum", "2025-01-10", {"beta-cipari", "alpha-cipari"});
    with_date("mid", nullptr, {});
    store::ForumFilter all;
    CHECK(names_of(store::list_forums(log, all)) ==
          std::vector<std::string>{"Alpha forum", "mid", "zeta"});
    CHECK(store::list_forums(log, all).at(0).members.size() == 2);

    store::ForumFilter of_alpha;
    of_alpha.village = store::resolve_village(log, "alpha-cipari").uuid;
    CHECK(names_of(store::list_forums(log, of_alpha)) ==
          std::vector<std::string>{"Alpha forum", "zeta"});
    of_alpha.village = store::resolve_village(log, "gamma-sampang").uuid;
    CHECK(store::list_forums(log, of_alpha).empty());

    store::ForumFilter period;
    period.window.period = core::Period{date("2024-01-01"), date("2025-12-31")};
    CHECK(names_of(store::list_forums(log, period)) == std::vector<std::string>{"Alpha forum"});

    store::ForumFilter limited;
    limited.window.limit = 2;
    CHECK(store::list_forums(log, limited).size() == 2);
}

TEST_CASE("store::find_forum: a unique prefix, an ambiguous, unknown or malformed id refused") {
    auto log = village_log();
    insert_forum(log, "3f9a0c12-0000-4000-8000-000000000001", "One");
    insert_forum(log, "3f9a0c99-0000-4000-8000-000000000002", "Two");
    CHECK(store::find_forum(log, "3f9a0c1").name == "One");
    CHECK(store::find_forum(log, "3F9A0C99").name == "Two");
    auto ambiguous = thrown<core::Ambiguous>([&] { store::find_forum(log, "3f9a"); });
    REQUIRE(ambiguous);
    CHECK(std::string(ambiguous->what()).find("'3f9a'") != std::string::npos);
    CHECK(ambiguous->hints().size() == 2);
    CHECK_THROWS_AS(store::find_forum(log, "abcd"), core::NotFound);
    CHECK_THROWS_AS(store::find_forum(log, "3f9"), core::Invalid);
    CHECK_THROWS_AS(store::find_forum(log, "xyz123"), core::Invalid);
}

TEST_CASE("store::remove_forum: refused while meetings point at it, members go with it") {
    auto log = village_log();
    auto f = add(log, "Forum A", {"alpha-cipari", "beta-cipari"});
    insert_meeting(log, "abcdef01-0000-4000-8000-000000000001", "Rapat koordinasi", f.uuid);
    auto e = thrown<core::Refused>([&] { store::remove_forum(log, f); });
    REQUIRE(e);
    CHECK(std::string(e->what()).find(f.uuid.substr(0, 8)) != std::string::npos);
    REQUIRE(e->hints().size() == 1);
    CHECK(e->hints().at(0).find("abcdef01") != std::string::npos);
    CHECK(e->hints().at(0).find("Rapat koordinasi") != std::string::npos);
    CHECK(rows(log, "forum") == 1);

    store::db_of(log).exec("DELETE FROM meeting");
    store::remove_forum(log, f);
    CHECK(rows(log, "forum") == 0);
    CHECK(rows(log, "forum_member") == 0);
    CHECK(rows(log, "village") == 3);
}

TEST_CASE("store::remove_forum: a long list of meetings is cut, with the count of the rest") {
    auto log = village_log();
    auto f = add(log, "Forum A");
    for (int i = 0; i < 12; ++i)
        insert_meeting(log, fmt::format("{:08x}-0000-4000-8000-000000000000", i),
                       fmt::format("Meeting {}", i), f.uuid);
    auto e = thrown<core::Refused>([&] { store::remove_forum(log, f); });
    REQUIRE(e);
    CHECK(std::string(e->what()).find("12 meetings") != std::string::npos);
    REQUIRE(e->hints().size() == 11);
    CHECK(e->hints().back().find("2 more") != std::string::npos);
}
