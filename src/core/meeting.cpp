#include "core/meeting.hpp"

#include "core/error.hpp"
#include "core/i18n.hpp"
#include "core/text.hpp"

#include <fmt/format.h>

#include <array>

namespace kades::core {
namespace {

struct KindNames {
    MeetingKind kind;
    const char* key;
    const char* alias; // Indonesian
    const char* label; // msgid, translated when shown
};

constexpr std::array<KindNames, 5> k_kinds{{
    {MeetingKind::routine, "routine", "rutin", N_("Routine")},
    {MeetingKind::forum, "forum", "forum", N_("Forum")},
    {MeetingKind::training, "training", "pelatihan", N_("Training")},
    {MeetingKind::workshop, "workshop", "lokakarya", N_("Workshop")},
    {MeetingKind::other, "other", "lainnya", N_("Other")},
}};

struct StatusNames {
    MeetingStatus status;
    const char* key;
    const char* alias;
    const char* label;
};

constexpr std::array<StatusNames, 3> k_statuses{{
    {MeetingStatus::planned, "planned", "rencana", N_("Planned")},
    {MeetingStatus::held, "held", "terlaksana", N_("Held")},
    {MeetingStatus::cancelled, "cancelled", "batal", N_("Cancelled")},
}};

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

int two_digits(std::string_view digits) {
    int value = 0;
    for (char c : digits)
        value = value * 10 + (c - '0');
    return value;
}

} // namespace

MeetingKind parse_meeting_kind(std::string_view text) {
    auto word = ascii_lower(trim(text));
    for (const auto& names : k_kinds) {
        if (word == names.key || word == names.alias)
            return names.kind;
    }
    throw Invalid(trf("meeting kind '{}' is not known: use routine, forum, training, workshop or "
                      "other (rutin, pelatihan, lokakarya, lainnya)",
                      text));
}

std::string meeting_kind_key(MeetingKind kind) {
    return k_kinds[static_cast<std::size_t>(kind)].key;
}

std::string meeting_kind_label(MeetingKind kind) {
    return tr(k_kinds[static_cast<std::size_t>(kind)].label);
}

MeetingStatus parse_meeting_status(std::string_view text) {
    auto word = ascii_lower(trim(text));
    for (const auto& names : k_statuses) {
        if (word == names.key || word == names.alias)
            return names.status;
    }
    throw Invalid(trf("meeting status '{}' is not known: use planned, held or cancelled", text));
}

std::string meeting_status_key(MeetingStatus status) {
    return k_statuses[static_cast<std::size_t>(status)].key;
}

std::string meeting_status_label(MeetingStatus status) {
    return tr(k_statuses[static_cast<std::size_t>(status)].label);
}

std::string parse_time(std::string_view text) {
    auto word = trim(text);
    auto colon = word.find_first_of(":.");
    bool shaped = colon != std::string::npos && (colon == 1 || colon == 2) &&
                  word.size() == colon + 3 && is_digit(word[0]) && is_digit(word[colon - 1]) &&
                  is_digit(word[colon + 1]) && is_digit(word[colon + 2]);
    if (shaped) {
        int hour = two_digits(std::string_view(word).substr(0, colon));
        int minute = two_digits(std::string_view(word).substr(colon + 1));
        if (hour <= 23 && minute <= 59)
            return fmt::format("{:02}:{:02}", hour, minute);
    }
    throw Invalid(trf("'{}' is not a time of day: use HH:MM, from 00:00 to 23:59", text));
}

MeetingStatus meeting_status_for(Date date, Date today, std::optional<MeetingStatus> asked) {
    bool future = std::chrono::sys_days{date} > std::chrono::sys_days{today};
    if (asked == MeetingStatus::held && future)
        throw Refused(trf("a meeting on {} cannot be held yet: today is {}", iso(date), iso(today)),
                      {tr("leave out --held to record it as planned")});
    if (asked)
        return *asked;
    return future ? MeetingStatus::planned : MeetingStatus::held;
}

void normalize_meeting_fields(MeetingFields& fields) {
    clean_optional(fields.title, "title");
    clean_optional(fields.host, "host");
    clean_optional(fields.forum, "forum");
    clean_optional(fields.place, "place");
    clean_optional(fields.agenda, "agenda");
    clean_optional(fields.notes, "notes");
    if (fields.title && fields.title->empty())
        throw Invalid(tr("the meeting's title is empty: give a title"));
    if (fields.time && !trim(*fields.time).empty())
        fields.time = parse_time(*fields.time);
    else if (fields.time)
        fields.time = "";
    for (auto& decision : fields.decisions) {
        decision = clean_field(decision, "decision");
        if (decision.empty())
            throw Invalid(tr("a decision is empty: give its text"));
    }
    for (auto* refs : {&fields.attendees, &fields.drop_attendees}) {
        for (auto& ref : *refs)
            ref = clean_field(ref, "attendee");
    }
}

} // namespace kades::core
