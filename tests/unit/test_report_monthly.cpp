// report::monthly_report on constructed months whose figures are worked out by hand.

#include "report/monthly.hpp"

#include "unit/report_fixture.hpp"

#include <doctest/doctest.h>

using namespace kades;
using kades::test::d;

namespace {

core::Period month(int y, unsigned m) {
    using namespace std::chrono;
    auto last = year_month_day(year_month_day_last(year{y}, month_day_last(std::chrono::month{m})));
    return {d(y, m, 1), last};
}

// Villages a, b, c, d (archived), f under 33.01; e under 33.02. Forum 1: a, b, c, d.
// March 2026: m1 held (forum, a hosts, a b d attend), m2 held (no forum, e hosts, e a attend),
// m3 planned, m4 cancelled; m5 planned in April; lessons l1 (a, success; adopted by b and c)
// and l2 (b, failure); visit v1 held (a hosts b and c, 3 workers); actions: a overdue, b open,
// c done in March, a done in February.
constexpr const char* k_month = R"sql(
INSERT INTO village (id, uuid, slug, name, code, archived) VALUES
 (1, 'u1', 'a', 'A', '33.01.01.2001', 0), (2, 'u2', 'b', 'B', '33.01.01.2002', 0),
 (3, 'u3', 'c', 'C', '33.01.01.2003', 0), (4, 'u4', 'd', 'D', '33.01.01.2004', 1),
 (5, 'u5', 'e', 'E', '33.02.01.2001', 0), (6, 'u6', 'f', 'F', '33.01.01.2005', 0);
INSERT INTO forum (id, uuid, name) VALUES (1, 'f0000001-0000', 'Forum');
INSERT INTO forum_member VALUES (1, 1), (1, 2), (1, 3), (1, 4);
INSERT INTO meeting (id, uuid, title, date, kind, status, host, forum) VALUES
 (1, 'm1', 'Rutin', '2026-03-05', 'routine', 'held', 1, 1),
 (2, 'm2', 'Tamu', '2026-03-12', 'other', 'held', 5, NULL),
 (3, 'm3', 'Rencana', '2026-03-25', 'routine', 'planned', 2, 1),
 (4, 'm4', 'Batal', '2026-03-08', 'routine', 'cancelled', NULL, 1),
 (5, 'm5', 'April', '2026-04-10', 'routine', 'planned', 3, 1),
 (6, 'm6', 'Februari', '2026-02-01', 'routine', 'held', 1, 1);
INSERT INTO meeting_attendee VALUES (1, 1), (1, 2), (1, 4), (2, 5), (2, 1), (6, 1);
INSERT INTO meeting_decision VALUES (1, 1, 'Setuju');
INSERT INTO lesson (id, uuid, title, village, date, kind, lesson) VALUES
 (1, 'l1', 'Bank sampah', 1, '2026-03-03', 'success', 'Iuran kecil cukup'),
 (2, 'l2', 'Irigasi', 2, '2026-03-10', 'failure', NULL),
 (3, 'l3', 'Lama', 3, '2026-02-01', 'insight', NULL);
INSERT INTO lesson_topic VALUES (1, 'sampah'), (2, 'air'), (1, 'bumdes');
INSERT INTO adoption (id, uuid, lesson, village, status, date) VALUES
 (1, 'a1', 1, 2, 'trying', '2026-03-15'), (2, 'a2', 1, 3, 'adopted', '2026-03-16');
INSERT INTO visit (id, uuid, kind, status, date, host, workers) VALUES
 (1, 'v1', 'exchange', 'held', '2026-03-07', 1, 3),
 (2, 'v2', 'study', 'planned', '2026-03-28', 2, NULL);
INSERT INTO visit_visitor VALUES (1, 2), (1, 3), (2, 1);
INSERT INTO action (id, uuid, text, owner, due, status, done_on) VALUES
 (1, 'x1', 'Kirim RAB', 1, '2026-03-10', 'open', NULL),
 (2, 'x2', 'Susun', 2, '2026-04-01', 'open', NULL),
 (3, 'x3', 'Selesai', 3, '2026-03-11', 'done', '2026-03-11'),
 (4, 'x4', 'Lama', 1, '2026-02-11', 'done', '2026-02-11');
)sql";

store::Log month_log() {
    return test::log_with(k_month);
}

const core::Date k_today = d(2026, 3, 20);

} // namespace

TEST_CASE("report::attendance_rate: attendances over invitations, none without a meeting") {
    CHECK(report::invited_villages(3, 1) == 4);
    CHECK(*report::attendance_rate(5, 9) == doctest::Approx(5.0 / 9.0));
    CHECK_FALSE(report::attendance_rate(0, 0));
}

TEST_CASE("report::monthly_report: a constructed month's figures") {
    auto log = month_log();
    auto r = report::monthly_report(log, {}, month(2026, 3), k_today, true);
    const auto& t = r.totals;
    CHECK(r.villages == 5); // d is archived
    CHECK(t.meetings_held == 2);
    CHECK(t.meetings_planned == 1);
    CHECK(t.meetings_cancelled == 1);
    // m1: forum members a b c (d archived) + d who came = 4 invited, 3 came;
    // m2: no forum, the 5 active villages invited, 2 came.
    REQUIRE(r.meetings.size() == 4);
    CHECK(r.meetings[0].invited == 4);
    CHECK(r.meetings[0].attended == 3);
    CHECK(r.meetings[0].decisions == std::vector<std::string>{"Setuju"});
    CHECK(t.attendances == 5);
    CHECK(t.invitations == 9);
    CHECK(*t.attendance_rate == doctest::Approx(5.0 / 9.0));
    CHECK(t.visits == 1);
    CHECK(t.workers_exchanged == 3);
    CHECK(t.lessons == 2);
    CHECK(t.lessons_success == 1);
    CHECK(t.lessons_failure == 1);
    CHECK(t.adoptions == 2); // one lesson adopted twice
    REQUIRE(r.lessons.size() == 2);
    CHECK(r.lessons[0].adopters.size() == 2);
    CHECK(t.actions_open == 2);
    CHECK(t.actions_overdue == 1);
    CHECK(t.actions_done == 1);
    REQUIRE(r.overdue.size() == 1);
    CHECK(r.overdue[0].owner.slug == "a");
}

TEST_CASE("report::monthly_report: activity, quiet villages, plans and links") {
    auto log = month_log();
    auto r = report::monthly_report(log, {}, month(2026, 3), k_today, true);
    // a: attended m1 and m2, hosted m1, hosted v1, shared l1 = 5; b: m1, v1, l2, adoption = 4.
    REQUIRE(r.most_active.size() == 5);
    CHECK(r.most_active[0].village.slug == "a");
    CHECK(r.most_active[0].count == 5);
    CHECK(r.most_active[1].village.slug == "b");
    CHECK(r.most_active[1].count == 4);
    // f did nothing; d (archived) is no longer anyone to invite.
    REQUIRE(r.quiet.size() == 1);
    CHECK(r.quiet[0].slug == "f");
    REQUIRE(r.planned.size() == 1);
    CHECK(r.planned[0].title == "April");
    // a-b: m1, v1, an adoption; a-c: v1, an adoption; a-d, b-d (m1); a-e (m2).
    CHECK(r.links_count == 5);
    CHECK(r.links[0].weight() == 3);
    CHECK(r.links[0].a.slug == "a");
    CHECK(r.links[0].b.slug == "b");
    REQUIRE(r.lessons_by_topic.size() == 3);
}

TEST_CASE("report::monthly_report: an empty month and a month with only planned meetings") {
    auto log = month_log();
    auto empty = report::monthly_report(log, {}, month(2025, 1), k_today, true);
    CHECK(empty.totals.meetings_held == 0);
    CHECK_FALSE(empty.totals.attendance_rate);
    CHECK(empty.meetings.empty());
    CHECK(empty.links_count == 0);
    CHECK(empty.quiet_count == 5);
    auto april = report::monthly_report(log, {}, month(2026, 4), k_today, true);
    CHECK(april.totals.meetings_held == 0);
    CHECK(april.totals.meetings_planned == 1);
    CHECK_FALSE(april.totals.attendance_rate);
}

TEST_CASE("report::monthly_report: --under and --forum narrow the villages") {
    auto log = month_log();
    auto under = report::monthly_report(log, {std::nullopt, "3301"}, month(2026, 3), k_today, true);
    CHECK(under.villages == 4); // a b c f
    // m2 is in: a attended. Its invited: the 4 of the scope + e, a guest from outside.
    CHECK(under.totals.meetings_held == 2);
    CHECK(under.totals.invitations == 9);
    auto forum = report::monthly_report(log, {"f000", std::nullopt}, month(2026, 3), k_today, true);
    CHECK(forum.scope.forum_name == "Forum");
    CHECK(forum.villages == 3);
    CHECK(forum.quiet.empty());
    auto other =
        report::monthly_report(log, {std::nullopt, "33.02"}, month(2026, 3), k_today, true);
    CHECK(other.villages == 1);
    CHECK(other.totals.lessons == 0);
    CHECK(other.totals.actions_open == 0);
}

TEST_CASE("report::monthly_report: a period longer than the 90 quiet days") {
    // x attends a meeting in December 2025 only, y shares a lesson in March 2026, z hosts a
    // visit in January 2026 that x makes. Over December to March (121 days), both count as
    // active, but the quiet window is the 90 days to 31 March: x has done nothing in it.
    auto log = test::log_with(R"sql(
INSERT INTO village (id, uuid, slug, name, code, archived) VALUES
 (1, 'u1', 'x', 'X', '33.01.01.2001', 0), (2, 'u2', 'y', 'Y', '33.01.01.2002', 0),
 (3, 'u3', 'z', 'Z', '33.01.01.2003', 0), (4, 'u4', 'w', 'W', '33.01.01.2004', 0);
INSERT INTO meeting (id, uuid, title, date, kind, status, host, forum) VALUES
 (1, 'm1', 'Desember', '2025-12-10', 'routine', 'held', NULL, NULL);
INSERT INTO meeting_attendee VALUES (1, 1);
INSERT INTO lesson (id, uuid, title, village, date, kind) VALUES
 (1, 'l1', 'Kompos', 2, '2026-03-10', 'success');
INSERT INTO visit (id, uuid, kind, status, date, host, workers) VALUES
 (1, 'v1', 'study', 'held', '2025-12-30', 3, NULL);
INSERT INTO visit_visitor VALUES (1, 1);
)sql");
    core::Period period{d(2025, 12, 1), d(2026, 3, 31)};
    // The whole log, then the same villages as a scope: the two ways of counting agree.
    for (const store::ScopeFilter& scope :
         {store::ScopeFilter{}, store::ScopeFilter{{}, "33.01"}}) {
        auto r = report::monthly_report(log, scope, period, d(2026, 4, 1), false);
        REQUIRE(r.most_active.size() == 3);
        CHECK(r.most_active[0].village.slug == "x"); // the meeting and the visit
        CHECK(r.most_active[0].count == 2);
        CHECK(r.most_active[1].village.slug == "y");
        CHECK(r.most_active[2].village.slug == "z");
        // The visit (30 December) is before the window too: w never acted, x and z not since.
        REQUIRE(r.quiet.size() == 3);
        CHECK(r.quiet[0].slug == "w");
        CHECK(r.quiet[1].slug == "x");
        CHECK(r.quiet[2].slug == "z");
    }
    // A month within the window: x's December is outside both.
    auto march = report::monthly_report(log, {}, month(2026, 3), d(2026, 4, 1), true);
    REQUIRE(march.most_active.size() == 1);
    CHECK(march.most_active[0].village.slug == "y");
    CHECK(march.quiet_count == 3);
}

TEST_CASE("report::monthly_report: an open action without a due date is never overdue") {
    auto log = month_log();
    store::db_of(log).exec("INSERT INTO action (id, uuid, text, owner, due, status) VALUES "
                           "(5, 'x5', 'Kapan saja', 2, NULL, 'open'), "
                           "(6, 'x6', 'Hari ini', 3, '2026-03-20', 'open')");
    for (const store::ScopeFilter& scope :
         {store::ScopeFilter{}, store::ScopeFilter{{}, "33.01"}}) {
        auto r = report::monthly_report(log, scope, month(2026, 3), k_today, true);
        CHECK(r.totals.actions_open == 4);
        CHECK(r.totals.actions_overdue == 1); // x1 only: x6 is due today, x5 has no date
        CHECK(r.totals.actions_done == 1);
    }
}

TEST_CASE("store::report_activity: every quiet village counted, the first few named") {
    auto log = month_log();
    auto january = month(2025, 1); // nobody did anything
    store::prepare_scope(log, {});
    auto all = store::report_activity(log, january, 10, january, 2);
    CHECK(all.quiet_count == 5); // a b c e f; d is archived
    REQUIRE(all.quiet.size() == 2);
    CHECK(all.quiet[0].slug == "a");
    CHECK(all.quiet[1].slug == "b");
    store::prepare_scope(log, {std::nullopt, "33.01"});
    auto scoped = store::report_activity(log, january, 10, january, 2);
    CHECK(scoped.quiet_count == 4); // a b c f
    REQUIRE(scoped.quiet.size() == 2);
    CHECK(scoped.quiet[1].slug == "b");
    CHECK(store::report_activity(log, january, 10, january, 0).quiet.empty());
}

TEST_CASE("report::next_month: the month after a period") {
    auto n = report::next_month(month(2026, 11));
    CHECK(n.from == d(2026, 12, 1));
    CHECK(n.to == d(2026, 12, 31));
    auto jan = report::next_month({d(2026, 1, 1), d(2026, 1, 31)});
    CHECK(jan.to == d(2026, 2, 28));
    auto mid = report::next_month({d(2026, 1, 1), d(2026, 1, 15)});
    CHECK(mid.from == d(2026, 1, 16));
    CHECK(mid.to == d(2026, 2, 15));
}
