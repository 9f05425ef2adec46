#pragma once
// `report lessons`: the lessons-learned compendium, grouped by topic, the document a forum
// hands to a new kades.

#include "core/report.hpp"
#include "store/log.hpp"
#include "store/report.hpp"

#include <optional>
#include <vector>

namespace kades::report {

// Builds the compendium; without a period, over the whole log. The selection's topic
// (normalized) must be one some lesson of the log has: NotFound otherwise. Fills the scope's
// TEMP tables.
core::LessonsReport lessons_report(store::Log& log, const store::ScopeFilter& scope,
                                   const std::optional<core::Period>& period,
                                   const store::LessonSelection& selection, core::Date today);

// The sections of the compendium: one per topic by name (the lessons without a topic last,
// under the empty topic). A lesson is written out under its first topic and only named
// under the others, unless `topic` is given: then there is that one section, holding every
// lesson. Summaries count every lesson of the section, named ones too.
std::vector<core::TopicGroup> group_by_topic(const std::vector<core::ReportLesson>& lessons,
                                             const std::string& topic);

} // namespace kades::report
