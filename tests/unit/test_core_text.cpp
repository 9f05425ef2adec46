#include "core/error.hpp"
#include "core/text.hpp"

#include <doctest/doctest.h>

using namespace kades::core;

TEST_CASE("core::is_valid_utf8") {
    CHECK(is_valid_utf8(""));
    CHECK(is_valid_utf8("Sidasari"));
    CHECK(is_valid_utf8("Soka\u2019an"));
    CHECK(is_valid_utf8("caf\u00e9"));
    CHECK(is_valid_utf8("\U0001F600"));
    CHECK(is_valid_utf8("\xF4\x8F\xBF\xBF"));       // U+10FFFF
    CHECK(is_valid_utf8("\xED\x9F\xBF"));           // U+D7FF, just below the surrogates
    CHECK_FALSE(is_valid_utf8("\xC3"));             // truncated
    CHECK_FALSE(is_valid_utf8("\xE2\x80"));         // truncated
    CHECK_FALSE(is_valid_utf8("\x80"));             // lone continuation
    CHECK_FALSE(is_valid_utf8("\xC0\xAF"));         // overlong '/'
    CHECK_FALSE(is_valid_utf8("\xC1\xBF"));         // overlong
    CHECK_FALSE(is_valid_utf8("\xE0\x80\xAF"));     // overlong
    CHECK_FALSE(is_valid_utf8("\xF0\x80\x80\xAF")); // overlong
    CHECK_FALSE(is_valid_utf8("\xED\xA0\x80"));     // U+D800 surrogate
    CHECK_FALSE(is_valid_utf8("\xED\xBF\xBF"));     // U+DFFF surrogate
    CHECK_FALSE(is_valid_utf8("\xF4\x90\x80\x80")); // U+110000
    CHECK_FALSE(is_valid_utf8("\xF5\x80\x80\x80"));
    CHECK_FALSE(is_valid_utf8("\xFF"));
    CHECK_FALSE(is_valid_utf8("ab\xC3(cd")); // bad continuation
    CHECK_FALSE(is_valid_utf8("caf\xE9"));   // Latin-1, not UTF-8
}

TEST_CASE("core::ascii_lower") {
    CHECK(ascii_lower("Sidasari CIPARI 33") == "sidasari cipari 33");
    CHECK(ascii_lower("\u00c9cole") == "\u00c9cole"); // non-ASCII bytes left alone
    CHECK(ascii_lower("").empty());
}

TEST_CASE("core::trim") {
    CHECK(trim("  Sidasari \t\r\n") == "Sidasari");
    CHECK(trim("a b") == "a b");
    CHECK(trim(" \t ").empty());
    CHECK(trim("").empty());
    CHECK(trim("\u00a0x\u00a0") == "\u00a0x\u00a0"); // only ASCII whitespace
}

TEST_CASE("core::iequals") {
    CHECK(iequals("Sidasari", "SIDASARI"));
    CHECK(iequals("", ""));
    CHECK_FALSE(iequals("Sidasari", "Sidasar"));
    CHECK_FALSE(iequals("Sidasari", "Sidasaru"));
    CHECK_FALSE(iequals("[", "{")); // not folded by a blind bit flip
}

TEST_CASE("core::edit_distance") {
    CHECK(edit_distance("", "") == 0);
    CHECK(edit_distance("abc", "") == 3);
    CHECK(edit_distance("", "abc") == 3);
    CHECK(edit_distance("kitten", "sitting") == 3);
    CHECK(edit_distance("village", "vilage") == 1);
    CHECK(edit_distance("meeting", "meeting") == 0);
    CHECK(edit_distance("flaw", "lawn") == 2);
    CHECK(edit_distance("ab", "ba") == 2);
}

TEST_CASE("core::clean_field") {
    CHECK(clean_field("  Pak Darto  ", "head") == "Pak Darto");
    CHECK(clean_field("", "note").empty());
    CHECK_THROWS_WITH_AS(clean_field("caf\xE9", "note"),
                         doctest::Contains("note is not valid UTF-8 text"), Invalid);
}
