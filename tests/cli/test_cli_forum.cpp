// `kades forum ...`: forums of villages (spec section 2, forum).

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

// The 11 villages of Kecamatan Cipari in the network.
void cipari(const Sandbox& s) {
    s.load_regions();
    s.ok({"village", "import", "--under", "33.01.18"});
}

// Adds a forum with -q and returns the id it printed.
std::string add(const Sandbox& s, Args args) {
    args.insert(args.begin(), {"-q", "forum", "add"});
    auto out = s.ok(args).out;
    REQUIRE(out.size() == 9);
    return out.substr(0, 8);
}

nlohmann::json show(const Sandbox& s, const std::string& id) {
    return s.ok({"forum", "show", id, "-f", "json"}).json();
}

// A meeting of the forum with this id, made in SQL until `kades meeting add` exists.
void meeting_of(const Sandbox& s, const std::string& forum, const std::string& uuid,
                const std::string& title) {
    sql(s, "INSERT INTO meeting (uuid, title, date, kind, status, forum) VALUES ('" + uuid +
               "', '" + title +
               "', '2026-11-06', 'forum', 'held', (SELECT id FROM forum WHERE "
               "uuid LIKE '" +
               forum + "%'));");
}

Args members(const nlohmann::json& forum) {
    return forum.at("members").get<Args>();
}

} // namespace

// ---- add and show --------------------------------------------------------------------------

TEST_CASE("cli: forum add records name, purpose, founding date and members, -q prints the id") {
    Sandbox s;
    cipari(s);
    auto id = add(s, {"Forum Kades Cipari", "--purpose", "BUMDes bersama", "--founded",
                      "2024-03-01", "--member", "sidasari-cipari", "--member", "33.01.18.2001",
                      "--member", "Kutasari"});
    CHECK(id.find_first_not_of("0123456789abcdef") == std::string::npos);
    auto f = show(s, id);
    CHECK(f.at("id") == id);
    CHECK(f.at("uuid").get<std::string>().rfind(id + "-", 0) == 0);
    CHECK(f.at("uuid").get<std::string>().size() == 36);
    CHECK(f.at("name") == "Forum Kades Cipari");
    CHECK(f.at("purpose") == "BUMDes bersama");
    CHECK(f.at("founded") == "2024-03-01");
    CHECK(members(f) == Args{"caruy-cipari", "kutasari-cipari", "sidasari-cipari"});
    CHECK(f.size() == 6);
}

TEST_CASE("cli: forum add says what it did, or prints the record with -f json") {
    Sandbox s;
    cipari(s);
    auto said = s.ok({"forum", "add", "Forum A", "--member", "cipari-cipari"}).out;
    CHECK(has(said, "Forum A"));
    CHECK(has(said, "1 member"));
    auto j = s.ok({"forum", "add", "Forum B", "-f", "json"}).json();
    CHECK(j.at("name") == "Forum B");
    CHECK(j.at("purpose").is_null());
    CHECK(j.at("founded").is_null());
    CHECK(j.at("members") == nlohmann::json::array());
}

TEST_CASE("cli: forum show in table, markdown and csv") {
    Sandbox s;
    cipari(s);
    auto id = add(s, {"Forum Kades Cipari", "--purpose", "BUMDes bersama", "--founded",
                      "2024-03-01", "--member", "sidasari-cipari", "--member", "cipari-cipari"});
    auto table = s.ok({"forum", "show", id}).out;
    CHECK(table.rfind("Forum Kades Cipari\n", 0) == 0);
    CHECK(has(table, id));
    CHECK(has(table, "1 March 2024"));
    CHECK(has(table, "\nMembers\n"));
    CHECK(has(table, "sidasari-cipari  Sidasari  Cipari"));
    auto md = s.ok({"forum", "show", id, "-f", "md"}).out;
    auto html = kades::test::commonmark_html(s, md);
    CHECK(has(html, "<h1>Forum Kades Cipari</h1>"));
    CHECK(has(html, "<td>sidasari-cipari</td>"));
    auto csv = s.ok({"forum", "show", id, "-f", "csv"}).out;
    CHECK(csv.rfind("id,uuid,name,purpose,founded,members\r\n" + id + ",", 0) == 0);
    CHECK(has(csv, ",2024-03-01,cipari-cipari;sidasari-cipari\r\n"));
    auto lonely = add(s, {"Forum Sepi"});
    CHECK(has(s.ok({"forum", "show", lonely}).out, "\nMembers\n  none yet\n"));
}

TEST_CASE("cli: forum add refuses an empty name, a name taken, a future or impossible date") {
    Sandbox s;
    cipari(s);
    add(s, {"Forum A"});
    refused(s, {"forum", "add", "  "}, 1, "name");
    refused(s, {"forum", "add", "forum a"}, 1, "'forum a'");
    refused(s, {"forum", "add", "Forum B", "--founded", "2026-11-28"}, 1, "2026-11-28");
    refused(s, {"forum", "add", "Forum B", "--founded", "tomorrow"}, 1, "2026-11-28");
    refused(s, {"forum", "add", "Forum B", "--founded", "2026-02-30"}, 1, "'2026-02-30'");
    refused(s, {"forum", "add", "Forum B", "--founded", "someday"}, 1, "'someday'");
    refused(s, {"forum", "add"}, 2, "NAME");
    refused(s, {"forum", "add", "Forum B", "--member"}, 2, "--member");
    // Today is allowed, and today follows KADES_TODAY.
    auto id = add(s, {"Forum C", "--founded", "today"});
    CHECK(show(s, id).at("founded") == "2026-11-27");
}

TEST_CASE("cli: forum add with an unknown or ambiguous member records nothing") {
    Sandbox s;
    cipari(s);
    s.ok({"village", "add", "--code", "33.01.17.2004"}); // the other Sidasari
    refused(s, {"forum", "add", "Forum A", "--member", "cipari-cipari", "--member", "nosuch"}, 1,
            "'nosuch'");
    auto r = refused(s, {"forum", "add", "Forum A", "--member", "caruy", "--member", "sidasari"}, 1,
                     "'sidasari'");
    CHECK(has(r.err, "\n  sidasari-cipari "));
    CHECK(has(r.err, "\n  sidasari-sampang "));
    refused(s, {"forum", "add", "Forum A", "--member", "caruy", "--member", "caruy-cipari"}, 1,
            "caruy-cipari");
    CHECK(s.ok({"forum", "list", "-f", "json"}).json().empty());
}

// ---- join and leave ------------------------------------------------------------------------

TEST_CASE("cli: forum join and leave change the members, each village once") {
    Sandbox s;
    cipari(s);
    auto id = add(s, {"Forum A", "--member", "cipari-cipari"});
    auto joined_out = s.ok({"forum", "join", id, "serang", "sidasari-cipari"}).out;
    CHECK(has(joined_out, "serang-cipari, sidasari-cipari joined Forum A"));
    CHECK(has(joined_out, "3 members"));
    CHECK(members(show(s, id)) == Args{"cipari-cipari", "serang-cipari", "sidasari-cipari"});
    auto left = s.ok({"forum", "leave", id, "cipari-cipari", "-f", "json"}).json();
    CHECK(members(left) == Args{"serang-cipari", "sidasari-cipari"});
    CHECK(s.ok({"-q", "forum", "join", id, "caruy-cipari"}).out.empty());
}

TEST_CASE("cli: forum join refuses a member twice, leave a non-member, any bad REF: nothing") {
    Sandbox s;
    cipari(s);
    s.ok({"village", "add", "--code", "33.01.17.2004"});
    auto id = add(s, {"Forum A", "--member", "cipari-cipari"});
    refused(s, {"forum", "join", id, "serang-cipari", "cipari-cipari"}, 1, "cipari-cipari");
    refused(s, {"forum", "join", id, "serang-cipari", "nosuch", "caruy-cipari"}, 1, "'nosuch'");
    refused(s, {"forum", "join", id, "serang-cipari", "sidasari"}, 1, "'sidasari'");
    refused(s, {"forum", "join", id, "serang-cipari", "serang"}, 1, "serang-cipari");
    refused(s, {"forum", "leave", id, "cipari-cipari", "caruy-cipari"}, 1, "caruy-cipari");
    refused(s, {"forum", "leave", id, "cipari-cipari", "nosuch"}, 1, "'nosuch'");
    refused(s, {"forum", "join", id}, 2, "REF");
    refused(s, {"forum", "join"}, 2, "ID");
    CHECK(members(show(s, id)) == Args{"cipari-cipari"});
}

// ---- ids -----------------------------------------------------------------------------------

TEST_CASE("cli: a forum is named by a unique id prefix, ambiguous, unknown or bad ids refused") {
    Sandbox s;
    cipari(s);
    add(s, {"Forum Init"}); // the log exists
    sql(s, "INSERT INTO forum (uuid, name) VALUES "
           "('3f9a0c12-0000-4000-8000-000000000001', 'One'), "
           "('3f9a0c99-0000-4000-8000-000000000002', 'Two');");
    CHECK(show(s, "3f9a0c1").at("name") == "One");
    CHECK(show(s, "3F9A0C99").at("name") == "Two");
    for (const Args& args :
         {Args{"forum", "show", "3f9a"}, Args{"forum", "join", "3f9a", "caruy-cipari"},
          Args{"forum", "leave", "3f9a", "caruy-cipari"},
          Args{"forum", "edit", "3f9a", "--name", "X"}, Args{"forum", "remove", "3f9a"}}) {
        auto r = refused(s, args, 1, "'3f9a'");
        CHECK(has(r.err, "\n  3f9a0c12-0000  One"));
        CHECK(has(r.err, "\n  3f9a0c99-0000  Two"));
    }
    refused(s, {"forum", "show", "abcd1234"}, 1, "'abcd1234'");
    refused(s, {"forum", "show", "3f9"}, 1, "'3f9'");
    refused(s, {"forum", "show", "forum-a"}, 1, "'forum-a'");
}

// ---- list ----------------------------------------------------------------------------------

TEST_CASE("cli: forum list in table, markdown, csv and json, by name") {
    Sandbox s;
    cipari(s);
    auto b = add(s, {"Forum B", "--founded", "2025-06-01", "--purpose", "pertanian", "--member",
                     "caruy", "--member", "serang"});
    auto a = add(s, {"forum a"});
    auto table = s.ok({"forum", "list"}).out;
    CHECK(table.rfind("ID        Name     Founded     Members  Purpose\n", 0) == 0);
    CHECK(has(table, "\n" + a + "  forum a"));
    CHECK(has(table, "\n" + b + "  Forum B  1 Jun 2025        2  pertanian\n"));
    CHECK(table.find(a) < table.find(b));
    auto html = kades::test::commonmark_html(s, s.ok({"forum", "list", "-f", "md"}).out);
    CHECK(has(html, "<td>Forum B</td>"));
    auto csv = s.ok({"forum", "list", "-f", "csv"}).out;
    CHECK(has(csv, "\r\n" + b + "," + show(s, b).at("uuid").get<std::string>() +
                       ",Forum B,pertanian,2025-06-01,caruy-cipari;serang-cipari\r\n"));
    auto json = s.ok({"forum", "list", "-f", "json"}).json();
    REQUIRE(json.size() == 2);
    CHECK(json.at(1) == show(s, b));
    CHECK(has(s.ok({"--lang", "id", "forum", "list"}).out, "1 Jun 2025"));
}

TEST_CASE("cli: forum list --village, --from/--to on the founding date, --limit") {
    Sandbox s;
    cipari(s);
    add(s, {"A", "--founded", "2020-01-01", "--member", "caruy-cipari"});
    add(s, {"B", "--founded", "2025-01-01", "--member", "caruy-cipari", "--member", "serang"});
    add(s, {"C"});
    auto names = [&](Args args) {
        args.insert(args.begin(), {"forum", "list", "-f", "json"});
        Args out;
        for (const auto& f : s.ok(args).json())
            out.push_back(f.at("name"));
        return out;
    };
    CHECK(names({}) == Args{"A", "B", "C"});
    CHECK(names({"--village", "caruy"}) == Args{"A", "B"});
    CHECK(names({"--village", "33.01.18.2006"}) == Args{"B"}); // serang-cipari
    CHECK(names({"--village", "sidasari-cipari"}).empty());
    CHECK(names({"--from", "2024-01-01"}) == Args{"B"});
    CHECK(names({"--to", "2024-01-01"}) == Args{"A"});
    CHECK(names({"--month", "2025-01"}) == Args{"B"});
    CHECK(names({"--limit", "2"}) == Args{"A", "B"});
    refused(s, {"forum", "list", "--village", "nosuch"}, 1, "'nosuch'");
    refused(s, {"forum", "list", "--from", "2025-01-01", "--to", "2024-01-01"}, 1, "2025-01-01");
    refused(s, {"forum", "list", "--month", "2025-01", "--from", "2024-01-01"}, 2, "--month");
    refused(s, {"forum", "list", "--limit", "0"}, 1, "--limit");
    refused(s, {"forum", "list", "--from", "2026-02-30"}, 1, "'2026-02-30'");
}

TEST_CASE("cli: forum list and show on a missing log: exit 3, no log created") {
    Sandbox s;
    refused(s, {"forum", "list"}, 3, "");
    refused(s, {"forum", "show", "3f9a"}, 3, "");
    CHECK_FALSE(fs::exists(s.db()));
}

// ---- edit and remove -----------------------------------------------------------------------

TEST_CASE("cli: forum edit changes name, purpose and founding date, an empty value clears") {
    Sandbox s;
    cipari(s);
    auto id = add(
        s, {"Forum A", "--purpose", "old", "--founded", "2020-01-01", "--member", "caruy-cipari"});
    auto uuid = show(s, id).at("uuid");
    CHECK(has(s.ok({"forum", "edit", id, "--name", "Forum Kades"}).out, "Forum Kades"));
    auto f = s.ok({"forum", "edit", id, "--purpose", "new", "-f", "json"}).json();
    CHECK(f.at("uuid") == uuid);
    CHECK(f.at("name") == "Forum Kades");
    CHECK(f.at("purpose") == "new");
    CHECK(f.at("founded") == "2020-01-01");
    CHECK(members(f) == Args{"caruy-cipari"});
    CHECK(s.ok({"-q", "forum", "edit", id, "--founded", "2021-02-03"}).out == id + "\n");
    f = s.ok({"forum", "edit", id, "--purpose", "", "--founded", "", "-f", "json"}).json();
    CHECK(f.at("purpose").is_null());
    CHECK(f.at("founded").is_null());
}

TEST_CASE("cli: forum edit refuses nothing to change, an empty name, a taken name, a future date") {
    Sandbox s;
    cipari(s);
    auto id = add(s, {"Forum A"});
    add(s, {"Forum B"});
    refused(s, {"forum", "edit", id}, 2, "--name");
    refused(s, {"forum", "edit", id, "--name", ""}, 1, "name");
    refused(s, {"forum", "edit", id, "--name", "FORUM B"}, 1, "'FORUM B'");
    refused(s, {"forum", "edit", id, "--founded", "+1d"}, 1, "2026-11-28");
    refused(s, {"forum", "edit", id, "--founded", "2026-13-01"}, 1, "'2026-13-01'");
    s.ok({"forum", "edit", id, "--name", "forum a"}); // its own name, recased
}

TEST_CASE("cli: forum remove is refused while meetings point at it, its members go with it") {
    Sandbox s;
    cipari(s);
    auto id = add(s, {"Forum A", "--member", "caruy-cipari", "--member", "serang"});
    meeting_of(s, id, "abcdef01-0000-4000-8000-000000000001", "Rapat koordinasi");
    meeting_of(s, id, "abcdef02-0000-4000-8000-000000000002", "Pelatihan BUMDes");
    auto r = refused(s, {"forum", "remove", id}, 1, id);
    CHECK(has(r.err.substr(0, r.err.find('\n')), "2 meetings"));
    CHECK(has(r.err, "\n  abcdef01  2026-11-06  Rapat koordinasi\n"));
    CHECK(has(r.err, "\n  abcdef02  2026-11-06  Pelatihan BUMDes\n"));

    sql(s, "DELETE FROM meeting;");
    CHECK(has(s.ok({"forum", "remove", id}).out, "Removed forum Forum A"));
    CHECK(s.ok({"forum", "list", "-f", "json"}).json().empty());
    CHECK(sql(s, "SELECT count(*) FROM forum_member;") == "0\n");
    CHECK(s.ok({"village", "list", "-f", "json"}).json().size() == 11);
    refused(s, {"forum", "remove", id}, 1, id);
}

// ---- help and output safety ----------------------------------------------------------------

TEST_CASE("cli: --help on every forum subcommand exits 0 with an example") {
    Sandbox s;
    for (std::string sub : {"add", "list", "show", "join", "leave", "edit", "remove"}) {
        INFO(sub);
        auto r = s.run({"forum", sub, "--help"});
        CHECK(r.code == 0);
        CHECK(r.err.empty());
        CHECK(has(r.out, "\nExample: kades forum " + sub));
    }
    CHECK(has(s.ok({"forum", "--help"}).out, "Example: kades forum"));
    CHECK_FALSE(fs::exists(s.db()));
}

TEST_CASE("cli: forum text from the log cannot break markdown, the terminal or a spreadsheet") {
    Sandbox s;
    cipari(s);
    auto id = add(s, {"Pipe|Star*<b>", "--purpose", "=SUM(A1) \x1b[31mred"});
    auto said = s.ok({"forum", "add", "Evil\x1b[2J"}).out;
    CHECK_FALSE(has(said, "\x1b"));
    for (const Args& args : {Args{"forum", "show", id}, Args{"forum", "list"}}) {
        INFO(joined(args));
        auto out = s.ok(args).out;
        CHECK_FALSE(has(out, "\x1b"));
        CHECK(has(out, "Pipe|Star*<b>"));
        CHECK(has(out, "\\x1b[31mred"));
    }
    auto html = kades::test::commonmark_html(s, s.ok({"forum", "list", "-f", "md"}).out);
    CHECK(has(html, "<td>Pipe|Star*&lt;b&gt;</td>"));
    CHECK_FALSE(has(html, "<b>"));
    html = kades::test::commonmark_html(s, s.ok({"forum", "show", id, "-f", "md"}).out);
    CHECK(has(html, "<h1>Pipe|Star*&lt;b&gt;</h1>"));
    auto csv = s.ok({"forum", "list", "-f", "csv"}).out;
    CHECK(has(csv, ",'=SUM(A1) "));
    CHECK(show(s, id).at("purpose") == "=SUM(A1) \x1b[31mred");
}
