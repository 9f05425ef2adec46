#include "core/error.hpp"
#include "core/slug.hpp"

#include <doctest/doctest.h>

#include <set>

using namespace kades::core;

TEST_CASE("core::slugify") {
    CHECK(slugify("Sidasari") == "sidasari");
    CHECK(slugify("Soka'an") == "sokaan");
    CHECK(slugify("Soka\u2019an") == "sokaan");
    CHECK(slugify("Soka\u2018an") == "sokaan");
    CHECK(slugify("Lubuk Pakam I,II") == "lubuk-pakam-i-ii");
    CHECK(slugify("Lambang Sari I, II, III") == "lambang-sari-i-ii-iii");
    CHECK(slugify("  --Kota  Baru--  ") == "kota-baru");
    CHECK(slugify("Desa (Lama) 2") == "desa-lama-2");
    CHECK(slugify("Caf\u00e9 M\u00fcnchen") == "cafe-munchen");
    CHECK(slugify("\u00c0\u00c9\u00ce\u00d5\u00dc\u00d1\u00c7") == "aeiounc");
    CHECK(slugify("Stra\u00dfe") == "strasse");
    CHECK(slugify("\u00c6sir") == "aesir");
    CHECK(slugify("\u0141\u00f3d\u017a") == "lodz");
    CHECK(slugify("\u0160ibenik \u010cakovec") == "sibenik-cakovec");
    CHECK(slugify("\u0152uvre") == "oeuvre");
    CHECK(slugify("2\u00d73") == "2-3"); // × separates
    CHECK(slugify("caf\xE9") == "caf");  // invalid UTF-8 is a separator
    CHECK(slugify("Bandung \u6771") == "bandung");
    CHECK(slugify("").empty());
    CHECK(slugify("'''").empty());
    CHECK(slugify("---").empty());
}

TEST_CASE("core::make_village_slug") {
    std::set<std::string> taken;
    auto is_taken = [&](const std::string& slug) { return taken.count(slug) > 0; };

    CHECK(make_village_slug("Sidasari", "Cipari", "Kabupaten Cilacap", is_taken) ==
          "sidasari-cipari");
    taken.insert("sidasari-cipari");
    CHECK(make_village_slug("Sidasari", "Cipari", "Kabupaten Cilacap", is_taken) ==
          "sidasari-cipari-cilacap");
    taken.insert("sidasari-cipari-cilacap");
    CHECK(make_village_slug("Sidasari", "Cipari", "Kabupaten Cilacap", is_taken) ==
          "sidasari-cipari-cilacap-2");
    taken.insert("sidasari-cipari-cilacap-2");
    CHECK(make_village_slug("Sidasari", "Cipari", "Kabupaten Cilacap", is_taken) ==
          "sidasari-cipari-cilacap-3");

    SUBCASE("a Kota keeps its word") {
        CHECK(make_village_slug("Sidasari", "Cipari", "Kota Cilacap", is_taken) ==
              "sidasari-cipari-kota-cilacap");
    }
    SUBCASE("without a regency the number comes next") {
        CHECK(make_village_slug("Sidasari", "Cipari", "", is_taken) == "sidasari-cipari-2");
    }
    SUBCASE("without a kecamatan, the name alone") {
        CHECK(make_village_slug("Soka'an", "", "", is_taken) == "sokaan");
        taken.insert("sokaan");
        CHECK(make_village_slug("Soka'an", "", "Kabupaten Pamekasan", is_taken) ==
              "sokaan-pamekasan");
    }
    SUBCASE("a name with nothing to slug is refused") {
        CHECK_THROWS_WITH_AS(make_village_slug("!!", "Cipari", "", is_taken),
                             doctest::Contains("'!!'"), Invalid);
    }
}

TEST_CASE("core::validate_slug") {
    for (const char* good : {"sidasari-cipari", "a", "desa-2", "2-desa", "x1"}) {
        CAPTURE(good);
        CHECK_NOTHROW(validate_slug(good));
    }
    CHECK_NOTHROW(validate_slug(std::string(64, 'a')));
    CHECK_THROWS_AS(validate_slug(std::string(65, 'a')), Invalid);
    for (const char* bad : {"", "Sidasari", "sidasari--cipari", "-sidasari", "sidasari-",
                            "sida sari", "sida_sari", "sok\u00e1an", "3301182011", "33-01", "-"}) {
        CAPTURE(bad);
        CHECK_THROWS_AS(validate_slug(bad), Invalid);
    }
    CHECK_THROWS_WITH_AS(validate_slug("Sidasari"), doctest::Contains("'Sidasari'"), Invalid);
}
