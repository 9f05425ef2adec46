#pragma once
#include "core/lesson.hpp"
#include "render/json.hpp"
#include "render/options.hpp"

#include <ostream>
#include <string>
#include <vector>

namespace kades::render {

// JSON of a lesson (spec: id, uuid, title, village, date, kind, topics, context, outcome,
// lesson, recommendation, meeting, visit, adoptions of id, village, status, date, result).
// Absent text is null; meeting and visit are 8-hex ids or null.
Json lesson_json(const core::Lesson& lesson);

// A lesson list in table, markdown, json or csv. The table's Adopted column counts the
// adoptions still going (planned, trying, adopted; not abandoned).
void lessons(std::ostream& out, const std::vector<core::Lesson>& lessons, const Options& options);

// `lesson show`: the lesson whole, its four review fields as paragraphs, and its adoptions;
// csv is the one-row list.
void lesson_record(std::ostream& out, const core::Lesson& lesson, const Options& options);

// `lesson search`: table (ID, Village, Kind, Title, Snippet; the matching words in colour when
// options.color), markdown (the matching words in **bold**), json (the lesson fields with rank
// and snippet, plain, and matches: the words marked) or csv. The markers of the snippet never
// reach the output.
void lesson_hits(std::ostream& out, const std::vector<core::LessonHit>& hits,
                 const Options& options);

// "3f9a0c12 “Bank sampah dikelola BUMDes” (Sidasari)" for confirmations.
std::string lesson_label(const core::Lesson& lesson);

} // namespace kades::render
