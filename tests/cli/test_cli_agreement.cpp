// `kades agreement ...`: written cooperation between villages and with partners (spec section 2,
// partner and agreement; issue 6).

#include "cli/harness.hpp"

#include <doctest/doctest.h>

#include <algorithm>

using kades::test::commonmark_html;
using kades::test::has;
using kades::test::refused;
using kades::test::Sandbox;
using kades::test::sql;
using Args = std::vector<std::string>;
using nlohmann::json;

namespace {

// Cipari's 11 villages in the network (KADES_TODAY is 2026-11-27), and the NGO of the waste
// bank; returns the NGO's id.
std::string cipari(const Sandbox& s) {
    s.load_regions();
    s.ok({"village", "import", "--under", "33.01.18"});
    auto out = s.ok({"-q", "partner", "add", "Yayasan Bumi Lestari", "--type", "lsm"}).out;
    REQUIRE(out.size() == 9);
    return out.substr(0, 8);
}

// Adds an agreement with -q and returns the id it printed.
std::string add(const Sandbox& s, Args args) {
    args.insert(args.begin(), {"-q", "agreement", "add"});
    auto out = s.ok(args).out;
    REQUIRE(out.size() == 9);
    return out.substr(0, 8);
}

// The case study: Sidasari and Caruy with the NGO on the waste bank, Rp 25.000.000 for a year.
Args waste_bank_args(const std::string& ngo) {
    return {"Bank sampah bersama",
            "--village",
            "sidasari-cipari",
            "--village",
            "caruy",
            "--partner",
            ngo,
            "--scope",
            "pemberdayaan",
            "--signed",
            "2026-01-15",
            "--until",
            "2027-01-14",
            "--mad",
            "2026-01-05",
            "--number",
            "01/PB/2026",
            "--funding",
            "Rp 25.000.000",
            "--note",
            "Pendampingan dan modal awal"};
}

// Serang and Kutasari alone, on the road between them.
Args road_args(const char* signed_on, const char* until) {
    Args args{"Jalan antar desa", "--village",   "serang-cipari", "--village", "kutasari-cipari",
              "--scope",          "pembangunan", "--signed",      signed_on};
    if (until[0] != '\0')
        args.insert(args.end(), {"--until", until});
    return args;
}

json show(const Sandbox& s, const std::string& id) {
    return s.ok({"agreement", "show", id, "-f", "json"}).json();
}

Args list_ids(const Sandbox& s, Args extra) {
    Args args{"agreement", "list", "-f", "json"};
    args.insert(args.end(), extra.begin(), extra.end());
    Args out;
    for (const auto& a : s.ok(args).json())
        out.push_back(a.at("id"));
    return out;
}

std::string first_line(const std::string& text) {
    return text.substr(0, text.find('\n'));
}

Args with(Args base, const Args& extra) {
    base.insert(base.end(), extra.begin(), extra.end());
    return base;
}

} // namespace

// ---- the case study ------------------------------------------------------------------------

TEST_CASE("cli: agreement records the case study, list --expiring 60 in every format") {
    Sandbox s;
    auto ngo = cipari(s);
    auto id = add(s, waste_bank_args(ngo));
    add(s, road_args("2026-03-01", "")); // no end date: never expiring

    auto list = s.ok({"agreement", "list", "--expiring", "60", "-f", "json"}).json();
    REQUIRE(list.size() == 1);
    auto expected = json{{"id", id},
                         {"title", "Bank sampah bersama"},
                         {"villages", {"caruy-cipari", "sidasari-cipari"}},
                         {"partners", {ngo}},
                         {"scope", "empowerment"},
                         {"signed", "2026-01-15"},
                         {"until", "2027-01-14"},
                         {"number", "01/PB/2026"},
                         {"mad", "2026-01-05"},
                         {"funding", 25000000},
                         {"status", "active"},
                         {"note", "Pendampingan dan modal awal"},
                         {"ended", nullptr}};
    for (const auto& [field, value] : expected.items())
        CHECK_MESSAGE(list[0].at(field) == value, field);
    CHECK(list[0].at("uuid").get<std::string>().rfind(id + "-", 0) == 0);
    CHECK(show(s, id) == list[0]);

    auto table = s.ok({"agreement", "list", "--expiring", "60"}).out;
    for (const char* part :
         {"Signed", "15 Jan 2026", "Bank sampah bersama", "Caruy, Sidasari", "Yayasan Bumi Lestari",
          "Empowerment", "14 Jan 2027", "IDR 25,000,000", "Active"})
        CHECK_MESSAGE(has(table, part), std::string(part));
    CHECK_FALSE(has(table, "Jalan antar desa"));
    auto id_table = s.ok({"agreement", "list", "--expiring", "60", "--lang", "id"}).out;
    for (const char* part : {"Rp 25.000.000", "14 Jan 2027", "Pemberdayaan", "Aktif"})
        CHECK_MESSAGE(has(id_table, part), std::string(part));
    CHECK_FALSE(has(id_table, "IDR"));
    auto html = commonmark_html(s, s.ok({"agreement", "list", "--expiring", "60", "-f", "md"}).out);
    CHECK(has(html, "<table>"));
    CHECK(has(html, "<td align=\"right\">IDR 25,000,000</td>"));
    auto id_html = commonmark_html(
        s, s.ok({"agreement", "list", "--expiring", "60", "-f", "md", "--lang", "id"}).out);
    CHECK(has(id_html, "<td align=\"right\">Rp 25.000.000</td>"));
    auto csv = s.ok({"agreement", "list", "--expiring", "60", "-f", "csv"}).out;
    CHECK(first_line(csv) == "id,uuid,title,villages,partners,scope,signed,until,number,mad,"
                             "funding,status,note,ended\r");
    CHECK(has(csv, ",Bank sampah bersama,caruy-cipari;sidasari-cipari," + ngo +
                       ",empowerment,2026-01-15,2027-01-14,01/PB/2026,2026-01-05,25000000,active,"
                       "Pendampingan dan modal awal,\r\n"));
    CHECK(s.ok({"agreement", "list", "--expiring", "60", "-f", "csv", "--lang", "id"}).out == csv);
}

TEST_CASE("cli: agreement show in every format and both languages") {
    Sandbox s;
    auto ngo = cipari(s);
    auto id = add(s, waste_bank_args(ngo));
    auto text = s.ok({"agreement", "show", id}).out;
    for (const char* part :
         {"Bank sampah bersama", "15 January 2026", "14 January 2027", "5 January 2026",
          "01/PB/2026", "IDR 25,000,000", "Empowerment", "Active", "Villages", "sidasari-cipari",
          "Partners", ngo.c_str(), "Yayasan Bumi Lestari", "NGO", "Musyawarah Antar Desa"})
        CHECK_MESSAGE(has(text, part), std::string(part));
    auto id_text = s.ok({"agreement", "show", id, "--lang", "id"}).out;
    for (const char* part : {"Rp 25.000.000", "15 Januari 2026", "Aktif", "Desa", "Mitra", "LSM"})
        CHECK_MESSAGE(has(id_text, part), std::string(part));
    auto html = commonmark_html(s, s.ok({"agreement", "show", id, "-f", "md"}).out);
    CHECK(has(html, "<h1>Bank sampah bersama</h1>"));
    CHECK(has(html, "IDR 25,000,000"));
    CHECK(has(html, "<td>caruy-cipari</td>"));
    auto id_html =
        commonmark_html(s, s.ok({"agreement", "show", id, "-f", "md", "--lang", "id"}).out);
    CHECK(has(id_html, "Rp 25.000.000"));
    auto csv = s.ok({"agreement", "show", id, "-f", "csv"}).out;
    CHECK(first_line(csv) == first_line(s.ok({"agreement", "list", "-f", "csv"}).out));
    CHECK(std::count(csv.begin(), csv.end(), '\n') == 2);
    CHECK(show(s, id) == s.ok({"agreement", "show", id, "-f", "json", "--lang", "id"}).json());
    for (const char* format : {"table", "markdown", "json", "csv"}) {
        INFO(format);
        s.ok({"agreement", "list", "-f", format, "--lang", "id"});
        s.ok({"agreement", "list", "-f", format, "--lang", "en"});
    }
}

// The counts of `village show` (the lead's, issue 6): its active agreements and their funding.
TEST_CASE("cli: village show counts the agreements of a village and their funding") {
    Sandbox s;
    auto ngo = cipari(s);
    auto id = add(s, waste_bank_args(ngo));
    auto counts = s.ok({"village", "show", "caruy-cipari", "-f", "json"}).json().at("counts");
    CHECK(counts.value("agreements", -1) == 1);
    CHECK(counts.value("funding", -1) == 25000000);
    CHECK(has(s.ok({"village", "show", "caruy-cipari", "--lang", "id"}).out, "Rp 25.000.000"));
    CHECK(has(s.ok({"village", "show", "caruy-cipari"}).out, "IDR 25,000,000"));
    // Ended on 15 December, looked at as of 27 November (a report made for that day): it was
    // still in force then, for the count as for the status.
    s.ok({"agreement", "end", id, "--date", "2026-12-15"}, {{"KADES_TODAY", "2026-12-20"}});
    counts = s.ok({"village", "show", "caruy-cipari", "-f", "json"}).json().at("counts");
    CHECK(counts.value("agreements", -1) == 1);
    CHECK(s.ok({"agreement", "show", id, "-f", "json"}).json().at("status") == "active");
    s.ok({"agreement", "edit", id, "--ended", ""});
    s.ok({"agreement", "end", id});
    counts = s.ok({"village", "show", "sidasari-cipari", "-f", "json"}).json().at("counts");
    CHECK(counts.value("agreements", -1) == 0);
    CHECK(counts.value("funding", -1) == 0);
}

// ---- add -----------------------------------------------------------------------------------

TEST_CASE("cli: agreement add says what it did, -q prints the id, -f json the record") {
    Sandbox s;
    cipari(s);
    auto out = s.ok(with({"agreement", "add"}, road_args("2026-03-01", "2027-02-28"))).out;
    CHECK(has(out, "Added agreement "));
    CHECK(has(out, " Jalan antar desa (Kutasari, Serang)."));
    auto j = s.ok(with({"agreement", "add"}, with(road_args("today", ""), {"-f", "json"}))).json();
    CHECK(j.at("signed") == "2026-11-27");
    CHECK(j.at("until").is_null());
    CHECK(j.at("funding").is_null());
    CHECK(j.at("partners") == json::array());
    CHECK(j.at("scope") == "development");
    refused(s, with({"agreement", "add"}, with(road_args("today", ""), {"-f", "csv"})), 2, "csv");
}

TEST_CASE("cli: agreement funding is read in every usual form and kept as whole Rupiah") {
    Sandbox s;
    cipari(s);
    for (const char* amount :
         {"1500000", "1.500.000", "1,500,000", "Rp 1.500.000", "Rp1.500.000", "IDR 1,500,000",
          "1,5jt", "1.5jt", "1,5 juta", "1500rb", "Rp 1.500.000,-"}) {
        INFO(amount);
        auto id = add(s, with(road_args("2026-03-01", ""), {"--funding", amount}));
        CHECK(show(s, id).at("funding") == 1500000);
    }
    auto id = add(s, with(road_args("2026-03-01", ""), {"--funding", "0"}));
    CHECK(show(s, id).at("funding") == 0);
    CHECK(has(s.ok({"agreement", "show", id, "--lang", "id"}).out, "Rp 0"));
}

TEST_CASE("cli: agreement scopes in English and Indonesian, an unknown scope is refused") {
    Sandbox s;
    cipari(s);
    for (const auto& [word, key] :
         std::vector<std::pair<std::string, std::string>>{{"business", "business"},
                                                          {"usaha", "business"},
                                                          {"community", "community"},
                                                          {"Kemasyarakatan", "community"},
                                                          {"services", "services"},
                                                          {"pelayanan", "services"},
                                                          {"development", "development"},
                                                          {"pembangunan", "development"},
                                                          {"empowerment", "empowerment"},
                                                          {"pemberdayaan", "empowerment"}}) {
        INFO(word);
        Args args = road_args("2026-03-01", "");
        args[6] = word; // after --scope
        CHECK(show(s, add(s, args)).at("scope") == key);
    }
    Args bad = road_args("2026-03-01", "");
    bad[6] = "pariwisata";
    refused(s, with({"agreement", "add"}, bad), 1, "'pariwisata'");
}

// ---- bad input (issue 6): exit 1, nothing on stdout, the value named, the log unchanged -----

TEST_CASE("cli: agreement add refuses each bad input of the issue, recording nothing") {
    Sandbox s;
    auto ngo = cipari(s);
    s.ok({"village", "add", "--code", "33.01.17.2004"}); // the other Sidasari
    Args base{"agreement", "add",   "Bank sampah", "--village", "sidasari-cipari",
              "--scope",   "usaha", "--signed",    "2026-01-15"};
    // The four of the issue: one village and no partner, an end before the signing, an
    // unknown partner, an unparseable amount.
    auto lone = refused(s, base, 1, "sidasari-cipari alone");
    CHECK(has(lone.err, "--partner"));
    auto two = with(base, {"--village", "caruy-cipari"});
    auto early = refused(s, with(two, {"--until", "2026-01-14"}), 1, "2026-01-14");
    CHECK(has(early.err, "2026-01-15"));
    refused(s, with(base, {"--partner", "ffff0000"}), 1, "'ffff0000'");
    refused(s, with(two, {"--funding", "lima juta"}), 1, "'lima juta'");
    // Every other amount refused.
    for (const char* amount : {"-1.500.000", "1,5", "1.500,000", "2M", "1.500,50", "1.500jt",
                               "99999999999999999999", "25 jeti"})
        refused(s, with(two, {"--funding", amount}), 1, std::string("'") + amount + "'");
    // Dates, parties, scope and text.
    auto mad = refused(s, with(two, {"--mad", "2026-01-20"}), 1, "2026-01-20");
    CHECK(has(mad.err, "2026-01-15"));
    refused(s,
            {"agreement", "add", "Bank sampah", "--village", "sidasari-cipari", "--village",
             "caruy-cipari", "--scope", "usaha", "--signed", "2026-11-28"},
            1, "2026-11-28");
    refused(s, with(two, {"--until", "2026-02-30"}), 1, "2026-02-30");
    refused(s, with(two, {"--village", "caruy"}), 1, "caruy-cipari is given twice");
    refused(s, with(two, {"--village", "33.01.18.2011"}), 1, "sidasari-cipari is given twice");
    refused(s, with(two, {"--village", "nosuch"}), 1, "'nosuch'");
    auto ambiguous = refused(s, with(base, {"--village", "sidasari"}), 1, "'sidasari'");
    CHECK(has(ambiguous.err, "\n  sidasari-sampang "));
    refused(s, with(base, {"--partner", "yayasan"}), 1, "'yayasan'");
    refused(s, with(base, {"--partner", ngo, "--partner", ngo.substr(0, 5)}), 1, "given twice");
    refused(s, with(two, {"--village", " "}), 1, "--village");
    refused(s,
            {"agreement", "add", " ", "--village", "caruy-cipari", "--village", "serang-cipari",
             "--scope", "usaha", "--signed", "today"},
            1, "title");
    // Usage: what is required, missing.
    refused(s, {"agreement", "add", "X", "--village", "caruy-cipari", "--signed", "today"}, 2,
            "--scope");
    refused(s, {"agreement", "add", "X", "--village", "caruy-cipari", "--scope", "usaha"}, 2,
            "--signed");
    refused(s, {"agreement", "add", "X", "--partner", ngo, "--scope", "usaha", "--signed", "today"},
            2, "--village");
    CHECK(list_ids(s, {}).empty());
}

// ---- end, edit, remove ---------------------------------------------------------------------

TEST_CASE("cli: agreement end: ended on a day between the signing and today, once") {
    Sandbox s;
    auto ngo = cipari(s);
    auto id = add(s, waste_bank_args(ngo));
    auto before = refused(s, {"agreement", "end", id, "--date", "2026-01-10"}, 1, "2026-01-10");
    CHECK(has(before.err, "2026-01-15"));
    refused(s, {"agreement", "end", id, "--date", "tomorrow"}, 1, "2026-11-28");
    refused(s, {"agreement", "end", id, "--date", "2026-13-01"}, 1, "2026-13-01");
    auto out = s.ok({"agreement", "end", id, "--date", "2026-11-20"}).out;
    CHECK(has(out, "Agreement " + id + " Bank sampah bersama"));
    CHECK(has(out, "ended on 20 November 2026."));
    auto j = show(s, id);
    CHECK(j.at("status") == "ended");
    CHECK(j.at("ended") == "2026-11-20");
    CHECK(has(s.ok({"agreement", "show", id}).out, "Ended"));
    CHECK(has(s.ok({"agreement", "show", id, "--lang", "id"}).out, "Berakhir"));
    CHECK(list_ids(s, {"--active"}).empty());
    CHECK(list_ids(s, {"--expiring", "60"}).empty());
    auto again = refused(s, {"agreement", "end", id}, 1, "2026-11-20");
    CHECK(has(again.err, "agreement edit " + id + " --ended"));
    CHECK(s.ok({"agreement", "edit", id, "--ended", "", "-f", "json"}).json().at("status") ==
          "active");
    CHECK(s.ok({"agreement", "end", id, "-f", "json"}).json().at("ended") == "2026-11-27");
}

TEST_CASE("cli: an agreement past its last day is expired, ending it after that is refused") {
    Sandbox s;
    cipari(s);
    auto id = add(s, road_args("2025-01-01", "2025-12-31"));
    CHECK(show(s, id).at("status") == "expired");
    CHECK(has(s.ok({"agreement", "list"}).out, "Expired"));
    CHECK(has(s.ok({"agreement", "list", "--lang", "id"}).out, "Kedaluwarsa"));
    refused(s, {"agreement", "end", id, "--date", "2026-01-05"}, 1, "2025-12-31");
    CHECK(
        s.ok({"agreement", "end", id, "--date", "2025-06-30", "-f", "json"}).json().at("status") ==
        "ended");
}

TEST_CASE("cli: agreement edit adds and drops parties, the rule holds, an empty value clears") {
    Sandbox s;
    auto ngo = cipari(s);
    auto id = add(s, waste_bank_args(ngo));
    auto j = s.ok({"agreement", "edit", id.substr(0, 4), "--village", "serang-cipari",
                   "--drop-village", "caruy", "--drop-partner", ngo, "--funding", "", "--mad", "",
                   "--title", "Bank sampah Sidasari-Serang", "--scope", "usaha", "-f", "json"})
                 .json();
    CHECK(j.at("villages") == json::array({"serang-cipari", "sidasari-cipari"}));
    CHECK(j.at("partners") == json::array());
    CHECK(j.at("funding").is_null());
    CHECK(j.at("mad").is_null());
    CHECK(j.at("title") == "Bank sampah Sidasari-Serang");
    CHECK(j.at("scope") == "business");
    CHECK(j.at("number") == "01/PB/2026");
    CHECK(has(s.ok({"agreement", "edit", id, "--funding", "30jt", "--until", ""}).out,
              "Updated agreement " + id));
    j = show(s, id);
    CHECK(j.at("funding") == 30000000);
    CHECK(j.at("until").is_null());

    auto lone = refused(s, {"agreement", "edit", id, "--drop-village", "serang-cipari"}, 1,
                        "sidasari-cipari alone");
    CHECK(has(lone.err, "--partner"));
    s.ok({"agreement", "edit", id, "--drop-village", "serang-cipari", "--partner", ngo});
    refused(s, {"agreement", "edit", id, "--drop-partner", ngo}, 1, "sidasari-cipari alone");
    refused(s, {"agreement", "edit", id, "--village", "sidasari-cipari"}, 1,
            "sidasari-cipari is already a party");
    refused(s, {"agreement", "edit", id, "--partner", ngo}, 1, "already a party");
    refused(s, {"agreement", "edit", id, "--drop-village", "caruy-cipari"}, 1, "caruy-cipari");
    refused(s, {"agreement", "edit", id, "--drop-partner", "ffff"}, 1, "'ffff'");
    refused(s, {"agreement", "edit", id, "--until", "2026-01-01"}, 1, "2026-01-01");
    refused(s, {"agreement", "edit", id, "--mad", "2026-02-01"}, 1, "2026-02-01");
    refused(s, {"agreement", "edit", id, "--funding", "1,5"}, 1, "'1,5'");
    refused(s, {"agreement", "edit", id, "--ended", "2026-01-01"}, 1, "2026-01-01");
    refused(s, {"agreement", "edit", id, "--title", ""}, 1, "title");
    refused(s, {"agreement", "edit", "ffff", "--note", "x"}, 1, "'ffff'");
}

TEST_CASE("cli: agreement remove deletes it with its parties, the partner stays") {
    Sandbox s;
    auto ngo = cipari(s);
    auto id = add(s, waste_bank_args(ngo));
    auto village = refused(s, {"village", "remove", "caruy-cipari"}, 1, "caruy-cipari");
    CHECK(has(village.err, id + "  Bank sampah bersama"));
    CHECK(has(s.ok({"agreement", "remove", id}).out,
              "Removed agreement " + id + " Bank sampah bersama"));
    refused(s, {"agreement", "show", id}, 1, "'" + id + "'");
    CHECK(sql(s, "SELECT count(*) FROM agreement_village; SELECT count(*) FROM "
                 "agreement_partner; SELECT count(*) FROM partner;") == "0\n0\n1\n");
    refused(s, {"agreement", "remove", id}, 1, "'" + id + "'");
}

// ---- list ----------------------------------------------------------------------------------

TEST_CASE("cli: agreement list: by signing date, --active, --expiring, village, partner, scope") {
    Sandbox s;
    auto ngo = cipari(s);
    auto waste = add(s, waste_bank_args(ngo));                 // until 2027-01-14
    auto open = add(s, road_args("2026-03-01", ""));           // no end
    auto soon = add(s, road_args("2025-12-01", "2026-12-31")); // 34 days left
    auto expired = add(s, road_args("2025-01-01", "2025-12-31"));
    CHECK(list_ids(s, {}) == Args{expired, soon, waste, open});
    CHECK(list_ids(s, {"--active"}) == Args{soon, waste, open});
    CHECK(list_ids(s, {"--expiring", "60"}) == Args{soon, waste});
    CHECK(list_ids(s, {"--expiring", "34"}) == Args{soon});
    CHECK(list_ids(s, {"--expiring", "33"}).empty());
    CHECK(list_ids(s, {"--expiring", "0"}).empty());
    CHECK(list_ids(s, {"--expiring", "99999999999"}) == Args{soon, waste});
    CHECK(list_ids(s, {"--village", "Caruy"}) == Args{waste});
    CHECK(list_ids(s, {"--village", "serang-cipari", "--active"}) == Args{soon, open});
    CHECK(list_ids(s, {"--partner", ngo.substr(0, 4)}) == Args{waste});
    CHECK(list_ids(s, {"--scope", "pembangunan"}) == Args{expired, soon, open});
    CHECK(list_ids(s, {"--from", "2026-01-01", "--to", "2026-02-28"}) == Args{waste});
    CHECK(list_ids(s, {"--month", "2026-03"}) == Args{open});
    CHECK(list_ids(s, {"--limit", "2"}) == Args{expired, soon});
    refused(s, {"agreement", "list", "--village", "nosuch"}, 1, "'nosuch'");
    refused(s, {"agreement", "list", "--partner", "ffff"}, 1, "'ffff'");
    refused(s, {"agreement", "list", "--scope", "wisata"}, 1, "'wisata'");
    refused(s, {"agreement", "list", "--expiring", "-1"}, 1, "'-1'");
    refused(s, {"agreement", "list", "--expiring", "sebulan"}, 1, "'sebulan'");
    refused(s, {"agreement", "list", "--month", "2026-03", "--from", "2026-01-01"}, 2, "--month");
    CHECK(s.ok({"agreement", "list", "--month", "2024-01"}).out.empty());
}

TEST_CASE("cli: text from the log cannot break agreement markdown, csv or the terminal") {
    Sandbox s;
    cipari(s);
    auto id =
        add(s, with(road_args("2026-03-01", ""), {"--number", "=1+2", "--note", "a\x1b[31mred"}));
    s.ok({"agreement", "edit", id, "--title", "Jalan | *desa*"});
    auto html = commonmark_html(s, s.ok({"agreement", "list", "-f", "md"}).out);
    CHECK(has(html, "<td>Jalan | *desa*</td>"));
    CHECK(has(s.ok({"agreement", "list", "-f", "csv"}).out, ",'=1+2,"));
    auto text = s.ok({"agreement", "show", id}).out;
    CHECK_FALSE(has(text, "\x1b"));
    CHECK(has(text, "a\\x1b[31mred"));
}

TEST_CASE("cli: --help on every agreement subcommand shows an example, reading needs a log") {
    Sandbox s;
    for (std::string sub : {"add", "list", "show", "end", "edit", "remove"}) {
        INFO(sub);
        auto r = s.run({"agreement", sub, "--help"});
        CHECK(r.code == 0);
        CHECK(has(r.out, "\nExample: kades agreement " + sub));
    }
    CHECK(has(s.ok({"agreement", "edit", "--help"}).out, "--drop-partner"));
    CHECK(has(s.ok({"agreement", "--help"}).out, "Example: kades agreement"));
    auto r = s.run({"agreement", "list"});
    CHECK(r.code == 3);
    CHECK_FALSE(std::filesystem::exists(s.db()));
}
