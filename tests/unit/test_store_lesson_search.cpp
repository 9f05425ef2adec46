// Tests of src/store/lesson_search.cpp: full-text search over lessons as a person searches
// them in Indonesian (stems, phrases, OR, NOT, prefixes), ranked with bm25, narrowed by the
// list filters; malformed queries; and the index kept right after every kind of write.

#include "core/date.hpp"
#include "core/error.hpp"
#include "core/lesson.hpp"
#include "store/lesson.hpp"
#include "store/log.hpp"
#include "store/log_impl.hpp"
#include "store/region.hpp"
#include "store/village.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <doctest/doctest.h>

#include <filesystem>
#include <set>
#include <string>
#include <vector>

using namespace kades;
using core::LessonKind;
using store::Log;

namespace {
namespace fs = std::filesystem;

core::Date day(const char* iso) {
    return core::parse_iso_date(iso).value();
}

const core::Date k_today = day("2026-11-27");

core::LessonFields lesson(const char* title, const char* village, LessonKind kind,
                          const char* context, std::vector<std::string> topics = {}) {
    core::LessonFields f;
    f.title = title;
    f.village = village;
    f.kind = kind;
    f.context = context;
    f.topics = std::move(topics);
    f.date = day("2026-10-01");
    return f;
}

// Six lessons of Cipari's villages, each word to find in a lesson of its own.
struct Corpus {
    Log log = Log::open_memory();
    core::Lesson waste_bank, drip, fertilizer, farming, plastic, cadres;
    Corpus() {
        store::import_regions(log,
                              fs::path(__FILE__).parent_path().parent_path() / "data" / "wilayah");
        store::import_villages_under(log, "33.01.18");
        waste_bank =
            add(lesson("Bank sampah dikelola BUMDes", "sidasari-cipari", LessonKind::success,
                       "Desa merencanakan bank sampah.", {"sampah", "BUMDes"}));
        drip = add(lesson("Irigasi tetes tanpa pelatihan perawatan", "kutasari-cipari",
                          LessonKind::failure, "Para petani mendapat irigasi tetes."));
        fertilizer = add(lesson("Pupuk organik", "caruy-cipari", LessonKind::success,
                                "Warga bertani padi tanpa pupuk kimia."));
        farming = add(lesson("Pertanian terpadu", "serang-cipari", LessonKind::insight,
                             "Ternak dan padi saling menghidupi."));
        plastic = add(lesson("Sampah plastik dibakar", "cipari-cipari", LessonKind::failure,
                             "Asap mengganggu warga."));
        cadres = add(lesson("Kader posyandu", "cisuru-cipari", LessonKind::insight,
                            "Kader dilatih bidan desa."));
    }
    core::Lesson add(const core::LessonFields& f) { return store::add_lesson(log, f, k_today); }

    std::vector<core::LessonHit> hits(const std::string& query,
                                      const store::LessonFilter& filter = {}) {
        return store::search_lessons(log, query, filter);
    }
    // The titles a query finds, in any order.
    std::set<std::string> found(const std::string& query, const store::LessonFilter& filter = {}) {
        std::set<std::string> titles;
        for (const auto& hit : hits(query, filter))
            titles.insert(hit.lesson.title);
        return titles;
    }
};

using Titles = std::set<std::string>;

std::string invalid(Corpus& c, const std::string& query) {
    try {
        c.hits(query);
    } catch (const core::Invalid& e) {
        return e.what();
    }
    return "<nothing thrown>";
}

} // namespace

TEST_CASE("store::search_lessons: Indonesian words found by their stem") {
    Corpus c;
    const Titles farming{c.drip.title, c.fertilizer.title, c.farming.title};
    CHECK(c.found("tani") == farming);      // petani, bertani, pertanian
    CHECK(c.found("pertanian") == farming); // the query is stemmed too
    CHECK(c.found("petani") == farming);
    CHECK(c.found("bertani") == farming);
    CHECK(c.found("TANI") == farming);
    const Titles training{c.drip.title, c.cadres.title}; // pelatihan, dilatih
    CHECK(c.found("latih") == training);
    CHECK(c.found("pelatihan") == training);
    CHECK(c.found("melatih") == training);
    CHECK(c.found("bumdes") == Titles{c.waste_bank.title});
}

TEST_CASE("store::search_lessons: phrases, AND, OR, NOT, prefixes and fields") {
    Corpus c;
    CHECK(c.found("\"bank sampah\"") == Titles{c.waste_bank.title});
    CHECK(c.found("\"sampah bank\"").empty());
    CHECK(c.found("sampah") == Titles{c.waste_bank.title, c.plastic.title});
    CHECK(c.found("sampah NOT bank") == Titles{c.plastic.title});
    CHECK(c.found("sampah plastik") == Titles{c.plastic.title}); // every word must match
    CHECK(c.found("posyandu OR bumdes") == Titles{c.cadres.title, c.waste_bank.title});
    CHECK(c.found("(posyandu OR bumdes) NOT kader") == Titles{c.waste_bank.title});
    CHECK(c.found("latih*") == Titles{c.drip.title, c.cadres.title});
    CHECK(c.found("pelatih*") == Titles{c.drip.title, c.cadres.title}); // as people type it
    CHECK(c.found("pupu*") == Titles{c.fertilizer.title});
    CHECK(c.found("title:sampah") == Titles{c.waste_bank.title, c.plastic.title});
    CHECK(c.found("topics:sampah") == Titles{c.waste_bank.title});
    CHECK(c.found("context:padi") == Titles{c.fertilizer.title, c.farming.title});
    CHECK(c.found("wisata").empty());
}

TEST_CASE("store::search_lessons: ranked by bm25, a title hit above a body hit") {
    Corpus c;
    auto hits = c.hits("pertanian");
    REQUIRE(hits.size() == 3);
    CHECK(hits.front().lesson.title == c.farming.title); // "Pertanian" in its title
    CHECK(hits[0].rank <= hits[1].rank);
    CHECK(hits[1].rank <= hits[2].rank);
    // The rank is FTS5's bm25() with the weights, whatever the query.
    for (std::string query :
         {"pertanian", "tani OR sampah", "\"bank sampah\" OR padi", "latih*", "sampah NOT bank",
          "title:sampah", "NEAR(sampah bank, 1)", "\"tetes tanpa\" tani"}) {
        for (const auto& hit : c.hits(query)) {
            INFO(query << ": " << hit.lesson.title);
            SQLite::Statement bm25(store::db_of(c.log), R"sql(
SELECT bm25(lesson_fts, 10.0, 5.0, 1.0, 1.0, 1.0, 1.0) FROM lesson_fts
WHERE lesson_fts MATCH ?1 AND rowid = (SELECT id FROM lesson WHERE uuid = ?2))sql");
            bm25.bind(1, query);
            bm25.bind(2, hit.lesson.uuid);
            REQUIRE(bm25.executeStep());
            CHECK(hit.rank == doctest::Approx(bm25.getColumn(0).getDouble()).epsilon(1e-12));
        }
    }
    auto topic = c.add(lesson("Lumbung padi", "caruy-cipari", LessonKind::insight,
                              "Padi disimpan bersama.", {"pertanian"}));
    auto ranked = c.hits("tani");
    REQUIRE(ranked.size() == 4);
    CHECK(ranked[0].lesson.title == c.farming.title); // title (10) above topics (5)
    CHECK(ranked[1].lesson.title == topic.title);     // topics (5) above the body (1)
}

TEST_CASE("store::search_lessons: snippets mark the words found, in the text as written") {
    Corpus c;
    auto hits = c.hits("tani", {});
    for (const auto& hit : hits) {
        INFO(hit.lesson.title);
        CHECK(hit.snippet.find(core::k_mark_open) != std::string::npos);
        CHECK(hit.snippet.find(core::k_mark_close) != std::string::npos);
    }
    auto drip = c.hits("tani NOT pupuk NOT terpadu");
    REQUIRE(drip.size() == 1);
    CHECK(drip[0].snippet == "Para \x02petani\x03 mendapat irigasi tetes.");
    // A word found only in the title: FTS5's own pick, the title.
    auto title = c.hits("posyandu");
    REQUIRE(title.size() == 1);
    CHECK(core::unmarked(title[0].snippet) == "Kader posyandu");
}

TEST_CASE("store::search_lessons: narrowed by topic, kind, village, period and limit") {
    Corpus c;
    store::LessonFilter kind;
    kind.kind = LessonKind::failure;
    CHECK(c.found("tani", kind) == Titles{c.drip.title});
    store::LessonFilter topic;
    topic.topic = "BUMDes";
    CHECK(c.found("sampah", topic) == Titles{c.waste_bank.title});
    store::LessonFilter village;
    village.village = "Caruy";
    CHECK(c.found("tani", village) == Titles{c.fertilizer.title});
    store::LessonFilter period;
    period.window.period = core::Period{day("2026-11-01"), day("2026-11-30")};
    CHECK(c.found("tani", period).empty());
    store::LessonFilter limit;
    limit.window.limit = 2;
    CHECK(c.hits("tani", limit).size() == 2);
    store::LessonFilter unknown;
    unknown.village = "nosuch";
    CHECK_THROWS_AS(c.hits("tani", unknown), core::NotFound);
}

TEST_CASE("store::search_lessons: a malformed query is Invalid, naming it") {
    Corpus c;
    for (std::string query : {"\"bank sampah", "NOT bank", "bank NOT", "sampah OR", "(tani",
                              "tani)", "*", "foo:bar", "bank-sampah", "AND"}) {
        INFO(query);
        auto message = invalid(c, query);
        CHECK(message.find("the search '" + query + "' is not a valid query") == 0);
    }
    CHECK(invalid(c, "  ").find("the search is empty") == 0);
    CHECK(c.found("tani").size() == 3); // the connection is still usable
}

TEST_CASE("store::search_lessons: the index follows edit, topics, remove and SQL writes") {
    Corpus c;
    core::LessonFields edit;
    edit.title = "Sampah plastik dijual ke bank";
    auto plastic = store::edit_lesson(c.log, c.plastic, edit);
    CHECK(c.found("sampah NOT bank").empty());
    CHECK(c.found("dibakar").empty());
    CHECK(c.found("jual") == Titles{plastic.title});

    core::LessonFields topics;
    topics.topics = {"ekonomi sirkular"};
    store::edit_lesson(c.log, plastic, topics);
    CHECK(c.found("topics:sirkular") == Titles{plastic.title});
    core::LessonFields drop;
    drop.drop_topics = {"ekonomi sirkular"};
    store::edit_lesson(c.log, store::find_lesson(c.log, plastic.uuid).value(), drop);
    CHECK(c.found("sirkular").empty());

    store::remove_lesson(c.log, store::find_lesson(c.log, plastic.uuid).value());
    CHECK(c.found("plastik").empty());
    CHECK(store::db_of(c.log).execAndGet("SELECT count(*) FROM lesson_fts").getInt() == 5);

    // A lesson written by SQL alone, as an import or a sync writes rows, is indexed too.
    store::db_of(c.log).exec(R"sql(
INSERT INTO lesson (uuid, title, village, date, kind, outcome)
VALUES ('0123abcd-0000-4000-8000-000000000000', 'Wisata desa', (SELECT id FROM village
        WHERE slug = 'caruy-cipari'), '2026-11-01', 'success', 'Pengunjung naik dua kali');
INSERT INTO lesson_topic (lesson, topic)
SELECT id, 'pariwisata' FROM lesson WHERE uuid = '0123abcd-0000-4000-8000-000000000000';
UPDATE lesson SET recommendation = 'Libatkan pemuda'
WHERE uuid = '0123abcd-0000-4000-8000-000000000000';)sql");
    CHECK(c.found("wisata") == Titles{"Wisata desa"});
    CHECK(c.found("pariwisata") == Titles{"Wisata desa"});
    CHECK(c.found("pemuda") == Titles{"Wisata desa"});
    CHECK(c.found("pengunjung") == Titles{"Wisata desa"});
}
