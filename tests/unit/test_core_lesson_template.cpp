// Tests of src/core/lesson_template.cpp: the template of `lesson add --edit` and
// `--from-file`, written and read back, and every malformed input named by its line.

#include "core/error.hpp"
#include "core/lesson_template.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace kades::core;

namespace {

Date day(const char* iso) {
    return parse_iso_date(iso).value();
}

const Date k_today = day("2026-11-27");

LessonFields parse(const std::string& text) {
    return parse_lesson_template(text, k_today);
}

// The message of the Invalid parsing throws, or "" when it throws nothing.
std::string refusal(const std::string& text) {
    try {
        parse(text);
    } catch (const Invalid& e) {
        return e.what();
    }
    return "";
}

bool starts(const std::string& message, const std::string& prefix) {
    return message.rfind(prefix, 0) == 0;
}

bool has(const std::string& message, const std::string& part) {
    return message.find(part) != std::string::npos;
}

const char* const k_waste_bank = R"(Title: Bank sampah dikelola BUMDes
Village: sidasari-cipari
Kind: sukses
Topics: sampah, BUMDes,  pelayanan publik
Date: 2026-11-20
Meeting: 3f9a0c12
Visit:

<!-- help
     over lines -->

## Context
Sampah menumpuk di sungai.
<!-- the situation -->

Desa merencanakan bank sampah.

## Outcome
120 nasabah; Rp 4 juta sebulan.

## Lesson
Sampah jadi tabungan bila BUMDes mengelolanya.

## Recommendation
### Langkah
1. Mulai dari satu dusun.
)";

} // namespace

TEST_CASE("core::parse_lesson_template: every header and section") {
    auto f = parse(k_waste_bank);
    CHECK(*f.title == "Bank sampah dikelola BUMDes");
    CHECK(*f.village == "sidasari-cipari");
    CHECK(*f.kind == LessonKind::success);
    CHECK(*f.all_topics == std::vector<std::string>{"sampah", "BUMDes", "pelayanan publik"});
    CHECK(*f.date == day("2026-11-20"));
    CHECK(*f.meeting == "3f9a0c12");
    CHECK(*f.visit == ""); // present and empty: no visit (on edit: unlinked)
    CHECK(*f.context == "Sampah menumpuk di sungai.\n\n\nDesa merencanakan bank sampah.");
    CHECK(*f.outcome == "120 nasabah; Rp 4 juta sebulan.");
    CHECK(*f.lesson == "Sampah jadi tabungan bila BUMDes mengelolanya.");
    CHECK(*f.recommendation == "### Langkah\n1. Mulai dari satu dusun.");
    CHECK(f.topics.empty());
}

TEST_CASE("core::parse_lesson_template: Indonesian names, any case, CRLF, a BOM") {
    auto f = parse("\xEF\xBB\xBFjudul: Irigasi tetes\r\nDESA: kutasari-cipari\r\nJenis: gagal\r\n"
                   "Topik: pertanian\r\nTanggal: kemarin\r\nPertemuan:\r\nKunjungan: 1a2b\r\n\r\n"
                   "## konteks\r\nPetani\r\n## HASIL\r\nRusak\r\n## Pelajaran\r\nLatih\r\n"
                   "##   Rekomendasi  \r\nAnggarkan\r\n");
    CHECK(*f.title == "Irigasi tetes");
    CHECK(*f.village == "kutasari-cipari");
    CHECK(*f.kind == LessonKind::failure);
    CHECK(*f.date == day("2026-11-26"));
    CHECK(*f.visit == "1a2b");
    CHECK(*f.context == "Petani");
    CHECK(*f.outcome == "Rusak");
    CHECK(*f.lesson == "Latih");
    CHECK(*f.recommendation == "Anggarkan");
}

TEST_CASE("core::parse_lesson_template: what is absent stays unset") {
    auto f = parse("Title: Hanya judul\n");
    CHECK(*f.title == "Hanya judul");
    CHECK_FALSE(f.village);
    CHECK_FALSE(f.kind);
    CHECK_FALSE(f.date);
    CHECK_FALSE(f.all_topics);
    CHECK_FALSE(f.meeting);
    CHECK_FALSE(f.context);
    CHECK_FALSE(f.recommendation);
    // Empty village, kind and date are not given; an empty section is (it clears on edit).
    auto g = parse("Title:\nVillage:\nKind:\nDate:\nTopics:\n\n## Outcome\n\n");
    CHECK(*g.title == "");
    CHECK_FALSE(g.village);
    CHECK_FALSE(g.kind);
    CHECK_FALSE(g.date);
    CHECK(g.all_topics->empty());
    CHECK(*g.outcome == "");
    // Comments anywhere, even inside a header line, are ignored.
    auto h = parse("Title: Judul <!-- bukan ini --> saja\n<!-- Foo: bar -->\n");
    CHECK(*h.title == "Judul  saja");
}

TEST_CASE("core::parse_lesson_template: a missing title and an empty file record nothing") {
    for (const std::string text : {"", "\n\n", "<!-- hanya komentar -->\n",
                                   "Village: caruy-cipari\n", "Title:   \n## Lesson\nSesuatu\n"}) {
        INFO(text);
        auto f = parse(text);
        try {
            require_title(f);
            FAIL("a lesson without a title was accepted");
        } catch (const Invalid& e) {
            CHECK(has(e.what(), "title is empty"));
            CHECK(has(e.what(), "nothing was recorded"));
        }
    }
    LessonFields titled;
    titled.title = "Ada";
    require_title(titled); // does not throw
}

TEST_CASE("core::parse_lesson_template: an unknown header or section names its line") {
    auto unknown = refusal("Title: X\nFoo: bar\n");
    CHECK(starts(unknown, "line 2: unknown header 'Foo'"));
    CHECK(has(unknown, "Title, Village, Kind, Topics, Date, Meeting or Visit"));
    CHECK(starts(refusal("Title: X\n\n## Context\nA\n## Notes\nB\n"),
                 "line 5: unknown section '## Notes'"));
    CHECK(starts(refusal("Title: X\nsome words\n"), "line 2: 'some words' is neither"));
    CHECK(starts(refusal("# Title\n"), "line 1: '# Title' is neither"));
    CHECK(starts(refusal("Title: X\nJudul: Y\n"), "line 2: the header 'Judul' is given twice"));
    CHECK(starts(refusal("## Lesson\na\n## Pelajaran\nb\n"),
                 "line 3: the section '## Pelajaran' is given twice"));
    CHECK(starts(refusal("##\n"), "line 1: unknown section '## '"));
    // "###" is a heading inside a section, not a section of the template.
    CHECK(refusal("## Lesson\n### Inside\n") == "");
}

TEST_CASE("core::parse_lesson_template: a bad kind or date names its line and the value") {
    auto kind = refusal("Title: X\nKind: bagus\n");
    CHECK(starts(kind, "line 2: lesson kind 'bagus' is not known"));
    auto date = refusal("Title: X\n\nDate: 2026-02-30\n");
    CHECK(starts(date, "line 3: "));
    CHECK(has(date, "'2026-02-30'"));
    CHECK(has(refusal("Date: someday\n"), "'someday'"));
}

TEST_CASE("core::parse_lesson_template: a comment left open names the line it opens on") {
    CHECK(starts(refusal("Title: X\n\n<!-- not closed\n## Lesson\n"),
                 "line 3: a comment opened with <!-- is not closed"));
    // Line numbers after a comment of several lines are those of the file.
    CHECK(starts(refusal("<!-- one\ntwo\nthree -->\nBad line\n"), "line 4: "));
}

TEST_CASE("core::write_lesson_template: read back, it gives the draft") {
    LessonDraft d;
    d.title = "Bank sampah";
    d.village = "sidasari-cipari";
    d.kind = "success";
    d.topics = {"sampah", "pelayanan publik"};
    d.date = "2026-11-20";
    d.visit = "1a2b3c4d";
    d.context = "Dua\n\nparagraf";
    d.recommendation = "Mulai kecil";
    for (auto lang : {Lang::en, Lang::id}) {
        auto text = write_lesson_template(d, lang);
        INFO(text);
        CHECK(has(text, lang == Lang::id ? "Judul: Bank sampah\n" : "Title: Bank sampah\n"));
        CHECK(has(text, lang == Lang::id ? "## Rekomendasi\n" : "## Recommendation\n"));
        CHECK(has(text, "<!--"));
        auto f = parse_lesson_template(text, k_today);
        CHECK(*f.title == d.title);
        CHECK(*f.village == d.village);
        CHECK(*f.kind == LessonKind::success);
        CHECK(*f.all_topics == d.topics);
        CHECK(*f.date == day("2026-11-20"));
        CHECK(*f.meeting == "");
        CHECK(*f.visit == "1a2b3c4d");
        CHECK(*f.context == d.context);
        CHECK(*f.outcome == "");
        CHECK(*f.lesson == "");
        CHECK(*f.recommendation == d.recommendation);
    }
    // An empty draft is a template with every header and section, and no title.
    auto blank = parse_lesson_template(write_lesson_template({}, Lang::en), k_today);
    CHECK(*blank.title == "");
    CHECK_FALSE(blank.village);
}
