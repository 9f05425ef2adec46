#include "core/error.hpp"
#include "render/record.hpp"

#include <doctest/doctest.h>

#include <clocale>
#include <sstream>

using namespace kades::render;

namespace {

void use_utf8() {
    std::setlocale(LC_CTYPE, "C.UTF-8");
}

Options with(Format format) {
    Options options;
    options.format = format;
    return options;
}

std::string render(const Record& record, const Options& options) {
    std::ostringstream out;
    write_record(out, record, options);
    return out.str();
}

Record village() {
    const std::vector<Column> heads{{"name", "Name"}, {"since", "Since"}};
    return Record{"Sidasari",
                  {{"Code", "33.01.18.2011"}, {"Head", "Budi"}, {"Phone", ""}},
                  {{"Heads", {}, Table{heads, {{"Budi", "2020-01-01"}}}, "none"},
                   {"Lessons", {}, Table{heads, {}}, "none"},
                   {"Counts", {{"Meetings", "3"}, {"Visits", "12"}}, std::nullopt, ""},
                   {"Hidden", {}, std::nullopt, ""}}};
}

} // namespace

TEST_CASE("render::write_record table") {
    use_utf8();
    SUBCASE("fields aligned, sections indented, empty ones as their empty text or left out") {
        CHECK(render(village(), with(Format::table)) == "Sidasari\n"
                                                        "Code  33.01.18.2011\n"
                                                        "Head  Budi\n"
                                                        "\n"
                                                        "Heads\n"
                                                        "  Name  Since\n"
                                                        "  Budi  2020-01-01\n"
                                                        "\n"
                                                        "Lessons\n"
                                                        "  none\n"
                                                        "\n"
                                                        "Counts\n"
                                                        "  Meetings  3\n"
                                                        "  Visits    12\n");
    }
    SUBCASE("labels aligned by display width") {
        const Record record{"T", {{"Kepala", "a"}, {"中文", "b"}, {"e\u0301", "c"}}, {}};
        CHECK(render(record, with(Format::table)) == "T\n"
                                                     "Kepala  a\n"
                                                     "中文    b\n"
                                                     "e\u0301       c\n");
    }
    SUBCASE("bold titles and headings only with colour") {
        Options options = with(Format::table);
        CHECK(render(village(), options).find('\x1b') == std::string::npos);
        options.color = true;
        const std::string out = render(village(), options);
        CHECK(out.rfind("\x1b[1mSidasari\x1b[0m\n", 0) == 0);
        CHECK(out.find("\n\x1b[1mHeads\x1b[0m\n") != std::string::npos);
        CHECK(out.find("  \x1b[1mName\x1b[0m  \x1b[1mSince\x1b[0m\n") != std::string::npos);
    }
    SUBCASE("values are sanitized") {
        const Record record{"\x1b]0;pwned\x07", {{"Note", "a\nb\x1b[2J"}}, {}};
        const std::string out = render(record, with(Format::table));
        CHECK(out == "\\x1b]0;pwned\\x07\nNote  a\\nb\\x1b[2J\n");
        CHECK(out.find('\x1b') == std::string::npos);
    }
    SUBCASE("a section table is truncated inside the indent") {
        Options options = with(Format::table);
        options.truncate = true;
        options.width = 20;
        const Record record{
            "T", {}, {{"S", {}, Table{{{"t", "Text"}}, {{"a rather long line of text"}}}, ""}}};
        CHECK(render(record, options) == "T\n\nS\n  Text\n  a rather long lin…\n");
    }
}

TEST_CASE("render::write_record markdown") {
    CHECK(render(village(), with(Format::markdown)) == "# Sidasari\n"
                                                       "\n"
                                                       "- **Code:** 33.01.18.2011\n"
                                                       "- **Head:** Budi\n"
                                                       "\n"
                                                       "## Heads\n"
                                                       "\n"
                                                       "| Name | Since |\n"
                                                       "|---|---|\n"
                                                       "| Budi | 2020-01-01 |\n"
                                                       "\n"
                                                       "## Lessons\n"
                                                       "\n"
                                                       "none\n"
                                                       "\n"
                                                       "## Counts\n"
                                                       "\n"
                                                       "- **Meetings:** 3\n"
                                                       "- **Visits:** 12\n");
    SUBCASE("text from the log is escaped") {
        const Record record{"A | *b* <c> #",
                            {{"Note", "1. not a list\n# nor a heading"}},
                            {{"S", {{"k", "v"}}, Table{{{"x", "X"}}, {{"a|b"}}}, ""}}};
        CHECK(render(record, with(Format::markdown)) ==
              "# A \\| \\*b\\* \\<c\\> \\#\n"
              "\n"
              "- **Note:** 1\\. not a list # nor a heading\n"
              "\n"
              "## S\n"
              "\n"
              "- **k:** v\n"
              "\n"
              "| X |\n"
              "|---|\n"
              "| a\\|b |\n");
    }
}

TEST_CASE("render::write_record other formats") {
    CHECK_THROWS_WITH_AS(render(village(), with(Format::csv)),
                         "format 'csv' is not available here: use table, markdown, json or csv",
                         kades::core::Usage);
    CHECK_THROWS_AS(render(village(), with(Format::json)), kades::core::Usage);
}
