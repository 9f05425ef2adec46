// Tests of src/store/region.cpp: importing the Kemendagri regions and finding them.

#include "core/error.hpp"
#include "core/region.hpp"
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
#include <iterator>
#include <string>

using namespace kades;
using core::RegionLevel;
using store::Log;
using store::OpenMode;

namespace {
namespace fs = std::filesystem;
using kades::test::TempDir;

fs::path wilayah_dir() {
    return fs::path(__FILE__).parent_path().parent_path() / "data" / "wilayah";
}

std::string read_text(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void write_text(const fs::path& file, const std::string& text) {
    std::ofstream out(file, std::ios::binary);
    out << text;
}

// Rows below the header (the extract has no line breaks inside quotes).
long data_rows(const char* name) {
    std::ifstream in(wilayah_dir() / name);
    long lines = 0;
    for (std::string line; std::getline(in, line);)
        lines += line.empty() ? 0 : 1;
    return lines - 1;
}

// A copy of the test extract in dir with one text replaced in one file.
fs::path edited_copy(const TempDir& dir, const char* file, const std::string& from,
                     const std::string& to) {
    auto copy = dir.path / "wilayah";
    fs::create_directories(copy);
    for (const char* name : {"provinces.csv", "regencies.csv", "districts.csv", "villages.csv"})
        fs::copy_file(wilayah_dir() / name, copy / name, fs::copy_options::overwrite_existing);
    auto text = read_text(copy / file);
    auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    text.replace(at, from.size(), to);
    write_text(copy / file, text);
    return copy;
}

// Every region and network village, to compare a log before and after.
std::string dump(Log& log) {
    auto& db = store::db_of(log);
    std::string out;
    for (const char* sql : {"SELECT code || '|' || level || '|' || ifnull(parent, '') || '|' || "
                            "name FROM region ORDER BY code",
                            "SELECT slug || '|' || name || '|' || ifnull(district, '') FROM "
                            "village ORDER BY slug"}) {
        SQLite::Statement stmt(db, sql);
        while (stmt.executeStep())
            out += stmt.getColumn(0).getString() + "\n";
    }
    return out;
}

core::VillageFields with_code(const std::string& code) {
    core::VillageFields fields;
    fields.code = code;
    return fields;
}

Log imported_log() {
    auto log = Log::open_memory();
    store::import_regions(log, wilayah_dir());
    return log;
}

} // namespace

TEST_CASE("store::import_regions: the test extract") {
    auto log = Log::open_memory();
    auto first = store::import_regions(log, wilayah_dir());
    CHECK(first.provinces == 38);
    CHECK(first.provinces == data_rows("provinces.csv"));
    CHECK(first.regencies == data_rows("regencies.csv"));
    CHECK(first.districts == data_rows("districts.csv"));
    CHECK(first.villages == data_rows("villages.csv"));
    long total = first.provinces + first.regencies + first.districts + first.villages;
    CHECK(total == 356);
    CHECK(first.added == total);
    CHECK(first.renamed == 0);
    CHECK(first.network_renamed == 0);
    CHECK(store::count_regions(log) == total);

    auto second = store::import_regions(log, wilayah_dir());
    CHECK(second.villages == first.villages);
    CHECK(second.added == 0);
    CHECK(second.renamed == 0);
    CHECK(second.network_renamed == 0);
    CHECK(store::count_regions(log) == total);
}

TEST_CASE("store::import_regions: a renamed village, and the network village takes the name") {
    auto log = imported_log();
    auto village = store::add_village(log, with_code("33.01.18.2011"));
    REQUIRE(village.slug == "sidasari-cipari");
    TempDir dir;
    auto copy = edited_copy(dir, "villages.csv", "33.01.18.2011,33.01.18,Sidasari\n",
                            "33.01.18.2011,33.01.18,Sidasari Baru\n");
    auto result = store::import_regions(log, copy);
    CHECK(result.added == 0);
    CHECK(result.renamed == 1);
    CHECK(result.network_renamed == 1);
    CHECK(store::find_region(log, "33.01.18.2011")->name == "Sidasari Baru");
    auto renamed = store::resolve_village(log, "sidasari-cipari");
    CHECK(renamed.name == "Sidasari Baru");
    CHECK(renamed.slug == "sidasari-cipari");
    CHECK(renamed.uuid == village.uuid);
    // The other Sidasari is untouched.
    CHECK(store::find_region(log, "33.01.17.2004")->name == "Sidasari");
}

TEST_CASE("store::import_regions: a renamed district reaches the network villages under it") {
    auto log = imported_log();
    store::import_villages_under(log, "33.01.18");
    TempDir dir;
    auto copy = edited_copy(dir, "districts.csv", "33.01.18,33.01,Cipari\n",
                            "33.01.18,33.01,Cipari Raya\n");
    auto result = store::import_regions(log, copy);
    CHECK(result.renamed == 1);
    CHECK(result.network_renamed == 11);
    store::VillageFilter filter;
    filter.district = "Cipari Raya";
    CHECK(store::list_villages(log, filter).size() == 11);
    CHECK(store::find_region(log, "33.01.18.2011")->district == "Cipari Raya");
    CHECK(store::resolve_village(log, "sidasari-cipari").district == "Cipari Raya");
}

TEST_CASE("store::import_regions: a malformed copy is refused and changes nothing") {
    TempDir dir;
    auto path = dir.path / "kades.db";
    {
        auto log = Log::open(path, OpenMode::write);
        store::import_regions(log, wilayah_dir());
        store::add_village(log, with_code("33.01.18.2011"));
        log.commit();
    }
    std::string before;
    {
        auto log = Log::open(path, OpenMode::read);
        before = dump(log);
    }
    struct Case {
        const char* label;
        const char* file;
        std::string from, to;
        const char* in_message;
    };
    for (const Case& c : {
             Case{"wrong header", "districts.csv", "code,regency_code,name",
                  "kode,kode_kabupaten,nama", "districts.csv"},
             Case{"not under its district", "villages.csv", "33.01.18.2011,33.01.18,",
                  "33.01.18.2011,33.01.17,", "villages.csv: line 252"},
             Case{"unclosed quote", "villages.csv", "53.07.01.2021,53.07.01,",
                  "53.07.01.2021,53.07.01,\"", "villages.csv"},
             Case{"undotted code", "villages.csv", "33.01.18.2011,", "3301182011,",
                  "villages.csv: line 252"},
             Case{"wrong level", "districts.csv", "33.01.18,", "33.01.18.2011,", "districts.csv"},
             Case{"missing field", "villages.csv", "33.01.18.2011,33.01.18,Sidasari",
                  "33.01.18.2011,33.01.18", "villages.csv: line 252"},
         }) {
        CAPTURE(c.label);
        TempDir copy_dir;
        // A rename in an earlier file, so that a partial import would show.
        auto copy = edited_copy(copy_dir, "provinces.csv", "33,Jawa Tengah", "33,Jawa Tengah Baru");
        auto text = read_text(copy / c.file);
        auto at = text.find(c.from);
        REQUIRE(at != std::string::npos);
        write_text(copy / c.file, text.replace(at, c.from.size(), c.to));
        {
            auto log = Log::open(path, OpenMode::write);
            try {
                store::import_regions(log, copy);
                FAIL("a malformed copy was imported");
            } catch (const core::Invalid& e) {
                CHECK(e.exit_code() == 1);
                CHECK(std::string(e.what()).find(c.in_message) != std::string::npos);
            }
        } // dropped without commit
        auto log = Log::open(path, OpenMode::read);
        CHECK(dump(log) == before);
        CHECK(store::find_region(log, "33")->name == "Jawa Tengah");
    }
}

TEST_CASE("store::import_regions: a folder without the files") {
    TempDir dir;
    auto log = Log::open_memory();
    CHECK_THROWS_AS(store::import_regions(log, dir.path), core::Invalid);
    CHECK(store::count_regions(log) == 0);
}

TEST_CASE("store::list_regions") {
    auto log = imported_log();
    store::RegionFilter filter;

    SUBCASE("no filter: every region, by code") {
        auto all = store::list_regions(log, filter);
        CHECK(static_cast<long>(all.size()) == store::count_regions(log));
        CHECK(all.front().code == "11");
        for (std::size_t i = 1; i < all.size(); ++i)
            CHECK(all[i - 1].code < all[i].code);
    }
    SUBCASE("under a district: its villages, not itself") {
        filter.under = "33.01.18";
        auto found = store::list_regions(log, filter);
        CHECK(found.size() == 11);
        for (const auto& r : found) {
            CHECK(r.code.rfind("33.01.18.", 0) == 0);
            CHECK(r.level == RegionLevel::village);
        }
    }
    SUBCASE("under a regency, with a level") {
        filter.under = "33.01";
        auto found = store::list_regions(log, filter);
        CHECK(found.size() == 24 + 284);
        filter.level = RegionLevel::district;
        found = store::list_regions(log, filter);
        CHECK(found.size() == 24);
        CHECK(found.front().code == "33.01.01");
        CHECK(found.front().regency == "Kabupaten Cilacap");
    }
    SUBCASE("under a province does not reach a neighbour sharing its digits") {
        filter.under = "3";
        CHECK(store::list_regions(log, filter).empty());
    }
    SUBCASE("a level") {
        filter.level = RegionLevel::province;
        CHECK(store::list_regions(log, filter).size() == 38);
        filter.level = RegionLevel::district;
        CHECK(store::list_regions(log, filter).size() == 27);
    }
    SUBCASE("a name, case-insensitive: both Sidasari with their kecamatan") {
        filter.level = RegionLevel::village;
        filter.name = "SIDASARI";
        auto found = store::list_regions(log, filter);
        REQUIRE(found.size() == 2);
        CHECK(found[0].code == "33.01.17.2004");
        CHECK(found[0].district == "Sampang");
        CHECK(found[1].code == "33.01.18.2011");
        CHECK(found[1].district == "Cipari");
        filter.name = "dasar"; // a substring
        CHECK(store::list_regions(log, filter).size() == 2);
    }
    SUBCASE("% and _ in the name are literal") {
        filter.name = "Sidas_ri";
        CHECK(store::list_regions(log, filter).empty());
        filter.name = "Sida%ari";
        CHECK(store::list_regions(log, filter).empty());
        filter.name = "i,ii";
        CHECK(store::list_regions(log, filter).size() == 1);
        store::db_of(log).exec("INSERT INTO region (code, level, parent, name) VALUES "
                               "('53.07.01.2099', 'village', '53.07.01', 'Desa 50%_Maju')");
        filter.name = "50%_m";
        auto found = store::list_regions(log, filter);
        REQUIRE(found.size() == 1);
        CHECK(found[0].code == "53.07.01.2099");
        filter.name = "\\";
        CHECK(store::list_regions(log, filter).empty());
    }
    SUBCASE("a limit") {
        filter.limit = 3;
        auto found = store::list_regions(log, filter);
        REQUIRE(found.size() == 3);
        CHECK(found[0].code == "11");
        filter.level = RegionLevel::village;
        filter.under = "33.01.18";
        found = store::list_regions(log, filter);
        REQUIRE(found.size() == 3);
        CHECK(found[0].code == "33.01.18.2001");
    }
}

TEST_CASE("store::find_region") {
    auto log = imported_log();
    auto village = store::find_region(log, "33.01.18.2011");
    REQUIRE(village);
    CHECK(village->level == RegionLevel::village);
    CHECK(village->name == "Sidasari");
    CHECK(village->parent == "33.01.18");
    CHECK(village->district == "Cipari");
    CHECK(village->regency == "Kabupaten Cilacap");
    CHECK(village->province == "Jawa Tengah");

    auto district = store::find_region(log, "33.01.18");
    REQUIRE(district);
    CHECK(district->level == RegionLevel::district);
    CHECK(district->name == "Cipari");
    CHECK(district->parent == "33.01");
    CHECK(district->district.empty());
    CHECK(district->regency == "Kabupaten Cilacap");
    CHECK(district->province == "Jawa Tengah");

    auto province = store::find_region(log, "33");
    REQUIRE(province);
    CHECK(province->level == RegionLevel::province);
    CHECK(province->parent.empty());
    CHECK(province->province.empty());

    auto quoted = store::find_region(log, "12.07.28.1007");
    REQUIRE(quoted);
    CHECK(quoted->name == "Lubuk Pakam I,II");

    CHECK_FALSE(store::find_region(log, "33.01.18.2099"));
    CHECK_FALSE(store::find_region(log, "3301182011")); // dotted codes only
}
