// report::village_report on a constructed log whose figures are worked out by hand.

#include "report/village_report.hpp"
#include "store/village.hpp"

#include "unit/report_fixture.hpp"

#include <doctest/doctest.h>

using namespace kades;
using kades::test::d;

namespace {

// Village a: hosts m1 (2026, b attends) and v1 (2026, c visits, 2 workers); attends m1 and
// m2 (2025, b hosts); shares l1 (2026, adopted by e) and adopts b's l2 (2026-04); signs g1
// (2026, with b, partners p1 p2, Rp 1.500.000); not g2 (2024, c). Index 2024 and 2025.
constexpr const char* k_log = R"sql(
INSERT INTO village (id, uuid, slug, name, code, archived) VALUES
 (1, 'u1', 'a', 'A', '33.01.01.2001', 0), (2, 'u2', 'b', 'B', '33.01.01.2002', 0),
 (3, 'u3', 'c', 'C', '33.01.01.2003', 0), (5, 'u5', 'e', 'E', '33.02.01.2001', 0);
INSERT INTO meeting (id, uuid, title, date, kind, status, host, forum) VALUES
 (1, 'm1', 'Rutin', '2026-03-05', 'routine', 'held', 1, NULL),
 (2, 'm2', 'Lama', '2025-06-01', 'routine', 'held', 2, NULL),
 (3, 'm3', 'Rencana', '2026-03-25', 'routine', 'planned', 1, NULL);
INSERT INTO meeting_attendee VALUES (1, 1), (1, 2), (2, 2), (2, 1);
INSERT INTO visit (id, uuid, kind, status, date, host, workers) VALUES
 (1, 'v1', 'exchange', 'held', '2026-03-07', 1, 2);
INSERT INTO visit_visitor VALUES (1, 3);
INSERT INTO lesson (id, uuid, title, village, date, kind, lesson) VALUES
 (1, 'l1', 'Bank sampah', 1, '2026-03-03', 'success', 'Iuran kecil cukup'),
 (2, 'l2', 'Irigasi', 2, '2026-02-01', 'failure', NULL);
INSERT INTO adoption (id, uuid, lesson, village, status, date) VALUES
 (1, 'a1', 1, 5, 'trying', '2026-03-15'), (2, 'a2', 2, 1, 'adopted', '2026-04-01');
INSERT INTO partner (id, uuid, name, type) VALUES (1, 'p1', 'LSM', 'ngo'), (2, 'p2', 'PT', 'company');
INSERT INTO agreement (id, uuid, title, scope, signed, until, funding) VALUES
 (1, 'g1', 'Kerja sama', 'business', '2026-01-01', '2026-12-31', 1500000),
 (2, 'g2', 'Lama', 'services', '2024-01-01', '2024-12-31', 9);
INSERT INTO agreement_village VALUES (1, 1), (1, 2), (2, 3);
INSERT INTO agreement_partner VALUES (1, 1), (1, 2), (2, 1);
INSERT INTO village_index VALUES (1, 'idm', 2024, 0.65, 'berkembang'), (1, 'idm', 2025, 0.72, 'maju');
)sql";

store::Log village_log() {
    return test::log_with(k_log);
}

} // namespace

TEST_CASE("report::village_report: the whole log of one village") {
    auto log = village_log();
    auto r = report::village_report(log, store::resolve_village(log, "a"), std::nullopt);
    const auto& c = r.counts;
    CHECK(r.all_time);
    CHECK(r.code == "33.01.01.2001");
    CHECK(c.meetings_hosted == 1); // m3 is only planned
    CHECK(c.meetings_attended == 2);
    CHECK(c.visits_hosted == 1);
    CHECK(c.visits_made == 0);
    CHECK(c.workers_received == 2);
    CHECK(c.workers_sent == 0);
    CHECK(c.lessons_shared == 1);
    CHECK(c.lessons_adopted == 1);
    CHECK(c.adopted_by_others == 1);
    CHECK(c.agreements == 1);
    CHECK(c.partners == 2);
    CHECK(c.funding == 1500000);
    REQUIRE(r.lessons.size() == 1);
    CHECK(r.lessons[0].adopters.size() == 1);
    REQUIRE(r.adopted.size() == 1);
    CHECK(r.adopted[0].from.slug == "b");
    REQUIRE(r.adopted_by_others.size() == 1);
    CHECK(r.adopted_by_others[0].by.slug == "e");
    // b: m1, m2, g1, a2 = 4; c: v1; e: a1.
    REQUIRE(r.links.size() == 3);
    CHECK(r.links[0].a.slug == "a");
    CHECK(r.links[0].b.slug == "b");
    CHECK(r.links[0].weight() == 4);
    REQUIRE(r.agreements.size() == 1);
    CHECK(r.partners == std::vector<std::string>{"LSM", "PT"});
    REQUIRE(r.index.size() == 2);
    CHECK(r.index[1].year == 2025);
}

TEST_CASE("report::village_report: a period") {
    auto log = village_log();
    auto a = store::resolve_village(log, "a");
    auto march = report::village_report(log, a, core::Period{d(2026, 3, 1), d(2026, 3, 31)});
    CHECK_FALSE(march.all_time);
    CHECK(march.counts.meetings_attended == 1);
    CHECK(march.counts.lessons_adopted == 0); // in April
    CHECK(march.counts.agreements == 1);      // in force
    CHECK(march.links.size() == 3);           // b: m1 and g1; c; e
    auto old = report::village_report(log, store::resolve_village(log, "c"),
                                      core::Period{d(2024, 1, 1), d(2024, 12, 31)});
    CHECK(old.counts.agreements == 1);
    CHECK(old.counts.funding == 9);
    CHECK(old.counts.partners == 1);
    CHECK(old.links.empty());
    auto c2026 = report::village_report(log, store::resolve_village(log, "c"),
                                        core::Period{d(2026, 1, 1), d(2026, 12, 31)});
    CHECK(c2026.counts.visits_made == 1);
    CHECK(c2026.counts.workers_sent == 2);
    CHECK(c2026.counts.agreements == 0);
}
