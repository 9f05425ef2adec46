#pragma once
// A work visit (kunjungan kerja): villages visit a host to learn its flagship programs, or
// send workers to it for weeks to learn a skill (pertukaran tenaga kerja).

#include "core/date.hpp"
#include "core/record.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kades::core {

enum class VisitKind { study, exchange, other };
enum class VisitStatus { planned, held, cancelled };

// study|exchange|other and the Indonesian studi, pertukaran, lainnya (case-insensitive).
// Throws Invalid naming the value.
VisitKind parse_visit_kind(std::string_view text);
std::string visit_kind_key(VisitKind kind);   // "study", ... (the JSON value)
std::string visit_kind_label(VisitKind kind); // translated: "Study visit" / ...

// planned|held|cancelled and the Indonesian rencana, terlaksana, batal. Throws Invalid.
VisitStatus parse_visit_status(std::string_view text);
std::string visit_status_key(VisitStatus status);
std::string visit_status_label(VisitStatus status); // translated

// The status a visit starting on `date` takes: as asked (--planned, --held), else planned
// after today and held today or before. Held on a date after today is Refused.
VisitStatus visit_status_for(Date date, Date today, std::optional<VisitStatus> asked);

struct Visit {
    std::string uuid;
    VisitKind kind = VisitKind::study;
    VisitStatus status = VisitStatus::planned;
    Date date{};
    std::optional<Date> until; // the last day, for a visit of several days
    VillageRef host;
    std::vector<VillageRef> visitors; // by slug
    std::string purpose, findings, skill, cancel_reason;
    std::vector<std::string> programs; // in the order recorded
    std::optional<long> workers;       // an exchange's workers, 1 or more
    std::vector<FollowUp> actions;
};

// The rules a visit keeps, whole: at least one visitor, each once, none the host; no end
// before the start; workers (1 or more) and a skill only for an exchange or other visit,
// never for a study visit; each program once. Throws Invalid naming the value.
void check_visit(const Visit& visit);

// What `visit add` and `visit edit` may set; unset members are left as they are. On edit an
// empty purpose, findings or skill clears it, and `until` or `workers` holding nullopt clears
// them; visitors are added and dropped, programs appended and dropped.
struct VisitFields {
    std::optional<std::string> host;                  // a village REF
    std::vector<std::string> visitors, drop_visitors; // village REFs
    std::optional<Date> date;
    std::optional<std::optional<Date>> until;
    std::optional<VisitKind> kind;
    std::optional<std::string> purpose, findings, skill;
    std::vector<std::string> programs, drop_programs;
    std::optional<std::optional<long>> workers;
    std::optional<VisitStatus> status; // --planned or --held
};

// Trims and checks the text fields (valid UTF-8); an empty host, visitor or program is Invalid.
void normalize_visit_fields(VisitFields& fields);

} // namespace kades::core
