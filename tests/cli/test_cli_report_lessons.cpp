// report lessons end to end: the case study's compendium in every format, the filters, an
// empty period and the refusals.

#include "cli/harness.hpp"

#include <doctest/doctest.h>

using kades::test::commonmark_html;
using kades::test::has;
using kades::test::record_case_study;
using kades::test::refused;
using kades::test::Sandbox;

namespace {

std::vector<std::string> lessons(const std::string& format) {
    return {"report", "lessons", "-f", format};
}

} // namespace

TEST_CASE("cli: report lessons -f json carries every lesson with its adoptions") {
    Sandbox s;
    record_case_study(s);
    auto j = s.ok(lessons("json")).json();
    CHECK(j.at("period").at("from").is_null());
    const auto& t = j.at("totals");
    CHECK(t.at("lessons") == 4);
    CHECK(t.at("lessons_success") == 3);
    CHECK(t.at("lessons_failure") == 1);
    CHECK(t.at("lessons_insight") == 0);
    CHECK(t.at("adoptions") == 3);
    CHECK(t.at("adopted") == 1);
    CHECK(t.at("villages") == 3);
    // air bersih, bumdes, pertanian, sampah, tata kelola.
    REQUIRE(j.at("topics").size() == 5);
    CHECK(j.at("topics").at(2).at("topic") == "pertanian");
    CHECK(j.at("topics").at(2).at("lessons") == 2);
    CHECK(j.at("topics").at(2).at("failure") == 1);
    const auto& compost = j.at("lessons").at(0); // March: the oldest
    CHECK(compost.at("title") == "Pupuk kompos dari kotoran ternak");
    CHECK(compost.at("village") == "sidasari-cipari");
    CHECK(compost.at("context") == "Harga pupuk kimia naik dua kali lipat; kelompok tani ingin "
                                   "beralih");
    REQUIRE(compost.at("adoptions").size() == 2); // Caruy adopted it, Serang plans to
    CHECK(compost.at("adoptions").at(0).at("village") == "caruy-cipari");
    CHECK(compost.at("adoptions").at(0).at("status") == "adopted");
    CHECK(compost.at("adoptions").at(1).at("status") == "planned");
    CHECK(compost.at("adoptions").at(1).at("result").is_null());
}

TEST_CASE("cli: report lessons -f markdown is the compendium, and parses as CommonMark") {
    Sandbox s;
    record_case_study(s);
    auto md = s.ok(lessons("markdown")).out;
    CHECK(md.rfind("# Lessons learned in the Kades network — all time\n", 0) == 0);
    CHECK(has(md, "```mermaid\npie title Lessons by topic\n  \"Air bersih\" : 1\n"));
    auto html = commonmark_html(s, md);
    CHECK(has(html, "<h2>Pertanian</h2>"));
    CHECK(has(html, "<h3>Successes</h3>"));
    CHECK(has(html, "<h4>Pupuk kompos dari kotoran ternak</h4>"));
    CHECK(has(html, "<strong>Recommendation:</strong> Mulai dengan satu kelompok tani"));
    CHECK(has(html, "<li><strong>Caruy</strong> — adopted, 27 November 2026: Empat petani"));
    // The bank sampah lesson is written out once, under its first topic (bumdes).
    CHECK(has(html, "<strong>See also:</strong> Bank sampah dikelola BUMDes (Bumdes)"));
    auto pos = html.find("<h4>Bank sampah dikelola BUMDes</h4>");
    REQUIRE(pos != std::string::npos);
    CHECK(html.find("<h4>Bank sampah dikelola BUMDes</h4>", pos + 1) == std::string::npos);

    auto id = s.ok({"--lang", "id", "report", "lessons", "-f", "md"}).out;
    CHECK(id.rfind("# Kompendium pelajaran jaringan Kades — sepanjang waktu\n", 0) == 0);
    CHECK(has(id, "### Gagal"));
    CHECK(has(id, "**Konteks:**"));
    CHECK(has(id, "10 Maret 2026"));
}

TEST_CASE("cli: report lessons in the terminal, WhatsApp and CSV") {
    Sandbox s;
    record_case_study(s);
    auto table = s.ok({"report", "lessons"}).out;
    CHECK(has(table, "Pertanian          2          1         1"));
    CHECK(has(table, "▸ Irigasi tetes tanpa pelatihan perawatan\n"));
    auto wa = s.ok(lessons("whatsapp")).out;
    CHECK(wa.rfind("*Lessons learned in the Kades network — all time*\n", 0) == 0);
    CHECK_FALSE(has(wa, "|"));
    CHECK_FALSE(has(wa, "#"));
    CHECK(has(wa, "*Context:* Irigasi tetes dibeli"));
    auto csv = s.ok(lessons("csv")).out;
    CHECK(csv.rfind("id,date,village,kind,topics,title,context,outcome,lesson,recommendation,"
                    "adopted_by,adopted\r\n",
                    0) == 0);
    CHECK(has(csv, ",2026-03-10,sidasari-cipari,success,pertanian,Pupuk kompos dari kotoran "
                   "ternak,"));
    CHECK(has(csv, ",caruy-cipari serang-cipari,1\r\n"));
}

TEST_CASE("cli: report lessons narrowed by topic, kind, period and scope") {
    Sandbox s;
    record_case_study(s);
    auto pertanian = s.ok({"report", "lessons", "--topic", "Pertanian", "-f", "json"}).json();
    CHECK(pertanian.at("scope").at("topic") == "pertanian");
    CHECK(pertanian.at("totals").at("lessons") == 2);
    REQUIRE(pertanian.at("topics").size() == 1);
    auto gagal = s.ok({"report", "lessons", "--kind", "gagal", "-f", "json"}).json();
    REQUIRE(gagal.at("lessons").size() == 1);
    CHECK(gagal.at("lessons").at(0).at("village") == "kutasari-cipari");
    auto november =
        s.ok({"report", "lessons", "--from", "2026-11-01", "--to", "2026-11-30", "-f", "json"})
            .json();
    CHECK(november.at("period").at("to") == "2026-11-30");
    CHECK(november.at("totals").at("lessons") == 3);
    auto banyumas = s.ok({"report", "lessons", "--under", "33.02", "-f", "json"}).json();
    CHECK(banyumas.at("totals").at("lessons") == 0);
    auto forum = s.ok({"forum", "list", "-f", "json"}).json().at(0).at("id").get<std::string>();
    auto f = s.ok({"report", "lessons", "--forum", forum, "-f", "md"}).out;
    CHECK(has(f, "· Forum Kades Cipari"));
}

TEST_CASE("cli: report lessons on an empty period is short and friendly") {
    Sandbox s;
    record_case_study(s);
    auto md =
        s.ok({"report", "lessons", "--from", "2025-01-01", "--to", "2025-12-31", "-f", "md"}).out;
    CHECK(has(md, "No lesson matches in this period."));
    CHECK(has(md, "kades lesson add"));
    CHECK(md.size() < 400);
    auto j = s.ok({"report", "lessons", "--from", "2025-01-01", "--to", "2025-12-31", "-f", "json"})
                 .json();
    CHECK(j.at("lessons").empty());
    CHECK(j.at("totals").at("lessons") == 0);
}

TEST_CASE("cli: report lessons refusals") {
    Sandbox s;
    record_case_study(s);
    auto typo = refused(s, {"report", "lessons", "--topic", "tani"}, 1, "tani");
    CHECK(has(typo.err, "topics in the log: pertanian"));
    refused(s, {"report", "lessons", "--kind", "lucky"}, 1, "lucky");
    refused(s, {"report", "lessons", "--topic", "a, b"}, 1, "a, b");
    refused(s, {"report", "lessons", "-f", "dot"}, 2, "dot");
    refused(s, {"report", "lessons", "--from", "2026-12-01", "--to", "2026-11-01"}, 1,
            "2026-11-01");
    refused(s, {"report", "lessons", "--under", "x1"}, 1, "x1");
}

TEST_CASE("cli: report lessons keeps a field's lines, and log text cannot break the document") {
    Sandbox s;
    record_case_study(s);
    s.ok({"lesson", "add", "Uji | *baris*", "--village", "caruy", "--topic", "uji", "--context",
          "Baris satu\n# bukan judul\n- bukan daftar\n\nParagraf dua <b>x</b> \x1b[31mmerah"});
    auto md = s.ok({"report", "lessons", "--topic", "uji", "-f", "md"}).out;
    auto html = commonmark_html(s, md);
    CHECK(has(html, "<h4>Uji | *baris*</h4>"));
    CHECK(has(html, "<strong>Context:</strong> Baris satu<br />\n# bukan judul<br />\n- bukan "
                    "daftar<br />\nParagraf dua &lt;b&gt;x&lt;/b&gt;"));
    CHECK_FALSE(has(html, "<h1>bukan"));
    CHECK_FALSE(has(html, "<li>bukan"));
    auto table = s.ok({"report", "lessons", "--topic", "uji"}).out;
    CHECK(has(table, "Context: Baris satu\n# bukan judul\n- bukan daftar\nParagraf dua"));
    CHECK_FALSE(has(table, "\x1b"));
    auto wa = s.ok({"report", "lessons", "--topic", "uji", "-f", "wa"}).out;
    CHECK(has(wa, "*Uji | ∗baris∗*\n"));
}

TEST_CASE("cli: report lessons -f whatsapp keeps links and addresses whole, and words too") {
    Sandbox s;
    record_case_study(s);
    s.ok({"lesson", "add", "Bank_sampah _terpadu_", "--village", "caruy", "--topic", "uji",
          "--context",
          "Panduan di https://desa.example.id/bank_sampah_2026, tanya admin_desa@example.id"});
    auto wa = s.ok({"report", "lessons", "--topic", "uji", "-f", "whatsapp"}).out;
    INFO(wa);
    CHECK(has(wa, "https://desa.example.id/bank_sampah_2026,"));
    CHECK(has(wa, "admin_desa@example.id"));
    CHECK(has(wa, "Bank_sampah ＿terpadu＿")); // only the markers that would format
    CHECK_FALSE(has(wa, "_terpadu_"));
}
