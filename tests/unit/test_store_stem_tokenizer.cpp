// The "kades_id" FTS5 tokenizer: unicode61 words, stemmed by Snowball's Indonesian stemmer.

#include "store/stem_tokenizer.hpp"

#include <doctest/doctest.h>

#include <SQLiteCpp/SQLiteCpp.h>
#include <sqlite3.h>

#include <set>
#include <string>
#include <vector>

namespace {

SQLite::Database indexed(const std::vector<std::string>& documents) {
    SQLite::Database db(":memory:", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    kades::store::register_indonesian_tokenizer(db.getHandle());
    db.exec("CREATE VIRTUAL TABLE doc USING fts5(body, tokenize = 'kades_id')");
    SQLite::Statement insert(db, "INSERT INTO doc (rowid, body) VALUES (?1, ?2)");
    for (std::size_t i = 0; i < documents.size(); ++i) {
        insert.bind(1, static_cast<int64_t>(i + 1));
        insert.bind(2, documents[i]);
        insert.exec();
        insert.reset();
    }
    return db;
}

std::set<int> matches(SQLite::Database& db, const std::string& query) {
    SQLite::Statement stmt(db, "SELECT rowid FROM doc WHERE doc MATCH ?1 ORDER BY rowid");
    stmt.bind(1, query);
    std::set<int> rows;
    while (stmt.executeStep())
        rows.insert(stmt.getColumn(0).getInt());
    return rows;
}

} // namespace

TEST_CASE("store::register_indonesian_tokenizer: stems Indonesian words") {
    auto db = indexed({"Pertanian organik di Sidasari", "Para petani belajar", "Warga bertani padi",
                       "Pelatihan BUMDes", "Pembangunan jalan desa", "Kesehatan ibu dan anak",
                       "Bank sampah dikelola BUMDes"});
    CHECK(matches(db, "tani") == std::set<int>{1, 2, 3});
    CHECK(matches(db, "pertanian") == std::set<int>{1, 2, 3});
    CHECK(matches(db, "latih") == std::set<int>{4});
    CHECK(matches(db, "bangun") == std::set<int>{5});
    CHECK(matches(db, "sehat") == std::set<int>{6});
    CHECK(matches(db, "bumdes") == std::set<int>{4, 7});
    CHECK(matches(db, "BUMDES") == std::set<int>{4, 7}); // case folded
    CHECK(matches(db, "sampah NOT bank").empty());
    CHECK(matches(db, "\"bank sampah\"") == std::set<int>{7});
}

TEST_CASE("store::register_indonesian_tokenizer: a prefix query is not stemmed") {
    auto db = indexed({"pertanian", "perta"});
    // "perta*" stemmed would become something else; as a prefix it matches the raw token
    // prefix of the indexed (stemmed) words: "perta" itself.
    CHECK(matches(db, "perta*").count(2) == 1);
}

TEST_CASE("store::register_indonesian_tokenizer: a prefix of a surface word finds its stem") {
    auto db = indexed({"Pelatihan kader", "Petani dilatih", "Pelita desa", "Pertanian organik"});
    // The index holds latih, not pelatihan: the prefix's stem goes with it as an alternative.
    CHECK(matches(db, "pelatih*") == std::set<int>{1, 2});
    CHECK(matches(db, "pelati*").count(1) == 1);
    CHECK(matches(db, "pelatih*").count(3) == 0);
    // A prefix that is its own stem is looked up once, as it is.
    CHECK(matches(db, "tan*") == std::set<int>{2, 4});
    CHECK(matches(db, "\"pelatih* kader\"") == std::set<int>{1});
}

TEST_CASE("store::register_indonesian_tokenizer: accents are folded") {
    auto db = indexed({"Café desa"});
    CHECK(matches(db, "cafe") == std::set<int>{1});
}
