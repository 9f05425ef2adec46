// `kades visit ...`: work visits and worker exchanges (spec section 2, visit; issue 4).

#include "cli/harness.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdio>
#include <fstream>

using kades::test::commonmark_html;
using kades::test::has;
using kades::test::refused;
using kades::test::Sandbox;
using kades::test::sql;
using Args = std::vector<std::string>;
using nlohmann::json;

namespace {

// Cipari's 11 villages in the network (KADES_TODAY is 2026-11-27).
void cipari(const Sandbox& s) {
    s.load_regions();
    s.ok({"village", "import", "--under", "33.01.18"});
}

// Adds a visit with -q and returns the id it printed.
std::string add(const Sandbox& s, Args args) {
    args.insert(args.begin(), {"-q", "visit", "add"});
    auto out = s.ok(args).out;
    REQUIRE(out.size() == 9);
    return out.substr(0, 8);
}

// Caruy and Serang visit Sidasari on 13 November 2026 to learn its waste bank and organic
// farming.
std::string study_visit(const Sandbox& s) {
    return add(s, {"--host", "sidasari-cipari", "--visitor", "caruy-cipari", "--visitor", "Serang",
                   "--date", "2026-11-13", "--purpose", "Belajar pengelolaan sampah", "--program",
                   "Bank sampah", "--program", "Pertanian organik", "--findings",
                   "Bank sampah dikelola BUMDes"});
}

// Four workers from Caruy stay two weeks in Sidasari to learn organic farming.
std::string exchange(const Sandbox& s) {
    return add(s, {"--host", "sidasari-cipari", "--visitor", "caruy-cipari", "--date", "2026-11-16",
                   "--until", "2026-11-28", "--kind", "pertukaran", "--workers", "4", "--skill",
                   "Pertanian organik"});
}

json show(const Sandbox& s, const std::string& id) {
    return s.ok({"visit", "show", id, "-f", "json"}).json();
}

// The ids `visit list -f json` gives with these options, in its order.
Args list_ids(const Sandbox& s, Args extra) {
    Args args{"visit", "list", "-f", "json"};
    args.insert(args.end(), extra.begin(), extra.end());
    Args out;
    for (const auto& v : s.ok(args).json())
        out.push_back(v.at("id"));
    return out;
}

// A follow-up of the visit: `action add --visit` once the action command takes it, until then
// the row it will write.
void follow_up(const Sandbox& s, const std::string& visit, const std::string& text) {
    s.ok({"action", "add", text, "--owner", "caruy-cipari", "--due", "2027-03-31", "--visit",
          visit});
}

std::string first_line(const std::string& text) {
    return text.substr(0, text.find('\n'));
}

} // namespace

// ---- the case study ------------------------------------------------------------------------

TEST_CASE("cli: visit records the case study, list --village caruy and show in every format") {
    Sandbox s;
    cipari(s);
    auto study = study_visit(s);
    auto swap = exchange(s);
    follow_up(s, study, "Pilot bank sampah di Caruy");

    auto list = s.ok({"visit", "list", "--village", "caruy", "-f", "json"}).json();
    REQUIRE(list.size() == 2);
    auto expected = json{{"id", study},
                         {"kind", "study"},
                         {"status", "held"},
                         {"date", "2026-11-13"},
                         {"until", nullptr},
                         {"host", "sidasari-cipari"},
                         {"visitors", {"caruy-cipari", "serang-cipari"}},
                         {"purpose", "Belajar pengelolaan sampah"},
                         {"programs", {"Bank sampah", "Pertanian organik"}},
                         {"findings", "Bank sampah dikelola BUMDes"},
                         {"workers", nullptr},
                         {"skill", nullptr},
                         {"cancel_reason", nullptr}};
    for (const auto& [field, value] : expected.items())
        CHECK_MESSAGE(list[0].at(field) == value, field);
    CHECK(list[0].at("uuid").get<std::string>().substr(0, 8) == study);
    REQUIRE(list[0].at("actions").size() == 1);
    auto ex = list[1];
    CHECK(ex.at("id") == swap);
    CHECK(ex.at("kind") == "exchange");
    CHECK(ex.at("date") == "2026-11-16");
    CHECK(ex.at("until") == "2026-11-28");
    CHECK(ex.at("visitors") == json::array({"caruy-cipari"}));
    CHECK(ex.at("workers") == 4);
    CHECK(ex.at("skill") == "Pertanian organik");
    CHECK(ex.at("programs") == json::array());
    CHECK(show(s, study) == list[0]);

    auto table = s.ok({"visit", "list", "--village", "caruy"}).out;
    for (const char* text : {"13 Nov 2026", "16\u201328 Nov 2026", "Study visit", "Worker exchange",
                             "Sidasari", "Caruy, Serang", "Bank sampah, Pertanian organik", "Held"})
        CHECK_MESSAGE(has(table, text), text);
    auto md = s.ok({"visit", "list", "--village", "caruy", "-f", "md"}).out;
    auto html = commonmark_html(s, md);
    CHECK(has(html, "<table>"));
    CHECK(has(html, "<td>Caruy, Serang</td>"));
    CHECK(has(html, "<td align=\"right\">4</td>"));
    auto csv = s.ok({"visit", "list", "--village", "caruy", "-f", "csv"}).out;
    CHECK(first_line(csv) == "id,uuid,kind,status,date,until,host,visitors,purpose,programs,"
                             "findings,workers,skill,actions,cancel_reason\r");
    CHECK(has(csv, ",study,held,2026-11-13,,sidasari-cipari,caruy-cipari;serang-cipari,"));
    CHECK(has(csv, ",exchange,held,2026-11-16,2026-11-28,sidasari-cipari,caruy-cipari,,,,4,"
                   "Pertanian organik,,"));

    auto text = s.ok({"visit", "show", study}).out;
    for (const char* part : {"Study visit to Sidasari", "13 November 2026", "Serang",
                             "Pertanian organik", "Pilot bank sampah di Caruy", "31 Mar 2027"})
        CHECK_MESSAGE(has(text, part), part);
    auto show_html = commonmark_html(s, s.ok({"visit", "show", swap, "-f", "markdown"}).out);
    CHECK(has(show_html, "<h1>Worker exchange with Sidasari</h1>"));
    CHECK(has(show_html, "16\u201328 November 2026"));
    CHECK(has(show_html, "<td>caruy-cipari</td>"));
    auto show_csv = s.ok({"visit", "show", swap, "-f", "csv"}).out;
    CHECK(first_line(show_csv) == first_line(csv));
    CHECK(std::count(show_csv.begin(), show_csv.end(), '\n') == 2);

    for (const char* format : {"table", "markdown", "json", "csv"}) {
        INFO(format);
        s.ok({"village", "show", "caruy-cipari", "-f", format});
        s.ok({"visit", "list", "--village", "caruy", "-f", format, "--lang", "id"});
        s.ok({"visit", "show", study, "-f", format, "--lang", "id"});
    }
}

// The counts of `village show` are the lead's (issue 4): visits hosted and made, workers sent
// and received. The worker fields' names are proposed here.
TEST_CASE("cli: village show counts visits hosted and made, workers sent and received") {
    Sandbox s;
    cipari(s);
    study_visit(s);
    exchange(s);
    auto caruy = s.ok({"village", "show", "caruy-cipari", "-f", "json"}).json().at("counts");
    auto sidasari = s.ok({"village", "show", "sidasari-cipari", "-f", "json"}).json().at("counts");
    CHECK(caruy.at("visits_made") == 2);
    CHECK(caruy.at("visits_hosted") == 0);
    CHECK(sidasari.at("visits_hosted") == 2);
    CHECK(caruy.value("workers_sent", -1) == 4);
    CHECK(sidasari.value("workers_received", -1) == 4);
    for (const char* format : {"table", "markdown"}) {
        auto out = s.ok({"village", "show", "caruy-cipari", "-f", format}).out;
        CHECK(has(out, "Visits made"));
    }
}

// ---- add -----------------------------------------------------------------------------------

TEST_CASE("cli: visit add says what it did, -q prints the id, -f json the record") {
    Sandbox s;
    cipari(s);
    auto out = s.ok({"visit", "add", "--host", "sidasari-cipari", "--visitor", "caruy-cipari",
                     "--visitor", "serang-cipari", "--date", "2026-12-13"})
                   .out;
    CHECK(has(out, "Added visit "));
    CHECK(has(out, " Caruy, Serang \u2192 Sidasari (13 Dec 2026) as planned."));
    auto j = s.ok({"visit", "add", "--host", "caruy-cipari", "--visitor", "sidasari-cipari",
                   "--date", "yesterday", "-f", "json"})
                 .json();
    CHECK(j.at("status") == "held");
    CHECK(j.at("date") == "2026-11-26");
    CHECK(j.at("kind") == "study");
    CHECK(j.at("id").get<std::string>().size() == 8);
    refused(s,
            {"visit", "add", "--host", "caruy-cipari", "--visitor", "sidasari-cipari", "--date",
             "today", "-f", "csv"},
            2, "csv");
}

TEST_CASE("cli: a visit after today is planned, today or before held, --planned/--held") {
    Sandbox s;
    cipari(s);
    Args base{"--host", "sidasari-cipari", "--visitor", "caruy-cipari", "--date"};
    auto with = [&](Args extra) {
        Args args = base;
        args.insert(args.end(), extra.begin(), extra.end());
        return show(s, add(s, args)).at("status");
    };
    CHECK(with({"2026-11-28"}) == "planned");
    CHECK(with({"today"}) == "held");
    CHECK(with({"2026-11-13", "--planned"}) == "planned");
    CHECK(with({"today", "--held"}) == "held");
    Args future = base;
    future.insert(future.begin(), {"visit", "add"});
    future.insert(future.end(), {"2026-12-13", "--held"});
    auto r = refused(s, future, 1, "2026-12-13");
    CHECK(has(r.err, "2026-11-27"));
    Args both = base;
    both.insert(both.begin(), {"visit", "add"});
    both.insert(both.end(), {"today", "--held", "--planned"});
    refused(s, both, 2, "--planned");
}

TEST_CASE("cli: visit kinds in English and Indonesian, an unknown kind is refused") {
    Sandbox s;
    cipari(s);
    Args base{"--host", "sidasari-cipari", "--visitor", "caruy-cipari",
              "--date", "today",           "--kind"};
    for (const auto& [word, key] :
         std::vector<std::pair<std::string, std::string>>{{"study", "study"},
                                                          {"Studi", "study"},
                                                          {"exchange", "exchange"},
                                                          {"pertukaran", "exchange"},
                                                          {"other", "other"},
                                                          {"lainnya", "other"}}) {
        INFO(word);
        Args args = base;
        args.push_back(word);
        CHECK(show(s, add(s, args)).at("kind") == key);
    }
    Args bad{"visit", "add"};
    bad.insert(bad.end(), base.begin(), base.end());
    bad.push_back("wisata");
    refused(s, bad, 1, "'wisata'");
}

// ---- bad input (issue 4): exit 1, nothing on stdout, the value named, the log unchanged -----

TEST_CASE("cli: visit add refuses each bad input of the issue, recording nothing") {
    Sandbox s;
    cipari(s);
    s.ok({"village", "add", "--code", "33.01.17.2004"}); // the other Sidasari
    auto add_args = [](Args extra) {
        Args args{"visit",     "add",          "--host", "sidasari-cipari",
                  "--visitor", "caruy-cipari", "--date", "2026-11-13"};
        args.insert(args.end(), extra.begin(), extra.end());
        return args;
    };
    refused(s, add_args({"--visitor", "sidasari-cipari"}), 1,
            "sidasari-cipari cannot visit itself");
    refused(s, add_args({"--visitor", "33.01.18.2011"}), 1, "sidasari-cipari");
    refused(s, add_args({"--until", "2026-11-12"}), 1, "2026-11-12");
    auto study = refused(s, add_args({"--workers", "4"}), 1, "--workers 4");
    CHECK(has(study.err, "\n  give --kind exchange"));
    refused(s, add_args({"--kind", "study", "--skill", "Kompos"}), 1, "'Kompos'");
    refused(s, add_args({"--kind", "exchange", "--workers", "0"}), 1, "'0'");
    refused(s, add_args({"--kind", "exchange", "--workers", "-2"}), 1, "'-2'");
    refused(s, add_args({"--kind", "exchange", "--workers", "empat"}), 1, "'empat'");
    refused(s, add_args({"--visitor", "nosuch"}), 1, "'nosuch'");
    auto ambiguous = refused(s, add_args({"--visitor", "sidasari"}), 1, "'sidasari'");
    CHECK(has(ambiguous.err, "\n  sidasari-sampang "));
    refused(s, add_args({"--visitor", "caruy"}), 1, "caruy-cipari is given twice");
    refused(s,
            {"visit", "add", "--host", "caruy-cipari", "--visitor", "serang-cipari", "--date",
             "2026-02-30"},
            1, "2026-02-30");
    refused(s, add_args({"--program", " "}), 1, "--program");
    refused(s, add_args({"--program", "Kompos", "--program", "kompos"}), 1, "'kompos'");
    refused(s, {"visit", "add", "--host", "nosuch", "--visitor", "caruy-cipari", "--date", "today"},
            1, "'nosuch'");
    CHECK(list_ids(s, {}).empty());
}

TEST_CASE("cli: a planned visit cannot be marked held before its date") {
    Sandbox s;
    cipari(s);
    auto id =
        add(s, {"--host", "sidasari-cipari", "--visitor", "caruy-cipari", "--date", "2026-12-13"});
    auto r = refused(s, {"visit", "held", id}, 1, "2026-12-13");
    CHECK(has(r.err, "visit edit " + id));
    refused(s, {"visit", "edit", id, "--held"}, 1, "2026-12-13");
    s.ok({"visit", "edit", id, "--date", "2026-11-20"});
    CHECK(show(s, id).at("status") == "planned");
    CHECK(has(s.ok({"visit", "held", id}).out, "is marked held"));
    CHECK(show(s, id).at("status") == "held");
    refused(s, {"visit", "held", id}, 1, "already held");
    refused(s, {"visit", "edit", id, "--date", "2026-12-01"}, 1, "2026-12-01");
}

// ---- edit, cancel, remove ------------------------------------------------------------------

TEST_CASE("cli: visit edit adds and drops visitors and programs, an empty value clears") {
    Sandbox s;
    cipari(s);
    auto id = study_visit(s);
    auto j = s.ok({"visit", "edit", id.substr(0, 4), "--visitor", "kutasari-cipari",
                   "--drop-visitor", "serang-cipari", "--program", "Kompos", "--drop-program",
                   "bank sampah", "--purpose", "", "--until", "2026-11-14", "-f", "json"})
                 .json();
    CHECK(j.at("visitors") == json::array({"caruy-cipari", "kutasari-cipari"}));
    CHECK(j.at("programs") == json::array({"Pertanian organik", "Kompos"}));
    CHECK(j.at("purpose").is_null());
    CHECK(j.at("until") == "2026-11-14");
    CHECK(j.at("findings") == "Bank sampah dikelola BUMDes");
    CHECK(show(s, id.substr(0, 6)).at("until") == "2026-11-14");
    CHECK(has(s.ok({"visit", "edit", id, "--until", ""}).out, "Updated visit " + id));
    CHECK(show(s, id).at("until").is_null());

    refused(s, {"visit", "edit", id, "--visitor", "caruy"}, 1, "caruy-cipari is already");
    refused(s, {"visit", "edit", id, "--drop-visitor", "serang-cipari"}, 1, "serang-cipari");
    refused(s,
            {"visit", "edit", id, "--drop-visitor", "caruy-cipari", "--drop-visitor",
             "kutasari-cipari"},
            1, "--visitor");
    refused(s, {"visit", "edit", id, "--host", "caruy-cipari"}, 1, "caruy-cipari");
    refused(s, {"visit", "edit", id, "--drop-program", "Wisata"}, 1, "'Wisata'");
    refused(s, {"visit", "edit", id, "--until", "2026-11-01"}, 1, "2026-11-01");
    refused(s, {"visit", "edit", "ffff", "--purpose", "x"}, 1, "'ffff'");
    refused(s, {"visit", "edit", id, "--workers", "3"}, 1, "--workers 3");

    auto swap = exchange(s);
    auto r = refused(s, {"visit", "edit", swap, "--kind", "study"}, 1, swap);
    CHECK(has(r.err, "--workers \"\""));
    auto study = s.ok({"visit", "edit", swap, "--kind", "studi", "--workers", "", "--skill", "",
                       "-f", "json"})
                     .json();
    CHECK(study.at("kind") == "study");
    CHECK(study.at("workers").is_null());
    CHECK(study.at("skill").is_null());
}

TEST_CASE("cli: visit cancel keeps the reason, a held visit cannot be cancelled") {
    Sandbox s;
    cipari(s);
    auto planned =
        add(s, {"--host", "sidasari-cipari", "--visitor", "caruy-cipari", "--date", "2026-12-13"});
    CHECK(has(s.ok({"visit", "cancel", planned, "--reason", "jalan longsor"}).out,
              "Cancelled visit " + planned));
    auto j = show(s, planned);
    CHECK(j.at("status") == "cancelled");
    CHECK(j.at("cancel_reason") == "jalan longsor");
    CHECK(has(s.ok({"visit", "show", planned}).out, "jalan longsor"));
    refused(s, {"visit", "cancel", planned}, 1, "already cancelled");
    auto held = study_visit(s);
    auto r = refused(s, {"visit", "cancel", held}, 1, held);
    CHECK(has(r.err, "visit edit " + held + " --planned"));
    s.ok({"visit", "edit", planned, "--planned"});
    j = show(s, planned);
    CHECK(j.at("status") == "planned");
    CHECK(j.at("cancel_reason").is_null());
}

TEST_CASE("cli: visit remove is refused while an action follows the visit, naming it") {
    Sandbox s;
    cipari(s);
    auto id = study_visit(s);
    follow_up(s, id, "Pilot bank sampah di Caruy");
    auto action = show(s, id).at("actions").at(0).get<std::string>();
    auto r = refused(s, {"visit", "remove", id}, 1, action);
    CHECK(has(r.err, "Pilot bank sampah di Caruy"));
    sql(s, "DELETE FROM action;");
    CHECK(has(s.ok({"visit", "remove", id}).out, "Removed visit " + id));
    refused(s, {"visit", "show", id}, 1, "'" + id + "'");
    CHECK(sql(s, "SELECT count(*) FROM visit_visitor; SELECT count(*) FROM visit_program;") ==
          "0\n0\n");
}

// ---- list ----------------------------------------------------------------------------------

TEST_CASE("cli: visit list filters by period, village as host or visitor, kind and status") {
    Sandbox s;
    cipari(s);
    auto december = add(s, {"--host", "caruy-cipari", "--visitor", "cipari-cipari", "--date",
                            "2026-12-07", "--kind", "other"});
    auto swap = exchange(s);
    auto study = study_visit(s);
    CHECK(list_ids(s, {}) == Args{study, swap, december});
    CHECK(list_ids(s, {"--village", "caruy-cipari"}) == Args{study, swap, december});
    CHECK(list_ids(s, {"--village", "Serang"}) == Args{study});
    CHECK(list_ids(s, {"--village", "sidasari-cipari"}) == Args{study, swap});
    CHECK(list_ids(s, {"--kind", "pertukaran"}) == Args{swap});
    CHECK(list_ids(s, {"--status", "planned"}) == Args{december});
    CHECK(list_ids(s, {"--status", "terlaksana"}) == Args{study, swap});
    CHECK(list_ids(s, {"--from", "2026-11-20", "--to", "2026-11-30"}) == Args{swap});
    CHECK(list_ids(s, {"--month", "2026-12"}) == Args{december});
    CHECK(list_ids(s, {"--limit", "1"}) == Args{study});
    refused(s, {"visit", "list", "--village", "nosuch"}, 1, "'nosuch'");
    refused(s, {"visit", "list", "--kind", "tour"}, 1, "'tour'");
    refused(s, {"visit", "list", "--status", "done"}, 1, "'done'");
    CHECK(s.ok({"visit", "list", "--month", "2027-01"}).out.empty());
}

TEST_CASE("cli: visit list and show speak Indonesian dates") {
    Sandbox s;
    cipari(s);
    auto id = add(s, {"--host", "sidasari-cipari", "--visitor", "caruy-cipari", "--date",
                      "2026-12-28", "--until", "2027-01-03"});
    CHECK(has(s.ok({"visit", "list"}).out, "28 Dec 2026 \u2013 3 Jan 2027"));
    CHECK(has(s.ok({"visit", "list", "--lang", "id"}).out, "28 Des 2026 \u2013 3 Jan 2027"));
    CHECK(has(s.ok({"visit", "show", id, "--lang", "id"}).out,
              "28 Desember 2026 \u2013 3 Januari 2027"));
    s.ok({"visit", "edit", id, "--date", "2026-11-30", "--until", "2026-12-05"});
    CHECK(has(s.ok({"visit", "list", "--lang", "id"}).out, "30 Nov \u2013 5 Des 2026"));
}

TEST_CASE("cli: text from the log cannot break visit markdown, csv or the terminal") {
    Sandbox s;
    cipari(s);
    auto id = add(s, {"--host", "sidasari-cipari", "--visitor", "caruy-cipari", "--date", "today",
                      "--program", "Bank | sampah *organik*", "--program", "=1+2", "--purpose",
                      "a\x1b[31mred", "--findings", "=HYPERLINK(1)"});
    auto html = commonmark_html(s, s.ok({"visit", "list", "-f", "md"}).out);
    CHECK(has(html, "Bank | sampah *organik*, =1+2"));
    auto show_html = commonmark_html(s, s.ok({"visit", "show", id, "-f", "md"}).out);
    CHECK(has(show_html, "<td>Bank | sampah *organik*</td>"));
    auto csv = s.ok({"visit", "list", "-f", "csv"}).out;
    CHECK(has(csv, ",\"Bank | sampah *organik*\n=1+2\",'=HYPERLINK(1),"));
    auto text = s.ok({"visit", "show", id}).out;
    CHECK_FALSE(has(text, "\x1b"));
    CHECK(has(text, "a\\x1b[31mred"));
}

TEST_CASE("cli: --help on every visit subcommand shows an example, reading needs a log") {
    Sandbox s;
    for (std::string sub : {"add", "list", "show", "held", "cancel", "edit", "remove"}) {
        INFO(sub);
        auto r = s.run({"visit", sub, "--help"});
        CHECK(r.code == 0);
        CHECK(has(r.out, "\nExample: kades visit " + sub));
    }
    CHECK(has(s.ok({"visit", "edit", "--help"}).out, "--drop-visitor"));
    CHECK(has(s.ok({"visit", "--help"}).out, "Example: kades visit"));
    auto r = s.run({"visit", "list"});
    CHECK(r.code == 3);
    CHECK_FALSE(std::filesystem::exists(s.db()));
}
