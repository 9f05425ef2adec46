// `kades partner ...`: partners of the network (spec section 2, partner and agreement; issue 6).

#include "cli/harness.hpp"

#include <doctest/doctest.h>

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

// Adds a partner with -q and returns the id it printed.
std::string add(const Sandbox& s, Args args) {
    args.insert(args.begin(), {"-q", "partner", "add"});
    auto out = s.ok(args).out;
    REQUIRE(out.size() == 9);
    return out.substr(0, 8);
}

std::string ngo(const Sandbox& s) {
    return add(s, {"Yayasan Bumi Lestari", "--type", "lsm", "--contact", "Bu Rina, 0812 2700 1234",
                   "--note", "Pendamping bank sampah"});
}

// Sidasari and Caruy with the partner on the waste bank, for a year from 15 January 2026.
std::string waste_bank(const Sandbox& s, const std::string& partner) {
    auto out =
        s.ok({"-q", "agreement", "add", "Bank sampah bersama", "--village", "sidasari-cipari",
              "--village", "caruy-cipari", "--partner", partner, "--scope", "pemberdayaan",
              "--signed", "2026-01-15", "--until", "2027-01-14", "--funding", "Rp 25.000.000"})
            .out;
    REQUIRE(out.size() == 9);
    return out.substr(0, 8);
}

json show(const Sandbox& s, const std::string& id) {
    return s.ok({"partner", "show", id, "-f", "json"}).json();
}

Args list_names(const Sandbox& s, Args extra) {
    Args args{"partner", "list", "-f", "json"};
    args.insert(args.end(), extra.begin(), extra.end());
    Args out;
    for (const auto& p : s.ok(args).json())
        out.push_back(p.at("name"));
    return out;
}

std::string first_line(const std::string& text) {
    return text.substr(0, text.find('\n'));
}

} // namespace

TEST_CASE("cli: partner add records the case study's NGO, show lists agreements and villages") {
    Sandbox s;
    cipari(s);
    auto id = ngo(s);
    auto p = show(s, id);
    CHECK(p.at("id") == id);
    CHECK(p.at("uuid").get<std::string>().rfind(id + "-", 0) == 0);
    CHECK(p.at("name") == "Yayasan Bumi Lestari");
    CHECK(p.at("type") == "ngo");
    CHECK(p.at("contact") == "Bu Rina, 0812 2700 1234");
    CHECK(p.at("note") == "Pendamping bank sampah");
    CHECK(p.at("agreements") == json::array());
    CHECK(p.at("villages") == json::array());

    auto agreement = waste_bank(s, id);
    p = show(s, id);
    CHECK(p.at("agreements") == json::array({agreement}));
    CHECK(p.at("villages") == json::array({"caruy-cipari", "sidasari-cipari"}));
    auto list = s.ok({"partner", "list", "-f", "json"}).json();
    REQUIRE(list.size() == 1);
    CHECK(list[0] == p);

    auto text = s.ok({"partner", "show", id}).out;
    for (const char* part : {"Yayasan Bumi Lestari", "NGO", "Bu Rina", "Bank sampah bersama",
                             "15 Jan 2026", "14 Jan 2027", "Active", "Caruy", "sidasari-cipari"})
        CHECK_MESSAGE(has(text, part), std::string(part));
    auto id_text = s.ok({"partner", "show", id, "--lang", "id"}).out;
    for (const char* part : {"LSM", "15 Jan 2026", "Aktif", "Perjanjian"})
        CHECK_MESSAGE(has(id_text, part), std::string(part));
    auto html = commonmark_html(s, s.ok({"partner", "show", id, "-f", "md"}).out);
    CHECK(has(html, "<h1>Yayasan Bumi Lestari</h1>"));
    CHECK(has(html, "<td>" + agreement + "</td>"));
    auto csv = s.ok({"partner", "show", id, "-f", "csv"}).out;
    CHECK(first_line(csv) == "id,uuid,name,type,contact,note,agreements,villages\r");
    CHECK(has(csv, ",Yayasan Bumi Lestari,ngo,\"Bu Rina, 0812 2700 1234\",Pendamping bank "
                   "sampah," +
                       agreement + ",caruy-cipari;sidasari-cipari\r\n"));
    for (const char* format : {"table", "markdown", "json", "csv"}) {
        for (const char* lang : {"en", "id"}) {
            INFO(format << " " << lang);
            s.ok({"partner", "list", "-f", format, "--lang", lang});
            s.ok({"partner", "show", id, "-f", format, "--lang", lang});
        }
    }
}

TEST_CASE("cli: partner add says what it did, -f json prints the record") {
    Sandbox s;
    cipari(s);
    auto out = s.ok({"partner", "add", "PT Semen Nusantara", "--type", "perusahaan"}).out;
    CHECK(has(out, "Added partner PT Semen Nusantara ("));
    CHECK(has(out, "Company"));
    auto j =
        s.ok({"partner", "add", "Universitas Jenderal Soedirman", "--type", "kampus", "-f", "json"})
            .json();
    CHECK(j.at("type") == "university");
    CHECK(j.at("contact").is_null());
    CHECK(j.at("id").get<std::string>().size() == 8);
    refused(s, {"partner", "add", "Dinas PMD", "--type", "pemerintah", "-f", "csv"}, 2, "csv");
}

TEST_CASE("cli: partner types in English and Indonesian, an unknown type is refused") {
    Sandbox s;
    cipari(s);
    int n = 0;
    for (const auto& [word, key] :
         std::vector<std::pair<std::string, std::string>>{{"ngo", "ngo"},
                                                          {"LSM", "ngo"},
                                                          {"ornop", "ngo"},
                                                          {"company", "company"},
                                                          {"perusahaan", "company"},
                                                          {"government", "government"},
                                                          {"pemerintah", "government"},
                                                          {"university", "university"},
                                                          {"universitas", "university"},
                                                          {"kampus", "university"},
                                                          {"other", "other"},
                                                          {"lainnya", "other"}}) {
        INFO(word);
        auto id = add(s, {"Mitra " + std::to_string(++n), "--type", word});
        CHECK(show(s, id).at("type") == key);
    }
    refused(s, {"partner", "add", "Koperasi", "--type", "koperasi"}, 1, "'koperasi'");
}

TEST_CASE("cli: partner add refuses each bad input, recording nothing") {
    Sandbox s;
    cipari(s);
    ngo(s);
    refused(s, {"partner", "add", "YAYASAN BUMI LESTARI", "--type", "ngo"}, 1,
            "'YAYASAN BUMI LESTARI'");
    refused(s, {"partner", "add", "  ", "--type", "ngo"}, 1, "name");
    refused(s, {"partner", "add", "Dinas PMD"}, 2, "--type");
    refused(s, {"partner", "add", "--type", "ngo"}, 2, "NAME");
    refused(s, {"partner", "add", "Dinas \xff", "--type", "ngo"}, 1, "name");
    CHECK(list_names(s, {}) == Args{"Yayasan Bumi Lestari"});
}

TEST_CASE("cli: partner edit changes what is given, an empty value clears, nothing is usage") {
    Sandbox s;
    cipari(s);
    auto id = ngo(s);
    auto j =
        s.ok({"partner", "edit", id.substr(0, 4), "--type", "other", "--contact", "", "-f", "json"})
            .json();
    CHECK(j.at("type") == "other");
    CHECK(j.at("contact").is_null());
    CHECK(j.at("note") == "Pendamping bank sampah");
    CHECK(has(s.ok({"partner", "edit", id, "--name", "Yayasan Bumi Lestari Cilacap"}).out,
              "Updated partner Yayasan Bumi Lestari Cilacap (" + id + ")."));
    add(s, {"PT Semen Nusantara", "--type", "company"});
    refused(s, {"partner", "edit", id, "--name", "pt semen nusantara"}, 1, "'pt semen nusantara'");
    refused(s, {"partner", "edit", id}, 2, "nothing to change");
    refused(s, {"partner", "edit", id, "--type", "bank"}, 1, "'bank'");
    refused(s, {"partner", "edit", "ffff", "--note", "x"}, 1, "'ffff'");
    refused(s, {"partner", "edit", "xyz", "--note", "x"}, 1, "'xyz'");
}

TEST_CASE("cli: partner remove is refused while agreements name it, naming them") {
    Sandbox s;
    cipari(s);
    auto id = ngo(s);
    auto agreement = waste_bank(s, id);
    auto r = refused(s, {"partner", "remove", id}, 1, agreement);
    CHECK(has(r.err, "Bank sampah bersama"));
    CHECK(has(r.err, "--drop-partner " + id));
    s.ok({"agreement", "remove", agreement});
    CHECK(has(s.ok({"partner", "remove", id}).out, "Removed partner Yayasan Bumi Lestari"));
    refused(s, {"partner", "show", id}, 1, "'" + id + "'");
    CHECK(sql(s, "SELECT count(*) FROM partner;") == "0\n");
}

TEST_CASE("cli: partner list by name, --type, --village, --limit") {
    Sandbox s;
    cipari(s);
    auto id = ngo(s);
    auto company = add(s, {"PT Semen Nusantara", "--type", "company"});
    add(s, {"Universitas Jenderal Soedirman", "--type", "university"});
    waste_bank(s, id);
    s.ok({"agreement", "add", "CSR jalan desa", "--village", "serang-cipari", "--partner", company,
          "--scope", "pembangunan", "--signed", "2026-02-01"});
    CHECK(list_names(s, {}) ==
          Args{"PT Semen Nusantara", "Universitas Jenderal Soedirman", "Yayasan Bumi Lestari"});
    CHECK(list_names(s, {"--type", "lsm"}) == Args{"Yayasan Bumi Lestari"});
    CHECK(list_names(s, {"--village", "caruy"}) == Args{"Yayasan Bumi Lestari"});
    CHECK(list_names(s, {"--village", "serang-cipari"}) == Args{"PT Semen Nusantara"});
    CHECK(list_names(s, {"--limit", "1"}) == Args{"PT Semen Nusantara"});
    refused(s, {"partner", "list", "--village", "nosuch"}, 1, "'nosuch'");
    refused(s, {"partner", "list", "--type", "bank"}, 1, "'bank'");
    refused(s, {"partner", "list", "--limit", "0"}, 1, "'0'");
    auto table = s.ok({"partner", "list"}).out;
    for (const char* part : {"Name", "Type", "Agreements", "NGO", "Company", "University",
                             "Caruy, Sidasari", "Serang"})
        CHECK_MESSAGE(has(table, part), std::string(part));
    auto csv = s.ok({"partner", "list", "-f", "csv"}).out;
    CHECK(has(csv, ",PT Semen Nusantara,company,,,"));
}

TEST_CASE("cli: text from the log cannot break partner markdown, csv or the terminal") {
    Sandbox s;
    cipari(s);
    auto id = add(s, {"Mitra | *tebal*", "--type", "ngo", "--contact", "=HYPERLINK(1)", "--note",
                      "a\x1b[31mred"});
    auto html = commonmark_html(s, s.ok({"partner", "list", "-f", "md"}).out);
    CHECK(has(html, "<td>Mitra | *tebal*</td>"));
    CHECK(has(s.ok({"partner", "list", "-f", "csv"}).out, ",'=HYPERLINK(1),"));
    auto text = s.ok({"partner", "show", id}).out;
    CHECK_FALSE(has(text, "\x1b"));
    CHECK(has(text, "a\\x1b[31mred"));
}

TEST_CASE("cli: --help on every partner subcommand shows an example, reading needs a log") {
    Sandbox s;
    for (std::string sub : {"add", "list", "show", "edit", "remove"}) {
        INFO(sub);
        auto r = s.run({"partner", sub, "--help"});
        CHECK(r.code == 0);
        CHECK(has(r.out, "\nExample: kades partner " + sub));
    }
    CHECK(has(s.ok({"partner", "--help"}).out, "Example: kades partner"));
    auto r = s.run({"partner", "list"});
    CHECK(r.code == 3);
    CHECK_FALSE(std::filesystem::exists(s.db()));
}
