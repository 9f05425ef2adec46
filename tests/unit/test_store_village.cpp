// Tests of src/store/village*.cpp: the network's villages, their heads, tags and index.

#include "core/date.hpp"
#include "core/devindex.hpp"
#include "core/error.hpp"
#include "core/village.hpp"
#include "store/log.hpp"
#include "store/log_impl.hpp"
#include "store/region.hpp"
#include "store/village.hpp"

#include "unit/temp_dir.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <vector>

using namespace kades;
using store::Log;

namespace {
namespace fs = std::filesystem;
using kades::test::TempDir;

fs::path wilayah_dir() {
    return fs::path(__FILE__).parent_path().parent_path() / "data" / "wilayah";
}

Log imported_log() {
    auto log = Log::open_memory();
    store::import_regions(log, wilayah_dir());
    return log;
}

core::VillageFields with_code(const std::string& code) {
    core::VillageFields fields;
    fields.code = code;
    return fields;
}

core::VillageFields named(const std::string& name, const std::string& district = "",
                          const std::string& regency = "") {
    core::VillageFields fields;
    fields.name = name;
    if (!district.empty())
        fields.district = district;
    if (!regency.empty())
        fields.regency = regency;
    return fields;
}

core::Date date(const char* iso) {
    return core::parse_iso_date(iso).value();
}

long rows(Log& log, const std::string& table) {
    return store::db_of(log).execAndGet("SELECT count(*) FROM " + table).getInt64();
}

std::vector<std::string> slugs_of(const std::vector<core::Village>& villages) {
    std::vector<std::string> slugs;
    for (const auto& v : villages)
        slugs.push_back(v.slug);
    return slugs;
}

// The error of type E that f throws, or nothing.
template <typename E, typename F> std::optional<E> thrown(F f) {
    try {
        f();
    } catch (const E& e) {
        return e;
    }
    return std::nullopt;
}

bool has_hint(const std::optional<core::Error>& e, const std::string& text) {
    if (!e)
        return false;
    for (const auto& hint : e->hints())
        if (hint.find(text) != std::string::npos)
            return true;
    return false;
}

// A CSV in the columns of `village list -f csv`, with the given rows.
fs::path write_csv(const fs::path& file, const std::string& rows_text) {
    std::ofstream out(file, std::ios::binary);
    out << "id,uuid,name,code,district,regency,province,head,head_since,phone,email,tags,note,"
           "archived\r\n"
        << rows_text;
    return file;
}

} // namespace

TEST_CASE("store::add_village: by code, the names come from the region") {
    auto log = imported_log();
    auto fields = with_code("33.01.18.2011");
    fields.phone = "0812-2600-1234";
    fields.email = "desa@sidasari.id";
    fields.note = "  pilot village  ";
    fields.add_tags = {"Pertanian", "bumdes"};
    auto v = store::add_village(log, fields);
    CHECK(v.slug == "sidasari-cipari");
    CHECK(v.name == "Sidasari");
    CHECK(v.code == "33.01.18.2011");
    CHECK(v.district == "Cipari");
    CHECK(v.regency == "Kabupaten Cilacap");
    CHECK(v.province == "Jawa Tengah");
    CHECK(v.uuid.size() == 36);
    CHECK_FALSE(v.archived);
    CHECK(v.head.empty());
    CHECK(v.phone == "+6281226001234");
    CHECK(v.email == "desa@sidasari.id");
    CHECK(v.note == "pilot village");
    CHECK(v.tags == std::vector<std::string>{"bumdes", "pertanian"});

    auto other = store::add_village(log, with_code("3301172004")); // the second Sidasari
    CHECK(other.slug == "sidasari-sampang");
    CHECK(other.code == "33.01.17.2004");

    fields = with_code("33.01.18.2001");
    fields.name = "CARUY"; // the region's name in another case is accepted
    CHECK(store::add_village(log, fields).name == "Caruy");
    fields = with_code("33.01.18.2002");
    fields.name = "Sukamaju";
    CHECK_THROWS_AS(store::add_village(log, fields), core::Invalid);
}

TEST_CASE("store::add_village: slugs") {
    auto log = imported_log();
    CHECK(store::add_village(log, named("Sukamaju")).slug == "sukamaju");
    CHECK(store::add_village(log, named("Soka'an")).slug == "sokaan");
    CHECK(store::add_village(log, named("Karanganyar", "Cipari", "Kabupaten Cilacap")).slug ==
          "karanganyar-cipari");
    CHECK(store::add_village(log, named("Karanganyar", "Cipari", "Kabupaten Cilacap")).slug ==
          "karanganyar-cipari-cilacap");
    CHECK(store::add_village(log, named("Karanganyar", "Cipari", "Kabupaten Cilacap")).slug ==
          "karanganyar-cipari-cilacap-2");

    auto fields = named("Sukamaju Baru");
    fields.slug = "sukamaju";
    CHECK_THROWS_AS(store::add_village(log, fields), core::Conflict);
    fields.slug = "sukamaju-baru-2";
    CHECK(store::add_village(log, fields).slug == "sukamaju-baru-2");
    fields.slug = "Not A Slug";
    CHECK_THROWS_AS(store::add_village(log, fields), core::Invalid);
}

TEST_CASE("store::add_village: refusals") {
    auto log = imported_log();
    store::add_village(log, with_code("33.01.18.2011"));
    CHECK_THROWS_AS(store::add_village(log, with_code("33.01.18.2011")), core::Conflict);
    CHECK_THROWS_AS(store::add_village(log, with_code("3301182011")), core::Conflict);
    CHECK_THROWS_AS(store::add_village(log, with_code("33.01.18.2099")), core::NotFound);
    CHECK_THROWS_AS(store::add_village(log, with_code("33.01.18")), core::Invalid);
    CHECK_THROWS_AS(store::add_village(log, core::VillageFields{}), core::Invalid);
    CHECK_THROWS_AS(store::add_village(log, named("   ")), core::Invalid);
    auto fields = named("Sukamaju");
    fields.email = "not-an-address";
    CHECK_THROWS_AS(store::add_village(log, fields), core::Invalid);
    CHECK(rows(log, "village") == 1);

    auto bare = Log::open_memory(); // without regions a code needs a name
    CHECK_THROWS_AS(store::add_village(bare, with_code("33.01.18.2011")), core::Invalid);
    fields = named("Sidasari", "Cipari");
    fields.code = "3301182011";
    CHECK(store::add_village(bare, fields).slug == "sidasari-cipari");
    CHECK(store::resolve_village(bare, "33.01.18.2011").district == "Cipari");
}

TEST_CASE("store::add_village: a head_since without a head adds nothing") {
    auto log = Log::open_memory();
    auto fields = named("Sukamaju");
    fields.head_since = date("2020-01-01");
    CHECK_THROWS_AS(store::add_village(log, fields), core::Invalid);
    CHECK(rows(log, "village") == 0);
}

TEST_CASE("store::add_village: a tag holding the CSV tag separator ','") {
    auto log = Log::open_memory();
    auto fields = named("Sukamaju");
    fields.add_tags = {"pupuk;organik"};
    CHECK_THROWS_AS(store::add_village(log, fields), core::Invalid);
}

TEST_CASE("store::resolve_village") {
    auto log = imported_log();
    auto cipari = store::add_village(log, with_code("33.01.18.2011"));
    auto sampang = store::add_village(log, with_code("33.01.17.2004"));
    store::add_village(log, with_code("33.01.18.2001"));

    CHECK(store::resolve_village(log, "sidasari-cipari").uuid == cipari.uuid);
    CHECK(store::resolve_village(log, " Sidasari-Cipari ").uuid == cipari.uuid);
    CHECK(store::resolve_village(log, "33.01.17.2004").uuid == sampang.uuid);
    CHECK(store::resolve_village(log, "3301172004").uuid == sampang.uuid);
    CHECK(store::resolve_village(log, "cARUY").code == "33.01.18.2001");
    CHECK_THROWS_AS(store::resolve_village(log, ""), core::Invalid);

    auto resolve = [&](const char* ref) {
        return [&log, ref] { store::resolve_village(log, ref); };
    };
    auto ambiguous = thrown<core::Ambiguous>(resolve("sidasari"));
    REQUIRE(ambiguous);
    CHECK(ambiguous->exit_code() == 1);
    CHECK(ambiguous->hints().size() == 2);
    for (const char* text :
         {"sidasari-cipari", "33.01.18.2011", "sidasari-sampang", "33.01.17.2004", "Kec. Sampang"})
        CHECK(has_hint(*ambiguous, text));
    auto near = thrown<core::NotFound>(resolve("sidasari-cipary"));
    REQUIRE(near);
    CHECK(std::string(near->what()).find("sidasari-cipary") != std::string::npos);
    CHECK(has_hint(*near, "did you mean sidasari-cipari?"));
    // A region outside the network: how to add it.
    CHECK(has_hint(thrown<core::NotFound>(resolve("3301182005")),
                   "village add --code 33.01.18.2005"));
    auto nonsense = thrown<core::NotFound>(resolve("zzzzqqqq"));
    REQUIRE(nonsense);
    CHECK_FALSE(nonsense->hints().empty());
    CHECK_FALSE(has_hint(*nonsense, "did you mean"));
}

TEST_CASE("store::edit_village") {
    auto log = imported_log();
    auto fields = with_code("33.01.18.2011");
    fields.note = "pilot";
    fields.email = "desa@sidasari.id";
    fields.add_tags = {"a", "b"};
    auto v = store::add_village(log, fields);

    core::VillageFields edit;
    edit.phone = "0812 2600 1234";
    edit.note = "";
    edit.add_tags = {"c"};
    edit.remove_tags = {"a", "absent"};
    auto edited = store::edit_village(log, v, edit);
    CHECK(edited.slug == "sidasari-cipari");
    CHECK(edited.uuid == v.uuid);
    CHECK(edited.phone == "+6281226001234");
    CHECK(edited.note.empty());
    CHECK(edited.email == "desa@sidasari.id"); // not given: kept
    CHECK(edited.tags == std::vector<std::string>{"b", "c"});
    CHECK(store::db_of(log).execAndGet("SELECT note IS NULL FROM village").getInt() == 1);

    edit = {};
    edit.slug = "sidasari-baru";
    CHECK_THROWS_AS(store::edit_village(log, edited, edit), core::Invalid);
    auto other = store::add_village(log, named("Sukamaju"));
    edit = {};
    edit.code = "33.01.18.2011";
    CHECK_THROWS_AS(store::edit_village(log, other, edit), core::Conflict);
    edit.phone = "12";
    CHECK_THROWS_AS(store::edit_village(log, edited, edit), core::Invalid);
    CHECK(store::resolve_village(log, "sidasari-cipari").phone == "+6281226001234");
}

TEST_CASE("store::list_villages and store::set_archived") {
    auto log = imported_log();
    store::import_villages_under(log, "33.01.18");
    auto sampang = store::add_village(log, with_code("33.01.17.2004"));
    auto fields = named("Sukamaju", "Kembaran", "Kabupaten Banyumas");
    fields.add_tags = {"pertanian"};
    store::add_village(log, fields);
    core::VillageFields tag;
    tag.add_tags = {"pertanian"};
    store::edit_village(log, sampang, tag);

    using Filter = store::VillageFilter;
    auto count = [&](void (*set)(Filter&)) {
        Filter filter;
        set(filter);
        return store::list_villages(log, filter).size();
    };
    CHECK(count([](Filter&) {}) == 13);
    CHECK(count([](Filter& f) { f.district = "Cipari"; }) == 11);
    CHECK(count([](Filter& f) { f.district = "cipari"; }) == 11);
    CHECK(count([](Filter& f) { f.regency = "Kabupaten Cilacap"; }) == 12);
    CHECK(count([](Filter& f) { f.regency = "Cilacap"; }) == 12);
    CHECK(count([](Filter& f) { f.regency = "cilacap"; }) == 12);
    CHECK(count([](Filter& f) { f.regency = "Banyumas"; }) == 1);
    CHECK(count([](Filter& f) { f.regency = "Cila"; }) == 0);
    CHECK(count([](Filter& f) { f.province = "jawa tengah"; }) == 12);
    CHECK(count([](Filter& f) { f.tag = "pertanian"; }) == 2);
    CHECK(count([](Filter& f) {
              f.district = "Cipari";
              f.tag = "pertanian";
          }) == 0);
    CHECK(count([](Filter& f) { f.under = "33.01.17"; }) == 1);
    CHECK(count([](Filter& f) { f.under = "33.01"; }) == 12);
    CHECK(count([](Filter& f) { f.under = "33.01.1"; }) == 0);
    CHECK(count([](Filter& f) { f.limit = 5; }) == 5);

    Filter first_two;
    first_two.district = "Cipari";
    first_two.limit = 2;
    CHECK(slugs_of(store::list_villages(log, first_two)) ==
          std::vector<std::string>{"caruy-cipari", "cipari-cipari"}); // by name

    store::set_archived(log, store::resolve_village(log, "caruy-cipari"), true);
    CHECK(store::resolve_village(log, "caruy-cipari").archived);
    CHECK(slugs_of(store::list_villages(log, first_two)) ==
          std::vector<std::string>{"cipari-cipari", "cisuru-cipari"});
    CHECK(count([](Filter&) {}) == 12);
    CHECK(count([](Filter& f) { f.archived = true; }) == 13);
    store::set_archived(log, store::resolve_village(log, "caruy-cipari"), false);
    CHECK(count([](Filter&) {}) == 13);
}

TEST_CASE("store::add_head and store::village_heads") {
    auto log = imported_log();
    auto v = store::add_village(log, with_code("33.01.18.2011"));
    store::add_head(log, v, "Budi Santoso", date("2019-06-01"));
    store::add_head(log, v, "Siti Aminah", date("2025-06-01"));
    store::add_head(log, v, "Ahmad", date("2013-06-01")); // back-filled
    auto heads = store::village_heads(log, v);
    REQUIRE(heads.size() == 3);
    CHECK(heads[0].name == "Ahmad");
    CHECK(heads[1].name == "Budi Santoso");
    CHECK(heads[2].name == "Siti Aminah");
    CHECK(heads[2].since == date("2025-06-01"));
    auto now = store::resolve_village(log, "sidasari-cipari");
    CHECK(now.head == "Siti Aminah");
    CHECK(now.head_since == date("2025-06-01"));
    CHECK_THROWS_AS(store::add_head(log, v, "Another", date("2019-06-01")), core::Conflict);
    CHECK_THROWS_AS(store::add_head(log, v, "  ", date("2020-06-01")), core::Invalid);
    CHECK(store::village_heads(log, v).size() == 3);

    core::VillageFields fix; // edit corrects the current head's entry, adds none
    fix.head = "Siti Aminah, S.Pd.";
    CHECK(store::edit_village(log, now, fix).head == "Siti Aminah, S.Pd.");
    heads = store::village_heads(log, v);
    REQUIRE(heads.size() == 3);
    CHECK(heads[2].name == "Siti Aminah, S.Pd.");
    CHECK(heads[2].since == date("2025-06-01"));

    auto fields = named("Sukamaju"); // a head without a date counts as the oldest
    fields.head = "Undated";
    auto w = store::add_village(log, fields);
    store::add_head(log, w, "Dated", date("2020-01-01"));
    CHECK(store::resolve_village(log, "sukamaju").head == "Dated");
    CHECK(store::village_heads(log, w).front().name == "Undated");
}

TEST_CASE("store::set_index and store::village_index") {
    auto log = imported_log();
    auto v = store::add_village(log, with_code("33.01.18.2011"));
    using core::IndexKind;
    auto idm = [](double score) { return core::make_index_score(IndexKind::idm, score, {}); };
    CHECK_FALSE(store::set_index(log, v, 2024, idm(0.65)));
    CHECK(store::set_index(log, v, 2024, idm(0.72)));
    CHECK_FALSE(store::set_index(log, v, 2022, idm(0.45)));
    CHECK_FALSE(store::set_index(
        log, v, 2024, core::make_index_score(IndexKind::id, 61.5, core::DevStatus::berkembang)));
    auto index = store::village_index(log, v); // by year, then kind
    REQUIRE(index.size() == 3);
    CHECK(index[0].year == 2022);
    CHECK(index[0].score.status == core::DevStatus::sangat_tertinggal);
    CHECK(index[1].year == 2024);
    CHECK(index[1].score.kind == IndexKind::id);
    CHECK(index[2].year == 2024);
    CHECK(index[2].score.score == doctest::Approx(0.72)); // replaced
    CHECK(index[2].score.status == core::DevStatus::maju);
}

TEST_CASE("store::remove_village: heads, tags and index go with it") {
    auto log = imported_log();
    auto fields = with_code("33.01.18.2011");
    fields.add_tags = {"a", "b"};
    fields.head = "Budi";
    auto v = store::add_village(log, fields);
    store::set_index(log, v, 2024, core::make_index_score(core::IndexKind::idm, 0.7, {}));
    auto keep_fields = with_code("33.01.18.2001");
    keep_fields.add_tags = {"a"};
    auto keep = store::add_village(log, keep_fields);
    store::add_head(log, keep, "Siti", date("2020-01-01"));

    store::remove_village(log, v);
    CHECK_THROWS_AS(store::resolve_village(log, "sidasari-cipari"), core::NotFound);
    CHECK(rows(log, "village") == 1);
    CHECK(rows(log, "village_tag") == 1);
    CHECK(rows(log, "village_head") == 1);
    CHECK(rows(log, "village_index") == 0);
    CHECK(store::resolve_village(log, "caruy-cipari").tags == std::vector<std::string>{"a"});
    // The code is free again.
    CHECK(store::add_village(log, with_code("33.01.18.2011")).slug == "sidasari-cipari");
}

TEST_CASE("store::import_villages_under") {
    auto log = imported_log();
    auto first = store::import_villages_under(log, "33.01.18");
    CHECK(first.added == 11);
    CHECK(first.existing == 0);
    auto second = store::import_villages_under(log, "330118");
    CHECK(second.added == 0);
    CHECK(second.existing == 11);
    CHECK(store::resolve_village(log, "33.01.18.2011").slug == "sidasari-cipari");
    CHECK(store::resolve_village(log, "33.01.18.2005").slug == "cipari-cipari");

    auto more = store::import_villages_under(log, "33.01.17");
    CHECK(more.added == 10);
    CHECK(store::resolve_village(log, "33.01.17.2004").slug == "sidasari-sampang");
    CHECK(store::import_villages_under(log, "33.01.17.2004").existing == 1);

    CHECK_THROWS_AS(store::import_villages_under(log, "99"), core::NotFound);
    CHECK_THROWS_AS(store::import_villages_under(log, "cipari"), core::Invalid);
    auto empty = Log::open_memory();
    CHECK_THROWS_AS(store::import_villages_under(empty, "33.01.18"), core::NotFound);
}

TEST_CASE("store::import_villages_csv") {
    TempDir dir;
    auto file = write_csv(
        dir.path / "villages.csv",
        "desa-sidasari,1b4e28ba-2fa1-11d2-883f-0016d3cca427,Sidasari,33.01.18.2011,Cipari,"
        "Kabupaten Cilacap,Jawa Tengah,Budi Santoso,2019-06-01,'+6281226001234,"
        "desa@sidasari.id,a;b,\"Pilot, since 2024\",false\r\n"
        "sukamaju-lama,6fa459ea-ee8a-3ca4-894e-db77e160355e,Sukamaju,,Kembaran,"
        "Kabupaten Banyumas,Jawa Tengah,,,,,,,true\r\n");
    auto log = imported_log();
    auto first = store::import_villages_csv(log, file);
    CHECK(first.added == 2);
    CHECK(first.existing == 0);

    auto v = store::resolve_village(log, "33.01.18.2011");
    CHECK(v.slug == "desa-sidasari");
    CHECK(v.uuid == "1b4e28ba-2fa1-11d2-883f-0016d3cca427");
    CHECK(v.phone == "+6281226001234");
    CHECK(v.email == "desa@sidasari.id");
    CHECK(v.tags == std::vector<std::string>{"a", "b"});
    CHECK(v.note == "Pilot, since 2024");
    CHECK(v.head == "Budi Santoso");
    CHECK(v.head_since == date("2019-06-01"));
    CHECK(v.district == "Cipari");
    CHECK_FALSE(v.archived);

    auto w = store::resolve_village(log, "sukamaju-lama");
    CHECK(w.uuid == "6fa459ea-ee8a-3ca4-894e-db77e160355e");
    CHECK(w.district == "Kembaran");
    CHECK(w.regency == "Kabupaten Banyumas");
    CHECK(w.archived);

    auto second = store::import_villages_csv(log, file);
    CHECK(second.added == 0);
    CHECK(second.existing == 2);
    CHECK(rows(log, "village") == 2);
}

TEST_CASE("store::import_villages_csv: refusals") {
    TempDir dir;
    auto log = imported_log();
    CHECK_THROWS_AS(store::import_villages_csv(log, dir.path / "missing.csv"), core::Invalid);
    auto file = write_csv(dir.path / "bad.csv", "x,,Sukamaju,,,,,,2019-02-30,,,,,false\n");
    auto bad = thrown<core::Invalid>([&] { store::import_villages_csv(log, file); });
    REQUIRE(bad);
    CHECK(std::string(bad->what()).find("bad.csv: 2") != std::string::npos);
    {
        std::ofstream out(file, std::ios::binary);
        out << "id,code\nsidasari,33.01.18.2011\n";
    }
    CHECK_THROWS_AS(store::import_villages_csv(log, file), core::Invalid);
}

TEST_CASE("store::import_villages_csv: a coded row keeps its names without regions") {
    TempDir dir;
    auto file = write_csv(dir.path / "villages.csv",
                          "sidasari-cipari,1b4e28ba-2fa1-11d2-883f-0016d3cca427,Sidasari,"
                          "33.01.18.2011,Cipari,Kabupaten Cilacap,Jawa Tengah,,,,,,,false\n");
    auto log = Log::open_memory(); // no regions
    CHECK(store::import_villages_csv(log, file).added == 1);
    auto v = store::resolve_village(log, "sidasari-cipari");
    CHECK(v.district == "Cipari");
    CHECK(v.regency == "Kabupaten Cilacap");
    CHECK(v.province == "Jawa Tengah");
}
