#pragma once
// A meeting of the network: when and where, who hosted and attended, what was decided, and
// the follow-up actions that point at it.

#include "core/date.hpp"
#include "core/record.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kades::core {

enum class MeetingKind { routine, forum, training, workshop, other };
enum class MeetingStatus { planned, held, cancelled };

// routine|forum|training|workshop|other and the Indonesian rutin, pelatihan, lokakarya,
// lainnya (case-insensitive). Throws Invalid naming the value.
MeetingKind parse_meeting_kind(std::string_view text);
std::string meeting_kind_key(MeetingKind kind);   // "routine", ... (the JSON value)
std::string meeting_kind_label(MeetingKind kind); // translated: "Routine" / "Rutin"

// planned|held|cancelled and the Indonesian rencana, terlaksana, batal. Throws Invalid.
MeetingStatus parse_meeting_status(std::string_view text);
std::string meeting_status_key(MeetingStatus status);
std::string meeting_status_label(MeetingStatus status); // translated

// A time of day as typed: HH:MM or H:MM (09.30 as well, as times are written in Indonesia),
// 00:00 to 23:59. Returns "HH:MM"; throws Invalid naming the value.
std::string parse_time(std::string_view text);

// The status a meeting on `date` takes: as asked (--planned, --held), else planned after
// today and held today or before. Held on a date after today is Refused.
MeetingStatus meeting_status_for(Date date, Date today, std::optional<MeetingStatus> asked);

// A forum as a meeting points at it.
struct MeetingForum {
    std::string uuid;
    std::string name;
};

struct Meeting {
    std::string uuid;
    std::string title;
    Date date{};
    std::string time; // "HH:MM", empty when not given
    MeetingKind kind = MeetingKind::routine;
    MeetingStatus status = MeetingStatus::planned;
    std::optional<VillageRef> host;
    std::string place;
    std::optional<MeetingForum> forum;
    std::vector<VillageRef> attendees; // by slug
    std::string agenda, notes, cancel_reason;
    std::vector<std::string> decisions; // in the order recorded
    std::vector<FollowUp> actions;
};

// What `meeting add` and `meeting edit` may set; unset members are left as they are. On edit
// an empty time, host, forum, place, agenda or notes clears it; decisions are appended.
struct MeetingFields {
    std::optional<std::string> title;
    std::optional<Date> date;
    std::optional<std::string> time; // as typed; normalized to HH:MM
    std::optional<MeetingKind> kind;
    std::optional<std::string> host;  // a village REF
    std::optional<std::string> forum; // a forum id (prefix)
    std::optional<std::string> place, agenda, notes;
    std::vector<std::string> attendees, drop_attendees; // village REFs
    std::vector<std::string> decisions;
    std::optional<MeetingStatus> status; // --planned or --held
};

// Trims and checks the text fields (valid UTF-8), the time to HH:MM; an empty title or
// decision is Invalid.
void normalize_meeting_fields(MeetingFields& fields);

} // namespace kades::core
