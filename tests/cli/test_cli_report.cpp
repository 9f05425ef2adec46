// report monthly | period end to end: the case-study month in every format, an empty month,
// the scope options and the refusals.

#include "cli/harness.hpp"

#include <doctest/doctest.h>

using kades::test::commonmark_html;
using kades::test::has;
using kades::test::record_case_study;
using kades::test::refused;
using kades::test::Sandbox;

namespace {

std::vector<std::string> monthly(const std::string& format) {
    return {"report", "monthly", "--month", "2026-11", "-f", format};
}

} // namespace

TEST_CASE("cli: report monthly -f json carries the case-study month's figures") {
    Sandbox s;
    record_case_study(s);
    auto j = s.ok(monthly("json")).json();
    CHECK(j.at("period").at("from") == "2026-11-01");
    CHECK(j.at("period").at("to") == "2026-11-30");
    const auto& t = j.at("totals");
    CHECK(t.at("meetings_held") == 3);
    CHECK(t.at("meetings_planned") == 0);
    CHECK(t.at("meetings_cancelled") == 0);
    // 10 + 8 + 3 of the forum's 11 members at three meetings.
    CHECK(t.at("attendance_rate").get<double>() == doctest::Approx(21.0 / 33.0));
    CHECK(t.at("visits") == 2);
    CHECK(t.at("workers_exchanged") == 4);
    // Mekarsari's and Sidasari's successes, Kutasari's failure; Caruy tries the bank sampah,
    // adopts the March lesson on compost, and Serang plans to.
    CHECK(t.at("lessons") == 3);
    CHECK(t.at("lessons_success") == 2);
    CHECK(t.at("lessons_failure") == 1);
    CHECK(t.at("adoptions") == 3);
    CHECK(j.at("adoptions").at(0).at("status") == "trying");
    CHECK(t.at("agreements_signed") == 1);
    CHECK(t.at("funding_signed") == 25000000);
    CHECK(t.at("actions_open") == 4);
    CHECK(t.at("actions_overdue") == 1);
    CHECK(t.at("actions_done") == 1);
    CHECK(j.at("meetings").size() == 3);
    CHECK(j.at("quiet") == nlohmann::json::array({"segaralangu-cipari"}));
    CHECK(j.at("planned").at(0).at("date") == "2026-12-04");
    CHECK(j.at("most_active").at(0).at("village") == "sidasari-cipari");
}

TEST_CASE("cli: report monthly -f markdown reads like the example and parses as CommonMark") {
    Sandbox s;
    record_case_study(s);
    auto md = s.ok(monthly("markdown")).out;
    CHECK(md.rfind("# Monthly report of the Kades network — November 2026\n", 0) == 0);
    CHECK(has(md, "| 3 | 64% | 2 | 4 | 3 (2 successes, 1 failure) | 3 | 1 |"));
    CHECK(has(md, "- **Bank sampah dikelola BUMDes** (Sidasari) — Sampah jadi tabungan warga bila "
                  "BUMDes yang mengelola dan menjualnya. *Recommendation:* Mulai dari satu dusun"));
    CHECK(has(md, "```mermaid\npie title Lessons by topic\n"));
    CHECK(has(md, "| Bank sampah dikelola BUMDes | Sidasari | Caruy | trying | 40 rumah ikut"));
    CHECK(has(md, "| 6 Nov | Pertemuan rutin Forum Kades Cipari | Sidasari | 10/11 |"));
    CHECK(has(md, "**Segaralangu**"));
    CHECK(has(md, "```mermaid\ngraph LR\n"));
    auto html = commonmark_html(s, md);
    CHECK(has(html, "<h1>Monthly report of the Kades network — November 2026</h1>"));
    CHECK(has(html, "<td align=\"right\">64%</td>"));
    CHECK(has(html, "<h2>Planned for next month</h2>"));
    CHECK(has(html, "<strong>Kutasari</strong>"));

    auto id = s.ok({"--lang", "id", "report", "monthly", "--month", "2026-11", "-f", "md"}).out;
    CHECK(id.rfind("# Laporan Bulanan Jaringan Kades — November 2026\n", 0) == 0);
    CHECK(has(id, "| 4 Des | "));
    CHECK(has(id, "| 11 Des | Kunjungan kerja ke Segaralangu: Wisata desa | Segaralangu |"));
    CHECK(has(id, "3 (2 sukses, 1 gagal)"));
}

TEST_CASE("cli: report monthly -f whatsapp is plain text with *bold*, no tables") {
    Sandbox s;
    record_case_study(s);
    auto wa = s.ok(monthly("wa")).out;
    CHECK(wa.rfind("*Monthly report of the Kades network — November 2026*\n", 0) == 0);
    CHECK_FALSE(has(wa, "|"));
    CHECK_FALSE(has(wa, "#"));
    CHECK_FALSE(has(wa, "```"));
    CHECK(has(wa, "Attendance: *64%*"));
    CHECK(has(wa, "- *Caruy*: Bank sampah dikelola BUMDes (from Sidasari) — trying: 40 rumah ikut "
                  "di bulan pertama\n"));
    CHECK(wa.size() < 4096); // one message
}

TEST_CASE("cli: report monthly table and csv") {
    Sandbox s;
    record_case_study(s);
    auto table = s.ok(monthly("table")).out;
    CHECK(has(table, "Sidasari    ████████████████████ 7"));
    auto csv = s.ok(monthly("csv")).out;
    CHECK(csv.rfind("date,title,host,status,present,decisions\r\n", 0) == 0);
    CHECK(has(csv, "2026-11-20,Pelatihan kepemimpinan desa,Cipari,held,8/11,\r\n"));
}

TEST_CASE("cli: an empty month is a short, friendly report") {
    Sandbox s;
    record_case_study(s);
    auto md = s.ok({"report", "monthly", "--month", "2026-05", "-f", "markdown"}).out;
    CHECK(has(md, "Nothing was recorded for this period yet"));
    CHECK(md.size() < 1200);
    auto j = s.ok({"report", "monthly", "--month", "2026-05", "-f", "json"}).json();
    CHECK(j.at("totals").at("attendance_rate").is_null());
    CHECK(j.at("totals").at("meetings_held") == 0);
    auto table = s.ok({"report", "monthly", "--month", "2026-05"}).out;
    CHECK(has(table, "Nothing was recorded"));
}

TEST_CASE("cli: report period and the scope options") {
    Sandbox s;
    record_case_study(s);
    auto q = s.ok({"report", "period", "--from", "2026-10-01", "--to", "2026-12-31", "-f", "json"})
                 .json();
    CHECK(q.at("totals").at("meetings_held") == 3);
    CHECK(q.at("totals").at("meetings_planned") == 1);
    auto under =
        s.ok({"report", "monthly", "--month", "2026-11", "--under", "33.01.18", "-f", "json"})
            .json();
    CHECK(under.at("totals").at("meetings_held") == 3);
    CHECK(under.at("totals").at("villages") == 11);
    auto elsewhere =
        s.ok({"report", "monthly", "--month", "2026-11", "--under", "3302", "-f", "json"}).json();
    CHECK(elsewhere.at("totals").at("meetings_held") == 0);
    CHECK(elsewhere.at("totals").at("villages") == 0);
    auto forum = s.ok({"forum", "list", "-f", "json"}).json().at(0).at("id").get<std::string>();
    auto f = s.ok({"report", "monthly", "--month", "2026-11", "--forum", forum, "-f", "md"}).out;
    CHECK(has(f, "· Forum Kades Cipari"));
}

TEST_CASE("cli: report refusals") {
    Sandbox s;
    record_case_study(s);
    refused(s, {"report", "monthly", "--month", "2026-11", "-f", "dot"}, 2, "dot");
    refused(s, {"report", "monthly", "--month", "2026-13"}, 1, "2026-13");
    refused(s, {"report", "monthly", "--under", "x1"}, 1, "x1");
    refused(s, {"report", "monthly", "--forum", "ffff"}, 1, "ffff");
    refused(s, {"report", "period", "--from", "2026-12-01", "--to", "2026-11-01"}, 1, "2026-11-01");
}

TEST_CASE("cli: report markdown escapes what the log holds") {
    Sandbox s;
    s.ok({"village", "add", "Desa | *Uji*", "--code", "33.01.18.2099"});
    s.ok({"meeting", "add", "Rapat <b>|# x", "--date", "2026-11-03", "--host", "33.01.18.2099",
          "--attendee", "33.01.18.2099"},
         {{"KADES_TODAY", "2026-11-27"}});
    auto md = s.ok(monthly("markdown"), {{"KADES_TODAY", "2026-11-27"}}).out;
    auto html = commonmark_html(s, md);
    CHECK_FALSE(has(html, "<b>"));
    CHECK(has(html, "Rapat &lt;b&gt;|# x"));
    CHECK(has(html, "Desa | *Uji*"));
}
