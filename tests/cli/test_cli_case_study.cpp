// The case study (examples/case-study.sh) recorded end to end: a month of the Cipari network,
// and the lists and profiles that must agree on it (issues 3 and 4, "Done when").

#include "cli/harness.hpp"

#include <doctest/doctest.h>

using kades::test::has;
using kades::test::record_case_study;
using kades::test::Sandbox;
using json = nlohmann::json;

namespace {

// The full national regions are loaded by the script, as a user's log would hold them.

json counts(const Sandbox& s, const std::string& village) {
    return s.ok({"village", "show", village, "-f", "json"}).json().at("counts");
}

} // namespace

TEST_CASE("cli: the case study month: meetings, actions and village profiles agree") {
    Sandbox s;
    record_case_study(s);

    auto forums = s.ok({"forum", "list", "-f", "json"}).json();
    REQUIRE(forums.size() == 1);
    CHECK(forums[0].at("members").size() == 11);

    auto november = s.ok({"meeting", "list", "--month", "2026-11", "-f", "json"}).json();
    REQUIRE(november.size() == 3);
    for (const auto& m : november)
        CHECK(m.at("status") == "held");
    CHECK(november[0].at("attendees").size() == 10);
    CHECK(november[0].at("decisions").size() == 2);
    CHECK(november[1].at("kind") == "training");
    auto planned = s.ok({"meeting", "list", "--status", "planned", "-f", "json"}).json();
    REQUIRE(planned.size() == 1);
    CHECK(planned[0].at("date") == "2026-12-04");

    auto overdue = s.ok({"action", "list", "--overdue", "-f", "json"}).json();
    REQUIRE(overdue.size() == 1);
    CHECK(overdue[0].at("owner") == "kutasari-cipari");
    CHECK(overdue[0].at("meeting") == november[0].at("id"));
    CHECK(s.ok({"action", "list", "--open", "-f", "json"}).json().size() == 4);

    // Kutasari attended the first and the third meeting and owns the overdue and one open action.
    auto kutasari = counts(s, "kutasari");
    CHECK(kutasari.at("meetings_attended") == 2);
    CHECK(kutasari.at("actions_open") == 2);
    auto sidasari = counts(s, "sidasari-cipari");
    CHECK(sidasari.at("meetings_attended") == 3);
    CHECK(sidasari.at("meetings_hosted") == 1);
    CHECK(sidasari.at("visits_hosted") == 2);
    CHECK(sidasari.at("workers_received") == 4);
    auto caruy = counts(s, "caruy");
    CHECK(caruy.at("visits_made") == 2);
    CHECK(caruy.at("workers_sent") == 4);
    CHECK(caruy.at("actions_open") == 1);
}

TEST_CASE("cli: the case study's visits: list --village caruy in every format") {
    Sandbox s;
    record_case_study(s);
    auto visits = s.ok({"visit", "list", "--village", "caruy", "-f", "json"}).json();
    REQUIRE(visits.size() == 2);
    CHECK(visits[0].at("visitors") == json{"caruy-cipari", "serang-cipari"});
    CHECK(visits[0].at("programs") == json{"Bank sampah", "Pertanian organik"});
    CHECK(visits[0].at("actions").size() == 1);
    CHECK(visits[1].at("kind") == "exchange");
    CHECK(visits[1].at("workers") == 4);
    auto table = s.ok({"visit", "list", "--village", "caruy"}).out;
    CHECK(has(table, "Bank sampah, Pertanian organik"));
    auto md = s.ok({"visit", "list", "--village", "caruy", "-f", "markdown"}).out;
    CHECK(has(kades::test::commonmark_html(s, md), "<table>"));
    auto csv = s.ok({"visit", "list", "--village", "caruy", "-f", "csv"}).out;
    CHECK(has(csv, "Pertanian organik"));
    auto id = s.ok({"visit", "list", "--village", "caruy", "--lang", "id"}).out;
    CHECK(has(id, "13 Nov 2026"));
    auto action = s.ok({"action", "list", "--visit", visits[0].at("id"), "-f", "json"}).json();
    REQUIRE(action.size() == 1);
    CHECK(action[0].at("text") == "Rintis bank sampah di Caruy");
}

// The README's first command ends with examples/demo.sh: it must run on a fresh checkout and
// end with the month's report in Bahasa Indonesia.
TEST_CASE("cli: examples/demo.sh records the case study and prints the monthly report") {
    Sandbox s;
    auto db = (s.dir() / "demo" / "demo.db").string();
    auto out = kades::test::shell_output("DEMO_DB='" + db +
                                         "' '" KADES_EXAMPLES_DIR "/demo.sh' '" KADES_BIN "' 2>&1");
    CHECK(has(out, "$ kades --lang id report monthly --month 2026-11 -f markdown\n"
                   "# Laporan Bulanan Jaringan Kades — November 2026\n"));
    CHECK(has(out, "| 3 | 64% | 2 | 4 | 3 (2 sukses, 1 gagal) | 3 | 1 |"));
    CHECK(has(out, "Sidasari (Kec. Cipari, Kabupaten Cilacap)"));
    CHECK(std::filesystem::exists(db));
}
