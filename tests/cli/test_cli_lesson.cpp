// `kades lesson add|list|show|edit|remove|adopt|unadopt` (tracker issue 5): lessons learned
// as after-action reviews, followed as other villages take them up.

#include "cli/harness.hpp"

#include <doctest/doctest.h>

using kades::test::commonmark_html;
using kades::test::has;
using kades::test::joined;
using kades::test::refused;
using kades::test::Sandbox;
using kades::test::sql;
namespace fs = std::filesystem;
using Args = std::vector<std::string>;

namespace {

// Cipari's 11 villages in the network (KADES_TODAY is 2026-11-27).
void cipari(const Sandbox& s) {
    s.load_regions();
    s.ok({"village", "import", "--under", "33.01.18"});
}

// Adds a lesson with -q and returns the id it printed.
std::string add(const Sandbox& s, Args args) {
    args.insert(args.begin(), {"-q", "lesson", "add"});
    auto out = s.ok(args).out;
    REQUIRE(out.size() == 9);
    return out.substr(0, 8);
}

nlohmann::json show(const Sandbox& s, const std::string& id) {
    return s.ok({"lesson", "show", id, "-f", "json"}).json();
}

// Sidasari's waste bank run by the BUMDes: a success.
std::string waste_bank(const Sandbox& s) {
    return add(s, {"Bank sampah dikelola BUMDes", "--village", "sidasari-cipari", "--kind",
                   "sukses", "--topic", "sampah", "--topic", "BUMDes", "--date", "2026-10-01",
                   "--context", "Sampah menumpuk di sungai; desa merencanakan bank sampah.",
                   "--outcome", "120 nasabah dan Rp 4 juta sebulan dalam setahun.", "--lesson",
                   "Sampah jadi tabungan bila BUMDes mengelolanya.", "--recommendation",
                   "Mulai dari satu dusun, dengan pengurus BUMDes."});
}

// Kutasari's drip irrigation without maintenance training: a failure.
std::string drip_irrigation(const Sandbox& s) {
    return add(s, {"Irigasi tetes tanpa pelatihan perawatan", "--village", "kutasari-cipari",
                   "--kind", "failure", "--topic", "pertanian", "--date", "2026-09-15", "--context",
                   "Para petani mendapat irigasi tetes dari dana desa.", "--outcome",
                   "Setengah selang tersumbat dalam enam bulan.", "--lesson",
                   "Alat tanpa pelatihan perawatan cepat rusak.", "--recommendation",
                   "Anggarkan pelatihan perawatan bersama alatnya."});
}

std::string first_line(const std::string& text) {
    auto line = text.substr(0, text.find('\n'));
    return !line.empty() && line.back() == '\r' ? line.substr(0, line.size() - 1) : line;
}

} // namespace

// ---- the case study -----------------------------------------------------------------------

TEST_CASE("cli: lesson records the case study: the waste bank, the drip irrigation, Caruy") {
    Sandbox s;
    cipari(s);
    auto bank = waste_bank(s);
    auto drip = drip_irrigation(s);
    auto l = show(s, bank);
    auto expected =
        nlohmann::json{{"id", bank},
                       {"title", "Bank sampah dikelola BUMDes"},
                       {"village", "sidasari-cipari"},
                       {"date", "2026-10-01"},
                       {"kind", "success"},
                       {"topics", {"bumdes", "sampah"}},
                       {"context", "Sampah menumpuk di sungai; desa merencanakan bank sampah."},
                       {"outcome", "120 nasabah dan Rp 4 juta sebulan dalam setahun."},
                       {"lesson", "Sampah jadi tabungan bila BUMDes mengelolanya."},
                       {"recommendation", "Mulai dari satu dusun, dengan pengurus BUMDes."},
                       {"meeting", nullptr},
                       {"visit", nullptr},
                       {"adoptions", nlohmann::json::array()}};
    for (const auto& [field, value] : expected.items())
        CHECK_MESSAGE(l.at(field) == value, field);
    CHECK(l.at("uuid").get<std::string>().substr(0, 8) == bank);
    CHECK(show(s, drip).at("kind") == "failure");

    auto planned =
        s.ok({"lesson", "adopt", bank, "--village", "caruy-cipari", "--date", "2026-10-20"}).out;
    CHECK(has(planned, "Caruy takes up lesson " + bank));
    auto trying = s.ok({"lesson", "adopt", bank, "--village", "caruy-cipari", "--status", "dicoba",
                        "--result", "40 nasabah bulan pertama"})
                      .out;
    CHECK(has(trying, "Caruy's adoption of lesson " + bank));
    CHECK(has(trying, "moves on from Planned to Trying."));
    auto adoptions = show(s, bank).at("adoptions");
    REQUIRE(adoptions.size() == 1);
    CHECK(adoptions[0].at("village") == "caruy-cipari");
    CHECK(adoptions[0].at("status") == "trying");
    CHECK(adoptions[0].at("date") == "2026-11-27");
    CHECK(adoptions[0].at("result") == "40 nasabah bulan pertama");
    CHECK(adoptions[0].at("id").get<std::string>().size() == 8);

    auto text = s.ok({"lesson", "show", bank}).out;
    CHECK(has(text, "\nAdoptions\n"));
    CHECK(has(text, "Caruy    Trying  27 Nov 2026  40 nasabah bulan pertama\n"));
    auto list = s.ok({"lesson", "list"}).out;
    CHECK(has(list, drip + "  15 Sep 2026  Failure  Kutasari  Irigasi tetes tanpa pelatihan "
                           "perawatan  pertanian "));
    CHECK(has(list, bank + "  1 Oct 2026   Success  Sidasari  Bank sampah dikelola BUMDes"));
    CHECK(has(list, "bumdes, sampah        1\n")); // Adopted: Caruy
    CHECK(s.ok({"lesson", "list", "--village", "caruy-cipari", "-f", "json"}).json().size() == 1);
}

// ---- add ------------------------------------------------------------------------------------

TEST_CASE("cli: lesson add says what it did, -q the id, -f json the record, defaults") {
    Sandbox s;
    cipari(s);
    auto out = s.ok({"lesson", "add", "Posyandu keliling", "--village", "Serang"}).out;
    CHECK(has(out, "Added lesson "));
    CHECK(has(out, "\u201cPosyandu keliling\u201d (Serang)."));
    auto json = s.ok({"lesson", "add", "Json", "--village", "caruy-cipari", "-f", "json"}).json();
    CHECK(json.at("kind") == "insight"); // the default kind
    CHECK(json.at("date") == "2026-11-27");
    CHECK(json.at("topics") == nlohmann::json::array());
    for (const char* field : {"context", "outcome", "lesson", "recommendation"})
        CHECK_MESSAGE(json.at(field).is_null(), field);
    refused(s, {"lesson", "add", "Csv", "--village", "caruy-cipari", "-f", "csv"}, 2, "csv");
    auto topics = show(s, add(s, {"T", "--village", "caruy-cipari", "--topic",
                                  "Pelayanan  Publik, pendanaan", "--topic", "pendanaan"}));
    CHECK(topics.at("topics") == nlohmann::json({"pelayanan publik", "pendanaan"}));
}

TEST_CASE("cli: lesson kinds in English and Indonesian, an unknown kind is refused") {
    Sandbox s;
    cipari(s);
    for (auto [given, key] :
         std::vector<std::pair<std::string, std::string>>{{"success", "success"},
                                                          {"sukses", "success"},
                                                          {"failure", "failure"},
                                                          {"Gagal", "failure"},
                                                          {"insight", "insight"},
                                                          {"wawasan", "insight"}}) {
        INFO(given);
        CHECK(show(s, add(s, {"L", "--village", "caruy-cipari", "--kind", given})).at("kind") ==
              key);
    }
    refused(s, {"lesson", "add", "L", "--village", "caruy-cipari", "--kind", "bagus"}, 1,
            "'bagus'");
    refused(s, {"lesson", "list", "--kind", "bagus"}, 1, "'bagus'");
}

TEST_CASE("cli: lesson add refuses each bad input, naming it and recording nothing") {
    Sandbox s;
    cipari(s);
    Args base{"lesson", "add", "Bank sampah", "--village", "caruy-cipari"};
    auto with = [&](Args extra) {
        Args args = base;
        args.insert(args.end(), extra.begin(), extra.end());
        return args;
    };
    refused(s, {"lesson", "add", "Bank sampah", "--village", "nosuch"}, 1, "'nosuch'");
    refused(s, {"lesson", "add", "Bank sampah"}, 1, "needs a village");
    refused(s, {"lesson", "add", "--village", "caruy-cipari"}, 1, "title is empty");
    refused(s, {"lesson", "add", "  ", "--village", "caruy-cipari"}, 1, "title is empty");
    refused(s, with({"--kind", "bagus"}), 1, "'bagus'");
    refused(s, with({"--date", "2026-02-30"}), 1, "'2026-02-30'");
    refused(s, with({"--date", "someday"}), 1, "'someday'");
    refused(s, with({"--meeting", "abcd"}), 1, "'abcd'");
    refused(s, with({"--visit", "beef"}), 1, "'beef'");
    refused(s, with({"--meeting", "xyz"}), 1, "'xyz'");
    refused(s, with({"--meeting", "abcd", "--visit", "beef"}), 2, "--meeting");
    refused(s, with({"--topic", " "}), 1, "topic is empty");
    refused(s, with({"--lesson", "tanda \x02 aneh"}), 1, "U+0002");
    refused(s, {"lesson", "add", "Dua\nbaris", "--village", "caruy-cipari"}, 1, "line break");
    refused(s, with({"--context", "\xff"}), 1, "context");
    refused(s, with({"--edit", "--from-file", "x.md"}), 2, "--edit");
    CHECK(s.ok({"lesson", "list", "-f", "json"}).json() == nlohmann::json::array());
}

// ---- adopt ----------------------------------------------------------------------------------

TEST_CASE("cli: lesson adopt: statuses in both languages, again updates and says so") {
    Sandbox s;
    cipari(s);
    auto bank = waste_bank(s);
    auto q = s.ok({"-q", "lesson", "adopt", bank, "--village", "serang-cipari", "--status",
                   "direncanakan"})
                 .out;
    REQUIRE(q.size() == 9); // -q: the adoption's id
    auto adoption = show(s, bank).at("adoptions")[0];
    CHECK(adoption.at("id") == q.substr(0, 8));
    CHECK(adoption.at("status") == "planned");
    for (auto [given, key] :
         std::vector<std::pair<std::string, std::string>>{{"trying", "trying"},
                                                          {"diadopsi", "adopted"},
                                                          {"ditinggalkan", "abandoned"},
                                                          {"Adopted", "adopted"}}) {
        INFO(given);
        auto json = s.ok({"lesson", "adopt", bank, "--village", "serang-cipari", "--status", given,
                          "-f", "json"})
                        .json();
        CHECK(json.at("adoptions")[0].at("status") == key);
    }
    auto again =
        s.ok({"lesson", "adopt", bank, "--village", "serang-cipari", "--result", "Dua dusun ikut"})
            .out;
    CHECK(has(again, "Updated Serang's adoption of lesson " + bank));
    refused(s, {"lesson", "adopt", bank, "--village", "serang-cipari"}, 1,
            "serang-cipari already takes lesson " + bank + " up: Adopted since 2026-11-27");
    refused(s, {"--lang", "id", "lesson", "adopt", bank, "--village", "serang-cipari"}, 1,
            "Diadopsi");
    CHECK(show(s, bank).at("adoptions").size() == 1);
}

TEST_CASE("cli: lesson adopt refuses each bad input, naming it and recording nothing") {
    Sandbox s;
    cipari(s);
    auto bank = waste_bank(s);
    auto r = refused(s, {"lesson", "adopt", bank, "--village", "sidasari-cipari"}, 1,
                     "a village cannot adopt its own lesson");
    CHECK(has(r.err, "sidasari-cipari"));
    refused(s, {"lesson", "adopt", bank, "--village", "nosuch"}, 1, "'nosuch'");
    refused(s, {"lesson", "adopt", bank, "--village", "caruy-cipari", "--status", "selesai"}, 1,
            "'selesai'");
    refused(s, {"lesson", "adopt", bank, "--village", "caruy-cipari", "--date", "2026-13-01"}, 1,
            "'2026-13-01'");
    refused(s, {"lesson", "adopt", bank, "--village", "caruy-cipari", "--date", "2026-09-01"}, 1,
            "the lesson dates from 2026-10-01");
    refused(s, {"lesson", "adopt", "abcd", "--village", "caruy-cipari"}, 1, "'abcd'");
    refused(s, {"lesson", "adopt", bank}, 2, "--village");
    CHECK(show(s, bank).at("adoptions") == nlohmann::json::array());
}

// ---- edit, remove, unadopt -------------------------------------------------------------------

TEST_CASE("cli: lesson edit sets and clears fields, adds and drops topics, links a meeting") {
    Sandbox s;
    cipari(s);
    auto bank = waste_bank(s);
    auto meeting =
        s.ok({"-q", "meeting", "add", "Rapat forum", "--date", "2026-10-01"}).out.substr(0, 8);
    auto out = s.ok({"lesson", "edit", bank, "--title", "Bank sampah desa", "--kind", "insight",
                     "--outcome", "", "--drop-topic", "BUMDes", "--topic", "ekonomi", "--meeting",
                     meeting})
                   .out;
    CHECK(has(out, "Updated lesson " + bank + " \u201cBank sampah desa\u201d (Sidasari)."));
    auto l = show(s, bank);
    CHECK(l.at("title") == "Bank sampah desa");
    CHECK(l.at("kind") == "insight");
    CHECK(l.at("outcome").is_null());
    CHECK(l.at("context") == "Sampah menumpuk di sungai; desa merencanakan bank sampah.");
    CHECK(l.at("topics") == nlohmann::json({"ekonomi", "sampah"}));
    CHECK(l.at("meeting") == meeting);
    CHECK(has(s.ok({"lesson", "show", bank}).out,
              "Meeting  " + meeting + " \u201cRapat forum\u201d (1 Oct 2026)"));
    CHECK(show(s, bank).at("meeting") == meeting);
    CHECK(s.ok({"lesson", "edit", bank, "--meeting", "", "-f", "json"}).json().at("meeting") ==
          nullptr);
    refused(s, {"lesson", "edit", bank}, 2, "nothing to change");
    refused(s, {"lesson", "edit", bank, "--drop-topic", "wisata"}, 1, "'wisata'");
    refused(s, {"lesson", "edit", bank, "--title", ""}, 1, "title is empty");
    refused(s, {"lesson", "edit", bank, "--village", "nosuch"}, 1, "'nosuch'");
    refused(s, {"lesson", "edit", "ffff", "--kind", "gagal"}, 1, "'ffff'");
    s.ok({"lesson", "adopt", bank, "--village", "caruy-cipari"});
    refused(s, {"lesson", "edit", bank, "--village", "caruy-cipari"}, 1,
            "a village cannot adopt its own lesson");
}

TEST_CASE("cli: lesson remove is refused while adopted, unadopt, topics and index go with it") {
    Sandbox s;
    cipari(s);
    auto bank = waste_bank(s);
    drip_irrigation(s);
    s.ok({"lesson", "adopt", bank, "--village", "caruy-cipari"});
    auto r = refused(s, {"lesson", "remove", bank}, 1, "taken up by a village: caruy-cipari");
    CHECK(has(r.err, "unadopt"));
    refused(s, {"lesson", "unadopt", bank, "--village", "serang-cipari"}, 1,
            "serang-cipari has not taken lesson");
    CHECK(has(s.ok({"lesson", "unadopt", bank, "--village", "caruy"}).out,
              "Removed Caruy's adoption of lesson " + bank));
    CHECK(has(s.ok({"lesson", "remove", bank}).out, "Removed lesson " + bank));
    refused(s, {"lesson", "show", bank}, 1, "'" + bank + "'");
    CHECK(sql(s, "SELECT count(*) FROM lesson_topic;") == "1\n");
    // The index's own copy of the text (the sqlite3 shell lacks its tokenizer to query it).
    CHECK(sql(s, "SELECT count(*) FROM lesson_fts_content;") == "1\n");
    CHECK(sql(s, "SELECT count(*) FROM adoption;") == "0\n");
}

TEST_CASE("cli: a meeting or visit where a lesson was shared is not removed under it") {
    Sandbox s;
    cipari(s);
    auto meeting =
        s.ok({"-q", "meeting", "add", "Rapat forum", "--date", "2026-10-01"}).out.substr(0, 8);
    auto visit = s.ok({"-q", "visit", "add", "--host", "sidasari-cipari", "--visitor", "caruy",
                       "--date", "2026-10-02"})
                     .out.substr(0, 8);
    auto at_meeting = add(s, {"Rapat dusun", "--village", "serang-cipari", "--meeting", meeting});
    auto at_visit = add(s, {"Kompos", "--village", "caruy-cipari", "--visit", visit});
    auto r = refused(s, {"meeting", "remove", meeting}, 1,
                     "meeting " + meeting + " has a lesson shared at it: " + at_meeting);
    CHECK(has(r.err, "  " + at_meeting + "  Rapat dusun\n"));
    CHECK(has(r.err, "kades lesson edit ID --meeting \"\""));
    r = refused(s, {"visit", "remove", visit}, 1,
                "visit " + visit + " has a lesson shared at it: " + at_visit);
    CHECK(has(r.err, "kades lesson edit ID --visit \"\""));
    // Unlinked, they go; the lessons stay.
    s.ok({"lesson", "edit", at_meeting, "--meeting", ""});
    s.ok({"lesson", "edit", at_visit, "--visit", ""});
    s.ok({"meeting", "remove", meeting});
    s.ok({"visit", "remove", visit});
    CHECK(show(s, at_meeting).at("meeting").is_null());
    CHECK(show(s, at_visit).at("visit").is_null());
}

// ---- list and show --------------------------------------------------------------------------

TEST_CASE("cli: lesson list filters by topic, kind, village and period, in every format") {
    Sandbox s;
    cipari(s);
    auto bank = waste_bank(s);
    auto drip = drip_irrigation(s);
    auto ids = [&](Args extra) {
        Args args{"lesson", "list", "-f", "json"};
        args.insert(args.end(), extra.begin(), extra.end());
        Args out;
        for (const auto& l : s.ok(args).json())
            out.push_back(l.at("id"));
        return out;
    };
    CHECK(ids({}) == Args{drip, bank});
    CHECK(ids({"--topic", "BUMDES"}) == Args{bank});
    CHECK(ids({"--topic", "bumdes sampah"}).empty());
    CHECK(ids({"--kind", "gagal"}) == Args{drip});
    CHECK(ids({"--village", "Kutasari"}) == Args{drip});
    CHECK(ids({"--month", "2026-10"}) == Args{bank});
    CHECK(ids({"--from", "2026-09-01", "--to", "2026-09-30"}) == Args{drip});
    CHECK(ids({"--limit", "1"}) == Args{drip});
    refused(s, {"lesson", "list", "--village", "nosuch"}, 1, "'nosuch'");
    refused(s, {"lesson", "list", "--from", "2026-12-01", "--to", "2026-11-01"}, 1, "2026-12-01");

    auto table = s.ok({"lesson", "list"}).out;
    CHECK(first_line(table) ==
          "ID        Date         Kind     Village   Title                                    "
          "Topics          Adopted");
    auto md = s.ok({"lesson", "list", "-f", "md"}).out;
    CHECK(md.find("| ID | Date | Kind | Village | Title | Topics | Adopted |") == 0);
    CHECK(has(md, "| " + bank +
                      " | 1 Oct 2026 | Success | Sidasari | Bank sampah dikelola "
                      "BUMDes | bumdes, sampah | 0 |"));
    auto csv = s.ok({"lesson", "list", "-f", "csv"}).out;
    CHECK(first_line(csv) == "id,uuid,title,village,date,kind,topics,context,outcome,lesson,"
                             "recommendation,meeting,visit,adoptions");
    CHECK(has(csv, ",sidasari-cipari,2026-10-01,success,bumdes;sampah,"));
    CHECK(has(s.ok({"lesson", "list", "--lang", "id"}).out, "15 Sep 2026"));
    CHECK(s.ok({"lesson", "list", "--kind", "wawasan"}).out.empty());
}

TEST_CASE("cli: lesson show in table, markdown and csv, paragraphs kept") {
    Sandbox s;
    cipari(s);
    auto id =
        add(s, {"Bank sampah", "--village", "sidasari-cipari", "--kind", "success", "--context",
                "Baris satu.\nBaris dua.\n\n1. Paragraf kedua", "--lesson", "Satu kalimat."});
    auto out = s.ok({"lesson", "show", id}).out;
    CHECK(out.rfind("Bank sampah\nID       " + id + "\n", 0) == 0);
    CHECK(has(out, "\nVillage  Sidasari (sidasari-cipari)\n"));
    CHECK(has(out, "\nDate     27 November 2026\n"));
    CHECK(has(out, "\nContext\n  Baris satu.\n  Baris dua.\n\n  1. Paragraf kedua\n"));
    CHECK(has(out, "\nLesson\n  Satu kalimat.\n"));
    CHECK_FALSE(has(out, "\nOutcome\n"));
    CHECK(has(out, "\nAdoptions\n  no village has taken it up yet\n"));

    auto md = s.ok({"lesson", "show", id, "-f", "md"}).out;
    auto html = commonmark_html(s, md);
    CHECK(has(html, "<h1>Bank sampah</h1>"));
    CHECK(has(html, "<h2>Context</h2>\n<p>Baris satu.\nBaris dua.</p>\n<p>1. Paragraf kedua</p>"));
    CHECK_FALSE(has(html, "<ol>"));
    auto csv = s.ok({"lesson", "show", id, "-f", "csv"}).out;
    CHECK(has(csv, "\"Baris satu.\nBaris dua.\n\n1. Paragraf kedua\""));
}

TEST_CASE("cli: lesson text from the log cannot break markdown, the terminal or a spreadsheet") {
    Sandbox s;
    cipari(s);
    auto id = add(s, {"Pipe|Star*<b>", "--village", "caruy-cipari", "--outcome",
                      "=1+2 \x1b[31mred\x1b[0m", "--topic", "@cmd"});
    s.ok({"lesson", "adopt", id, "--village", "serang-cipari", "--result", "# <i>x</i> |"});
    auto md = s.ok({"lesson", "show", id, "-f", "md"}).out;
    CHECK(has(md, "# Pipe\\|Star\\*\\<b\\>"));
    CHECK_FALSE(has(md, "\x1b"));
    auto html = commonmark_html(s, md);
    CHECK_FALSE(has(html, "<i>"));
    CHECK_FALSE(has(html, "<b>"));
    for (const Args& args : {Args{"lesson", "show", id}, Args{"lesson", "list"}}) {
        INFO(joined(args));
        auto out = s.ok(args).out;
        CHECK_FALSE(has(out, "\x1b"));
        CHECK(has(out, "Pipe|Star*<b>"));
    }
    CHECK(has(s.ok({"lesson", "show", id}).out, "\\x1b[31mred"));
    auto csv = s.ok({"lesson", "list", "-f", "csv"}).out;
    CHECK(has(csv, ",'@cmd,"));
    CHECK(has(csv, ",'=1+2 "));
    CHECK(show(s, id).at("outcome") == "=1+2 \x1b[31mred\x1b[0m");
}

TEST_CASE("cli: --help on every lesson subcommand has an example, reading needs a log") {
    Sandbox s;
    for (std::string sub :
         {"add", "list", "show", "search", "edit", "remove", "adopt", "unadopt"}) {
        INFO(sub);
        auto r = s.run({"lesson", sub, "--help"});
        CHECK(r.code == 0);
        CHECK(has(r.out, "\nExample: kades lesson " + sub));
    }
    CHECK(has(s.ok({"lesson", "add", "--help"}).out, "--from-file"));
    CHECK(has(s.ok({"lesson", "edit", "--help"}).out, "--drop-topic"));
    CHECK_FALSE(fs::exists(s.db()));
    for (const Args& args :
         {Args{"lesson", "list"}, Args{"lesson", "show", "abcd"}, Args{"lesson", "search", "tani"}})
        refused(s, args, 3, "there is no log");
    CHECK_FALSE(fs::exists(s.db()));
}
