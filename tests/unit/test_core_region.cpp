#include "core/error.hpp"
#include "core/region.hpp"
#include "core/village.hpp"

#include <doctest/doctest.h>

using namespace kades::core;

TEST_CASE("core::parse_region_code") {
    struct Case {
        const char* text;
        const char* dotted;
        RegionLevel level;
    };
    for (const Case& c : {
             Case{"33", "33", RegionLevel::province},
             Case{"33.01", "33.01", RegionLevel::regency},
             Case{"3301", "33.01", RegionLevel::regency},
             Case{"33.01.18", "33.01.18", RegionLevel::district},
             Case{"330118", "33.01.18", RegionLevel::district},
             Case{"33.01.18.2011", "33.01.18.2011", RegionLevel::village},
             Case{"3301182011", "33.01.18.2011", RegionLevel::village},
         }) {
        CAPTURE(c.text);
        auto code = parse_region_code(c.text);
        REQUIRE(code);
        CHECK(code->dotted == c.dotted);
        CHECK(code->level == c.level);
    }
    for (const char* bad : {"", "3", "333", "33.1", "33.01.1", "33.01.18.201", "33.01.18.20111",
                            "33011820", "33011820111", "33.01.18.2011.1", "33..01", ".33", "33.",
                            "33.0a", "sidasari", "33-01", "33011 8", "330118.2011"}) {
        CAPTURE(bad);
        CHECK_FALSE(parse_region_code(bad));
    }
}

TEST_CASE("core::parse_region_level") {
    CHECK(parse_region_level("province") == RegionLevel::province);
    CHECK(parse_region_level("Provinsi") == RegionLevel::province);
    CHECK(parse_region_level("regency") == RegionLevel::regency);
    CHECK(parse_region_level("kabupaten") == RegionLevel::regency);
    CHECK(parse_region_level("kota") == RegionLevel::regency);
    CHECK(parse_region_level("DISTRICT") == RegionLevel::district);
    CHECK(parse_region_level("kecamatan") == RegionLevel::district);
    CHECK(parse_region_level("village") == RegionLevel::village);
    CHECK(parse_region_level("desa") == RegionLevel::village);
    CHECK(parse_region_level("kelurahan") == RegionLevel::village);
    CHECK_THROWS_WITH_AS(parse_region_level("city"),
                         "level 'city' is not known: use province, regency, district or village",
                         Invalid);
    CHECK_THROWS_AS(parse_region_level(""), Invalid);
    for (auto level :
         {RegionLevel::province, RegionLevel::regency, RegionLevel::district, RegionLevel::village})
        CHECK(parse_region_level(region_level_key(level)) == level);
    CHECK(region_level_key(RegionLevel::regency) == "regency");
}

TEST_CASE("core::village_kind") {
    CHECK(village_kind("33.01.18.2011") == "desa");
    CHECK(village_kind("12.07.28.1007") == "kelurahan");
    CHECK(village_kind("51.03.01.3001") == "desa adat");
    CHECK(village_kind("33.01.18.4001") == "");
    CHECK(village_kind("33.01.18") == "");
    CHECK(village_kind("").empty());
}

TEST_CASE("core::normalize_tag") {
    CHECK(normalize_tag("BUMDes") == "bumdes");
    CHECK(normalize_tag("  pertanian ") == "pertanian");
    CHECK(normalize_tag("air-bersih") == "air-bersih");
    CHECK(normalize_tag("Kop\u00c9") == "kop\u00c9"); // non-ASCII left as it is
    CHECK(normalize_tag(std::string(40, 'a')) == std::string(40, 'a'));
    CHECK_THROWS_AS(normalize_tag(std::string(41, 'a')), Invalid);
    for (const char* bad :
         {"", "   ", "air bersih", "air,bersih", "air\tbersih", "a\x1b[31m", "caf\xE9"}) {
        CAPTURE(bad);
        CHECK_THROWS_AS(normalize_tag(bad), Invalid);
    }
    CHECK_THROWS_WITH_AS(normalize_tag("air bersih"), doctest::Contains("'air bersih'"), Invalid);
}
