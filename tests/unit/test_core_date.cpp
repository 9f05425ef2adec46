#include "core/date.hpp"
#include "core/error.hpp"

#include <doctest/doctest.h>

#include <cstdlib>

using namespace kades::core;
using namespace std::chrono;

namespace {

Date ymd(int y, unsigned m, unsigned d) {
    return Date{year{y}, month{m}, day{d}};
}

// 2026-11-27 is a Friday.
const Date k_friday = ymd(2026, 11, 27);

std::string parsed(std::string_view text, Date today = k_friday) {
    return iso(parse_date(text, today));
}

} // namespace

TEST_CASE("core::parse_iso_date") {
    CHECK(parse_iso_date("2026-11-06") == ymd(2026, 11, 6));
    CHECK(parse_iso_date("2028-02-29") == ymd(2028, 2, 29));
    CHECK(parse_iso_date("2000-02-29") == ymd(2000, 2, 29));
    CHECK_FALSE(parse_iso_date("2026-02-29"));
    CHECK_FALSE(parse_iso_date("1900-02-29"));
    CHECK_FALSE(parse_iso_date("2026-02-30"));
    CHECK_FALSE(parse_iso_date("2026-04-31"));
    CHECK_FALSE(parse_iso_date("2026-13-01"));
    CHECK_FALSE(parse_iso_date("2026-00-10"));
    CHECK_FALSE(parse_iso_date("2026-01-00"));
    CHECK_FALSE(parse_iso_date("0000-01-01"));
    CHECK_FALSE(parse_iso_date("2026-2-3"));
    CHECK_FALSE(parse_iso_date("2026/02/03"));
    CHECK_FALSE(parse_iso_date(" 2026-02-03"));
    CHECK_FALSE(parse_iso_date("2026-02-03x"));
    CHECK_FALSE(parse_iso_date(""));
}

TEST_CASE("core::parse_date") {
    SUBCASE("ISO dates, strict") {
        CHECK(parsed("2026-11-06") == "2026-11-06");
        CHECK(parsed(" 2028-02-29 ") == "2028-02-29");
        CHECK_THROWS_AS(parse_date("2026-02-29", k_friday), Invalid);
        CHECK_THROWS_WITH_AS(parse_date("2026-02-30", k_friday), doctest::Contains("'2026-02-30'"),
                             Invalid);
        CHECK_THROWS_AS(parse_date("2026-2-3", k_friday), Invalid);
    }
    SUBCASE("words, English and Indonesian, any case") {
        CHECK(parsed("today") == "2026-11-27");
        CHECK(parsed("TODAY") == "2026-11-27");
        CHECK(parsed("hari-ini") == "2026-11-27");
        CHECK(parsed("yesterday") == "2026-11-26");
        CHECK(parsed("Kemarin") == "2026-11-26");
        CHECK(parsed("tomorrow") == "2026-11-28");
        CHECK(parsed("besok") == "2026-11-28");
        CHECK(parsed("tomorrow", ymd(2026, 12, 31)) == "2027-01-01");
        CHECK(parsed("yesterday", ymd(2028, 3, 1)) == "2028-02-29");
    }
    SUBCASE("relative days and weeks") {
        CHECK(parsed("+3d") == "2026-11-30");
        CHECK(parsed("-2w") == "2026-11-13");
        CHECK(parsed("+0d") == "2026-11-27");
        CHECK(parsed("+10D") == "2026-12-07");
        CHECK(parsed("-365d") == "2025-11-27");
    }
    SUBCASE("a month step clamps to the month's last day") {
        CHECK(parsed("+1m", ymd(2026, 1, 31)) == "2026-02-28");
        CHECK(parsed("+1m", ymd(2028, 1, 31)) == "2028-02-29");
        CHECK(parsed("-1m", ymd(2026, 3, 31)) == "2026-02-28");
        CHECK(parsed("+1m", ymd(2026, 12, 15)) == "2027-01-15");
        CHECK(parsed("-13m", ymd(2026, 1, 15)) == "2024-12-15");
        CHECK(parsed("+1y", ymd(2028, 2, 29)) == "2029-02-28");
        CHECK(parsed("-2y") == "2024-11-27");
    }
    SUBCASE("a weekday is the next such day, 1 to 7 days ahead") {
        CHECK(parsed("senin") == "2026-11-30");
        CHECK(parsed("monday") == "2026-11-30");
        CHECK(parsed("Mon") == "2026-11-30");
        CHECK(parsed("friday") == "2026-12-04");
        CHECK(parsed("jumat") == "2026-12-04");
        CHECK(parsed("Jum'at") == "2026-12-04");
        CHECK(parsed("jum\u2019at") == "2026-12-04");
        CHECK(parsed("sabtu") == "2026-11-28");
        CHECK(parsed("sat") == "2026-11-28");
        CHECK(parsed("minggu") == "2026-11-29");
        CHECK(parsed("sunday") == "2026-11-29");
        CHECK(parsed("selasa") == "2026-12-01");
        CHECK(parsed("rabu") == "2026-12-02");
        CHECK(parsed("Kamis") == "2026-12-03");
        CHECK(parsed("thursday") == "2026-12-03");
    }
    SUBCASE("anything else is refused, naming the value") {
        for (const char* bad : {"", "now", "3d", "+d", "+3x", "+3", "+-3d", "next monday", "senen",
                                "+1234567d", "hariini"}) {
            CAPTURE(bad);
            CHECK_THROWS_AS(parse_date(bad, k_friday), Invalid);
        }
        CHECK_THROWS_WITH_AS(parse_date("someday", k_friday),
                             "'someday' is not a date: use YYYY-MM-DD, today, yesterday, "
                             "tomorrow, +3d, -2w, +1m or a weekday",
                             Invalid);
        CHECK_THROWS_WITH_AS(parse_date("+999999y", k_friday), doctest::Contains("'+999999y'"),
                             Invalid);
    }
}

TEST_CASE("core::parse_month") {
    Period p = parse_month("2026-02", k_friday);
    CHECK(iso(p.from) == "2026-02-01");
    CHECK(iso(p.to) == "2026-02-28");
    p = parse_month("2028-02", k_friday);
    CHECK(iso(p.to) == "2028-02-29");
    p = parse_month("this", k_friday);
    CHECK(iso(p.from) == "2026-11-01");
    CHECK(iso(p.to) == "2026-11-30");
    p = parse_month("Ini", k_friday);
    CHECK(iso(p.from) == "2026-11-01");
    p = parse_month("last", ymd(2026, 1, 15));
    CHECK(iso(p.from) == "2025-12-01");
    CHECK(iso(p.to) == "2025-12-31");
    p = parse_month("lalu", ymd(2026, 3, 31));
    CHECK(iso(p.from) == "2026-02-01");
    CHECK(iso(p.to) == "2026-02-28");
    for (const char* bad : {"2026-13", "2026-00", "2026-1", "202-01", "2026-01-01", "next", ""}) {
        CAPTURE(bad);
        CHECK_THROWS_AS(parse_month(bad, k_friday), Invalid);
    }
    CHECK_THROWS_WITH_AS(parse_month("2026-13", k_friday), doctest::Contains("'2026-13'"), Invalid);
}

TEST_CASE("core::make_period") {
    Period p = make_period(ymd(2026, 1, 1), ymd(2026, 1, 31));
    CHECK(iso(p.from) == "2026-01-01");
    CHECK(iso(p.to) == "2026-01-31");
    p = make_period(ymd(2026, 1, 1), ymd(2026, 1, 1));
    CHECK(p.from == p.to);
    p = make_period(std::nullopt, ymd(2026, 1, 31));
    CHECK(iso(p.from) == "0001-01-01");
    p = make_period(ymd(2026, 1, 1), std::nullopt);
    CHECK(iso(p.to) == "9999-12-31");
    p = make_period(std::nullopt, std::nullopt);
    CHECK(iso(p.from) == "0001-01-01");
    CHECK(iso(p.to) == "9999-12-31");
    CHECK_THROWS_WITH_AS(make_period(ymd(2026, 2, 1), ymd(2026, 1, 31)),
                         doctest::Contains("2026-02-01"), Invalid);
    CHECK_THROWS_WITH_AS(make_period(ymd(2026, 2, 1), ymd(2026, 1, 31)),
                         doctest::Contains("2026-01-31"), Invalid);
}

TEST_CASE("core::parse_year") {
    CHECK(parse_year("2026") == 2026);
    CHECK(parse_year("1900") == 1900);
    CHECK(parse_year("2100") == 2100);
    for (const char* bad : {"1899", "2101", "26", "20266", "2o26", "", "-2026", "+2026"}) {
        CAPTURE(bad);
        CHECK_THROWS_AS(parse_year(bad), Invalid);
    }
    CHECK_THROWS_WITH_AS(parse_year("26"), doctest::Contains("'26'"), Invalid);
}

TEST_CASE("core::iso") {
    CHECK(iso(ymd(2026, 11, 6)) == "2026-11-06");
    CHECK(iso(ymd(1, 1, 1)) == "0001-01-01");
}

TEST_CASE("core::long_date") {
    CHECK(long_date(ymd(2026, 11, 6), Lang::en) == "6 November 2026");
    CHECK(long_date(ymd(2026, 8, 17), Lang::id) == "17 Agustus 2026");
    CHECK(long_date(ymd(2026, 8, 17), Lang::en) == "17 August 2026");
    CHECK(long_date(ymd(2026, 5, 1), Lang::id) == "1 Mei 2026");
}

TEST_CASE("core::short_date") {
    CHECK(short_date(ymd(2026, 11, 6), Lang::en) == "6 Nov 2026");
    CHECK(short_date(ymd(2026, 8, 6), Lang::id) == "6 Agu 2026");
    CHECK(short_date(ymd(2026, 8, 6), Lang::en) == "6 Aug 2026");
    CHECK(short_date(ymd(2026, 10, 6), Lang::id) == "6 Okt 2026");
    CHECK(short_date(ymd(2026, 12, 25), Lang::id) == "25 Des 2026");
}

TEST_CASE("core::month_name") {
    CHECK(month_name(1, Lang::id) == "Januari");
    CHECK(month_name(12, Lang::en) == "December");
    CHECK(month_name(3, Lang::id) == "Maret");
    CHECK(month_name(0, Lang::en).empty());
    CHECK(month_name(13, Lang::id).empty());
}

TEST_CASE("core::today_from_env") {
    const char* saved = std::getenv("KADES_TODAY");
    const std::string previous = saved != nullptr ? saved : "";

    setenv("KADES_TODAY", "2026-11-27", 1);
    CHECK(today_from_env() == k_friday);
    setenv("KADES_TODAY", "2026-02-30", 1);
    CHECK_THROWS_WITH_AS(today_from_env(), "KADES_TODAY '2026-02-30' is not a date: use YYYY-MM-DD",
                         Invalid);
    setenv("KADES_TODAY", "tomorrow", 1);
    CHECK_THROWS_AS(today_from_env(), Invalid);
    setenv("KADES_TODAY", "", 1);
    CHECK(today_from_env().ok());
    unsetenv("KADES_TODAY");
    Date today = today_from_env();
    CHECK(today.ok());
    CHECK(int(today.year()) >= 2024);

    if (saved != nullptr)
        setenv("KADES_TODAY", previous.c_str(), 1);
}
