#include "core/csv.hpp"
#include "core/error.hpp"

#include <doctest/doctest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <utility>

using namespace kades::core;

namespace {

struct Record {
    CsvRow fields;
    std::size_t line;
};

std::vector<Record> parse(const std::string& text) {
    std::istringstream in(text);
    std::vector<Record> records;
    read_csv(in, "test.csv", [&](const CsvRow& row, std::size_t line) {
        records.push_back({row, line});
    });
    return records;
}

} // namespace

TEST_CASE("core::read_csv") {
    SUBCASE("plain fields, LF, header included") {
        auto r = parse("code,name\n33,Jawa Tengah\n34,DI Yogyakarta\n");
        REQUIRE(r.size() == 3);
        CHECK(r[0].fields == CsvRow{"code", "name"});
        CHECK(r[1].fields == CsvRow{"33", "Jawa Tengah"});
        CHECK(r[2].fields == CsvRow{"34", "DI Yogyakarta"});
        CHECK(r[0].line == 1);
        CHECK(r[2].line == 3);
    }
    SUBCASE("CRLF and a last line without a line break") {
        auto r = parse("a,b\r\n1,2\r\n3,4");
        REQUIRE(r.size() == 3);
        CHECK(r[1].fields == CsvRow{"1", "2"});
        CHECK(r[2].fields == CsvRow{"3", "4"});
    }
    SUBCASE("quoted fields: doubled quotes, commas and line breaks inside") {
        auto r = parse("code,name\n35.13.15.2017,\"Soka\"\"an\"\n"
                       "12.07.28.1007,\"Lubuk Pakam I,II\"\n"
                       "1,\"two\nlines\"\n"
                       "2,\"crlf\r\ninside\"\r\n"
                       "3,after\n");
        REQUIRE(r.size() == 6);
        CHECK(r[1].fields == CsvRow{"35.13.15.2017", "Soka\"an"});
        CHECK(r[2].fields == CsvRow{"12.07.28.1007", "Lubuk Pakam I,II"});
        CHECK(r[3].fields == CsvRow{"1", "two\nlines"});
        CHECK(r[4].fields == CsvRow{"2", "crlf\r\ninside"});
        CHECK(r[5].fields == CsvRow{"3", "after"});
        CHECK(r[3].line == 4);
        CHECK(r[4].line == 6);
        CHECK(r[5].line == 8);
    }
    SUBCASE("empty fields and empty quoted fields") {
        auto r = parse(",,\n\"\",x,\"\"\na,\n");
        REQUIRE(r.size() == 3);
        CHECK(r[0].fields == CsvRow{"", "", ""});
        CHECK(r[1].fields == CsvRow{"", "x", ""});
        CHECK(r[2].fields == CsvRow{"a", ""});
    }
    SUBCASE("rows of different lengths reuse the row without leftovers") {
        auto r = parse("a,b,c\nd\ne,f\n");
        REQUIRE(r.size() == 3);
        CHECK(r[0].fields == CsvRow{"a", "b", "c"});
        CHECK(r[1].fields == CsvRow{"d"});
        CHECK(r[2].fields == CsvRow{"e", "f"});
    }
    SUBCASE("a trailing empty line adds no row; blank lines are skipped") {
        CHECK(parse("a,b\n1,2\n\n").size() == 2);
        CHECK(parse("a,b\r\n1,2\r\n\r\n").size() == 2);
        auto r = parse("a\n\n\nb\n");
        REQUIRE(r.size() == 2);
        CHECK(r[1].fields == CsvRow{"b"});
        CHECK(r[1].line == 4);
    }
    SUBCASE("a UTF-8 byte order mark is skipped") {
        auto r = parse("\xEF\xBB\xBF"
                       "code,name\n33,Jawa Tengah\n");
        REQUIRE(r.size() == 2);
        CHECK(r[0].fields[0] == "code");
    }
    SUBCASE("UTF-8 text passes through") {
        auto r = parse("name\nSoka\u2019an\n");
        REQUIRE(r.size() == 2);
        CHECK(r[1].fields[0] == "Soka\u2019an");
    }
    SUBCASE("empty input has no rows") {
        CHECK(parse("").empty());
        CHECK(parse("\xEF\xBB\xBF").empty());
    }
    SUBCASE("an unclosed quote names the source and the line it opened on") {
        CHECK_THROWS_WITH_AS(parse("a,b\n1,\"open\n2,3\n"),
                             doctest::Contains("test.csv: line 2: a quoted field is not closed"),
                             Invalid);
        CHECK_THROWS_AS(parse("\"a\"\"\n"), Invalid);
    }
}

TEST_CASE("core::read_csv villages.csv") {
    const char* share = std::getenv("KADES_SHARE_DIR");
    if (share == nullptr) {
        MESSAGE("KADES_SHARE_DIR is not set: villages.csv not read");
        return;
    }
    const std::string path = std::string(share) + "/kades/wilayah/villages.csv";
    std::ifstream in(path, std::ios::binary);
    REQUIRE_MESSAGE(in.is_open(), path);
    std::size_t rows = 0, last_line = 0;
    bool all_three = true;
    std::string sokaan, lubuk;
    read_csv(in, path, [&](const CsvRow& row, std::size_t line) {
        ++rows;
        last_line = line;
        all_three = all_three && row.size() == 3;
        if (row[0] == "35.13.15.2017")
            sokaan = row[2];
        if (row[0] == "12.07.28.1007")
            lubuk = row[2];
    });
    CHECK(rows - 1 == 83762);
    CHECK(last_line == 83763);
    CHECK(all_three);
    CHECK(sokaan == "Soka\"an");
    CHECK(lubuk == "Lubuk Pakam I,II");
}
