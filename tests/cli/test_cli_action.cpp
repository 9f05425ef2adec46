// `kades action ...`: follow-up actions, tindak lanjut (spec section 2, action).

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

constexpr const char* k_meeting = "abcdef01-0000-4000-8000-000000000001";

// The 11 villages of Kecamatan Cipari and two meetings: abcdef01 "Rapat koordinasi" and
// abcdef02 "Pelatihan", made in SQL until `kades meeting add` exists.
void cipari(const Sandbox& s) {
    s.load_regions();
    s.ok({"village", "import", "--under", "33.01.18"});
    sql(s, "INSERT INTO meeting (uuid, title, date, kind, status) VALUES "
           "('abcdef01-0000-4000-8000-000000000001', 'Rapat koordinasi', '2026-11-06', "
           "'routine', 'held'), "
           "('abcdef02-0000-4000-8000-000000000002', 'Pelatihan', '2026-11-20', 'training', "
           "'held');");
}

// Adds an action with -q and returns the id it printed.
std::string add(const Sandbox& s, Args args) {
    args.insert(args.begin(), {"-q", "action", "add"});
    auto out = s.ok(args).out;
    REQUIRE(out.size() == 9);
    return out.substr(0, 8);
}

nlohmann::json show(const Sandbox& s, const std::string& id,
                    const std::map<std::string, std::string>& env = {}) {
    return s.ok({"action", "show", id, "-f", "json"}, env).json();
}

// The texts of `action list -f json` with these options.
Args texts(const Sandbox& s, Args args, const std::map<std::string, std::string>& env = {}) {
    args.insert(args.begin(), {"action", "list", "-f", "json"});
    Args out;
    for (const auto& a : s.ok(args, env).json())
        out.push_back(a.at("text"));
    return out;
}

// Four actions: "due soon" (sidasari, 2026-12-10, meeting abcdef01), "late" (cipari,
// 2026-11-01, meeting abcdef01), "someday" (caruy, no due) and "finished" (sidasari, due
// 2026-10-01, done 2026-10-05).
void four_actions(const Sandbox& s) {
    cipari(s);
    add(s, {"someday", "--owner", "caruy-cipari"});
    add(s,
        {"due soon", "--owner", "sidasari-cipari", "--due", "2026-12-10", "--meeting", "abcdef01"});
    add(s, {"late", "--owner", "cipari-cipari", "--due", "2026-11-01", "--meeting", "abcdef01"});
    auto done = add(s, {"finished", "--owner", "sidasari-cipari", "--due", "2026-10-01"});
    s.ok({"action", "done", done, "--date", "2026-10-05"});
}

} // namespace

// ---- add and show --------------------------------------------------------------------------

TEST_CASE("cli: action add records text, owner, due date, meeting and note, -q prints the id") {
    Sandbox s;
    cipari(s);
    auto id = add(s, {"Register the joint BUMDes", "--owner", "Sidasari", "--due", "+2w",
                      "--meeting", "abcdef01", "--note", "with the notary"});
    CHECK(id.find_first_not_of("0123456789abcdef") == std::string::npos);
    auto a = show(s, id);
    CHECK(a.at("id") == id);
    CHECK(a.at("uuid").get<std::string>().rfind(id + "-", 0) == 0);
    CHECK(a.at("text") == "Register the joint BUMDes");
    CHECK(a.at("owner") == "sidasari-cipari");
    CHECK(a.at("due") == "2026-12-11");
    CHECK(a.at("status") == "open");
    CHECK(a.at("done_on").is_null());
    CHECK(a.at("meeting") == "abcdef01");
    CHECK(a.at("visit").is_null());
    CHECK(a.at("note") == "with the notary");
    CHECK(a.at("overdue") == false);
    CHECK(a.size() == 11);
}

TEST_CASE("cli: action add says what it did, or prints the record with -f json") {
    Sandbox s;
    cipari(s);
    auto said = s.ok({"action", "add", "Survey", "--owner", "caruy-cipari", "--due", "2026-12-01"});
    CHECK(has(said.out, "for Caruy, due 1 December 2026."));
    CHECK(has(s.ok({"action", "add", "Survey", "--owner", "caruy-cipari"}).out, "for Caruy."));
    auto j = s.ok({"action", "add", "Plain", "--owner", "33.01.18.2005", "-f", "json"}).json();
    CHECK(j.at("owner") == "cipari-cipari");
    CHECK(j.at("due").is_null());
    CHECK(j.at("meeting").is_null());
    CHECK(j.at("note").is_null());
}

TEST_CASE("cli: action show in table, markdown and csv") {
    Sandbox s;
    cipari(s);
    auto id = add(s, {"Register the joint BUMDes", "--owner", "sidasari-cipari", "--due",
                      "2026-12-15", "--meeting", "abcdef01", "--note", "with the notary"});
    auto table = s.ok({"action", "show", id}).out;
    CHECK(table.rfind("Register the joint BUMDes\n", 0) == 0);
    CHECK(has(table, "Sidasari (sidasari-cipari)"));
    CHECK(has(table, "15 December 2026"));
    CHECK(has(table, "abcdef01  6 Nov 2026  Rapat koordinasi"));
    CHECK(has(table, "with the notary"));
    auto html = kades::test::commonmark_html(s, s.ok({"action", "show", id, "-f", "md"}).out);
    CHECK(has(html, "<h1>Register the joint BUMDes</h1>"));
    CHECK(has(html, "<strong>Owner:</strong> Sidasari (sidasari-cipari)"));
    auto csv = s.ok({"action", "show", id, "-f", "csv"}).out;
    CHECK(csv.rfind("id,uuid,text,owner,due,status,done_on,meeting,visit,note,overdue\r\n" + id,
                    0) == 0);
    CHECK(has(csv, ",Register the joint BUMDes,sidasari-cipari,2026-12-15,open,,abcdef01,,with "
                   "the notary,false\r\n"));
}

TEST_CASE("cli: action add refuses a missing or bad owner, text, date or meeting") {
    Sandbox s;
    cipari(s);
    s.ok({"village", "add", "--code", "33.01.17.2004"}); // the other Sidasari
    refused(s, {"action", "add", "Survey"}, 2, "--owner");
    refused(s, {"action", "add", "--owner", "caruy-cipari"}, 2, "TEXT");
    refused(s, {"action", "add", "  ", "--owner", "caruy-cipari"}, 1, "text");
    refused(s, {"action", "add", "Survey", "--owner", "nosuch"}, 1, "'nosuch'");
    auto r = refused(s, {"action", "add", "Survey", "--owner", "sidasari"}, 1, "'sidasari'");
    CHECK(has(r.err, "\n  sidasari-sampang "));
    refused(s, {"action", "add", "Survey", "--owner", "caruy", "--due", "2026-02-30"}, 1,
            "'2026-02-30'");
    refused(s, {"action", "add", "Survey", "--owner", "caruy", "--due", "someday"}, 1, "'someday'");
    refused(s, {"action", "add", "Survey", "--owner", "caruy", "--meeting", "99999999"}, 1,
            "'99999999'");
    refused(s, {"action", "add", "Survey", "--owner", "caruy", "--meeting", "abcdef"}, 1,
            "'abcdef'");
    refused(s, {"action", "add", "Survey", "--owner", "caruy", "--meeting", "rapat"}, 1, "'rapat'");
    refused(s, {"action", "add", "Survey", "--owner", "caruy", "--meeting", "abc"}, 1, "'abc'");
    CHECK(texts(s, {}).empty());
}

TEST_CASE("cli: an ambiguous meeting prefix lists both meetings") {
    Sandbox s;
    cipari(s);
    auto r = refused(s, {"action", "add", "Survey", "--owner", "caruy", "--meeting", "abcdef"}, 1,
                     "'abcdef'");
    CHECK(has(r.err, "\n  abcdef01-0000  2026-11-06  Rapat koordinasi"));
    CHECK(has(r.err, "\n  abcdef02-0000  2026-11-20  Pelatihan"));
}

TEST_CASE("cli: a due date in the past is taken, and makes the action overdue") {
    Sandbox s;
    cipari(s);
    auto id = add(s, {"Back-filled", "--owner", "caruy", "--due", "2026-01-15"});
    auto a = show(s, id);
    CHECK(a.at("due") == "2026-01-15");
    CHECK(a.at("overdue") == true);
    CHECK(has(s.ok({"action", "show", id}).out, "overdue"));
}

// ---- list ----------------------------------------------------------------------------------

TEST_CASE("cli: action list: open by due date (none last), then done by the day done") {
    Sandbox s;
    four_actions(s);
    auto second = add(s, {"finished first", "--owner", "caruy"});
    s.ok({"action", "done", second, "--date", "2026-09-01"});
    CHECK(texts(s, {}) == Args{"late", "due soon", "someday", "finished first", "finished"});
}

TEST_CASE("cli: action list in table, markdown, csv and json") {
    Sandbox s;
    four_actions(s);
    auto table = s.ok({"action", "list"}).out;
    CHECK(table.rfind("ID        Due          Status   Done        Owner     Action    Meeting\n",
                      0) == 0);
    CHECK(has(table, "  1 Nov 2026   overdue              Cipari    late      abcdef01\n"));
    CHECK(has(table, "  10 Dec 2026  open                 Sidasari  due soon  abcdef01\n"));
    CHECK(has(table, "               open                 Caruy     someday\n"));
    CHECK(has(table, "  1 Oct 2026   done     5 Oct 2026  Sidasari  finished\n"));
    CHECK(has(s.ok({"--lang", "id", "action", "list"}).out, "10 Des 2026"));
    auto html = kades::test::commonmark_html(s, s.ok({"action", "list", "-f", "md"}).out);
    CHECK(has(html, "<td>due soon</td>"));
    auto csv = s.ok({"action", "list", "-f", "csv"}).out;
    CHECK(csv.rfind("id,uuid,text,owner,due,status,done_on,meeting,visit,note,overdue\r\n", 0) ==
          0);
    CHECK(has(csv, ",late,cipari-cipari,2026-11-01,open,,abcdef01,,,true\r\n"));
    CHECK(has(csv, ",finished,sidasari-cipari,2026-10-01,done,2026-10-05,,,,false\r\n"));
    auto json = s.ok({"action", "list", "-f", "json"}).json();
    REQUIRE(json.size() == 4);
    CHECK(json.at(0) == show(s, json.at(0).at("id")));
    CHECK(json.at(3).at("status") == "done");
    CHECK(json.at(3).at("done_on") == "2026-10-05");
}

TEST_CASE("cli: action list --overdue follows KADES_TODAY") {
    Sandbox s;
    four_actions(s);
    CHECK(texts(s, {"--overdue"}) == Args{"late"});
    CHECK(texts(s, {"--overdue"}, {{"KADES_TODAY", "2026-12-10"}}) == Args{"late"});
    CHECK(texts(s, {"--overdue"}, {{"KADES_TODAY", "2026-12-11"}}) == Args{"late", "due soon"});
    CHECK(texts(s, {"--overdue"}, {{"KADES_TODAY", "2026-10-01"}}).empty());
    auto late = s.ok({"action", "list", "--overdue", "-f", "json"}).json().at(0).at("id");
    CHECK(show(s, late, {{"KADES_TODAY", "2026-11-01"}}).at("overdue") == false);
    CHECK(show(s, late, {{"KADES_TODAY", "2026-11-02"}}).at("overdue") == true);
    refused(s, {"action", "list", "--overdue"}, 1, "'2026-13-01'", {{"KADES_TODAY", "2026-13-01"}});
}

TEST_CASE("cli: action list --open, --done, --owner, --village, --meeting, --limit") {
    Sandbox s;
    four_actions(s);
    CHECK(texts(s, {"--open"}) == Args{"late", "due soon", "someday"});
    CHECK(texts(s, {"--done"}) == Args{"finished"});
    CHECK(texts(s, {"--overdue", "--done"}) == Args{"late", "finished"});
    CHECK(texts(s, {"--owner", "sidasari-cipari"}) == Args{"due soon", "finished"});
    CHECK(texts(s, {"--village", "Sidasari", "--open"}) == Args{"due soon"});
    CHECK(texts(s, {"--meeting", "abcdef01"}) == Args{"late", "due soon"});
    CHECK(texts(s, {"--meeting", "abcdef02"}).empty());
    CHECK(texts(s, {"--limit", "1"}) == Args{"late"});
    refused(s, {"action", "list", "--owner", "nosuch"}, 1, "'nosuch'");
    refused(s, {"action", "list", "--village", "nosuch"}, 1, "'nosuch'");
    refused(s, {"action", "list", "--owner", "caruy", "--village", "caruy"}, 2, "--village");
    refused(s, {"action", "list", "--meeting", "abcdef"}, 1, "'abcdef'");
    refused(s, {"action", "list", "--meeting", "12345678"}, 1, "'12345678'");
    refused(s, {"action", "list", "--limit", "none"}, 1, "'none'");
}

TEST_CASE("cli: action list --from/--to and --month are on the due date") {
    Sandbox s;
    four_actions(s);
    CHECK(texts(s, {"--from", "2026-11-01", "--to", "2026-11-30"}) == Args{"late"});
    CHECK(texts(s, {"--month", "2026-12"}) == Args{"due soon"});
    CHECK(texts(s, {"--month", "this"}) == Args{"late"});
    CHECK(texts(s, {"--to", "2026-11-01"}) == Args{"late", "finished"});
    CHECK(texts(s, {"--from", "tomorrow"}) == Args{"due soon"});
    refused(s, {"action", "list", "--from", "2026-12-01", "--to", "2026-11-01"}, 1, "2026-12-01");
    refused(s, {"action", "list", "--month", "this", "--to", "2026-11-01"}, 2, "--month");
    refused(s, {"action", "list", "--month", "2026-13"}, 1, "'2026-13'");
    refused(s, {"action", "list", "--to", "2026-02-30"}, 1, "'2026-02-30'");
}

// ---- done and reopen -----------------------------------------------------------------------

TEST_CASE("cli: action done and reopen, each once") {
    Sandbox s;
    cipari(s);
    auto id = add(s, {"Survey", "--owner", "caruy", "--due", "2026-11-01"});
    CHECK(has(s.ok({"action", "done", id, "--note", "surveyed"}).out, "27 November 2026"));
    auto a = show(s, id);
    CHECK(a.at("status") == "done");
    CHECK(a.at("done_on") == "2026-11-27");
    CHECK(a.at("note") == "surveyed");
    CHECK(a.at("overdue") == false);
    auto r = refused(s, {"action", "done", id}, 1, "already done on 2026-11-27");
    CHECK(has(r.err, "kades action reopen " + id));
    CHECK(has(s.ok({"action", "reopen", id}).out, id));
    a = show(s, id);
    CHECK(a.at("status") == "open");
    CHECK(a.at("done_on").is_null());
    CHECK(a.at("note") == "surveyed");
    CHECK(a.at("overdue") == true);
    refused(s, {"action", "reopen", id}, 1, id);
    auto j = s.ok({"action", "done", id, "--date", "yesterday", "-f", "json"}).json();
    CHECK(j.at("done_on") == "2026-11-26");
    CHECK(s.ok({"-q", "action", "reopen", id}).out.empty());
}

TEST_CASE("cli: action done refuses a date after today or an impossible one") {
    Sandbox s;
    cipari(s);
    auto id = add(s, {"Survey", "--owner", "caruy"});
    refused(s, {"action", "done", id, "--date", "tomorrow"}, 1, "2026-11-28");
    refused(s, {"action", "done", id, "--date", "2026-02-30"}, 1, "'2026-02-30'");
    refused(s, {"action", "done", id, "--date", "2026-11-1"}, 1, "'2026-11-1'");
    refused(s, {"action", "done", id, "--note", "\xff"}, 1, "note");
    refused(s, {"action", "done"}, 2, "ID");
    CHECK(show(s, id).at("status") == "open");
}

// ---- edit and remove -----------------------------------------------------------------------

TEST_CASE("cli: action edit changes text, owner, due, meeting and note, an empty value clears") {
    Sandbox s;
    cipari(s);
    auto id =
        add(s, {"Survey", "--owner", "caruy", "--due", "2026-12-01", "--meeting", "abcdef01"});
    auto uuid = show(s, id).at("uuid");
    CHECK(has(s.ok({"action", "edit", id, "--text", "Survey the canals"}).out, id));
    auto a = s.ok({"action", "edit", id, "--owner", "serang", "--meeting", "abcdef02", "--note",
                   "moved", "--due", "2026-11-02", "-f", "json"})
                 .json();
    CHECK(a.at("uuid") == uuid);
    CHECK(a.at("text") == "Survey the canals");
    CHECK(a.at("owner") == "serang-cipari");
    CHECK(a.at("meeting") == "abcdef02");
    CHECK(a.at("note") == "moved");
    CHECK(a.at("due") == "2026-11-02");
    CHECK(s.ok({"-q", "action", "edit", id, "--note", "again"}).out == id + "\n");
    a = s.ok({"action", "edit", id, "--due", "", "--meeting", "", "--note", "", "-f", "json"})
            .json();
    CHECK(a.at("due").is_null());
    CHECK(a.at("meeting").is_null());
    CHECK(a.at("note").is_null());
    CHECK(a.at("text") == "Survey the canals");
    CHECK(a.at("owner") == "serang-cipari");
}

TEST_CASE("cli: action edit refuses nothing to change and bad values, changing nothing") {
    Sandbox s;
    cipari(s);
    auto id = add(s, {"Survey", "--owner", "caruy"});
    refused(s, {"action", "edit", id}, 2, "--text");
    refused(s, {"action", "edit", id, "--text", ""}, 1, "text");
    refused(s, {"action", "edit", id, "--text", "New", "--owner", "nosuch"}, 1, "'nosuch'");
    refused(s, {"action", "edit", id, "--note", "x", "--meeting", "abcdef"}, 1, "'abcdef'");
    refused(s, {"action", "edit", id, "--note", "x", "--due", "2026-02-30"}, 1, "'2026-02-30'");
    refused(s, {"action", "edit", "99999999", "--note", "x"}, 1, "'99999999'");
    CHECK(show(s, id).at("text") == "Survey");
}

TEST_CASE("cli: action remove deletes the action") {
    Sandbox s;
    cipari(s);
    auto keep = add(s, {"Keep", "--owner", "caruy"});
    auto id = add(s, {"Drop", "--owner", "caruy"});
    CHECK(has(s.ok({"action", "remove", id}).out, "Removed action " + id));
    CHECK(texts(s, {}) == Args{"Keep"});
    refused(s, {"action", "remove", id}, 1, "'" + id + "'");
    refused(s, {"action", "show", id}, 1, "'" + id + "'");
}

// ---- ids -----------------------------------------------------------------------------------

TEST_CASE("cli: an action is named by a unique id prefix, ambiguous or bad ids are refused") {
    Sandbox s;
    cipari(s);
    sql(s, "INSERT INTO action (uuid, text, owner, status) VALUES "
           "('77770000-0000-4000-8000-000000000001', 'First', 1, 'open'), "
           "('77771111-0000-4000-8000-000000000002', 'Second', 1, 'open');");
    CHECK(show(s, "77770").at("text") == "First");
    CHECK(show(s, "7777-1111").at("text") == "Second");
    for (const Args& args :
         {Args{"action", "show", "7777"}, Args{"action", "done", "7777"},
          Args{"action", "reopen", "7777"}, Args{"action", "edit", "7777", "--note", "x"},
          Args{"action", "remove", "7777"}}) {
        auto r = refused(s, args, 1, "'7777'");
        CHECK(has(r.err, "\n  77770000-0000  First"));
        CHECK(has(r.err, "\n  77771111-0000  Second"));
    }
    refused(s, {"action", "show", "xyz1"}, 1, "'xyz1'");
    refused(s, {"action", "show", "777"}, 1, "'777'");
}

TEST_CASE("cli: action list and show on a missing log: exit 3, no log created") {
    Sandbox s;
    refused(s, {"action", "list"}, 3, "");
    refused(s, {"action", "show", "abcd"}, 3, "");
    CHECK_FALSE(fs::exists(s.db()));
}

// ---- help and output safety ----------------------------------------------------------------

TEST_CASE("cli: --help on every action subcommand exits 0 with an example") {
    Sandbox s;
    for (std::string sub : {"add", "list", "show", "done", "reopen", "edit", "remove"}) {
        INFO(sub);
        auto r = s.run({"action", sub, "--help"});
        CHECK(r.code == 0);
        CHECK(r.err.empty());
        CHECK(has(r.out, "\nExample: kades action " + sub));
    }
    CHECK(has(s.ok({"action", "--help"}).out, "Example: kades action"));
    CHECK_FALSE(fs::exists(s.db()));
}

TEST_CASE("cli: action text from the log cannot break markdown, the terminal or a spreadsheet") {
    Sandbox s;
    cipari(s);
    auto id = add(s, {"Pipe|Star*<b> \x1b[31mred", "--owner", "caruy", "--note", "=SUM(A1)"});
    CHECK_FALSE(has(s.ok({"action", "done", id}).out, "\x1b"));
    for (const Args& args : {Args{"action", "show", id}, Args{"action", "list"}}) {
        INFO(joined(args));
        auto out = s.ok(args).out;
        CHECK_FALSE(has(out, "\x1b"));
        CHECK(has(out, "Pipe|Star*<b> \\x1b[31mred"));
    }
    auto html = kades::test::commonmark_html(s, s.ok({"action", "list", "-f", "md"}).out);
    CHECK(has(html, "<td>Pipe|Star*&lt;b&gt; \\x1b[31mred</td>"));
    CHECK_FALSE(has(html, "<b>"));
    auto csv = s.ok({"action", "list", "-f", "csv"}).out;
    CHECK(has(csv, ",'=SUM(A1),"));
    CHECK(show(s, id).at("text") == "Pipe|Star*<b> \x1b[31mred");
}
