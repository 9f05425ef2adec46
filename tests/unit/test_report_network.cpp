// report::network_report on a constructed log whose links and partners are worked out by hand.

#include "report/monthly.hpp"
#include "report/network.hpp"

#include "unit/report_fixture.hpp"

#include <doctest/doctest.h>

#include <algorithm>

using namespace kades;
using kades::test::d;

namespace {

// Villages a, b, c, d (archived), f under 33.01; e under 33.02. Links: m1 (2026, a hosts, b
// attends) a-b; m2 (2025, b hosts, c attends) b-c; v1 (2026, a hosts c) a-c; e adopts a's
// lesson (2026) a-e; agreement g1 (2026, a and b, partners p1 p2) a-b; g2 (2024, c, p1).
constexpr const char* k_log = R"sql(
INSERT INTO village (id, uuid, slug, name, code, archived) VALUES
 (1, 'u1', 'a', 'A', '33.01.01.2001', 0), (2, 'u2', 'b', 'B', '33.01.01.2002', 0),
 (3, 'u3', 'c', 'C', '33.01.01.2003', 0), (4, 'u4', 'd', 'D', '33.01.01.2004', 1),
 (5, 'u5', 'e', 'E', '33.02.01.2001', 0), (6, 'u6', 'f', 'F', '33.01.01.2005', 0);
INSERT INTO meeting (id, uuid, title, date, kind, status, host, forum) VALUES
 (1, 'm1', 'Rutin', '2026-03-05', 'routine', 'held', 1, NULL),
 (2, 'm2', 'Lama', '2025-06-01', 'routine', 'held', 2, NULL),
 (3, 'm3', 'Rencana', '2026-03-25', 'routine', 'planned', 6, NULL);
INSERT INTO meeting_attendee VALUES (1, 1), (1, 2), (2, 2), (2, 3), (3, 1);
INSERT INTO visit (id, uuid, kind, status, date, host, workers) VALUES
 (1, 'v1', 'exchange', 'held', '2026-03-07', 1, 2);
INSERT INTO visit_visitor VALUES (1, 3);
INSERT INTO lesson (id, uuid, title, village, date, kind) VALUES
 (1, 'l1', 'Bank sampah', 1, '2026-03-03', 'success');
INSERT INTO adoption (id, uuid, lesson, village, status, date) VALUES
 (1, 'a1', 1, 5, 'trying', '2026-03-15');
INSERT INTO partner (id, uuid, name, type) VALUES (1, 'p1', 'LSM', 'ngo'), (2, 'p2', 'PT', 'company');
INSERT INTO agreement (id, uuid, title, scope, signed, until) VALUES
 (1, 'g1', 'Kerja sama', 'business', '2026-01-01', '2026-12-31'),
 (2, 'g2', 'Lama', 'services', '2024-01-01', '2024-12-31');
INSERT INTO agreement_village VALUES (1, 1), (1, 2), (2, 3);
INSERT INTO agreement_partner VALUES (1, 1), (1, 2), (2, 1);
)sql";

store::Log network_log() {
    return test::log_with(k_log);
}

const core::NetworkVillage& village(const core::NetworkReport& r, const std::string& slug) {
    auto it = std::find_if(r.villages.begin(), r.villages.end(),
                           [&](const auto& v) { return v.village.slug == slug; });
    REQUIRE(it != r.villages.end());
    return *it;
}

} // namespace

TEST_CASE("report::network_report: the whole log") {
    auto log = network_log();
    auto r = report::network_report(log, {}, std::nullopt);
    CHECK(r.all_time);
    REQUIRE(r.links.size() == 4);
    CHECK(r.links[0].a.slug == "a");
    CHECK(r.links[0].b.slug == "b");
    CHECK(r.links[0].meetings == 1);
    CHECK(r.links[0].agreements == 1);
    CHECK(r.links[0].weight() == 2);
    REQUIRE(r.villages.size() == 5); // d is archived
    CHECK(r.villages[0].village.slug == "a");
    CHECK(village(r, "a").links == 3);
    CHECK(village(r, "a").weight == 4);
    CHECK(village(r, "a").partners == 2);
    CHECK(village(r, "b").links == 2);
    CHECK(village(r, "b").weight == 3);
    CHECK(village(r, "c").partners == 1); // g2, in 2024
    CHECK(village(r, "e").partners == 0);
    REQUIRE(r.isolated.size() == 1);
    CHECK(r.isolated[0].slug == "f"); // a planned meeting is no link
}

TEST_CASE("report::network_report: a period drops what fell outside it") {
    auto log = network_log();
    auto r = report::network_report(log, {}, core::Period{d(2026, 1, 1), d(2026, 12, 31)});
    CHECK_FALSE(r.all_time);
    CHECK(r.links.size() == 3); // b-c met in 2025
    CHECK(village(r, "c").links == 1);
    CHECK(village(r, "c").partners == 0); // g2 ended in 2024
    CHECK(village(r, "a").partners == 2);
    auto empty = report::network_report(log, {}, core::Period{d(2020, 1, 1), d(2020, 12, 31)});
    CHECK(empty.links.empty());
    CHECK(empty.isolated.size() == 5);
}

TEST_CASE("report::network_report: --under keeps links to villages outside the scope") {
    auto log = network_log();
    auto r = report::network_report(log, {std::nullopt, "33.01"}, std::nullopt);
    CHECK(r.villages.size() == 4); // a b c f
    CHECK(r.links.size() == 4);    // a-e: e adopted a's lesson
    CHECK(village(r, "a").links == 3);
    auto other = report::network_report(log, {std::nullopt, "33.02"}, std::nullopt);
    REQUIRE(other.villages.size() == 1);
    REQUIRE(other.links.size() == 1);
    CHECK(other.links[0].adoptions == 1);
    CHECK(other.isolated.empty());
}

TEST_CASE("report::strongest_links: the first links of weigh_links, named only as needed") {
    // Ids, slugs and names in different orders, so that a tie broken by ids or slugs alone
    // would come out differently from one broken by names.
    auto log = test::log_with(R"sql(
INSERT INTO village (id, uuid, slug, name) VALUES
 (10, 'u10', 'zeta', 'Beta'), (2, 'u2', 'alpha', 'Delta'), (7, 'u7', 'mu', 'Alpha'),
 (3, 'u3', 'kappa', 'Alpha'), (9, 'u9', 'beta', 'Gamma'), (4, 'u4', 'omega', 'Al');
)sql");
    using store::LinkKind;
    std::vector<store::LinkGroup> groups{
        {LinkKind::meeting, false, {10, 2, 7, 3}}, {LinkKind::meeting, false, {9, 4, 10}},
        {LinkKind::visit, true, {7, 9, 2}},        {LinkKind::adoption, false, {4, 2}},
        {LinkKind::agreement, false, {3, 9}},      {LinkKind::agreement, false, {10, 2}},
    };
    auto all = report::weigh_links(log, groups);
    REQUIRE(all.size() == 12);
    // Two links weigh 2: alpha-mu (a meeting, a visit) and alpha-zeta (a meeting, an
    // agreement). By names run together "DeltaAlpha" comes before "DeltaBeta".
    CHECK(all[0].weight() == 2);
    CHECK(all[0].a.slug == "alpha");
    CHECK(all[0].b.slug == "mu");
    CHECK(all[1].weight() == 2);
    CHECK(all[1].b.slug == "zeta");
    CHECK(all[2].weight() == 1);
    for (const auto& l : all)
        CHECK(l.a.slug < l.b.slug);
    for (std::size_t keep = 0; keep <= all.size() + 1; ++keep) {
        long count = -1;
        auto first = report::strongest_links(log, groups, keep, count);
        CHECK(count == static_cast<long>(all.size()));
        REQUIRE(first.size() == std::min(keep, all.size()));
        for (std::size_t i = 0; i < first.size(); ++i) {
            CAPTURE(keep);
            CAPTURE(i);
            CHECK(first[i].a.slug == all[i].a.slug);
            CHECK(first[i].b.slug == all[i].b.slug);
            CHECK(first[i].weight() == all[i].weight());
            CHECK(first[i].a.name == all[i].a.name);
        }
    }
}
