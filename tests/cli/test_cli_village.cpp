// `kades village ...`: the villages of the network (spec section 2, village).

#include "cli/harness.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <sstream>

using kades::test::check_refusal;
using kades::test::has;
using kades::test::joined;
using kades::test::refused;
using kades::test::Result;
using kades::test::Sandbox;
namespace fs = std::filesystem;
using Args = std::vector<std::string>;

namespace {

nlohmann::json show(const Sandbox& s, const std::string& ref) {
    return s.ok({"village", "show", ref, "-f", "json"}).json();
}

std::string add(const Sandbox& s, Args args) {
    args.insert(args.begin(), {"-q", "village", "add"});
    auto out = s.ok(args).out;
    REQUIRE_FALSE(out.empty());
    return out.substr(0, out.size() - 1);
}

// The two Sidasari of Kabupaten Cilacap in the network.
void both_sidasari(const Sandbox& s) {
    s.load_regions();
    CHECK(add(s, {"--code", "33.01.17.2004"}) == "sidasari-sampang");
    CHECK(add(s, {"--code", "33.01.18.2011"}) == "sidasari-cipari");
}

} // namespace

// ---- add and references --------------------------------------------------------------------

TEST_CASE("cli: village add --code takes the names of the region, show counts start at zero") {
    Sandbox s;
    s.load_regions();
    auto r = s.ok({"village", "add", "--code", "33.01.18.2011", "--head", "Sutarno", "--phone",
                   "0812-2600-1234", "--email", "desa@sidasari.id", "--tag", "bumdes", "--tag",
                   "wisata", "--note", "host of 2026"});
    CHECK(has(r.out, "sidasari-cipari"));
    auto v = show(s, "sidasari-cipari");
    auto expected = nlohmann::json{{"id", "sidasari-cipari"},
                                   {"name", "Sidasari"},
                                   {"code", "33.01.18.2011"},
                                   {"district", "Cipari"},
                                   {"regency", "Kabupaten Cilacap"},
                                   {"province", "Jawa Tengah"},
                                   {"head", "Sutarno"},
                                   {"phone", "+6281226001234"},
                                   {"email", "desa@sidasari.id"},
                                   {"tags", {"bumdes", "wisata"}},
                                   {"note", "host of 2026"},
                                   {"archived", false}};
    for (const auto& [field, value] : expected.items())
        CHECK_MESSAGE(v.at(field) == value, field);
    CHECK(v.at("uuid").get<std::string>().size() == 36);
    CHECK(v.at("index").empty());
    REQUIRE(v.at("counts").is_object());
    CHECK(v.at("counts").contains("actions_open"));
    CHECK(v.at("counts").size() >= 5);
    for (const auto& [name, n] : v.at("counts").items())
        CHECK_MESSAGE(n == 0, name);
}

TEST_CASE("cli: village slugs come from name and kecamatan, then kabupaten, then a number") {
    Sandbox s;
    Args sukamaju{"Sukamaju", "--district", "Sukamaju", "--regency", "Kabupaten Bogor"};
    CHECK(add(s, {"Sukamaju", "--district", "Sukamaju", "--regency", "Kabupaten Garut"}) ==
          "sukamaju-sukamaju");
    CHECK(add(s, sukamaju) == "sukamaju-sukamaju-bogor");
    CHECK(add(s, sukamaju) == "sukamaju-sukamaju-bogor-2");
    CHECK(add(s, {"Lubuk Pakam I,II", "--district", "Lubuk Pakam"}) ==
          "lubuk-pakam-i-ii-lubuk-pakam");
    CHECK(add(s, {"Désa Ñame"}) == "desa-name");
    CHECK(add(s, {"Soka\"an"}) == "soka-an");
    CHECK(add(s, {"Plain", "--slug", "my-own"}) == "my-own");
}

TEST_CASE("cli: a village is named by slug, dotted or undotted code, or unique name") {
    Sandbox s;
    both_sidasari(s);
    add(s, {"--code", "33.01.18.2005"});
    for (std::string ref : {"sidasari-cipari", "SIDASARI-CIPARI", "33.01.18.2011", "3301182011"}) {
        INFO(ref);
        CHECK(show(s, ref).at("id") == "sidasari-cipari");
    }
    CHECK(show(s, "cipari").at("id") == "cipari-cipari");
    CHECK(show(s, "CIPARI").at("id") == "cipari-cipari");
    CHECK(show(s, "3301172004").at("id") == "sidasari-sampang");
}

TEST_CASE("cli: village show lists the candidates of an ambiguous name") {
    Sandbox s;
    both_sidasari(s);
    for (const Args& args :
         {Args{"village", "show", "sidasari"}, Args{"village", "edit", "Sidasari", "--note", "x"},
          Args{"village", "remove", "sidasari"}}) {
        auto r = refused(s, args, 1, "'" + args[2] + "'");
        CHECK(has(r.err.substr(0, r.err.find('\n')), "2 villages"));
        auto line = [&](const std::string& slug) { // the candidate's hint line
            auto at = r.err.find("\n  " + slug + " ");
            return at == std::string::npos ? "" : r.err.substr(at, r.err.find('\n', at + 1) - at);
        };
        CHECK(has(line("sidasari-sampang"), "33.01.17.2004"));
        CHECK(has(line("sidasari-sampang"), "Sampang"));
        CHECK(has(line("sidasari-cipari"), "33.01.18.2011"));
        CHECK(has(line("sidasari-cipari"), "Cipari"));
    }
}

TEST_CASE("cli: an unknown village is refused, with a did-you-mean for a near slug") {
    Sandbox s;
    both_sidasari(s);
    auto far = refused(s, {"village", "show", "nosuch"}, 1, "no village 'nosuch' in the network");
    CHECK_FALSE(has(far.err, "did you mean"));
    auto near = refused(s, {"village", "show", "sidasari-cipar"}, 1,
                        "no village 'sidasari-cipar' in the network");
    CHECK(has(near.err, "\n  did you mean sidasari-cipari?"));
    refused(s, {"village", "show", "33.01.18.2001"}, 1, "33.01.18.2001");
    refused(s, {"-f", "json", "village", "show", "nosuch"}, 1, "'nosuch'");
    refused(s, {"village", "head", "nosuch", "Siti", "--since", "today"}, 1, "'nosuch'");
    refused(s, {"village", "archive", "nosuch"}, 1, "'nosuch'");
}

TEST_CASE("cli: phones are kept as +62..., a bad phone, e-mail, slug or code is refused") {
    Sandbox s;
    both_sidasari(s);
    for (std::string phone : {"0812-2600-1234", "62812 2600 1234", "+62812-2600-1234"})
        CHECK(show(s, add(s, {"V" + phone, "--phone", phone})).at("phone") == "+6281226001234");
    refused(s, {"village", "add", "Delta", "--phone", "12345"}, 1, "'12345'");
    refused(s, {"village", "edit", "sidasari-cipari", "--phone", "0812-abc"}, 1, "'0812-abc'");
    refused(s, {"village", "add", "Delta", "--email", "nobody"}, 1, "'nobody'");
    refused(s, {"village", "add", "Other", "--slug", "sidasari-cipari"}, 1, "'sidasari-cipari'");
    refused(s, {"village", "add", "Other", "--slug", "Bad Slug"}, 1, "'Bad Slug'");
    refused(s, {"village", "add", "--code", "33.01.18.2011", "--slug", "again"}, 1,
            "33.01.18.2011");
    refused(s, {"village", "add", "--code", "99.99.99.9999"}, 1, "99.99.99.9999");
    refused(s, {"village", "add"}, 1, "--code");
}

TEST_CASE("cli: village edit changes details but never the slug") {
    Sandbox s;
    s.load_regions();
    add(s, {"--code", "33.01.18.2011", "--tag", "bumdes"});
    auto uuid = show(s, "sidasari-cipari").at("uuid");
    s.ok({"village", "edit", "sidasari-cipari", "--name", "Sidasari Baru", "--district", "Other",
          "--tag", "wisata", "--untag", "bumdes", "--note", "renamed"});
    auto v = show(s, "sidasari-cipari");
    CHECK(v.at("id") == "sidasari-cipari");
    CHECK(v.at("uuid") == uuid);
    CHECK(v.at("name") == "Sidasari Baru");
    CHECK(v.at("district") == "Other");
    CHECK(v.at("tags") == nlohmann::json::array({"wisata"}));
    CHECK(v.at("note") == "renamed");
    CHECK(show(s, "sidasari baru").at("id") == "sidasari-cipari");
}

// ---- import --------------------------------------------------------------------------------

TEST_CASE("cli: village import --under adds the villages of a district, once") {
    Sandbox s;
    s.load_regions();
    auto first = s.ok({"village", "import", "--under", "33.01.18"}).out;
    CHECK(has(first, "Added 11 villages"));
    CHECK(has(first, " 0 were already"));
    auto list = s.ok({"village", "list", "-f", "json"}).json();
    REQUIRE(list.size() == 11);
    for (const auto& v : list)
        CHECK(v.at("district") == "Cipari");
    CHECK(show(s, "33.01.18.2011").at("id") == "sidasari-cipari");
    auto before = s.snapshot();
    auto second = s.ok({"village", "import", "--under", "33.01.18"}).out;
    CHECK(has(second, "Added 0 villages"));
    CHECK(has(second, " 11 were already"));
    CHECK(s.snapshot() == before);
    refused(s, {"village", "import", "--under", "99.99"}, 1, "99.99");
}

TEST_CASE("cli: village import FILE.csv reproduces the villages in a log without regions, once") {
    Sandbox s;
    s.load_regions();
    s.ok({"village", "import", "--under", "33.01.18"});
    s.ok({"village", "add", "--code", "12.07.28.1007", "--phone", "0812-2600-1234", "--tag",
          "bumdes", "--tag", "wisata", "--note", "=SUM(A1)", "--head", "Siti, \"Ani\"",
          "--head-since", "2021-03-04"});
    s.ok({"village", "add", "Soka\"an", "--district", "Krejengan"});
    auto csv = s.dir() / "villages.csv";
    std::ofstream(csv, std::ios::binary) << s.ok({"village", "list", "-f", "csv"}).out;
    auto original = s.ok({"village", "list", "-f", "json"}).json();
    REQUIRE(original.size() == 13);

    Sandbox fresh;
    auto r = fresh.ok({"village", "import", csv.string()});
    CHECK(has(r.out, "Added 13 villages"));
    CHECK(has(r.out, " 0 were already"));
    auto copy = fresh.ok({"village", "list", "-f", "json"}).json();
    REQUIRE(copy.size() == original.size());
    std::map<std::string, nlohmann::json> by_slug;
    for (const auto& v : copy)
        by_slug[v.at("id")] = v;
    for (const auto& v : original) {
        INFO(v.at("id"));
        REQUIRE(by_slug.count(v.at("id")) == 1);
        const auto& c = by_slug[v.at("id")];
        for (std::string field : {"uuid", "name", "code", "district", "regency", "province", "head",
                                  "head_since", "phone", "email", "tags", "note", "archived"})
            CHECK(c.at(field) == v.at(field));
    }
    CHECK(by_slug["lubuk-pakam-i-ii-lubuk-pakam"].at("note") == "=SUM(A1)"); // no ' left
    auto before = fresh.snapshot();
    auto again = fresh.ok({"village", "import", csv.string()}).out;
    CHECK(has(again, "Added 0 villages"));
    CHECK(has(again, " 13 were already"));
    CHECK(fresh.snapshot() == before);
}

// ---- list, show, archive, remove -----------------------------------------------------------

TEST_CASE("cli: village list filters, archive hides, remove deletes") {
    Sandbox s;
    s.load_regions();
    s.ok({"village", "import", "--under", "33.01.18"});
    add(s, {"--code", "12.07.28.1007", "--tag", "bumdes"});
    auto slugs = [&](Args extra) {
        Args args{"village", "list", "-f", "json"};
        args.insert(args.end(), extra.begin(), extra.end());
        std::vector<std::string> out;
        for (const auto& v : s.ok(args).json())
            out.push_back(v.at("id"));
        return out;
    };
    CHECK(slugs({"--tag", "bumdes"}) == std::vector<std::string>{"lubuk-pakam-i-ii-lubuk-pakam"});
    CHECK(slugs({"--province", "Sumatera Utara"}).size() == 1);
    CHECK(slugs({"--district", "Cipari"}).size() == 11);
    CHECK(slugs({"--under", "12"}).size() == 1);
    CHECK(slugs({"--limit", "2"}).size() == 2);

    s.ok({"village", "archive", "caruy-cipari"});
    auto listed = slugs({});
    CHECK(listed.size() == 11);
    CHECK(std::find(listed.begin(), listed.end(), "caruy-cipari") == listed.end());
    CHECK(slugs({"--archived"}).size() == 12);
    CHECK(show(s, "caruy-cipari").at("archived") == true);

    s.ok({"village", "remove", "caruy-cipari"});
    CHECK(slugs({"--archived"}).size() == 11);
    refused(s, {"village", "show", "caruy-cipari"}, 1, "'caruy-cipari'");
    refused(s, {"village", "remove", "caruy-cipari"}, 1, "'caruy-cipari'");
}

TEST_CASE("cli: village head keeps the history: heads oldest first, head the latest") {
    Sandbox s;
    s.load_regions();
    add(s, {"--code", "33.01.18.2011", "--head", "Sutarno", "--head-since", "2019-03-01"});
    s.ok({"village", "head", "sidasari-cipari", "Siti Aminah", "--since", "2026-01-15"});
    auto v = show(s, "sidasari-cipari");
    CHECK(v.at("head") == "Siti Aminah");
    CHECK(v.at("head_since") == "2026-01-15");
    CHECK(v.at("heads") == nlohmann::json::parse(R"([{"name": "Sutarno", "since": "2019-03-01"},
                                                    {"name": "Siti Aminah", "since": "2026-01-15"}])"));
}

// ---- dates ---------------------------------------------------------------------------------

TEST_CASE("cli: head dates accept ISO, relative and Indonesian words") {
    Sandbox s; // KADES_TODAY is Friday 2026-11-27
    const std::vector<std::pair<std::string, std::string>> dates{
        {"2026-01-15", "2026-01-15"}, {"today", "2026-11-27"}, {"yesterday", "2026-11-26"},
        {"tomorrow", "2026-11-28"},   {"+3d", "2026-11-30"},   {"-2w", "2026-11-13"},
        {"+1m", "2026-12-27"},        {"senin", "2026-11-30"}, {"kemarin", "2026-11-26"},
        {"hari-ini", "2026-11-27"},   {"besok", "2026-11-28"}, {"jumat", "2026-12-04"},
        {"monday", "2026-11-30"},     {"minggu", "2026-11-29"}};
    for (const auto& [word, day] : dates) {
        INFO(word);
        auto slug = add(s, {"V " + word, "--head", "X", "--head-since", word});
        CHECK(show(s, slug).at("head_since") == day);
    }
    add(s, {"Alpha"});
    s.ok({"village", "head", "alpha", "Siti", "--since", "kemarin"});
    CHECK(show(s, "alpha").at("head_since") == "2026-11-26");
}

TEST_CASE("cli: an impossible or malformed date is refused naming it") {
    Sandbox s;
    add(s, {"Alpha"});
    refused(s, {"village", "head", "alpha", "Siti", "--since", "2026-02-30"}, 1, "'2026-02-30'");
    refused(s, {"village", "head", "alpha", "Siti", "--since", "2026-13-01"}, 1, "'2026-13-01'");
    refused(s, {"village", "head", "alpha", "Siti", "--since", "someday"}, 1, "'someday'");
    refused(s, {"village", "add", "Beta", "--head", "X", "--head-since", "2026-02-30"}, 1,
            "'2026-02-30'");
    refused(s, {"village", "add", "Beta", "--head-since", "2020-01-01"}, 1, "--head");
}

// ---- development index ---------------------------------------------------------------------

TEST_CASE("cli: village index derives the IDM status, and takes the status of an Indeks Desa") {
    Sandbox s;
    add(s, {"Alpha"});
    const std::vector<std::pair<std::string, std::string>> scores{
        {"0.4907", "sangat-tertinggal"}, {"0.4908", "tertinggal"}, {"0.65", "berkembang"},
        {"0.7072", "berkembang"},        {"0.8155", "maju"},       {"0.8156", "mandiri"}};
    int year = 2015;
    for (const auto& [score, status] : scores)
        s.ok({"village", "index", "alpha", "--year", std::to_string(year++), "--score", score});
    auto index = show(s, "alpha").at("index");
    REQUIRE(index.size() == scores.size());
    for (std::size_t i = 0; i < scores.size(); ++i) {
        INFO(scores[i].first);
        CHECK(index.at(i).at("year") == 2015 + static_cast<int>(i));
        CHECK(index.at(i).at("index") == "idm");
        CHECK(index.at(i).at("status") == scores[i].second);
    }
    CHECK(index.at(2).at("score") == doctest::Approx(0.65));

    s.ok({"village", "index", "alpha", "--year", "2025", "--score", "62.5", "--index", "id",
          "--status", "maju"});
    auto id = show(s, "alpha").at("index").back();
    CHECK(id.at("index") == "id");
    CHECK(id.at("status") == "maju");
    CHECK(id.at("score") == doctest::Approx(62.5));
}

TEST_CASE("cli: village index refuses a bad score, index, status or year") {
    Sandbox s;
    add(s, {"Alpha"});
    s.ok({"village", "index", "alpha", "--year", "2024", "--score", "0.65"});
    const std::vector<std::pair<Args, std::string>> bad{
        {{"--score", "1.5"}, "1.5"},
        {{"--score", "-0.1"}, "-0.1"},
        {{"--score", "abc"}, "'abc'"},
        {{"--score", "0.5", "--index", "id"}, "--status"},
        {{"--score", "0.5", "--index", "id", "--status", "hebat"}, "'hebat'"},
        {{"--score", "0.5", "--index", "foo"}, "'foo'"}};
    for (const auto& [extra, names] : bad) {
        Args args{"village", "index", "alpha", "--year", "2024"};
        args.insert(args.end(), extra.begin(), extra.end());
        refused(s, args, 1, names);
    }
    refused(s, {"village", "index", "alpha", "--year", "1800", "--score", "0.5"}, 1, "'1800'");
    CHECK(show(s, "alpha").at("index").at(0).at("score") == doctest::Approx(0.65));
}

// ---- output safety -------------------------------------------------------------------------

TEST_CASE("cli: text from the log cannot break markdown, the terminal or a spreadsheet") {
    Sandbox s;
    auto slug = add(s, {"Pipe|Star*<b>", "--district", "Kec #1"});
    s.ok({"village", "edit", slug, "--note", "=1+2 \x1b[31mred\x1b[0m | *x* <b>"});

    auto md = s.ok({"village", "show", slug, "-f", "markdown"}).out;
    CHECK(has(md, "Pipe\\|Star\\*\\<b\\>"));
    CHECK(has(md, "\\| \\*x\\* \\<b\\>"));
    CHECK_FALSE(has(md, "Star*"));
    CHECK_FALSE(has(md, "\x1b"));
    auto md_list = s.ok({"village", "list", "-f", "md"}).out;
    CHECK(has(md_list, "| Pipe\\|Star\\*\\<b\\> |"));
    // What a CommonMark parser makes of it: the literal text, in a real table, no markup.
    auto html = kades::test::commonmark_html(s, md);
    CHECK(has(html, "Pipe|Star*&lt;b&gt;"));
    CHECK(has(html, "| *x* &lt;b&gt;"));
    CHECK_FALSE(has(html, "<b>"));
    CHECK_FALSE(has(html, "<em>"));
    CHECK(has(html, "<h1>"));
    auto list_html = kades::test::commonmark_html(s, md_list);
    CHECK(has(list_html, "<table>"));
    CHECK(has(list_html, "<td>Pipe|Star*&lt;b&gt;</td>"));

    for (const Args& args : {Args{"village", "show", slug}, Args{"village", "list"}}) {
        INFO(joined(args));
        auto out = s.ok(args).out;
        CHECK_FALSE(has(out, "\x1b"));
        CHECK(has(out, "Pipe|Star*<b>"));
    }
    CHECK(has(s.ok({"village", "show", slug}).out, "\\x1b[31mred"));

    auto csv = s.ok({"village", "list", "-f", "csv"}).out;
    CHECK(has(csv, ",'=1+2 "));
    CHECK_FALSE(has(csv, "\x1b"));
    s.ok({"village", "edit", slug, "--note", "@cmd", "--head", "-Siti", "--head-since", "+1d"});
    csv = s.ok({"village", "list", "-f", "csv"}).out;
    CHECK(has(csv, ",'@cmd,"));
    CHECK(has(csv, ",'-Siti,"));

    CHECK(show(s, slug).at("name") == "Pipe|Star*<b>");

    auto evil = add(s, {"Evil\x1b[31mRed"});
    CHECK(evil == "evil-31mred");
    auto table = s.ok({"village", "list"}).out;
    CHECK(has(table, "Evil\\x1b[31mRed"));
    CHECK_FALSE(has(table, "\x1b"));
    CHECK_FALSE(has(s.ok({"village", "show", evil}).out, "\x1b"));
    CHECK(show(s, evil).at("name") == "Evil\x1b[31mRed"); // JSON keeps it, as \u001b
}

TEST_CASE("cli: the confirmations of add, head and index show escape sequences escaped") {
    Sandbox s;
    auto added = s.ok({"village", "add", "Evil\x1b[31mRed"}).out;
    CHECK_FALSE(has(added, "\x1b"));
    auto head = s.ok({"village", "head", "evil-31mred", "Bad\x1b[2JHead", "--since", "today"}).out;
    CHECK_FALSE(has(head, "\x1b"));
    auto index = s.ok({"village", "index", "evil-31mred", "--year", "2024", "--score", "0.5"}).out;
    CHECK_FALSE(has(index, "\x1b"));
}

TEST_CASE("cli: village show of a village without kabupaten has a clean title") {
    Sandbox s;
    add(s, {"Alpha", "--district", "Cipari"});
    auto out = s.ok({"village", "show", "alpha-cipari"}).out;
    CHECK(out.rfind("Alpha (Kec. Cipari)\n", 0) == 0);
    CHECK_FALSE(has(s.ok({"village", "show", "alpha-cipari", "-f", "md"}).out, ", )"));
}
