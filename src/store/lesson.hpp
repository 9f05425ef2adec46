#pragma once
// Lessons learned: their rows and topics, their adoption by other villages, and the full-text
// search over them (lesson_fts, kept right by the triggers of migration 4, and by the merge
// while it applies other copies' changes: migration 10).

#include "core/lesson.hpp"
#include "core/record.hpp"
#include "store/log.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kades::store {

struct LessonFilter {
    std::optional<std::string> topic; // exact, case-insensitive
    std::optional<core::LessonKind> kind;
    std::optional<std::string> village; // a village REF: lessons it shared or took up
    core::ListWindow window;            // the period is on the lesson's date
};
// By date, then title.
std::vector<core::Lesson> list_lessons(Log& log, const LessonFilter& filter);

// The lesson whose id starts with `id`: Invalid, NotFound, Ambiguous (listing the candidates).
core::Lesson resolve_lesson(Log& log, std::string_view id);
std::optional<core::Lesson> find_lesson(Log& log, const std::string& uuid);

// Adds a lesson: a title and a village are required; the kind defaults to insight and the
// date to today. The village, meeting or visit are resolved before anything is written.
core::Lesson add_lesson(Log& log, core::LessonFields fields, core::Date today);
// Changes what fields set: topics are replaced (all_topics), then dropped (one the lesson does
// not have is refused) and added. Moving the lesson to a village that adopts it, or to a date
// after one of its adoptions, is refused.
core::Lesson edit_lesson(Log& log, const core::Lesson& lesson, core::LessonFields fields);
// Removes a lesson with its topics: refused (naming them) while adoptions point at it.
void remove_lesson(Log& log, const core::Lesson& lesson);

struct AdoptionFields {
    std::string village; // a village REF
    std::optional<core::AdoptionStatus> status;
    std::optional<core::Date> date;
    std::optional<std::string> result; // empty clears it
};
struct Adopted {
    core::Lesson lesson;
    core::Adoption adoption;
    std::optional<core::Adoption> before; // the adoption this one updated, if any
};
// A village takes the lesson up (status planned unless given, dated today unless given), or,
// when it already has, its adoption moves on: a new status is dated today unless given, and
// a call that changes nothing is refused. The lesson's own village and a date before the
// lesson are refused.
Adopted adopt_lesson(Log& log, const core::Lesson& lesson, AdoptionFields fields, core::Date today);
// Removes a village's adoption of the lesson (one recorded by mistake; a village that gave
// up keeps its adoption as abandoned). NotFound when the village has none.
struct Unadopted {
    core::Lesson lesson; // as it is after
    core::Adoption removed;
};
Unadopted remove_adoption(Log& log, const core::Lesson& lesson, const std::string& village);

// Refuses (naming them, with how to unlink them) while lessons are linked to the meeting or
// visit as where they were shared: removing it would leave them pointing at nothing.
enum class LessonSourceKind { meeting, visit };
void refuse_if_lessons_shared_at(Log& log, LessonSourceKind kind, const std::string& uuid);

// Full-text search (FTS5 syntax: words, "phrases", OR, NOT, prefix*, column:word) over the
// title, topics and the four review fields, Indonesian words stemmed; best first by bm25
// (title 10, topics 5, others 1), then narrowed by the filter. A malformed query is Invalid
// naming it.
std::vector<core::LessonHit> search_lessons(Log& log, const std::string& query,
                                            const LessonFilter& filter);

} // namespace kades::store
