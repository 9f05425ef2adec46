#pragma once
// The lesson template of `lesson add --edit` and `--from-file`: a small Markdown document.
//
//   Title: Bank sampah dikelola BUMDes         (Judul)
//   Village: sidasari-cipari                    (Desa)
//   Kind: success                               (Jenis)
//   Topics: sampah, BUMDes                      (Topik)
//   Date: 2026-11-27                            (Tanggal)
//   Meeting: 3f9a0c12                           (Pertemuan)
//   Visit:                                      (Kunjungan)
//
//   ## Context          (## Konteks)
//   ## Outcome          (## Hasil)
//   ## Lesson           (## Pelajaran)
//   ## Recommendation   (## Rekomendasi)
//
// Header names and section names are case-insensitive; <!-- ... --> comments are ignored.
// Pure: text in, fields out.

#include "core/date.hpp"
#include "core/i18n.hpp"
#include "core/lesson.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace kades::core {

// A lesson as the template shows it: every value as text.
struct LessonDraft {
    std::string title, village, kind, date, meeting, visit;
    std::vector<std::string> topics;
    std::string context, outcome, lesson, recommendation;
};

// The template filled in with the draft, with help in <!-- --> comments; header and section
// names in the language (English or Indonesian), help translated.
std::string write_lesson_template(const LessonDraft& draft, Lang lang);

// The fields a template sets: the title, topics, meeting, visit and each section when present
// (even empty: an empty title records nothing, an empty section clears it on edit); the
// village, kind and date when present and not empty. Throws Invalid naming the line for an
// unknown header or section, one given twice, a line that is neither, a bad kind or date, and
// a comment left open.
LessonFields parse_lesson_template(std::string_view text, Date today);

// Refuses fields without a title, or with an empty one: nothing is recorded (as git aborts a
// commit with an empty message). Throws Invalid.
void require_title(const LessonFields& fields);

} // namespace kades::core
