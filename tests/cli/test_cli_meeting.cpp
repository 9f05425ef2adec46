// `kades meeting ...`: meetings of the network (spec section 2, meeting).

#include "cli/harness.hpp"

#include <doctest/doctest.h>

#include <cstdio>
#include <fstream>

using kades::test::has;
using kades::test::joined;
using kades::test::refused;
using kades::test::Sandbox;
using kades::test::sql;
namespace fs = std::filesystem;
using Args = std::vector<std::string>;

namespace {

// Cipari's 11 villages in the network (KADES_TODAY is 2026-11-27, a Friday).
void cipari(const Sandbox& s) {
    s.load_regions();
    s.ok({"village", "import", "--under", "33.01.18"});
}

// Adds a meeting with -q and returns the id it printed.
std::string add(const Sandbox& s, Args args) {
    args.insert(args.begin(), {"-q", "meeting", "add"});
    auto out = s.ok(args).out;
    REQUIRE(out.size() == 9);
    return out.substr(0, 8);
}

std::string forum(const Sandbox& s, const std::string& name) {
    auto out = s.ok({"-q", "forum", "add", name}).out;
    REQUIRE(out.size() == 9);
    return out.substr(0, 8);
}

nlohmann::json show(const Sandbox& s, const std::string& id) {
    return s.ok({"meeting", "show", id, "-f", "json"}).json();
}

// The titles `meeting list -f json` gives with these options, in its order.
Args titles(const Sandbox& s, Args extra) {
    Args args{"meeting", "list", "-f", "json"};
    args.insert(args.end(), extra.begin(), extra.end());
    Args out;
    for (const auto& m : s.ok(args).json())
        out.push_back(m.at("title"));
    return out;
}

// The first line, without the CR that ends CSV lines.
std::string first_line(const std::string& text) {
    auto line = text.substr(0, text.find('\n'));
    return !line.empty() && line.back() == '\r' ? line.substr(0, line.size() - 1) : line;
}

} // namespace

// ---- add -----------------------------------------------------------------------------------

TEST_CASE("cli: meeting add records every field, show -f json has the spec's fields") {
    Sandbox s;
    cipari(s);
    auto f = forum(s, "Forum Kades Cipari");
    auto id = add(s, {"Rapat koordinasi BUMDes",
                      "--date",
                      "2026-12-04",
                      "--time",
                      "9:00",
                      "--kind",
                      "lokakarya",
                      "--host",
                      "sidasari-cipari",
                      "--place",
                      "Balai desa",
                      "--forum",
                      f.substr(0, 4),
                      "--attendee",
                      "serang-cipari",
                      "--attendee",
                      "33.01.18.2001",
                      "--attendee",
                      "Cipari",
                      "--agenda",
                      "Laporan BUMDes",
                      "--notes",
                      "bawa laporan",
                      "--decision",
                      "Pelatihan Januari",
                      "--decision",
                      "Studi banding"});
    auto m = show(s, id);
    auto expected =
        nlohmann::json{{"id", id},
                       {"title", "Rapat koordinasi BUMDes"},
                       {"date", "2026-12-04"},
                       {"time", "09:00"},
                       {"kind", "workshop"},
                       {"status", "planned"},
                       {"host", "sidasari-cipari"},
                       {"place", "Balai desa"},
                       {"forum", f},
                       {"attendees", {"caruy-cipari", "cipari-cipari", "serang-cipari"}},
                       {"agenda", "Laporan BUMDes"},
                       {"notes", "bawa laporan"},
                       {"decisions", {"Pelatihan Januari", "Studi banding"}},
                       {"actions", nlohmann::json::array()},
                       {"cancel_reason", nullptr}};
    for (const auto& [field, value] : expected.items())
        CHECK_MESSAGE(m.at(field) == value, field);
    CHECK(m.at("uuid").get<std::string>().size() == 36);
    CHECK(m.at("uuid").get<std::string>().substr(0, 8) == id);

    auto bare = show(s, add(s, {"Rapat", "--date", "2026-11-20"}));
    for (const char* field : {"time", "host", "place", "forum", "agenda", "notes"})
        CHECK_MESSAGE(bare.at(field).is_null(), field);
    CHECK(bare.at("attendees") == nlohmann::json::array());
    CHECK(bare.at("decisions") == nlohmann::json::array());
    CHECK(bare.at("kind") == "routine");
}

TEST_CASE("cli: meeting add says what it did, or prints the record with -f json") {
    Sandbox s;
    cipari(s);
    auto out = s.ok({"meeting", "add", "Rapat", "--date", "2026-12-04"}).out;
    CHECK(has(out, "Added meeting "));
    CHECK(has(out, "\u201cRapat\u201d (4 Dec 2026) as planned."));
    CHECK(has(s.ok({"meeting", "add", "Lalu", "--date", "yesterday"}).out, "as held."));
    auto json = s.ok({"meeting", "add", "Json", "--date", "2026-12-05", "-f", "json"}).json();
    CHECK(json.at("title") == "Json");
    CHECK(json.at("id").get<std::string>().size() == 8);
    refused(s, {"meeting", "add", "Csv", "--date", "2026-12-05", "-f", "csv"}, 2, "csv");
}

TEST_CASE("cli: a meeting after today is planned, today or before held, --planned/--held") {
    Sandbox s;
    cipari(s);
    auto status = [&](Args extra) {
        Args args{"Rapat"};
        args.insert(args.end(), extra.begin(), extra.end());
        return show(s, add(s, args)).at("status").get<std::string>();
    };
    CHECK(status({"--date", "2026-11-28"}) == "planned");
    CHECK(status({"--date", "tomorrow"}) == "planned");
    CHECK(status({"--date", "today"}) == "held");
    CHECK(status({"--date", "2026-11-27", "--held"}) == "held");
    CHECK(status({"--date", "2025-06-01"}) == "held");
    CHECK(status({"--date", "2026-11-01", "--planned"}) == "planned");
    CHECK(status({"--date", "2027-01-01", "--planned"}) == "planned");
    auto r = refused(s, {"meeting", "add", "Rapat", "--date", "+1d", "--held"}, 1,
                     "a meeting on 2026-11-28 cannot be held yet");
    CHECK(has(r.err, "\n  leave out --held"));
    refused(s, {"meeting", "add", "Rapat", "--date", "2026-11-01", "--planned", "--held"}, 2,
            "--planned");
}

TEST_CASE("cli: meeting kinds in English and Indonesian, an unknown kind is refused") {
    Sandbox s;
    cipari(s);
    for (auto [given, key] :
         std::vector<std::pair<std::string, std::string>>{{"routine", "routine"},
                                                          {"rutin", "routine"},
                                                          {"forum", "forum"},
                                                          {"training", "training"},
                                                          {"pelatihan", "training"},
                                                          {"workshop", "workshop"},
                                                          {"lokakarya", "workshop"},
                                                          {"other", "other"},
                                                          {"lainnya", "other"},
                                                          {"Pelatihan", "training"}}) {
        INFO(given);
        CHECK(show(s, add(s, {"R", "--date", "2026-11-01", "--kind", given})).at("kind") == key);
    }
    refused(s, {"meeting", "add", "R", "--date", "2026-11-01", "--kind", "rapat"}, 1, "'rapat'");
    refused(s, {"meeting", "list", "--kind", "rapat"}, 1, "'rapat'");
}

TEST_CASE("cli: meeting add refuses a bad date, time, title, host or forum, naming it") {
    Sandbox s;
    cipari(s);
    add(s, {"Existing", "--date", "2026-11-01"});
    Args base{"meeting", "add", "Rapat", "--date", "2026-11-01"};
    auto with = [&](Args extra) {
        Args args = base;
        args.insert(args.end(), extra.begin(), extra.end());
        return args;
    };
    refused(s, {"meeting", "add", "Rapat", "--date", "2026-02-30"}, 1, "'2026-02-30'");
    refused(s, {"meeting", "add", "Rapat", "--date", "2026-13-01"}, 1, "'2026-13-01'");
    refused(s, {"meeting", "add", "Rapat", "--date", "someday"}, 1, "'someday'");
    for (std::string time : {"25:00", "9:5", "12:60", "noon", "24:00"})
        refused(s, with({"--time", time}), 1, "'" + time + "'");
    refused(s, {"meeting", "add", "  ", "--date", "2026-11-01"}, 1, "title");
    refused(s, {"meeting", "add", "Rapat \xff", "--date", "2026-11-01"}, 1, "title");
    refused(s, with({"--host", "nosuch"}), 1, "'nosuch'");
    refused(s, with({"--forum", "abcd"}), 1, "'abcd'");
    refused(s, with({"--forum", "xyz"}), 1, "'xyz'");
    refused(s, with({"--decision", " "}), 1, "decision");
    refused(s, {"meeting", "add", "Rapat"}, 2, "--date");
    refused(s, {"meeting", "add", "--date", "2026-11-01"}, 2, "TITLE");
    CHECK(titles(s, {}) == Args{"Existing"});
}

TEST_CASE("cli: an unknown, ambiguous or repeated attendee records nothing") {
    Sandbox s;
    cipari(s);
    s.ok({"village", "add", "--code", "33.01.17.2004"}); // sidasari-sampang
    Args base{"meeting", "add", "Rapat", "--date", "2026-11-01", "--decision", "d"};
    auto with = [&](Args extra) {
        Args args = base;
        args.insert(args.end(), extra.begin(), extra.end());
        return args;
    };
    refused(s, with({"--attendee", "caruy-cipari", "--attendee", "nosuch", "--attendee", "serang"}),
            1, "no village 'nosuch'");
    auto ambiguous =
        refused(s, with({"--attendee", "caruy-cipari", "--attendee", "Sidasari"}), 1, "'Sidasari'");
    CHECK(has(ambiguous.err, "\n  sidasari-cipari "));
    CHECK(has(ambiguous.err, "\n  sidasari-sampang "));
    refused(s,
            with({"--attendee", "sidasari-cipari", "--attendee", "caruy-cipari", "--attendee",
                  "3301182011"}),
            1, "sidasari-cipari is given twice");
    refused(s, with({"--host", "Sidasari"}), 1, "'Sidasari'");
    CHECK(titles(s, {}).empty());
    CHECK(sql(s, "SELECT count(*) FROM meeting_attendee; SELECT count(*) FROM meeting_decision;") ==
          "0\n0\n");
}

// ---- list and show -------------------------------------------------------------------------

TEST_CASE("cli: meeting list orders by date and time and filters what it shows") {
    Sandbox s;
    cipari(s);
    auto f = forum(s, "Forum Kades Cipari");
    add(s, {"C late", "--date", "2026-11-20", "--time", "15:00", "--attendee", "kutasari-cipari"});
    add(s, {"B early", "--date", "2026-11-20", "--time", "08:00", "--kind", "training", "--forum",
            f, "--host", "kutasari-cipari"});
    add(s, {"A no time", "--date", "2026-11-20", "--kind", "pelatihan"});
    add(s, {"D october", "--date", "2026-10-05"});
    add(s, {"E december", "--date", "2026-12-10", "--forum", f});
    s.ok({"meeting", "cancel", add(s, {"F cancelled", "--date", "2026-12-11"})});

    CHECK(titles(s, {}) ==
          Args{"D october", "A no time", "B early", "C late", "E december", "F cancelled"});
    CHECK(titles(s, {"--status", "planned"}) == Args{"E december"});
    CHECK(titles(s, {"--status", "held"}) == Args{"D october", "A no time", "B early", "C late"});
    CHECK(titles(s, {"--status", "batal"}) == Args{"F cancelled"});
    CHECK(titles(s, {"--kind", "training"}) == Args{"A no time", "B early"});
    CHECK(titles(s, {"--forum", f.substr(0, 5)}) == Args{"B early", "E december"});
    CHECK(titles(s, {"--village", "Kutasari"}) == Args{"B early", "C late"});
    CHECK(titles(s, {"--village", "caruy-cipari"}).empty());
    CHECK(titles(s, {"--from", "2026-11-20", "--to", "2026-12-10"}) ==
          Args{"A no time", "B early", "C late", "E december"});
    CHECK(titles(s, {"--from", "2026-12-01"}) == Args{"E december", "F cancelled"});
    CHECK(titles(s, {"--to", "2026-10-31"}) == Args{"D october"});
    CHECK(titles(s, {"--month", "2026-11"}) == Args{"A no time", "B early", "C late"});
    CHECK(titles(s, {"--month", "this"}) == Args{"A no time", "B early", "C late"});
    CHECK(titles(s, {"--month", "last"}) == Args{"D october"});
    CHECK(titles(s, {"--limit", "2"}) == Args{"D october", "A no time"});
    CHECK(titles(s, {"--status", "held", "--village", "kutasari-cipari", "--limit", "1"}) ==
          Args{"B early"});
}

TEST_CASE("cli: meeting list refuses a reversed period, bad values, unknown references") {
    Sandbox s;
    cipari(s);
    add(s, {"Rapat", "--date", "2026-11-01"});
    refused(s, {"meeting", "list", "--from", "2026-12-01", "--to", "2026-11-01"}, 1, "2026-12-01");
    refused(s, {"meeting", "list", "--from", "2026-02-30"}, 1, "'2026-02-30'");
    refused(s, {"meeting", "list", "--month", "2026-13"}, 1, "'2026-13'");
    refused(s, {"meeting", "list", "--month", "this", "--from", "2026-11-01"}, 2, "--month");
    refused(s, {"meeting", "list", "--limit", "0"}, 1, "--limit");
    refused(s, {"meeting", "list", "--status", "done"}, 1, "'done'");
    refused(s, {"meeting", "list", "--village", "nosuch"}, 1, "'nosuch'");
    refused(s, {"meeting", "list", "--forum", "abcd"}, 1, "'abcd'");
    refused(s, {"meeting", "list", "--forum", "zz"}, 1, "'zz'");
}

TEST_CASE("cli: meeting list in table, markdown and csv") {
    Sandbox s;
    cipari(s);
    auto f = forum(s, "Forum Kades Cipari");
    auto id = add(s, {"Rapat koordinasi", "--date", "2026-12-04", "--time", "09:00", "--host",
                      "sidasari-cipari", "--forum", f, "--attendee", "caruy-cipari", "--attendee",
                      "serang-cipari", "--decision", "Satu", "--decision", "Dua"});
    auto table = s.ok({"meeting", "list"}).out;
    CHECK(first_line(table).find("ID") == 0);
    for (const char* heading :
         {"Date", "Time", "Kind", "Status", "Title", "Host", "Attendees", "Forum"})
        CHECK_MESSAGE(has(first_line(table), heading), heading);
    CHECK(has(table, id + "  4 Dec 2026  09:00  Routine  Planned  Rapat koordinasi  Sidasari"));
    CHECK(has(table, "Forum Kades Cipari"));
    CHECK(has(s.ok({"meeting", "list", "--lang", "id"}).out, "4 Des 2026"));

    auto md = s.ok({"meeting", "list", "-f", "md"}).out;
    CHECK(md.find("| ID | Date | Time | Kind | Status | Title | Host | Attendees | Forum |") == 0);
    CHECK(has(md, "| " + id + " | 4 Dec 2026 | 09:00 | Routine | Planned | Rapat koordinasi |"));

    auto csv = s.ok({"meeting", "list", "-f", "csv"}).out;
    CHECK(first_line(csv) == "id,uuid,title,date,time,kind,status,host,place,forum,attendees,"
                             "agenda,notes,decisions,actions,cancel_reason");
    CHECK(has(csv, "," + f + ",caruy-cipari;serang-cipari,,,\"Satu\nDua\",,"));
    CHECK(has(csv, "Rapat koordinasi,2026-12-04,09:00,routine,planned,sidasari-cipari,"));
    CHECK(s.ok({"meeting", "list", "--status", "held"}).out.empty());
    CHECK(first_line(s.ok({"meeting", "list", "--status", "held", "-f", "csv"}).out) ==
          first_line(csv));
    CHECK(s.ok({"meeting", "list", "--status", "held", "-f", "json"}).json() ==
          nlohmann::json::array());
}

TEST_CASE("cli: meeting show in table, markdown and csv") {
    Sandbox s;
    cipari(s);
    auto f = forum(s, "Forum Kades Cipari");
    auto id = add(s, {"Rapat koordinasi", "--date", "2026-11-20", "--time", "09:00", "--host",
                      "sidasari-cipari", "--forum", f, "--attendee", "caruy-cipari", "--place",
                      "Balai desa", "--decision", "Pelatihan Januari"});
    auto action = s.ok({"-q", "action", "add", "Siapkan pelatihan", "--owner", "caruy-cipari",
                        "--meeting", id, "--due", "2026-12-10"})
                      .out.substr(0, 8);
    auto out = s.ok({"meeting", "show", id}).out;
    CHECK(out.rfind("Rapat koordinasi\n", 0) == 0);
    for (std::string line :
         {"ID      " + id, std::string("Date    20 November 2026"), std::string("Time    09:00"),
          std::string("Kind    Routine"), std::string("Status  Held"),
          std::string("Host    Sidasari (sidasari-cipari)"), std::string("Place   Balai desa"),
          "Forum   Forum Kades Cipari (" + f + ")"})
        CHECK_MESSAGE(has(out, "\n" + line + "\n"), line);
    CHECK(has(out, "\nAttendees\n  Village  Slug\n  Caruy    caruy-cipari\n"));
    CHECK(has(out, "\nDecisions\n"));
    CHECK(has(out, "  1  Pelatihan Januari\n"));
    CHECK(has(out, "\nActions\n"));
    CHECK(has(out, "  " + action + "  Siapkan pelatihan  Caruy  10 Dec 2026  open\n"));
    CHECK(show(s, id).at("actions") == nlohmann::json::array({action}));

    auto bare = s.ok({"meeting", "show", add(s, {"Kosong", "--date", "2026-11-01"})}).out;
    CHECK(has(bare, "\nAttendees\n  none recorded\n"));
    CHECK(has(bare, "\nDecisions\n  none recorded\n"));
    CHECK(has(bare, "\nActions\n  none recorded\n"));
    CHECK_FALSE(has(bare, "Host"));

    auto md = s.ok({"meeting", "show", id, "-f", "markdown"}).out;
    CHECK(md.rfind("# Rapat koordinasi\n", 0) == 0);
    CHECK(has(md, "- **Status:** Held\n"));
    CHECK(has(md, "\n## Attendees\n\n| Village | Slug |\n"));
    CHECK(has(md, "\n## Actions\n"));

    auto csv = s.ok({"meeting", "show", id, "-f", "csv"}).out;
    auto list =
        s.ok({"meeting", "list", "-f", "csv", "--to", "2026-11-20", "--from", "2026-11-20"}).out;
    CHECK(csv == list);
    CHECK(has(csv, "," + action + ","));
}

TEST_CASE("cli: a meeting is named by a unique id prefix, ambiguous, unknown or bad ids refused") {
    Sandbox s;
    cipari(s);
    add(s, {"One", "--date", "2026-11-01"});
    add(s, {"Two", "--date", "2026-11-02"});
    sql(s, "UPDATE meeting SET uuid = 'abcd1234-0000-4000-8000-000000000001' WHERE title = "
           "'One'; UPDATE meeting SET uuid = 'abcd5678-0000-4000-8000-000000000002' WHERE "
           "title = 'Two';");
    CHECK(show(s, "abcd1").at("title") == "One");
    CHECK(show(s, "ABCD5678").at("title") == "Two");
    CHECK(show(s, "abcd5678-0000").at("title") == "Two");
    auto r = refused(s, {"meeting", "show", "abcd"}, 1, "'abcd'");
    CHECK(has(r.err, "\n  abcd1234-0000  2026-11-01  One"));
    CHECK(has(r.err, "\n  abcd5678-0000  2026-11-02  Two"));
    for (const Args& args :
         {Args{"meeting", "held", "abcd"}, Args{"meeting", "remove", "abcd"},
          Args{"meeting", "edit", "abcd", "--notes", "x"},
          Args{"meeting", "attend", "abcd", "caruy-cipari"}, Args{"meeting", "cancel", "abcd"}})
        refused(s, args, 1, "'abcd'");
    refused(s, {"meeting", "show", "ffff"}, 1, "'ffff'");
    refused(s, {"meeting", "show", "abc"}, 1, "'abc'");
    refused(s, {"meeting", "show", "rapat"}, 1, "'rapat'");
    refused(s, {"meeting", "show"}, 2, "ID");
}

TEST_CASE("cli: meeting list and show on a missing log: exit 3, no log created") {
    Sandbox s;
    refused(s, {"meeting", "list"}, 3, s.db().string());
    refused(s, {"meeting", "show", "abcd"}, 3, s.db().string());
    CHECK_FALSE(fs::exists(s.db()));
}

// ---- attend, held, cancel ------------------------------------------------------------------

TEST_CASE("cli: meeting attend adds villages, one already attending, unknown or twice: nothing") {
    Sandbox s;
    cipari(s);
    auto id = add(s, {"Rapat", "--date", "2026-11-20", "--attendee", "cipari-cipari"});
    auto out = s.ok({"meeting", "attend", id, "caruy-cipari", "Serang"}).out;
    CHECK(has(out, "Added 2 attendees to meeting " + id));
    CHECK(show(s, id).at("attendees") ==
          nlohmann::json::array({"caruy-cipari", "cipari-cipari", "serang-cipari"}));
    CHECK(has(s.ok({"meeting", "attend", id, "kutasari-cipari"}).out, "Added 1 attendee to"));

    refused(s, {"meeting", "attend", id, "sidasari-cipari", "cipari-cipari"}, 1,
            "cipari-cipari already attends meeting " + id);
    refused(s, {"meeting", "attend", id, "sidasari-cipari", "nosuch"}, 1, "'nosuch'");
    refused(s, {"meeting", "attend", id, "sidasari-cipari", "33.01.18.2011"}, 1,
            "sidasari-cipari is given twice");
    refused(s, {"meeting", "attend", id}, 2, "REF");
    CHECK(show(s, id).at("attendees").size() == 4);
    auto json = s.ok({"meeting", "attend", id, "sidasari-cipari", "-f", "json"}).json();
    CHECK(json.at("attendees").size() == 5);
    CHECK(s.ok({"-q", "meeting", "attend", id, "mulyadadi-cipari"}).out == id + "\n");
}

TEST_CASE("cli: meeting held: not before its day, not twice, a cancelled one can be held after") {
    Sandbox s;
    cipari(s);
    auto future = add(s, {"Nanti", "--date", "2026-12-01"});
    auto r =
        refused(s, {"meeting", "held", future}, 1, "a meeting on 2026-12-01 cannot be held yet");
    CHECK(has(r.err, "kades meeting edit " + future + " --date"));

    auto past = add(s, {"Lalu", "--date", "2026-11-20", "--planned"});
    CHECK(has(s.ok({"meeting", "held", past}).out, "Meeting " + past));
    CHECK(show(s, past).at("status") == "held");
    refused(s, {"meeting", "held", past}, 1, past + " is already held");

    auto today = add(s, {"Hari ini", "--date", "today", "--planned"});
    s.ok({"meeting", "cancel", today, "--reason", "hujan"});
    CHECK(s.ok({"meeting", "held", today, "-f", "json"}).json().at("status") == "held");
    CHECK(show(s, today).at("cancel_reason").is_null());
    s.ok({"meeting", "cancel", future});
    refused(s, {"meeting", "held", future}, 1, "2026-12-01");
    CHECK(show(s, future).at("status") == "cancelled");
}

TEST_CASE("cli: meeting cancel keeps the reason, a held or cancelled meeting is refused") {
    Sandbox s;
    cipari(s);
    auto id = add(s, {"Rapat", "--date", "2026-12-04"});
    CHECK(
        has(s.ok({"meeting", "cancel", id, "--reason", "banjir"}).out, "Cancelled meeting " + id));
    auto m = show(s, id);
    CHECK(m.at("status") == "cancelled");
    CHECK(m.at("cancel_reason") == "banjir");
    CHECK(has(s.ok({"meeting", "show", id}).out, "\nCancelled because  banjir\n"));
    refused(s, {"meeting", "cancel", id}, 1, id + " is already cancelled");

    auto held = add(s, {"Lalu", "--date", "2026-11-20"});
    auto r = refused(s, {"meeting", "cancel", held}, 1, held + " was held on 2026-11-20");
    CHECK(has(r.err, "kades meeting edit " + held + " --planned"));
    refused(s, {"meeting", "cancel", add(s, {"X", "--date", "+3d"}), "--reason", "\xff"}, 1,
            "reason");
    CHECK(show(s, add(s, {"Y", "--date", "+3d"})).at("cancel_reason").is_null());
}

// ---- edit ----------------------------------------------------------------------------------

TEST_CASE("cli: meeting edit sets and clears fields, adds and drops attendees, appends decisions") {
    Sandbox s;
    cipari(s);
    auto f = forum(s, "Forum Kades Cipari");
    auto id =
        add(s, {"Rapat", "--date", "2026-11-20", "--time", "09:00", "--host", "sidasari-cipari",
                "--forum", f, "--place", "Balai", "--attendee", "caruy-cipari", "--attendee",
                "cipari-cipari", "--decision", "Satu", "--notes", "n"});
    auto uuid = show(s, id).at("uuid");
    auto out = s.ok({"meeting",
                     "edit",
                     id,
                     "--title",
                     "Rapat besar",
                     "--time",
                     "",
                     "--host",
                     "",
                     "--forum",
                     "",
                     "--place",
                     "",
                     "--notes",
                     "",
                     "--agenda",
                     "Anggaran",
                     "--kind",
                     "forum",
                     "--drop-attendee",
                     "caruy-cipari",
                     "--attendee",
                     "serang-cipari",
                     "--attendee",
                     "kutasari-cipari",
                     "--decision",
                     "Dua"})
                   .out;
    CHECK(has(out, "Updated meeting " + id));
    auto m = show(s, id);
    CHECK(m.at("uuid") == uuid);
    CHECK(m.at("title") == "Rapat besar");
    CHECK(m.at("date") == "2026-11-20");
    CHECK(m.at("kind") == "forum");
    CHECK(m.at("status") == "held");
    CHECK(m.at("agenda") == "Anggaran");
    for (const char* field : {"time", "host", "forum", "place", "notes"})
        CHECK_MESSAGE(m.at(field).is_null(), field);
    CHECK(m.at("attendees") ==
          nlohmann::json::array({"cipari-cipari", "kutasari-cipari", "serang-cipari"}));
    CHECK(m.at("decisions") == nlohmann::json::array({"Satu", "Dua"}));

    auto json = s.ok({"meeting", "edit", id, "--host", "Serang", "--forum", f.substr(0, 4),
                      "--time", "14.30", "--date", "2026-11-19", "-f", "json"})
                    .json();
    CHECK(json.at("host") == "serang-cipari");
    CHECK(json.at("forum") == f);
    CHECK(json.at("time") == "14:30");
    CHECK(json.at("date") == "2026-11-19");
    CHECK(s.ok({"-q", "meeting", "edit", id, "--notes", "x"}).out == id + "\n");
}

TEST_CASE("cli: meeting edit: the status on a new date, and what it refuses") {
    Sandbox s;
    cipari(s);
    auto id = add(s, {"Rapat", "--date", "2026-11-20", "--attendee", "caruy-cipari"});
    auto r = refused(s, {"meeting", "edit", id, "--date", "2026-12-20"}, 1,
                     "a meeting on 2026-12-20 cannot be held yet");
    CHECK(has(r.err, "--planned"));
    refused(s, {"meeting", "edit", id, "--date", "2026-12-20", "--held"}, 1, "2026-12-20");
    s.ok({"meeting", "edit", id, "--date", "2026-12-20", "--planned"});
    CHECK(show(s, id).at("status") == "planned");
    s.ok({"meeting", "edit", id, "--date", "2026-11-01"}); // planned, until marked held
    CHECK(show(s, id).at("status") == "planned");
    s.ok({"meeting", "cancel", id, "--reason", "hujan"});
    s.ok({"meeting", "edit", id, "--held"});
    CHECK(show(s, id).at("status") == "held");
    CHECK(show(s, id).at("cancel_reason").is_null());

    refused(s, {"meeting", "edit", id}, 2, "nothing to change");
    refused(s, {"meeting", "edit", id, "--title", ""}, 1, "title");
    refused(s, {"meeting", "edit", id, "--time", "9:5"}, 1, "'9:5'");
    refused(s, {"meeting", "edit", id, "--date", "2026-02-30"}, 1, "'2026-02-30'");
    refused(s, {"meeting", "edit", id, "--kind", "rapat"}, 1, "'rapat'");
    refused(s, {"meeting", "edit", id, "--attendee", "caruy-cipari"}, 1,
            "caruy-cipari already attends");
    refused(s, {"meeting", "edit", id, "--attendee", "serang-cipari", "--drop-attendee", "cipari"},
            1, "cipari-cipari does not attend");
    refused(s, {"meeting", "edit", id, "--attendee", "serang", "--attendee", "serang-cipari"}, 1,
            "serang-cipari is given twice");
    refused(s, {"meeting", "edit", id, "--host", "nosuch", "--decision", "x"}, 1, "'nosuch'");
    refused(s, {"meeting", "edit", id, "--forum", "9999"}, 1, "'9999'");
    refused(s, {"meeting", "edit", id, "--planned", "--held"}, 2, "--planned");
}

// ---- remove --------------------------------------------------------------------------------

TEST_CASE("cli: meeting remove is refused while actions point at it, the rest goes with it") {
    Sandbox s;
    cipari(s);
    auto id = add(s, {"Rapat", "--date", "2026-11-20", "--attendee", "caruy-cipari", "--attendee",
                      "serang-cipari", "--decision", "Satu", "--decision", "Dua"});
    auto other = add(s, {"Lain", "--date", "2026-11-21", "--attendee", "caruy-cipari"});
    auto action = [&](const std::string& text) {
        return s.ok({"-q", "action", "add", text, "--owner", "caruy-cipari", "--meeting", id})
            .out.substr(0, 8);
    };
    auto first = action("Siapkan pelatihan");
    auto second = action("Kirim laporan");
    auto r = refused(s, {"meeting", "remove", id}, 1, "meeting " + id);
    CHECK(has(first_line(r.err), first));
    CHECK(has(first_line(r.err), second));
    CHECK(has(r.err, "\n  " + first + "  Siapkan pelatihan\n"));
    CHECK(has(r.err, "\n  " + second + "  Kirim laporan\n"));

    CHECK(has(r.err, "kades action remove ID"));
    s.ok({"action", "remove", first});
    s.ok({"action", "edit", second, "--meeting", ""}); // unlinked: the action stays
    CHECK(s.ok({"action", "show", second, "-f", "json"}).json().at("meeting").is_null());
    CHECK(has(s.ok({"meeting", "remove", id}).out, "Removed meeting " + id));
    refused(s, {"meeting", "show", id}, 1, "'" + id + "'");
    CHECK(sql(s, "SELECT count(*) FROM meeting_attendee; SELECT count(*) FROM meeting_decision;") ==
          "1\n0\n");
    CHECK(show(s, other).at("attendees") == nlohmann::json::array({"caruy-cipari"}));
    CHECK(s.ok({"village", "list", "-f", "json"}).json().size() == 11);
    refused(s, {"meeting", "remove", id}, 1, "'" + id + "'");
}

// ---- help and output safety ----------------------------------------------------------------

TEST_CASE("cli: --help on every meeting subcommand exits 0 with an example") {
    Sandbox s;
    for (std::string sub : {"add", "list", "show", "attend", "held", "cancel", "edit", "remove"}) {
        INFO(sub);
        auto r = s.run({"meeting", sub, "--help"});
        CHECK(r.code == 0);
        CHECK(r.err.empty());
        CHECK(has(r.out, "\nExample: kades meeting " + sub));
    }
    CHECK(has(s.ok({"meeting", "--help"}).out, "Example: kades meeting"));
    CHECK(has(s.ok({"meeting", "add", "--help"}).out, "routine (the default on add)"));
    CHECK(has(s.ok({"meeting", "edit", "--help"}).out, "--drop-attendee"));
    CHECK_FALSE(fs::exists(s.db()));
}

TEST_CASE("cli: meeting text from the log cannot break markdown, the terminal or a spreadsheet") {
    Sandbox s;
    cipari(s);
    auto id = add(s, {"Pipe|Star*<b>", "--date", "2026-11-20", "--notes", "=1+2 \x1b[31mred\x1b[0m",
                      "--decision", "@cmd"});
    auto md = s.ok({"meeting", "show", id, "-f", "md"}).out;
    CHECK(has(md, "# Pipe\\|Star\\*\\<b\\>"));
    CHECK_FALSE(has(md, "\x1b"));
    CHECK(has(s.ok({"meeting", "list", "-f", "md"}).out, "| Pipe\\|Star\\*\\<b\\> |"));
    for (const Args& args : {Args{"meeting", "show", id}, Args{"meeting", "list"}}) {
        INFO(joined(args));
        auto out = s.ok(args).out;
        CHECK_FALSE(has(out, "\x1b"));
        CHECK(has(out, "Pipe|Star*<b>"));
    }
    CHECK(has(s.ok({"meeting", "show", id}).out, "\\x1b[31mred"));
    auto csv = s.ok({"meeting", "list", "-f", "csv"}).out;
    CHECK(has(csv, ",'=1+2 "));
    CHECK(has(csv, ",'@cmd,"));
    CHECK_FALSE(has(csv, "\x1b"));
    CHECK(show(s, id).at("notes") == "=1+2 \x1b[31mred\x1b[0m");

    auto added = s.ok({"meeting", "add", "Evil\x1b[2JTitle", "--date", "2026-11-20"}).out;
    CHECK_FALSE(has(added, "\x1b"));
    CHECK(has(added, "Evil\\x1b[2JTitle"));
}
