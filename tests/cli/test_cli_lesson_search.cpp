// `kades lesson search` (tracker issue 5): lessons found as a person searches them in
// Indonesian, best first, the matching words marked; malformed queries refused; the index
// right after every write.

#include "cli/harness.hpp"

#include <doctest/doctest.h>

#include <set>

using kades::test::commonmark_html;
using kades::test::has;
using kades::test::joined;
using kades::test::refused;
using kades::test::Sandbox;
using kades::test::sql;
using Args = std::vector<std::string>;
using Titles = std::set<std::string>;

namespace {

std::string add(const Sandbox& s, Args args) {
    args.insert(args.begin(), {"-q", "lesson", "add"});
    auto out = s.ok(args).out;
    REQUIRE(out.size() == 9);
    return out.substr(0, 8);
}

// Cipari's villages and six lessons, each word to find in a lesson of its own.
struct Lessons {
    std::string bank, drip, fertilizer, farming, plastic, cadres;
};

Lessons corpus(const Sandbox& s) {
    s.load_regions();
    s.ok({"village", "import", "--under", "33.01.18"});
    Lessons l;
    l.bank = add(s, {"Bank sampah dikelola BUMDes", "--village", "sidasari-cipari", "--kind",
                     "sukses", "--topic", "sampah", "--context", "Desa merencanakan bank sampah.",
                     "--date", "2026-10-01"});
    l.drip = add(s, {"Irigasi tetes tanpa pelatihan perawatan", "--village", "kutasari-cipari",
                     "--kind", "gagal", "--context", "Para petani mendapat irigasi tetes.",
                     "--date", "2026-09-15"});
    l.fertilizer = add(s, {"Pupuk organik", "--village", "caruy-cipari", "--kind", "sukses",
                           "--outcome", "Warga bertani padi tanpa pupuk kimia."});
    l.farming = add(s, {"Pertanian terpadu", "--village", "serang-cipari", "--context",
                        "Ternak dan padi saling menghidupi."});
    l.plastic = add(s, {"Sampah plastik dibakar", "--village", "cipari-cipari", "--kind", "gagal",
                        "--lesson", "Asap mengganggu warga."});
    l.cadres = add(s, {"Kader posyandu", "--village", "cisuru-cipari", "--recommendation",
                       "Kader dilatih bidan desa."});
    return l;
}

// The ids a search finds (-f json), in its order.
Args found(const Sandbox& s, Args args) {
    args.insert(args.begin(), {"lesson", "search"});
    args.insert(args.end(), {"-f", "json"});
    Args ids;
    for (const auto& hit : s.ok(args).json())
        ids.push_back(hit.at("id"));
    return ids;
}

std::set<std::string> set_of(const Args& ids) {
    return {ids.begin(), ids.end()};
}

bool no_markers(const std::string& text) {
    return text.find('\x02') == std::string::npos && text.find('\x03') == std::string::npos;
}

} // namespace

TEST_CASE("cli: lesson search finds Indonesian words by their stem") {
    Sandbox s;
    auto l = corpus(s);
    const Titles farming{l.drip, l.fertilizer, l.farming};
    for (std::string word : {"tani", "pertanian", "petani", "bertani", "Tani"}) {
        INFO(word);
        CHECK(set_of(found(s, {word})) == farming);
    }
    for (std::string word : {"latih", "pelatihan", "dilatih"}) {
        INFO(word);
        CHECK(set_of(found(s, {word})) == Titles{l.drip, l.cadres});
    }
    CHECK(found(s, {"pertanian"}).front() == l.farming); // a title hit ranks first
}

TEST_CASE("cli: lesson search: phrases, OR, NOT and prefixes") {
    Sandbox s;
    auto l = corpus(s);
    CHECK(found(s, {"\"bank sampah\""}) == Args{l.bank});
    CHECK(set_of(found(s, {"sampah"})) == Titles{l.bank, l.plastic});
    CHECK(found(s, {"sampah NOT bank"}) == Args{l.plastic});
    CHECK(set_of(found(s, {"posyandu OR irigasi"})) == Titles{l.cadres, l.drip});
    CHECK(set_of(found(s, {"latih*"})) == Titles{l.drip, l.cadres});
    CHECK(found(s, {"pupu*"}) == Args{l.fertilizer});
    CHECK(found(s, {"title:padi"}).empty());
    CHECK(found(s, {"wisata"}).empty());
    CHECK(s.ok({"lesson", "search", "wisata"}).out.empty());
}

TEST_CASE("cli: lesson search narrows by topic, kind, village and period, 20 unless --limit") {
    Sandbox s;
    auto l = corpus(s);
    CHECK(found(s, {"tani", "--kind", "failure"}) == Args{l.drip});
    CHECK(found(s, {"sampah", "--topic", "Sampah"}) == Args{l.bank});
    CHECK(found(s, {"tani", "--village", "caruy"}) == Args{l.fertilizer});
    CHECK(found(s, {"tani", "--from", "2026-09-01", "--to", "2026-09-30"}) == Args{l.drip});
    CHECK(found(s, {"tani", "--limit", "1"}).size() == 1);
    refused(s, {"lesson", "search", "tani", "--limit", "0"}, 1, "--limit");
    refused(s, {"lesson", "search", "tani", "--kind", "bagus"}, 1, "'bagus'");
    refused(s, {"lesson", "search", "tani", "--village", "nosuch"}, 1, "'nosuch'");
    for (int i = 0; i < 21; ++i)
        add(s, {"Sampah " + std::to_string(i), "--village", "caruy-cipari"});
    CHECK(found(s, {"sampah"}).size() == 20);
    CHECK(found(s, {"sampah", "--limit", "30"}).size() == 23);
}

TEST_CASE("cli: a malformed query is a clear error: exit 1, nothing printed, log unchanged") {
    Sandbox s;
    corpus(s);
    for (std::string query : {"\"bank sampah", "NOT bank", "sampah NOT", "tani OR", "(tani", "*",
                              "bank-sampah", "foo:tani", "AND"}) {
        INFO(query);
        auto r = refused(s, {"lesson", "search", query}, 1,
                         "the search '" + query + "' is not a valid query");
        CHECK(has(r.err, "\n  put a phrase"));
    }
    refused(s, {"lesson", "search", " "}, 1, "the search is empty");
    refused(s, {"lesson", "search"}, 2, "QUERY");
}

TEST_CASE("cli: lesson search marks the words found: colour, bold, never the markers") {
    Sandbox s;
    auto l = corpus(s);
    auto table = s.ok({"lesson", "search", "tani NOT pupuk NOT terpadu"}).out;
    CHECK(table == "ID        Village   Kind     Title                                    "
                   "Snippet\n" +
                       l.drip +
                       "  Kutasari  Failure  Irigasi tetes tanpa pelatihan perawatan  Para "
                       "petani mendapat irigasi tetes.\n");
    auto colour = s.ok({"lesson", "search", "tani NOT pupuk NOT terpadu", "--color", "always"}).out;
    CHECK(has(colour, "Para \x1b[1;31mpetani\x1b[0m mendapat"));

    auto md = s.ok({"lesson", "search", "sampah NOT bank", "-f", "md"}).out;
    CHECK(md.find("| ID | Village | Kind | Title | Snippet |\n|---|---|---|---|---|\n") == 0);
    CHECK(has(md, "| " + l.plastic + " | Cipari | Failure | Sampah plastik dibakar | "));
    auto html = commonmark_html(s, s.ok({"lesson", "search", "tani", "-f", "md"}).out);
    CHECK(has(html, "<strong>petani</strong>"));
    CHECK(has(html, "<strong>bertani</strong>"));

    auto json = s.ok({"lesson", "search", "tani NOT pupuk NOT terpadu", "-f", "json"}).json();
    REQUIRE(json.size() == 1);
    CHECK(json[0].at("snippet") == "Para petani mendapat irigasi tetes.");
    CHECK(json[0].at("matches") == nlohmann::json({"petani"}));
    CHECK(json[0].at("rank").is_number());
    CHECK(json[0].at("village") == "kutasari-cipari");
    CHECK(json[0].at("adoptions") == nlohmann::json::array());
    auto csv = s.ok({"lesson", "search", "tani NOT pupuk NOT terpadu", "-f", "csv"}).out;
    CHECK(csv.rfind("id,uuid,title,village,date,kind,rank,snippet\r\n", 0) == 0);
    CHECK(has(csv, ",kutasari-cipari,2026-09-15,failure,-"));
    CHECK(has(csv, ",Para petani mendapat irigasi tetes.\r\n"));
    for (std::string format : {"table", "markdown", "json", "csv"}) {
        INFO(format);
        auto out = s.ok({"lesson", "search", "tani OR sampah", "-f", format}).out;
        CHECK(no_markers(out));
        CHECK_FALSE(has(out, "\x1b"));
    }
}

TEST_CASE("cli: the index is right after edit, remove and adoption") {
    Sandbox s;
    auto l = corpus(s);
    s.ok({"lesson", "edit", l.plastic, "--title", "Sampah plastik dijual ke bank", "--topic",
          "ekonomi sirkular"});
    CHECK(found(s, {"sampah NOT bank"}).empty());
    CHECK(found(s, {"dibakar"}).empty());
    CHECK(found(s, {"jual"}) == Args{l.plastic});
    CHECK(found(s, {"sirkular"}) == Args{l.plastic});
    s.ok({"lesson", "edit", l.plastic, "--drop-topic", "ekonomi sirkular", "--lesson", ""});
    CHECK(found(s, {"sirkular"}).empty());
    CHECK(found(s, {"asap"}).empty());

    s.ok({"lesson", "adopt", l.bank, "--village", "caruy-cipari", "--status", "adopted"});
    auto hit = s.ok({"lesson", "search", "\"bank sampah\"", "-f", "json"}).json();
    REQUIRE(hit.size() == 1);
    CHECK(hit[0].at("adoptions")[0].at("village") == "caruy-cipari");

    s.ok({"lesson", "remove", l.plastic});
    CHECK(found(s, {"plastik"}).empty());
    CHECK(sql(s, "SELECT count(*) FROM lesson_fts_content;") == "5\n");
    CHECK(sql(s, "SELECT count(*) FROM lesson_fts_content c WHERE NOT EXISTS (SELECT 1 FROM "
                 "lesson l WHERE l.id = c.id);") == "0\n");
}
