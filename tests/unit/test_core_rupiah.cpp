// Tests of src/core/rupiah.cpp: amounts of Rupiah as people write them, and every amount
// that is refused, with the value named.

#include "core/error.hpp"
#include "core/rupiah.hpp"

#include <doctest/doctest.h>

#include <string>
#include <utility>
#include <vector>

using namespace kades;
using core::parse_rupiah;

namespace {

// The message of the Invalid that parse_rupiah throws, or "" when it reads an amount.
std::string refusal(const std::string& text) {
    try {
        parse_rupiah(text);
    } catch (const core::Invalid& e) {
        return e.what();
    }
    return "";
}

bool has(const std::string& text, const std::string& needle) {
    return text.find(needle) != std::string::npos;
}

void check_all(const std::vector<std::pair<std::string, core::Rupiah>>& cases) {
    for (const auto& [text, amount] : cases) {
        INFO(text);
        CHECK(parse_rupiah(text) == amount);
    }
}

} // namespace

TEST_CASE("core::parse_rupiah reads whole Rupiah, grouped by dots or commas") {
    check_all({{"1500000", 1'500'000},
               {"  1500000 ", 1'500'000},
               {"1.500.000", 1'500'000},
               {"1,500,000", 1'500'000},
               {"1.500", 1'500},
               {"1,500", 1'500},
               {"2.000", 2'000},
               {"999", 999},
               {"0", 0},
               {"000", 0},
               {"25.000.000", 25'000'000},
               {"1.000.000.000", 1'000'000'000}});
}

TEST_CASE("core::parse_rupiah takes Rp and IDR before, rupiah and ,- after") {
    check_all({{"Rp 1.500.000", 1'500'000},
               {"Rp1.500.000", 1'500'000},
               {"Rp. 1.500.000", 1'500'000},
               {"RP 1.500.000", 1'500'000},
               {"rp 25.000.000", 25'000'000},
               {"IDR 1,500,000", 1'500'000},
               {"IDR1500000", 1'500'000},
               {"1.500.000 IDR", 1'500'000},
               {"1.500.000 rupiah", 1'500'000},
               {"Rp 1.500.000,-", 1'500'000},
               {"Rp 0", 0}});
}

TEST_CASE("core::parse_rupiah takes zero cents after a decimal separator") {
    check_all({{"1.500.000,00", 1'500'000},
               {"Rp 1.500.000,00", 1'500'000},
               {"1,500,000.00", 1'500'000},
               {"IDR 1,500,000.0", 1'500'000},
               {"1500000,00", 1'500'000},
               {"1500000.00", 1'500'000}});
}

TEST_CASE("core::parse_rupiah reads units: rb, ribu, jt, juta, miliar, in both languages") {
    check_all({{"1,5jt", 1'500'000},
               {"1,5 juta", 1'500'000},
               {"1.5jt", 1'500'000},
               {"1.5 million", 1'500'000},
               {"25jt", 25'000'000},
               {"25 JT", 25'000'000},
               {"Rp 25 juta", 25'000'000},
               {"25 juta rupiah", 25'000'000},
               {"500rb", 500'000},
               {"500 ribu", 500'000},
               {"500k", 500'000},
               {"2,5 thousand", 2'500},
               {"2 miliar", 2'000'000'000},
               {"2 milyar", 2'000'000'000},
               {"1,25 miliar", 1'250'000'000},
               {"2 billion", 2'000'000'000},
               {"1 triliun", 1'000'000'000'000},
               {"0,5jt", 500'000},
               {"1,75jt", 1'750'000},
               {"1,000001jt", 1'000'001},
               {"1.500.000 rb", 1'500'000'000}});
}

TEST_CASE("core::parse_rupiah refuses a negative amount, naming it") {
    for (const char* text :
         {"-1500000", "-1.500.000", "Rp -1.500.000", "-Rp 1.500.000", "\u22121.500.000", "-5jt"}) {
        INFO(text);
        auto message = refusal(text);
        CHECK(has(message, std::string("'") + text + "'"));
        CHECK(has(message, "negative"));
    }
}

TEST_CASE("core::parse_rupiah refuses a fraction of a Rupiah") {
    for (const char* text :
         {"1.500.000,50", "1,500,000.5", "1.5", "1500.25", "1,0000005jt", "0,0001rb"}) {
        INFO(text);
        auto message = refusal(text);
        CHECK(has(message, std::string("'") + text + "'"));
        CHECK(has(message, "fraction of a Rupiah"));
    }
}

TEST_CASE("core::parse_rupiah refuses amounts that read two ways") {
    SUBCASE("a decimal comma without a unit: 1,5 Rupiah or 1,5 juta?") {
        for (const char* text : {"1,5", "1,50", "Rp 2,5", "1500,5"}) {
            INFO(text);
            auto message = refusal(text);
            CHECK(has(message, std::string("'") + text + "'"));
            CHECK(has(message, "ambiguous"));
        }
    }
    SUBCASE("three digits before a unit: 1500 juta or 1,5 juta?") {
        for (const char* text : {"1.500jt", "1,500 juta", "2.500rb"})
            CHECK_MESSAGE(has(refusal(text), "ambiguous"), text);
    }
    SUBCASE("three digits after a separator that cannot group thousands") {
        for (const char* text : {"1500.000", "0,500", "0.500jt"})
            CHECK_MESSAGE(has(refusal(text), "ambiguous"), text);
    }
    SUBCASE("mixed separators") {
        for (const char* text : {"1.500,000", "1,500.000", "1.500,000.00", "1,5.000"}) {
            INFO(text);
            auto message = refusal(text);
            CHECK(has(message, std::string("'") + text + "'"));
            CHECK(has(message, "reads two ways"));
        }
    }
    SUBCASE("M: million in English, miliar in Indonesian") {
        for (const char* text : {"2M", "2 M", "1,5m", "Rp 2M"}) {
            INFO(text);
            auto message = refusal(text);
            CHECK(has(message, std::string("'") + text + "'"));
            CHECK(has(message, "miliar"));
        }
    }
}

TEST_CASE("core::parse_rupiah refuses what is no amount, and amounts past 64 bits") {
    for (const char* text :
         {"", " ", "Rp", "abc", "dua juta", "1.50.000", "1,5,000", "1..500", ".500", "1.500.",
          "1 500 000", "1e6", "+1500", "0x10", "12abc", "1.500.000.00"}) {
        INFO(text);
        CHECK(!refusal(text).empty());
    }
    CHECK(has(refusal("abc"), "'abc' is not an amount in Rupiah"));
    CHECK(has(refusal("25 jeti"), "'jeti'"));
    CHECK(parse_rupiah("9223372036854775807") == 9'223'372'036'854'775'807);
    for (const char* text :
         {"9223372036854775808", "99999999999999999999", "10000000 triliun", "9.300.000 triliun"}) {
        INFO(text);
        CHECK(has(refusal(text), "too large"));
    }
}

TEST_CASE("core::parse_rupiah's refusals carry a hint on how to write an amount") {
    try {
        parse_rupiah("abc");
        FAIL("no refusal");
    } catch (const core::Invalid& e) {
        REQUIRE(!e.hints().empty());
        CHECK(has(e.hints().front(), "1.500.000"));
    }
}
