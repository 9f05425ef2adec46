// report::lessons_report and report::group_by_topic on a constructed log whose compendium is
// worked out by hand.

#include "core/error.hpp"
#include "report/lessons_report.hpp"

#include "unit/report_fixture.hpp"

#include <doctest/doctest.h>

using namespace kades;
using kades::test::d;

namespace {

// Villages a, b (archived since), c under 33.01; e under 33.02.
// l1 a success 2026-03-03, topics sampah + bumdes, adopted by b (trying) and c (adopted);
// l2 b failure 2026-03-10, topic air; l3 c insight 2026-02-01, no topic;
// l4 e success 2026-04-02, topic sampah, adopted by a (abandoned).
constexpr const char* k_log = R"sql(
INSERT INTO village (id, uuid, slug, name, code, archived) VALUES
 (1, 'u1', 'a', 'A', '33.01.01.2001', 0), (2, 'u2', 'b', 'B', '33.01.01.2002', 1),
 (3, 'u3', 'c', 'C', '33.01.01.2003', 0), (5, 'u5', 'e', 'E', '33.02.01.2001', 0);
INSERT INTO lesson (id, uuid, title, village, date, kind, context, lesson, recommendation) VALUES
 (1, 'l1', 'Bank sampah', 1, '2026-03-03', 'success', 'Sungai kotor', 'Iuran kecil cukup', 'Mulai kecil'),
 (2, 'l2', 'Irigasi', 2, '2026-03-10', 'failure', NULL, NULL, NULL),
 (3, 'l3', 'Lama', 3, '2026-02-01', 'insight', NULL, NULL, NULL),
 (4, 'l4', 'Pilah sampah', 5, '2026-04-02', 'success', NULL, NULL, NULL);
INSERT INTO lesson_topic VALUES (1, 'sampah'), (1, 'bumdes'), (2, 'air'), (4, 'sampah');
INSERT INTO adoption (id, uuid, lesson, village, status, date, result) VALUES
 (1, 'a1', 1, 2, 'trying', '2026-03-15', NULL), (2, 'a2', 1, 3, 'adopted', '2026-03-16', '40 rumah'),
 (3, 'a3', 4, 1, 'abandoned', '2026-04-20', NULL);
)sql";

store::Log lessons_log() {
    return test::log_with(k_log);
}

const core::Date k_today = d(2026, 11, 27);

core::LessonsReport compendium(store::Log& log, const store::ScopeFilter& scope = {},
                               const std::optional<core::Period>& period = std::nullopt,
                               const store::LessonSelection& selection = {}) {
    return report::lessons_report(log, scope, period, selection, k_today);
}

} // namespace

TEST_CASE("report::lessons_report: every lesson of the log, grouped by topic") {
    auto log = lessons_log();
    auto r = compendium(log);
    CHECK(r.all_time);
    REQUIRE(r.lessons.size() == 4);
    CHECK(r.lessons[0].title == "Lama"); // by date
    CHECK(r.success == 2);
    CHECK(r.failure == 1);
    CHECK(r.insight == 1);
    CHECK(r.adoptions == 3);
    CHECK(r.adopted == 1);
    CHECK(r.villages == 4); // b is archived: its lesson stays in the compendium
    // air, bumdes, sampah by name, then the lesson without a topic.
    REQUIRE(r.groups.size() == 4);
    CHECK(r.groups[0].summary.topic == "air");
    CHECK(r.groups[1].summary.topic == "bumdes");
    CHECK(r.groups[2].summary.topic == "sampah");
    CHECK(r.groups[3].summary.topic.empty());
    // "Bank sampah" is written out under bumdes (its first topic) and named under sampah.
    const auto& bank = r.lessons[1];
    CHECK(bank.title == "Bank sampah");
    CHECK(bank.topics == std::vector<std::string>{"bumdes", "sampah"});
    CHECK(r.groups[1].lessons == std::vector<std::size_t>{1});
    CHECK(r.groups[2].lessons == std::vector<std::size_t>{3});
    CHECK(r.groups[2].see_also == std::vector<std::size_t>{1});
    CHECK(r.groups[2].summary.lessons == 2);
    CHECK(r.groups[2].summary.success == 2);
    // Adopted twice: both adopters with their status and result, by name.
    REQUIRE(bank.adopters.size() == 2);
    CHECK(bank.adopters[0].village.slug == "b");
    CHECK(bank.adopters[0].status == "trying");
    CHECK(bank.adopters[1].status == "adopted");
    CHECK(bank.adopters[1].result == "40 rumah");
    CHECK(bank.context == "Sungai kotor");
}

TEST_CASE("report::lessons_report: topic, kind, period and scope narrow it") {
    auto log = lessons_log();
    auto sampah = compendium(log, {}, std::nullopt, {"sampah", ""});
    REQUIRE(sampah.groups.size() == 1); // every lesson written out under the one topic
    CHECK(sampah.groups[0].lessons.size() == 2);
    CHECK(sampah.groups[0].see_also.empty());
    CHECK(sampah.lessons.size() == 2);

    auto failures = compendium(log, {}, std::nullopt, {"", "failure"});
    REQUIRE(failures.lessons.size() == 1);
    CHECK(failures.lessons[0].title == "Irigasi");

    auto march = compendium(log, {}, core::Period{d(2026, 3, 1), d(2026, 3, 31)});
    CHECK_FALSE(march.all_time);
    CHECK(march.lessons.size() == 2);

    auto under = compendium(log, {std::nullopt, std::string("33.02")});
    REQUIRE(under.lessons.size() == 1);
    CHECK(under.lessons[0].title == "Pilah sampah");
    CHECK(under.scope.under == "33.02");
    // A's adoption of it is in the compendium: who took a lesson up is part of the lesson.
    CHECK(under.adoptions == 1);

    auto none = compendium(log, {}, core::Period{d(2025, 1, 1), d(2025, 12, 31)});
    CHECK(none.lessons.empty());
    CHECK(none.groups.empty());
}

TEST_CASE("report::lessons_report: a topic no lesson has is refused, offering the log's") {
    auto log = lessons_log();
    try {
        compendium(log, {}, std::nullopt, {"sampa", ""});
        FAIL("expected NotFound");
    } catch (const core::NotFound& e) {
        CHECK(std::string(e.what()).find("'sampa'") != std::string::npos);
        REQUIRE(e.hints().size() == 1);
        CHECK(e.hints()[0].find("sampah") != std::string::npos);
        // Those containing the word first: sampah before the more used others.
        CHECK(e.hints()[0].find("sampah") < e.hints()[0].find("air"));
    }
    auto empty = store::Log::open_memory();
    CHECK_THROWS_AS(compendium(empty, {}, std::nullopt, {"sampah", ""}), core::NotFound);
}

TEST_CASE("report::group_by_topic: lessons without a topic come last") {
    std::vector<core::ReportLesson> lessons(3);
    lessons[0].kind = "failure";
    lessons[1].kind = "success";
    lessons[1].topics = {"pertanian"};
    lessons[2].kind = "insight";
    lessons[2].topics = {"air", "pertanian"};
    auto groups = report::group_by_topic(lessons, "");
    REQUIRE(groups.size() == 3);
    CHECK(groups[0].summary.topic == "air");
    CHECK(groups[0].lessons == std::vector<std::size_t>{2});
    CHECK(groups[1].summary.topic == "pertanian");
    CHECK(groups[1].lessons == std::vector<std::size_t>{1});
    CHECK(groups[1].see_also == std::vector<std::size_t>{2});
    CHECK(groups[1].summary.insight == 1);
    CHECK(groups[2].summary.topic.empty());
    CHECK(groups[2].summary.failure == 1);
    CHECK(report::group_by_topic({}, "").empty());
}
