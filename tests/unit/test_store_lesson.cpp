// Tests of src/store/lesson.cpp, lesson_write.cpp and lesson_adopt.cpp: lessons with their
// topics and links, their adoption by other villages, and the full-text index kept with them.

#include "core/date.hpp"
#include "core/error.hpp"
#include "core/id.hpp"
#include "core/lesson.hpp"
#include "store/lesson.hpp"
#include "store/log.hpp"
#include "store/log_impl.hpp"
#include "store/region.hpp"
#include "store/village.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <doctest/doctest.h>

#include <filesystem>
#include <string>
#include <vector>

using namespace kades;
using core::AdoptionStatus;
using core::LessonKind;
using store::Log;

namespace {
namespace fs = std::filesystem;

core::Date day(const char* iso) {
    return core::parse_iso_date(iso).value();
}

const core::Date k_today = day("2026-11-27");

Log cipari_log() {
    auto log = Log::open_memory();
    store::import_regions(log, fs::path(__FILE__).parent_path().parent_path() / "data" / "wilayah");
    store::import_villages_under(log, "33.01.18");
    return log;
}

// Sidasari's waste bank run by the BUMDes: the case study's success.
core::LessonFields waste_bank() {
    core::LessonFields f;
    f.title = "Bank sampah dikelola BUMDes";
    f.village = "sidasari-cipari";
    f.kind = LessonKind::success;
    f.date = day("2026-10-01");
    f.topics = {"Sampah", "BUMDes"};
    f.context = "Sampah menumpuk di sungai; desa merencanakan bank sampah.";
    f.outcome = "120 nasabah, Rp 4 juta sebulan.";
    f.lesson = "Sampah jadi tabungan bila BUMDes mengelolanya.";
    f.recommendation = "Mulai dari satu dusun.";
    return f;
}

long rows(Log& log, const std::string& sql) {
    return store::db_of(log).execAndGet(sql).getInt64();
}

std::string fts_text(Log& log, const core::Lesson& l, const char* column) {
    SQLite::Statement stmt(store::db_of(log),
                           std::string("SELECT ") + column +
                               " FROM lesson_fts WHERE rowid = (SELECT id FROM lesson WHERE "
                               "uuid = ?1)");
    stmt.bind(1, l.uuid);
    return stmt.executeStep() ? stmt.getColumn(0).getString() : "<no row>";
}

// A meeting row, as `meeting add` writes it (the meeting commands are not under test).
std::string add_meeting_row(Log& log) {
    auto uuid = core::new_uuid();
    SQLite::Statement stmt(store::db_of(log), "INSERT INTO meeting (uuid, title, date, kind, "
                                              "status) VALUES (?1, 'Rapat forum', '2026-09-30', "
                                              "'forum', 'held')");
    stmt.bind(1, uuid);
    stmt.exec();
    return uuid;
}

template <typename E, typename F> std::string thrown(F f) {
    try {
        f();
    } catch (const E& e) {
        return e.what();
    }
    return "<nothing thrown>";
}

bool has(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

} // namespace

TEST_CASE("store::add_lesson: the case study's lesson, read back whole and indexed") {
    auto log = cipari_log();
    auto l = store::add_lesson(log, waste_bank(), k_today);
    CHECK(l.uuid.size() == 36);
    CHECK(l.title == "Bank sampah dikelola BUMDes");
    CHECK(l.village == core::VillageRef{"sidasari-cipari", "Sidasari"});
    CHECK(l.kind == LessonKind::success);
    CHECK(l.date == day("2026-10-01"));
    CHECK(l.topics == std::vector<std::string>{"bumdes", "sampah"});
    CHECK(l.outcome == "120 nasabah, Rp 4 juta sebulan.");
    CHECK_FALSE(l.meeting);
    CHECK(l.adoptions.empty());
    CHECK(store::resolve_lesson(log, core::short_id(l.uuid)).title == l.title);
    CHECK(fts_text(log, l, "title") == l.title);
    CHECK(fts_text(log, l, "topics") == "bumdes sampah");
    CHECK(fts_text(log, l, "lesson") == l.lesson);
}

TEST_CASE("store::add_lesson: the kind defaults to insight, the date to today") {
    auto log = cipari_log();
    core::LessonFields f;
    f.title = "Posyandu keliling";
    f.village = "Serang";
    auto l = store::add_lesson(log, f, k_today);
    CHECK(l.kind == LessonKind::insight);
    CHECK(l.date == k_today);
    CHECK(l.village.slug == "serang-cipari");
    CHECK(l.topics.empty());
    CHECK(l.context.empty());
}

TEST_CASE("store::add_lesson: title and village required, references resolved first") {
    auto log = cipari_log();
    auto f = waste_bank();
    f.title.reset();
    CHECK(has(thrown<core::Invalid>([&] { store::add_lesson(log, f, k_today); }), "title"));
    f.title = "   ";
    CHECK(has(thrown<core::Invalid>([&] { store::add_lesson(log, f, k_today); }), "title"));
    f = waste_bank();
    f.village.reset();
    CHECK(has(thrown<core::Invalid>([&] { store::add_lesson(log, f, k_today); }), "village"));
    f.village = "nosuch";
    CHECK(has(thrown<core::NotFound>([&] { store::add_lesson(log, f, k_today); }), "'nosuch'"));
    f = waste_bank();
    f.meeting = "abcd";
    CHECK(has(thrown<core::NotFound>([&] { store::add_lesson(log, f, k_today); }), "'abcd'"));
    f = waste_bank();
    f.visit = "abcd";
    CHECK(has(thrown<core::NotFound>([&] { store::add_lesson(log, f, k_today); }), "'abcd'"));
    CHECK(rows(log, "SELECT count(*) FROM lesson") == 0);
    CHECK(rows(log, "SELECT count(*) FROM lesson_fts") == 0);
}

TEST_CASE("store::add_lesson and edit_lesson: the meeting or the visit where it was shared") {
    auto log = cipari_log();
    auto meeting = add_meeting_row(log);
    auto f = waste_bank();
    f.meeting = meeting.substr(0, 6);
    auto l = store::add_lesson(log, f, k_today);
    REQUIRE(l.meeting);
    CHECK(l.meeting->uuid == meeting);
    CHECK(l.meeting->title == "Rapat forum");
    CHECK(l.meeting->date == day("2026-09-30"));
    core::LessonFields both;
    both.meeting = meeting;
    both.visit = "abcd";
    CHECK(has(thrown<core::Invalid>([&] { store::edit_lesson(log, l, both); }), "not both"));
    core::LessonFields unlink;
    unlink.meeting = "";
    CHECK_FALSE(store::edit_lesson(log, l, unlink).meeting);
}

TEST_CASE("store::edit_lesson: what the fields set, topics replaced, dropped and added") {
    auto log = cipari_log();
    auto l = store::add_lesson(log, waste_bank(), k_today);
    core::LessonFields f;
    f.title = "Bank sampah desa";
    f.kind = LessonKind::insight;
    f.outcome = "";
    f.drop_topics = {"BUMDes"};
    f.topics = {"Pelayanan Publik", "sampah"};
    auto e = store::edit_lesson(log, l, f);
    CHECK(e.title == "Bank sampah desa");
    CHECK(e.kind == LessonKind::insight);
    CHECK(e.outcome.empty());
    CHECK(e.context == l.context);
    CHECK(e.topics == std::vector<std::string>{"pelayanan publik", "sampah"});
    CHECK(fts_text(log, e, "title") == "Bank sampah desa");
    CHECK(fts_text(log, e, "topics") == "pelayanan publik sampah");
    CHECK(fts_text(log, e, "outcome") == "");

    core::LessonFields all;
    all.all_topics = std::vector<std::string>{"Pertanian"};
    e = store::edit_lesson(log, e, all);
    CHECK(e.topics == std::vector<std::string>{"pertanian"});
    CHECK(fts_text(log, e, "topics") == "pertanian");
    core::LessonFields none;
    none.all_topics = std::vector<std::string>{};
    e = store::edit_lesson(log, e, none);
    CHECK(e.topics.empty());
    CHECK(fts_text(log, e, "topics") == "");

    core::LessonFields missing;
    missing.drop_topics = {"wisata"};
    CHECK(has(thrown<core::Invalid>([&] { store::edit_lesson(log, e, missing); }), "'wisata'"));
    core::LessonFields empty_title;
    empty_title.title = "";
    CHECK(has(thrown<core::Invalid>([&] { store::edit_lesson(log, e, empty_title); }), "title"));
}

TEST_CASE("store::adopt_lesson: Caruy takes the waste bank up, and the status moves on") {
    auto log = cipari_log();
    auto l = store::add_lesson(log, waste_bank(), k_today);
    store::AdoptionFields f;
    f.village = "caruy-cipari";
    f.date = day("2026-10-15");
    auto first = store::adopt_lesson(log, l, f, k_today);
    CHECK_FALSE(first.before);
    CHECK(first.adoption.village == core::VillageRef{"caruy-cipari", "Caruy"});
    CHECK(first.adoption.status == AdoptionStatus::planned);
    CHECK(first.adoption.date == day("2026-10-15"));
    REQUIRE(first.lesson.adoptions.size() == 1);

    store::AdoptionFields on;
    on.village = "Caruy";
    on.status = AdoptionStatus::trying;
    on.result = "40 nasabah bulan pertama";
    auto second = store::adopt_lesson(log, first.lesson, on, k_today);
    REQUIRE(second.before);
    CHECK(second.before->status == AdoptionStatus::planned);
    CHECK(second.adoption.uuid == first.adoption.uuid);
    CHECK(second.adoption.status == AdoptionStatus::trying);
    CHECK(second.adoption.date == k_today); // a new status is dated today
    CHECK(second.adoption.result == "40 nasabah bulan pertama");
    CHECK(second.lesson.adoptions.size() == 1);

    auto same =
        thrown<core::Conflict>([&] { store::adopt_lesson(log, second.lesson, on, k_today); });
    CHECK(has(same, "caruy-cipari already takes lesson"));
    store::AdoptionFields result;
    result.village = "caruy-cipari";
    result.result = "";
    auto third = store::adopt_lesson(log, second.lesson, result, k_today);
    CHECK(third.adoption.status == AdoptionStatus::trying);
    CHECK(third.adoption.result.empty());
    CHECK(rows(log, "SELECT count(*) FROM adoption") == 1);
}

TEST_CASE("store::adopt_lesson: refused for its own village and before the lesson") {
    auto log = cipari_log();
    auto l = store::add_lesson(log, waste_bank(), k_today);
    store::AdoptionFields own;
    own.village = "sidasari-cipari";
    CHECK(has(thrown<core::Refused>([&] { store::adopt_lesson(log, l, own, k_today); }),
              "cannot adopt its own lesson"));
    store::AdoptionFields early;
    early.village = "caruy-cipari";
    early.date = day("2026-09-01");
    CHECK(has(thrown<core::Invalid>([&] { store::adopt_lesson(log, l, early, k_today); }),
              "2026-09-01"));
    store::AdoptionFields nosuch;
    nosuch.village = "nosuch";
    CHECK_THROWS_AS(store::adopt_lesson(log, l, nosuch, k_today), core::NotFound);
    CHECK(rows(log, "SELECT count(*) FROM adoption") == 0);
}

TEST_CASE("store::edit_lesson: not to its adopter's village, nor after an adoption") {
    auto log = cipari_log();
    auto l = store::add_lesson(log, waste_bank(), k_today);
    store::AdoptionFields f;
    f.village = "caruy-cipari";
    f.date = day("2026-10-15");
    l = store::adopt_lesson(log, l, f, k_today).lesson;
    core::LessonFields move;
    move.village = "caruy-cipari";
    CHECK(has(thrown<core::Refused>([&] { store::edit_lesson(log, l, move); }), "caruy-cipari"));
    core::LessonFields later;
    later.date = day("2026-11-01");
    CHECK(has(thrown<core::Invalid>([&] { store::edit_lesson(log, l, later); }), "2026-10-15"));
    CHECK(store::resolve_lesson(log, l.uuid.substr(0, 8)).village.slug == "sidasari-cipari");
}

TEST_CASE("store::remove_lesson: refused while adopted, topics and index row go with it") {
    auto log = cipari_log();
    auto l = store::add_lesson(log, waste_bank(), k_today);
    auto other = store::add_lesson(log, waste_bank(), k_today);
    store::AdoptionFields f;
    f.village = "caruy-cipari";
    l = store::adopt_lesson(log, l, f, k_today).lesson;
    try {
        store::remove_lesson(log, l);
        FAIL("a lesson taken up was removed");
    } catch (const core::Refused& e) {
        CHECK(has(e.what(), "caruy-cipari"));
        CHECK(has(e.hints().back(), "unadopt"));
    }
    auto undone = store::remove_adoption(log, l, "caruy-cipari");
    CHECK(undone.removed.village.slug == "caruy-cipari");
    CHECK(undone.lesson.adoptions.empty());
    CHECK_THROWS_AS(store::remove_adoption(log, undone.lesson, "caruy-cipari"), core::NotFound);
    store::remove_lesson(log, undone.lesson);
    CHECK_FALSE(store::find_lesson(log, l.uuid));
    CHECK(rows(log, "SELECT count(*) FROM lesson_topic") == 2); // the other lesson's
    CHECK(rows(log, "SELECT count(*) FROM lesson_fts") == 1);
    CHECK(rows(log, "SELECT count(*) FROM lesson_fts WHERE lesson_fts MATCH 'sampah'") == 1);
    CHECK(store::find_lesson(log, other.uuid));
}

TEST_CASE("store::list_lessons: by date, narrowed by topic, kind, village and period") {
    auto log = cipari_log();
    auto a = store::add_lesson(log, waste_bank(), k_today);
    core::LessonFields drip;
    drip.title = "Irigasi tetes tanpa pelatihan perawatan";
    drip.village = "kutasari-cipari";
    drip.kind = LessonKind::failure;
    drip.date = day("2026-08-01");
    drip.topics = {"pertanian"};
    auto b = store::add_lesson(log, drip, k_today);
    store::AdoptionFields f;
    f.village = "caruy-cipari";
    store::adopt_lesson(log, a, f, k_today);
    auto titles = [&](const store::LessonFilter& filter) {
        std::vector<std::string> out;
        for (const auto& l : store::list_lessons(log, filter))
            out.push_back(l.title);
        return out;
    };
    CHECK(titles({}) == std::vector<std::string>{b.title, a.title});
    store::LessonFilter topic;
    topic.topic = " BUMDES ";
    CHECK(titles(topic) == std::vector<std::string>{a.title});
    store::LessonFilter kind;
    kind.kind = LessonKind::failure;
    CHECK(titles(kind) == std::vector<std::string>{b.title});
    store::LessonFilter village;
    village.village = "caruy-cipari"; // the lessons a village shared or took up
    CHECK(titles(village) == std::vector<std::string>{a.title});
    village.village = "kutasari-cipari";
    CHECK(titles(village) == std::vector<std::string>{b.title});
    store::LessonFilter period;
    period.window.period = core::Period{day("2026-09-01"), day("2026-12-31")};
    CHECK(titles(period) == std::vector<std::string>{a.title});
    store::LessonFilter limit;
    limit.window.limit = 1;
    CHECK(titles(limit) == std::vector<std::string>{b.title});
    store::LessonFilter unknown;
    unknown.village = "nosuch";
    CHECK_THROWS_AS(store::list_lessons(log, unknown), core::NotFound);
}
