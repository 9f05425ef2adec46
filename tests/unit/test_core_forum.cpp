// Tests of src/core/forum.cpp: the rules of a forum's fields.

#include "core/error.hpp"
#include "core/forum.hpp"

#include <doctest/doctest.h>

using namespace kades::core;
using namespace std::chrono;

namespace {

Date ymd(int y, unsigned m, unsigned d) {
    return Date{year{y}, month{m}, day{d}};
}

const Date k_today = ymd(2026, 11, 27);

} // namespace

TEST_CASE("core::normalize_forum_fields: trims the name and the purpose") {
    ForumFields f;
    f.name = "  Forum Kades Cipari ";
    f.purpose = "\tBUMDes bersama  ";
    normalize_forum_fields(f, k_today);
    CHECK(*f.name == "Forum Kades Cipari");
    CHECK(*f.purpose == "BUMDes bersama");
}

TEST_CASE("core::normalize_forum_fields: an empty purpose clears it, unset fields stay unset") {
    ForumFields f;
    f.purpose = "   ";
    normalize_forum_fields(f, k_today);
    CHECK(f.purpose == std::optional<std::string>(""));
    CHECK_FALSE(f.name);
    CHECK_FALSE(f.founded);
}

TEST_CASE("core::normalize_forum_fields: an empty name or invalid UTF-8 is refused") {
    ForumFields blank;
    blank.name = "  ";
    CHECK_THROWS_WITH_AS(normalize_forum_fields(blank, k_today), doctest::Contains("name"),
                         Invalid);
    ForumFields bad;
    bad.name = "Forum \xff";
    CHECK_THROWS_AS(normalize_forum_fields(bad, k_today), Invalid);
    ForumFields bad_purpose;
    bad_purpose.purpose = "\xc3";
    CHECK_THROWS_AS(normalize_forum_fields(bad_purpose, k_today), Invalid);
}

TEST_CASE("core::normalize_forum_fields: founded today or before, after today is refused") {
    for (auto day : {k_today, ymd(2020, 1, 1)}) {
        ForumFields f;
        f.founded = day;
        CHECK_NOTHROW(normalize_forum_fields(f, k_today));
    }
    ForumFields cleared;
    cleared.founded = std::optional<Date>();
    CHECK_NOTHROW(normalize_forum_fields(cleared, k_today));
    ForumFields future;
    future.founded = ymd(2026, 11, 28);
    CHECK_THROWS_WITH_AS(normalize_forum_fields(future, k_today), doctest::Contains("2026-11-28"),
                         Invalid);
}
