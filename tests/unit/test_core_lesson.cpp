// Tests of src/core/lesson.cpp: kinds, adoption statuses, topics, the fields of add and
// edit, and the marked snippets of a search.

#include "core/error.hpp"
#include "core/lesson.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>

#include <string>
#include <string_view>
#include <vector>

using namespace kades::core;

namespace {

// A value as a refusal quotes it. (fmt, not "'" + string: GCC 12 warns wrongly on that at -O3.)
std::string quoted(std::string_view text) {
    return fmt::format("'{}'", text);
}

// The message of the Invalid a call throws, or "" when it throws nothing.
template <typename F> std::string invalid_message(F call) {
    try {
        call();
    } catch (const Invalid& e) {
        return e.what();
    }
    return "";
}

bool names(const std::string& message, const std::string& value) {
    return message.find(value) != std::string::npos;
}

} // namespace

TEST_CASE("core::parse_lesson_kind: English keys and Indonesian aliases") {
    CHECK(parse_lesson_kind("success") == LessonKind::success);
    CHECK(parse_lesson_kind("sukses") == LessonKind::success);
    CHECK(parse_lesson_kind("failure") == LessonKind::failure);
    CHECK(parse_lesson_kind("gagal") == LessonKind::failure);
    CHECK(parse_lesson_kind("insight") == LessonKind::insight);
    CHECK(parse_lesson_kind("wawasan") == LessonKind::insight);
    CHECK(parse_lesson_kind(" Sukses ") == LessonKind::success);
    CHECK(parse_lesson_kind("GAGAL") == LessonKind::failure);
    for (auto kind : {LessonKind::success, LessonKind::failure, LessonKind::insight})
        CHECK(parse_lesson_kind(lesson_kind_key(kind)) == kind);
    CHECK(lesson_kind_label(LessonKind::failure) == "Failure");
    for (auto text : {"", "berhasil", "fail", "successes"}) {
        INFO(text);
        CHECK(names(invalid_message([&] { parse_lesson_kind(text); }), quoted(text)));
    }
}

TEST_CASE("core::parse_adoption_status: English keys and Indonesian aliases") {
    CHECK(parse_adoption_status("planned") == AdoptionStatus::planned);
    CHECK(parse_adoption_status("direncanakan") == AdoptionStatus::planned);
    CHECK(parse_adoption_status("trying") == AdoptionStatus::trying);
    CHECK(parse_adoption_status("dicoba") == AdoptionStatus::trying);
    CHECK(parse_adoption_status("Adopted") == AdoptionStatus::adopted);
    CHECK(parse_adoption_status("diadopsi") == AdoptionStatus::adopted);
    CHECK(parse_adoption_status("abandoned") == AdoptionStatus::abandoned);
    CHECK(parse_adoption_status("ditinggalkan") == AdoptionStatus::abandoned);
    for (auto status : {AdoptionStatus::planned, AdoptionStatus::trying, AdoptionStatus::adopted,
                        AdoptionStatus::abandoned})
        CHECK(parse_adoption_status(adoption_status_key(status)) == status);
    CHECK(adoption_status_label(AdoptionStatus::trying) == "Trying");
    CHECK(names(invalid_message([] { parse_adoption_status("done"); }), "'done'"));
    CHECK(names(invalid_message([] { parse_adoption_status(""); }), "''"));
}

TEST_CASE("core::normalize_topic: trimmed, blanks collapsed, lower-cased") {
    CHECK(normalize_topic("pertanian") == "pertanian");
    CHECK(normalize_topic("  BUMDes ") == "bumdes");
    CHECK(normalize_topic("Pelayanan   Publik") == "pelayanan publik");
    CHECK(normalize_topic("pelayanan\tpublik") == "pelayanan publik");
    CHECK(names(invalid_message([] { normalize_topic("   "); }), "topic is empty"));
    CHECK(names(invalid_message([] { normalize_topic("sampah\x02"); }), "control character"));
    CHECK(normalize_topic("a\x01") == "a\x01"); // kept, escaped on output
    CHECK(names(invalid_message([] { normalize_topic("\xff"); }), "UTF-8"));
}

TEST_CASE("core::normalize_lesson_fields: text trimmed and checked, topics split") {
    LessonFields f;
    f.title = "  Bank sampah  ";
    f.village = " sidasari-cipari ";
    f.context = "Baris satu\r\nBaris dua\tdengan tab\n";
    f.topics = {"Sampah, BUMDes", " pertanian "};
    f.drop_topics = {"Pelayanan Publik"};
    f.all_topics = std::vector<std::string>{"A", "b"};
    normalize_lesson_fields(f);
    CHECK(*f.title == "Bank sampah");
    CHECK(*f.village == "sidasari-cipari");
    CHECK(*f.context == "Baris satu\nBaris dua\tdengan tab");
    CHECK(f.topics == std::vector<std::string>{"sampah", "bumdes", "pertanian"});
    CHECK(f.drop_topics == std::vector<std::string>{"pelayanan publik"});
    CHECK(*f.all_topics == std::vector<std::string>{"a", "b"});

    LessonFields title;
    title.title = "Dua\nbaris";
    CHECK(names(invalid_message([&] { normalize_lesson_fields(title); }), "title holds a line"));
    LessonFields escape;
    escape.title = "Merah \x1b[31m";
    normalize_lesson_fields(escape); // kept, escaped on output
    CHECK(*escape.title == "Merah \x1b[31m");
    LessonFields marker;
    marker.outcome = "ada \x02 penanda";
    CHECK(names(invalid_message([&] { normalize_lesson_fields(marker); }), "U+0002"));
    LessonFields bad;
    bad.lesson = "\xc3\x28";
    CHECK(names(invalid_message([&] { normalize_lesson_fields(bad); }), "lesson"));
    LessonFields empty_topic;
    empty_topic.topics = {"sampah,"};
    CHECK(names(invalid_message([&] { normalize_lesson_fields(empty_topic); }), "topic is empty"));
}

TEST_CASE("core::overlay: the options win over the template, topics are added") {
    LessonFields base;
    base.title = "Dari templat";
    base.village = "caruy-cipari";
    base.context = "konteks";
    base.meeting = "aaaa";
    base.all_topics = std::vector<std::string>{"sampah"};
    base.topics = {"x"};
    LessonFields over;
    over.title = "Dari opsi";
    over.visit = "bbbb";
    over.topics = {"bumdes"};
    auto f = overlay(base, over);
    CHECK(*f.title == "Dari opsi");
    CHECK(*f.village == "caruy-cipari");
    CHECK(*f.context == "konteks");
    CHECK_FALSE(f.meeting); // one link: --visit replaces the template's meeting
    CHECK(*f.visit == "bbbb");
    CHECK(*f.all_topics == std::vector<std::string>{"sampah"});
    CHECK(f.topics == std::vector<std::string>{"x", "bumdes"});

    LessonFields meeting;
    meeting.meeting = "cccc";
    auto g = overlay(f, meeting);
    CHECK(*g.meeting == "cccc");
    CHECK_FALSE(g.visit);
    auto same = overlay(base, LessonFields{});
    CHECK(*same.title == "Dari templat");
    CHECK(*same.meeting == "aaaa");
}

TEST_CASE("core::active_adoptions: all but the abandoned") {
    Lesson l;
    for (auto status : {AdoptionStatus::planned, AdoptionStatus::trying, AdoptionStatus::adopted,
                        AdoptionStatus::abandoned}) {
        Adoption a;
        a.status = status;
        l.adoptions.push_back(a);
    }
    CHECK(active_adoptions(l) == 3);
    CHECK(active_adoptions(Lesson{}) == 0);
}

TEST_CASE("core::split_marked and unmarked: the markers never stay in the text") {
    std::string snippet = "Para \x02petani\x03 dan \x02pertanian\x03 organik";
    auto runs = split_marked(snippet);
    REQUIRE(runs.size() == 5);
    CHECK(runs[0].text == "Para ");
    CHECK_FALSE(runs[0].marked);
    CHECK(runs[1].text == "petani");
    CHECK(runs[1].marked);
    CHECK(runs[2].text == " dan ");
    CHECK(runs[3].text == "pertanian");
    CHECK(runs[3].marked);
    CHECK(runs[4].text == " organik");
    CHECK_FALSE(runs[4].marked);
    CHECK(unmarked(snippet) == "Para petani dan pertanian organik");
    CHECK(split_marked("").empty());
    auto whole = split_marked("\x02tani\x03");
    REQUIRE(whole.size() == 1);
    CHECK(whole[0].marked);
    auto plain = split_marked("tanpa penanda");
    REQUIRE(plain.size() == 1);
    CHECK_FALSE(plain[0].marked);
    // A marker left open marks to the end; a stray close is dropped.
    auto open = split_marked("a \x02"
                             "b");
    REQUIRE(open.size() == 2);
    CHECK(open[1].marked);
    CHECK(unmarked("a\x03 b") == "a b");
}
