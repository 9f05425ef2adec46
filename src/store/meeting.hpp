#pragma once
// Meetings: their rows, attendees and decisions, and the actions that point at them.

#include "core/meeting.hpp"
#include "core/record.hpp"
#include "store/log.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kades::store {

struct MeetingFilter {
    std::optional<core::MeetingStatus> status;
    std::optional<core::MeetingKind> kind;
    std::optional<std::string> forum;   // a forum id (prefix)
    std::optional<std::string> village; // a village REF: meetings it hosted or attended
    core::ListWindow window;
};
// By date, then time (meetings without a time first), then title.
std::vector<core::Meeting> list_meetings(Log& log, const MeetingFilter& filter);

// The meeting whose id starts with `id`: NotFound, Ambiguous (listing the candidates).
core::Meeting resolve_meeting(Log& log, std::string_view id);
std::optional<core::Meeting> find_meeting(Log& log, const std::string& uuid);

// Adds a meeting. Its status follows core::meeting_status_for; every village REF and the
// forum are resolved before anything is written, and an attendee given twice is refused.
core::Meeting add_meeting(Log& log, core::MeetingFields fields, core::Date today);
// Changes what fields set: drops, then adds attendees (one already attending is refused),
// appends decisions. Without --planned/--held the status stays, but a held meeting moved
// after today is refused.
core::Meeting edit_meeting(Log& log, const core::Meeting& meeting, core::MeetingFields fields,
                           core::Date today);
// Adds attendees; one already attending, or given twice, is refused and nothing is recorded.
core::Meeting attend_meeting(Log& log, const core::Meeting& meeting,
                             const std::vector<std::string>& refs);
// Marks a planned or cancelled meeting held: refused after today, or when already held.
core::Meeting mark_held(Log& log, const core::Meeting& meeting, core::Date today);
// Cancels a planned meeting: refused when held or already cancelled.
core::Meeting cancel_meeting(Log& log, const core::Meeting& meeting, const std::string& reason);
// Removes a meeting with its attendees and decisions: refused (naming them) while actions
// point at it.
void remove_meeting(Log& log, const core::Meeting& meeting);

} // namespace kades::store
