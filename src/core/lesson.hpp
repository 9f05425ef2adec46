#pragma once
// A lesson learned (pelajaran), success or failure, in the shape of an after-action review:
// the context, the outcome, the one transferable lesson and a recommendation; and its
// adoption by other villages, followed as it spreads.

#include "core/date.hpp"
#include "core/record.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kades::core {

enum class LessonKind { success, failure, insight };
enum class AdoptionStatus { planned, trying, adopted, abandoned };

// success|failure|insight and the Indonesian sukses, gagal, wawasan (case-insensitive).
// Throws Invalid naming the value.
LessonKind parse_lesson_kind(std::string_view text);
std::string lesson_kind_key(LessonKind kind);   // "success", ... (the JSON value)
std::string lesson_kind_label(LessonKind kind); // translated: "Success" / "Sukses"

// planned|trying|adopted|abandoned and the Indonesian direncanakan, dicoba, diadopsi,
// ditinggalkan. Throws Invalid naming the value.
AdoptionStatus parse_adoption_status(std::string_view text);
std::string adoption_status_key(AdoptionStatus status);
std::string adoption_status_label(AdoptionStatus status); // translated

// A topic as kept: trimmed, inner blanks collapsed to one space, ASCII lower-cased
// ("Pelayanan  Publik" -> "pelayanan publik"). Throws Invalid for an empty topic, one with a
// comma (commas separate topics) or invalid UTF-8.
std::string normalize_topic(std::string_view text);

// The meeting or visit where a lesson was shared.
struct LessonSource {
    std::string uuid;
    std::string title; // a meeting's title, a visit's purpose (may be empty)
    Date date{};
};

// Another village taking a lesson up.
struct Adoption {
    std::string uuid;
    VillageRef village;
    AdoptionStatus status = AdoptionStatus::planned;
    Date date{};
    std::string result;
};

struct Lesson {
    std::string uuid;
    std::string title;
    VillageRef village; // the village it comes from
    Date date{};
    LessonKind kind = LessonKind::insight;
    std::vector<std::string> topics; // normalized, sorted
    std::string context, outcome, lesson, recommendation;
    std::optional<LessonSource> meeting, visit; // at most one of them
    std::vector<Adoption> adoptions;            // by date
};

// Adoptions still going: planned, trying or adopted (not abandoned).
long active_adoptions(const Lesson& lesson);

// What `lesson add` and `lesson edit` may set, and what a template holds; unset members are
// left as they are. An empty context, outcome, lesson or recommendation clears it; an empty
// meeting or visit unlinks it. `topics` are added and `drop_topics` removed; `all_topics`
// (from a template's Topics line) replaces the whole set first.
struct LessonFields {
    std::optional<std::string> title;
    std::optional<std::string> village; // a village REF
    std::optional<Date> date;
    std::optional<LessonKind> kind;
    std::optional<std::string> context, outcome, lesson, recommendation;
    std::optional<std::string> meeting, visit; // id prefixes
    std::vector<std::string> topics, drop_topics;
    std::optional<std::vector<std::string>> all_topics;
};

// Text given for a lesson or an adoption: trimmed, valid UTF-8, CRs dropped, without the
// marks of search snippets (U+0002, U+0003). Throws Invalid naming the field.
std::string clean_lesson_text(std::string_view text, std::string_view field);

// Trims and checks the text fields as clean_lesson_text (the title and references on one
// line), normalizes topics (a topic given as "a, b" is two topics). Throws Invalid naming the
// field. Other control characters are kept, and escaped on output as everywhere.
void normalize_lesson_fields(LessonFields& fields);

// `over` laid over `base`: every member `over` sets wins; topics are added to base's.
// Options on the command line override a template this way.
LessonFields overlay(LessonFields base, const LessonFields& over);

// A search result: the lesson, its bm25 rank (lower is better) and a snippet of the text
// around the matching words, each marked between k_mark_open and k_mark_close.
struct LessonHit {
    Lesson lesson;
    double rank = 0;
    std::string snippet;
};

inline constexpr char k_mark_open = '\x02';
inline constexpr char k_mark_close = '\x03';

// A snippet cut into plain and marked runs, in order; the markers themselves are dropped.
struct MarkedText {
    std::string text;
    bool marked = false;
};
std::vector<MarkedText> split_marked(std::string_view snippet);
// The snippet without its markers.
std::string unmarked(std::string_view snippet);

} // namespace kades::core
