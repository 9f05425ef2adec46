#include "core/error.hpp"
#include "render/table.hpp"
#include "render/text.hpp"

#include <doctest/doctest.h>

#include <clocale>
#include <sstream>

using namespace kades::render;
using kades::core::Usage;

namespace {

void use_utf8() {
    std::setlocale(LC_CTYPE, "C.UTF-8");
}

Options with(Format format) {
    Options options;
    options.format = format;
    return options;
}

std::string render(const Table& table, const Options& options) {
    std::ostringstream out;
    write_table(out, table, options);
    return out.str();
}

Table villages() {
    return Table{{{"name", "Name", Align::left, false}, {"count", "Count", Align::right, true}},
                 {{"Sidasari", "12"}, {"中文", "3"}}};
}

Table lessons() {
    return Table{{{"id", "ID"}, {"title", "Title"}, {"n", "N", Align::right, true}},
                 {{"3f9a0c12", "A very long title about the irrigation program", "5"}}};
}

} // namespace

TEST_CASE("render::parse_format") {
    CHECK(parse_format("table") == Format::table);
    CHECK(parse_format("markdown") == Format::markdown);
    CHECK(parse_format("md") == Format::markdown);
    CHECK(parse_format("json") == Format::json);
    CHECK(parse_format("csv") == Format::csv);
    CHECK(parse_format("whatsapp") == Format::whatsapp);
    CHECK(parse_format("wa") == Format::whatsapp);
    CHECK(parse_format("ics") == Format::ics);
    CHECK(parse_format("dot") == Format::dot);
    CHECK(parse_format("mermaid") == Format::mermaid);
    CHECK_THROWS_WITH_AS(parse_format("MD"),
                         "unknown format 'MD': use table, markdown, json or csv", Usage);
    CHECK_THROWS_AS(parse_format(""), Usage);
    CHECK(format_key(Format::markdown) == "markdown");
    CHECK(format_key(Format::whatsapp) == "whatsapp");
    CHECK(format_key(Format::mermaid) == "mermaid");
}

TEST_CASE("render::write_table table") {
    use_utf8();
    SUBCASE("aligned by display width, numbers on the right") {
        CHECK(render(villages(), with(Format::table)) == "Name      Count\n"
                                                         "Sidasari     12\n"
                                                         "中文          3\n");
    }
    SUBCASE("combining and wide characters line up") {
        const Table table{{{"name", "Name"}, {"head", "Head"}},
                          {{"Soka’an", "Budi"}, {"Se\u0301ta", "Siti"}, {"中文字", "Ani"}}};
        CHECK(render(table, with(Format::table)) == "Name     Head\n"
                                                    "Soka’an  Budi\n"
                                                    "Se\u0301ta     Siti\n"
                                                    "中文字   Ani\n");
    }
    SUBCASE("no trailing blanks, missing cells empty") {
        const Table table{{{"a", "A"}, {"b", "Bee"}}, {{"long value", ""}, {"x"}}};
        CHECK(render(table, with(Format::table)) == "A           Bee\n"
                                                    "long value\n"
                                                    "x\n");
    }
    SUBCASE("bold headings only with colour") {
        Options options = with(Format::table);
        CHECK(render(villages(), options).find('\x1b') == std::string::npos);
        options.color = true;
        CHECK(render(villages(), options) == "\x1b[1mName\x1b[0m      \x1b[1mCount\x1b[0m\n"
                                             "Sidasari     12\n"
                                             "中文          3\n");
    }
    SUBCASE("cells are sanitized") {
        const Table table{{{"t", "Title"}}, {{"\x1b[31mred"}, {"bad\xff"}}};
        const std::string out = render(table, with(Format::table));
        CHECK(out == "Title\n\\x1b[31mred\nbad\xEF\xBF\xBD\n");
        CHECK(out.find('\x1b') == std::string::npos);
    }
    SUBCASE("an empty table prints nothing") {
        CHECK(render(Table{villages().columns, {}}, with(Format::table)).empty());
    }
}

TEST_CASE("render::write_table truncation") {
    use_utf8();
    Options options = with(Format::table);
    options.width = 30;
    SUBCASE("off: long text is kept whole") {
        const std::string out = render(lessons(), options);
        CHECK(out.find("irrigation program") != std::string::npos);
        CHECK(out.find("…") == std::string::npos);
    }
    SUBCASE("on: the widest column is cut to fit") {
        options.truncate = true;
        CHECK(render(lessons(), options) == "ID        Title              N\n"
                                            "3f9a0c12  A very long titl…  5\n");
    }
    SUBCASE("on, too narrow: columns stop at their floor") {
        options.truncate = true;
        options.width = 5;
        CHECK(render(lessons(), options) == "ID        Title     N\n"
                                            "3f9a0c12  A very …  5\n");
    }
    SUBCASE("wide characters are cut whole") {
        options.truncate = true;
        options.width = 10;
        const Table table{{{"x", "X"}}, {{"中文中文中文中文中文"}}};
        CHECK(render(table, options) == "X\n中文中文…\n");
    }
    SUBCASE("width 0 means no limit") {
        options.truncate = true;
        options.width = 0;
        CHECK(render(lessons(), options).find("…") == std::string::npos);
    }
}

TEST_CASE("render::write_table markdown") {
    const Table table{{{"name", "Name"}, {"count", "Count", Align::right, true}},
                      {{"a|b", "12"}, {"*bold*", ""}, {"<script>", "3"}, {"# x", "4"}}};
    CHECK(render(table, with(Format::markdown)) == "| Name | Count |\n"
                                                   "|---|---:|\n"
                                                   "| a\\|b | 12 |\n"
                                                   "| \\*bold\\* | |\n"
                                                   "| \\<script\\> | 3 |\n"
                                                   "| \\# x | 4 |\n");
    CHECK(render(Table{table.columns, {}}, with(Format::markdown)).empty());
}

TEST_CASE("render::write_table csv") {
    const Table table{{{"name", "Name"}, {"count", "Count", Align::right, true}},
                      {{"Sidasari", "12"},
                       {"=1+1", "-3"},
                       {"a,b", "5"},
                       {"say \"hi\"", "6"},
                       {"two\nlines", "7"}}};
    CHECK(render(table, with(Format::csv)) == "name,count\r\n"
                                              "Sidasari,12\r\n"
                                              "'=1+1,-3\r\n"
                                              "\"a,b\",5\r\n"
                                              "\"say \"\"hi\"\"\",6\r\n"
                                              "\"two\nlines\",7\r\n");
    CHECK(render(Table{table.columns, {}}, with(Format::csv)) == "name,count\r\n");
    const Table single{{{"note", "Note"}}, {{""}, {"x"}}};
    CHECK(render(single, with(Format::csv)) == "note\r\n\"\"\r\nx\r\n");
}

TEST_CASE("render::write_table other formats") {
    CHECK_THROWS_WITH_AS(render(villages(), with(Format::json)),
                         "format 'json' is not available here: use table, markdown, json or csv",
                         Usage);
    CHECK_THROWS_AS(render(villages(), with(Format::whatsapp)), Usage);
    try {
        render(villages(), with(Format::ics));
    } catch (const Usage& error) {
        CHECK(error.exit_code() == kades::core::k_exit_usage);
    }
}
