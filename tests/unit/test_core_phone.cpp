#include "core/error.hpp"
#include "core/phone.hpp"

#include <doctest/doctest.h>

using namespace kades::core;

TEST_CASE("core::normalize_phone") {
    CHECK(normalize_phone("081234567890") == "+6281234567890");
    CHECK(normalize_phone("0812-3456-7890") == "+6281234567890");
    CHECK(normalize_phone("0812 3456 7890") == "+6281234567890");
    CHECK(normalize_phone("(0282) 123.456") == "+62282123456");
    CHECK(normalize_phone("6281234567890") == "+6281234567890");
    CHECK(normalize_phone("+62 812 3456 7890") == "+6281234567890");
    CHECK(normalize_phone("+31 20 123 4567") == "+31201234567");
    CHECK(normalize_phone("+12345678") == "+12345678");               // 8 digits
    CHECK(normalize_phone("+123456789012345") == "+123456789012345"); // 15 digits
    for (const char* bad : {"", "   ", "+1234567", "+1234567890123456", "0812-ABC-7890",
                            "812345678", "+62 0812 3456 7890", "00812345678", "+0812345678",
                            "++6281234567", "0812345678x", "phone"}) {
        CAPTURE(bad);
        CHECK_THROWS_AS(normalize_phone(bad), Invalid);
    }
    CHECK_THROWS_WITH_AS(normalize_phone("12-34"),
                         "phone number '12-34' is not valid: use 0812..., 62812... or +62812...",
                         Invalid);
}

TEST_CASE("core::validate_email") {
    CHECK(validate_email("desa.sidasari@gmail.com") == "desa.sidasari@gmail.com");
    CHECK(validate_email("  kades@sidasari.desa.id \n") == "kades@sidasari.desa.id");
    for (const char* bad :
         {"", "kades", "kades@", "@sidasari.id", "kades@@sidasari.id", "a@b@sidasari.id",
          "kades@sidasari", "kades@.sidasari.id", "kades@sidasari.id.", "kades @sidasari.id",
          "kades@sidasari..id", "kades@sida\tsari.id"}) {
        CAPTURE(bad);
        CHECK_THROWS_AS(validate_email(bad), Invalid);
    }
    CHECK_THROWS_WITH_AS(validate_email("kades@desa"), doctest::Contains("'kades@desa'"), Invalid);
}
