#pragma once
// The SQL of the reports: aggregate queries over one period, narrowed to the report's scope.
// prepare_scope fills the TEMP tables every other query here reads (scope_village, a view of
// every village for the whole log; scope_forum, scope_meta, scope_lesson; scope_period, the
// meetings and visits of a period asked, filled on first use), once per command.

#include "core/report.hpp"
#include "store/log.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace kades::store {

struct ScopeFilter {
    std::optional<std::string> forum; // an id prefix
    std::optional<std::string> under; // a region code, dotted or not
};

// Resolves the scope and fills the TEMP tables: the villages of the scope (archived ones
// too, with active = 0, so that their past records still count), the scope's forum, and
// whether the scope is the whole log. Throws NotFound / Invalid for a bad forum or code.
core::ReportScope prepare_scope(Log& log, const ScopeFilter& filter);
// The scope of `report village`: that one village (archived or not), no forum.
void prepare_village_scope(Log& log, const std::string& village_uuid);
// The network: non-archived villages of the scope.
long network_size(Log& log);
// Whether the village (by slug) is in the scope.
bool in_scope(Log& log, const std::string& slug);

// A meeting of the period with the raw counts its attendance rate is made of.
struct MeetingRow {
    core::ReportMeeting meeting;
    long members = 0; // villages invited by rule: the forum's (or scope's) non-archived villages
    long guests = 0;  // attendees outside them (guests, villages archived since)
};
std::vector<MeetingRow> report_meetings(Log& log, const core::Period& period);
// Held visits of the period, with visitors and programs.
std::vector<core::ReportVisit> report_visits(Log& log, const core::Period& period);
// Planned meetings and visits of the period, by date.
std::vector<core::PlannedItem> report_planned(Log& log, const core::Period& period);

// Lessons of the period (by date, then title) with their topics and adopters; the selection
// narrows them to one topic (normalized) and one kind (its key), empty for every one.
struct LessonSelection {
    std::string topic, kind;
};
std::vector<core::ReportLesson> report_lessons(Log& log, const core::Period& period,
                                               const LessonSelection& selection = {});
// Throws NotFound, offering the log's topics, unless some lesson (any scope, any date) has
// the topic (normalized): a --topic that matches nothing is a typo more often than not.
void require_topic(Log& log, const std::string& topic);
std::vector<core::ReportAdoption> report_adoptions(Log& log, const core::Period& period);

struct ActionCounts {
    long open = 0, overdue = 0, done = 0;
};
// Open and overdue as of today; done within the period.
ActionCounts report_action_counts(Log& log, const core::Period& period, core::Date today);
std::vector<core::ReportAction> report_overdue(Log& log, core::Date today, long limit);
// Agreements signed within the period, or (ending) whose term ends within it.
std::vector<core::ReportAgreement> report_agreements(Log& log, const core::Period& period,
                                                     bool ending);
// Agreements in force at some time within the period, by date signed.
std::vector<core::ReportAgreement> report_agreements_in_force(Log& log, const core::Period& period);

// The villages' activity (acts: held meetings attended and hosted, held visits hosted and
// made, lessons shared, adoptions): the `limit` villages of the scope with the most acts
// within the period, most first (then by name and slug), and the scope's non-archived
// villages with no act within the quiet window: how many, and the first `quiet_limit` of
// them by name and slug. Read together: for the whole log the acts of both windows are read
// once.
struct Activity {
    std::vector<core::VillageActivity> most_active;
    std::vector<core::VillageRef> quiet;
    long quiet_count = 0;
};
Activity report_activity(Log& log, const core::Period& period, long limit,
                         const core::Period& quiet_window, long quiet_limit);

// Who worked with whom within the period: each group is the villages (by id) of one held
// meeting (host and attendees, each once), one held visit (host first, star = true), one
// adoption (adopter and the lesson's village) or one agreement in force. Ids rather than
// names: a national month has some 50,000 of them, and only the links a report lists need
// their villages' names (village_refs).
enum class LinkKind { meeting, visit, adoption, agreement };
struct LinkGroup {
    LinkKind kind = LinkKind::meeting;
    bool star = false; // links the first village to each other one only
    std::vector<int64_t> villages;
};
std::vector<LinkGroup> report_link_groups(Log& log, const core::Period& period);

// The slugs and names of villages by id, in the order of the ids (empty for an unknown id).
std::vector<core::VillageRef> village_refs(Log& log, const std::vector<int64_t>& ids);

// The scope's non-archived villages by name, each with its number of distinct partners
// (agreement_partner through agreement_village) over the agreements in force within the
// period; links and weight left 0.
std::vector<core::NetworkVillage> report_network_villages(Log& log, const core::Period& period);

// What one village did within the period (`report village`): held meetings and visits,
// workers, lessons, adoptions both ways, agreements in force, their funding and partners.
core::VillagePeriodCounts report_village_counts(Log& log, const std::string& village_uuid,
                                                const core::Period& period);
// The partners of the village's agreements in force within the period, by name.
std::vector<std::string> report_village_partners(Log& log, const std::string& village_uuid,
                                                 const core::Period& period);

} // namespace kades::store
