// Tests of src/core/meeting.cpp: kinds, statuses, times and the status a new meeting takes.

#include "core/date.hpp"
#include "core/error.hpp"
#include "core/meeting.hpp"

#include <doctest/doctest.h>
#include <fmt/format.h>

#include <string>
#include <string_view>

using namespace kades::core;

namespace {

// A value as a refusal quotes it. (fmt, not "'" + string: GCC 12 warns wrongly on that at -O3.)
std::string quoted(std::string_view text) {
    return fmt::format("'{}'", text);
}

Date day(const char* iso) {
    return parse_iso_date(iso).value();
}

const Date k_today = day("2026-11-27");

// The message of the Invalid a call throws, or "" when it throws nothing.
template <typename F> std::string invalid_message(F call) {
    try {
        call();
    } catch (const Invalid& e) {
        return e.what();
    }
    return "";
}

} // namespace

TEST_CASE("core::parse_meeting_kind: English keys and Indonesian aliases") {
    CHECK(parse_meeting_kind("routine") == MeetingKind::routine);
    CHECK(parse_meeting_kind("rutin") == MeetingKind::routine);
    CHECK(parse_meeting_kind("forum") == MeetingKind::forum);
    CHECK(parse_meeting_kind("training") == MeetingKind::training);
    CHECK(parse_meeting_kind("pelatihan") == MeetingKind::training);
    CHECK(parse_meeting_kind("workshop") == MeetingKind::workshop);
    CHECK(parse_meeting_kind("lokakarya") == MeetingKind::workshop);
    CHECK(parse_meeting_kind("other") == MeetingKind::other);
    CHECK(parse_meeting_kind("lainnya") == MeetingKind::other);
    CHECK(parse_meeting_kind(" Pelatihan ") == MeetingKind::training);
    CHECK(parse_meeting_kind("ROUTINE") == MeetingKind::routine);
    for (auto text : {"", "meeting", "rapat", "routines"})
        CHECK_MESSAGE(invalid_message([&] { parse_meeting_kind(text); }).find(quoted(text)) !=
                          std::string::npos,
                      text);
}

TEST_CASE("core::meeting_kind_key and label") {
    for (auto kind : {MeetingKind::routine, MeetingKind::forum, MeetingKind::training,
                      MeetingKind::workshop, MeetingKind::other})
        CHECK(parse_meeting_kind(meeting_kind_key(kind)) == kind);
    CHECK(meeting_kind_key(MeetingKind::workshop) == "workshop");
    CHECK(meeting_kind_label(MeetingKind::routine) == "Routine");
    CHECK(meeting_kind_label(MeetingKind::other) == "Other");
}

TEST_CASE("core::parse_meeting_status") {
    CHECK(parse_meeting_status("planned") == MeetingStatus::planned);
    CHECK(parse_meeting_status("held") == MeetingStatus::held);
    CHECK(parse_meeting_status("Cancelled") == MeetingStatus::cancelled);
    CHECK(parse_meeting_status("rencana") == MeetingStatus::planned);
    CHECK(parse_meeting_status("terlaksana") == MeetingStatus::held);
    CHECK(parse_meeting_status("batal") == MeetingStatus::cancelled);
    for (auto status : {MeetingStatus::planned, MeetingStatus::held, MeetingStatus::cancelled})
        CHECK(parse_meeting_status(meeting_status_key(status)) == status);
    CHECK(meeting_status_label(MeetingStatus::held) == "Held");
    CHECK(invalid_message([] { parse_meeting_status("done"); }).find("'done'") !=
          std::string::npos);
}

TEST_CASE("core::parse_time: HH:MM, H:MM and HH.MM, to HH:MM") {
    CHECK(parse_time("09:30") == "09:30");
    CHECK(parse_time("9:30") == "09:30");
    CHECK(parse_time("09.30") == "09:30");
    CHECK(parse_time(" 7:05 ") == "07:05");
    CHECK(parse_time("00:00") == "00:00");
    CHECK(parse_time("23:59") == "23:59");
    for (auto text : {"25:00", "24:00", "9:5", "12:60", "", "9", "0930", "9:300", "ab:cd", "-1:00",
                      "12:5a", "123:45", "12:", ":30", "12-30", "1 2:30"}) {
        INFO(text);
        CHECK(invalid_message([&] { parse_time(text); }).find(quoted(text)) != std::string::npos);
    }
}

TEST_CASE("core::meeting_status_for: planned after today, held today or before") {
    CHECK(meeting_status_for(day("2026-11-28"), k_today, std::nullopt) == MeetingStatus::planned);
    CHECK(meeting_status_for(k_today, k_today, std::nullopt) == MeetingStatus::held);
    CHECK(meeting_status_for(day("2025-01-01"), k_today, std::nullopt) == MeetingStatus::held);
    CHECK(meeting_status_for(day("2026-11-01"), k_today, MeetingStatus::planned) ==
          MeetingStatus::planned);
    CHECK(meeting_status_for(k_today, k_today, MeetingStatus::held) == MeetingStatus::held);
    CHECK(meeting_status_for(day("2027-01-01"), k_today, MeetingStatus::planned) ==
          MeetingStatus::planned);
    try {
        meeting_status_for(day("2026-11-28"), k_today, MeetingStatus::held);
        FAIL("a held meeting after today was accepted");
    } catch (const Refused& e) {
        CHECK(std::string(e.what()).find("a meeting on 2026-11-28 cannot be held yet") == 0);
        CHECK(e.exit_code() == k_exit_failed);
        CHECK_FALSE(e.hints().empty());
    }
}

TEST_CASE("core::normalize_meeting_fields") {
    MeetingFields f;
    f.title = "  Rapat koordinasi  ";
    f.time = "9:00";
    f.place = " Balai desa ";
    f.decisions = {" Satu ", "Dua"};
    f.attendees = {" sidasari-cipari "};
    normalize_meeting_fields(f);
    CHECK(*f.title == "Rapat koordinasi");
    CHECK(*f.time == "09:00");
    CHECK(*f.place == "Balai desa");
    CHECK(f.decisions == std::vector<std::string>{"Satu", "Dua"});
    CHECK(f.attendees == std::vector<std::string>{"sidasari-cipari"});

    MeetingFields clear;
    clear.time = " ";
    clear.host = "";
    normalize_meeting_fields(clear);
    CHECK(*clear.time == "");
    CHECK(*clear.host == "");

    auto refused = [](MeetingFields fields) {
        return invalid_message([&] { normalize_meeting_fields(fields); });
    };
    MeetingFields empty_title;
    empty_title.title = "   ";
    CHECK(refused(empty_title).find("title") != std::string::npos);
    MeetingFields bad_utf8;
    bad_utf8.title = "Rapat \xff";
    CHECK(refused(bad_utf8).find("title") != std::string::npos);
    MeetingFields bad_time;
    bad_time.time = "25:00";
    CHECK(refused(bad_time).find("'25:00'") != std::string::npos);
    MeetingFields empty_decision;
    empty_decision.decisions = {"ok", " "};
    CHECK(refused(empty_decision).find("decision") != std::string::npos);
    MeetingFields bad_notes;
    bad_notes.notes = "\xc3";
    CHECK(refused(bad_notes).find("notes") != std::string::npos);
}
