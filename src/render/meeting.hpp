#pragma once
#include "core/meeting.hpp"
#include "render/json.hpp"
#include "render/options.hpp"

#include <ostream>
#include <string>
#include <vector>

namespace kades::render {

// JSON of a meeting (spec: id, uuid, title, date, time, kind, status, host, place, forum,
// attendees, agenda, notes, decisions, actions; and cancel_reason). Absent text is null.
Json meeting_json(const core::Meeting& meeting);

// A meeting list in table, markdown, json or csv.
void meetings(std::ostream& out, const std::vector<core::Meeting>& meetings,
              const Options& options);

// `meeting show`: the meeting whole, with its attendees, decisions and actions; csv is the
// one-row list.
void meeting_record(std::ostream& out, const core::Meeting& meeting, const Options& options);

// "3f9a0c12 “Rapat koordinasi” (4 Des 2026)" for confirmations.
std::string meeting_label(const core::Meeting& meeting, core::Lang lang);

} // namespace kades::render
