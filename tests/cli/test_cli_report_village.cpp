// report village end to end: one case-study village in every format (its lessons, their
// adoption, its agreement with a partner), and the refusals.

#include "cli/harness.hpp"

#include <doctest/doctest.h>

using kades::test::commonmark_html;
using kades::test::has;
using kades::test::record_case_study;
using kades::test::refused;
using kades::test::Sandbox;
using kades::test::sql;

namespace {

std::vector<std::string> village(const std::string& format) {
    return {"report", "village", "sidasari-cipari", "-f", format};
}

} // namespace

TEST_CASE("cli: report village -f json carries the village's figures") {
    Sandbox s;
    record_case_study(s);
    auto j = s.ok(village("json")).json();
    CHECK(j.at("village").at("slug") == "sidasari-cipari");
    CHECK(j.at("period").at("from").is_null());
    const auto& t = j.at("totals");
    CHECK(t.at("meetings_attended").get<long>() >= t.at("meetings_hosted").get<long>());
    CHECK(t.at("agreements") == 1);
    CHECK(t.at("partners") == 1);
    CHECK(t.at("funding") == 25000000);
    CHECK(t.at("villages_linked") == j.at("links").size());
    CHECK(j.at("partners") == nlohmann::json::array({"Yayasan Bumi Lestari"}));
    // Two lessons of its own (March, November); Caruy and Serang took them up three times.
    CHECK(t.at("lessons_shared") == 2);
    CHECK(t.at("adopted_by_others") == 3);
    CHECK(t.at("lessons_adopted") == 0);
    CHECK(j.at("adopted_by_others").at(0).at("village") == "caruy-cipari");
    auto may = s.ok({"report", "village", "sidasari-cipari", "--from", "2026-05-01", "--to",
                     "2026-05-31", "-f", "json"})
                   .json();
    CHECK(may.at("period").at("to") == "2026-05-31");
    CHECK(may.at("totals").at("meetings_attended") == 0);
    CHECK(may.at("totals").at("agreements") == 0);
}

TEST_CASE("cli: report village markdown, whatsapp, table and csv") {
    Sandbox s;
    record_case_study(s);
    auto md = s.ok(village("markdown")).out;
    CHECK(md.rfind("# Sidasari — all time\n", 0) == 0);
    auto html = commonmark_html(s, md);
    CHECK(has(html, "<h2>Agreements</h2>"));
    CHECK(has(html, "<td>Bank sampah bersama Sidasari dan Caruy</td>"));
    CHECK(has(md, "IDR 25,000,000"));
    auto id = s.ok({"--lang", "id", "report", "village", "sidasari-cipari", "-f", "md"}).out;
    CHECK(has(id, "Rp 25.000.000"));
    auto wa = s.ok(village("wa")).out;
    CHECK_FALSE(has(wa, "|"));
    CHECK(has(wa, "Funding: *IDR 25,000,000*"));
    auto table = s.ok({"report", "village", "sidasari-cipari"}).out;
    CHECK(has(table, "Yayasan Bumi Lestari"));
    auto csv = s.ok(village("csv")).out;
    CHECK(csv.rfind("lessons_shared,lessons_adopted,adopted_by_others,", 0) == 0);
    CHECK(has(csv, ",25000000\r\n"));
}

TEST_CASE("cli: report village refusals") {
    Sandbox s;
    record_case_study(s);
    refused(s, {"report", "village", "nowhere-at-all"}, 1, "nowhere-at-all");
    refused(s, {"report", "village", "sidasari-cipari", "-f", "dot"}, 2, "dot");
    refused(s,
            {"report", "village", "sidasari-cipari", "--from", "2026-12-01", "--to", "2026-11-01"},
            1, "2026-11-01");
    refused(s, {"report", "village", "caruy", "--under", "x1"}, 1, "x1");
    refused(s, {"report", "village", "caruy", "--forum", "ffff"}, 1, "ffff");
}

TEST_CASE("cli: report village within a forum or a district") {
    Sandbox s;
    record_case_study(s);
    auto all = s.ok({"report", "village", "caruy", "-f", "json"}).json();
    CHECK(all.at("scope").at("under").is_null());
    CHECK(all.at("totals").at("lessons_adopted") == 2); // the bank sampah and the compost
    CHECK(all.at("totals").at("villages_linked") == 9);
    auto cipari = s.ok({"report", "village", "caruy", "--under", "33.01.18", "-f", "json"}).json();
    CHECK(cipari.at("scope").at("under") == "33.01.18");
    CHECK(cipari.at("totals") == all.at("totals")); // all its partners are in Cipari
    // Within Banyumas: nobody it worked with or learned from; its own figures stay.
    auto banyumas = s.ok({"report", "village", "caruy", "--under", "33.02", "-f", "json"}).json();
    CHECK(banyumas.at("totals").at("villages_linked") == 0);
    CHECK(banyumas.at("links").empty());
    CHECK(banyumas.at("totals").at("lessons_adopted") == 0);
    CHECK(banyumas.at("adopted").empty());
    CHECK(banyumas.at("totals").at("visits_made") == 2);
    auto forum = s.ok({"forum", "list", "-f", "json"}).json().at(0).at("id").get<std::string>();
    auto md = s.ok({"report", "village", "caruy", "--forum", forum, "-f", "md"}).out;
    CHECK(md.rfind("# Caruy — all time · Forum Kades Cipari\n", 0) == 0);
}
