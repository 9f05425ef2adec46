#pragma once
// The data of the reports (`report monthly`, `report period`), built once in src/report from
// the store and rendered by every format in src/render: no format computes its own numbers.

#include "core/date.hpp"
#include "core/record.hpp"
#include "core/village.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace kades::core {

// What a report covers: the forum's members (--forum), the villages under a region code
// (--under), or the whole log. The label is for titles ("Forum Kades Cipari", "33.01").
struct ReportScope {
    std::string forum_uuid; // empty: no --forum
    std::string forum_name;
    std::string under; // dotted region code, empty: no --under
    std::string under_name;
};

struct ReportMeeting {
    std::string uuid;
    std::string title;
    Date date;
    std::string status; // planned, held, cancelled
    VillageRef host;    // empty slug: no host
    long attended = 0;
    long invited = 0; // see report::invited_villages
    std::vector<std::string> decisions;
};

struct ReportVisit {
    std::string uuid;
    Date date;
    std::optional<Date> until;
    std::string kind; // study, exchange, other
    VillageRef host;
    std::vector<VillageRef> visitors;
    std::vector<std::string> programs;
    long workers = 0;
    std::string purpose, skill;
};

// A village that took a lesson up, with how far it got.
struct LessonAdopter {
    VillageRef village;
    std::string status; // planned, trying, adopted, abandoned
    Date date;
    std::string result;
};

struct ReportLesson {
    std::string uuid;
    std::string title;
    VillageRef village;
    Date date;
    std::string kind; // success, failure, insight
    std::string context, outcome, lesson, recommendation;
    std::vector<std::string> topics;
    std::vector<LessonAdopter> adopters; // by the village's name
};

struct ReportAdoption {
    std::string uuid;
    std::string lesson_uuid, lesson_title;
    VillageRef from, by;
    std::string status; // planned, trying, adopted, abandoned
    Date date;
    std::string result;
};

struct ReportAction {
    std::string uuid;
    std::string text;
    VillageRef owner;
    std::optional<Date> due;
};

struct ReportAgreement {
    std::string uuid;
    std::string title;
    Date signed_on;
    std::optional<Date> until;
    std::optional<long long> funding; // rupiah
    std::vector<VillageRef> villages;
    std::vector<std::string> partners;
};

struct VillageActivity {
    VillageRef village;
    long count = 0;
};

struct PlannedItem {
    Date date;
    std::string kind; // meeting, visit
    std::string title;
    VillageRef host;
};

// A link of the collaboration network: two villages and how often they worked together.
struct NetworkLink {
    VillageRef a, b; // a.slug < b.slug
    long meetings = 0, visits = 0, adoptions = 0, agreements = 0;
    long weight() const { return meetings + visits + adoptions + agreements; }
};

struct ReportTotals {
    long meetings_held = 0, meetings_planned = 0, meetings_cancelled = 0;
    long attendances = 0, invitations = 0;
    std::optional<double> attendance_rate; // none when no meeting was held
    long visits = 0, workers_exchanged = 0;
    long lessons = 0, lessons_success = 0, lessons_failure = 0;
    long adoptions = 0;
    long actions_open = 0, actions_overdue = 0, actions_done = 0;
    long agreements_signed = 0;
    long long funding_signed = 0;
};

struct MonthlyReport {
    Period period;
    Date today;
    bool monthly = true; // a calendar month (report monthly) or any period
    ReportScope scope;
    long villages = 0; // the network: non-archived villages of the scope
    ReportTotals totals;
    std::vector<ReportMeeting> meetings;
    std::vector<ReportVisit> visits;
    std::vector<ReportLesson> lessons;
    std::vector<std::pair<std::string, long>> lessons_by_topic; // most first
    std::vector<ReportAdoption> adoptions;
    std::vector<ReportAction> overdue; // at most k_overdue_shown, oldest due first
    std::vector<ReportAgreement> agreements_signed, agreements_ending;
    std::vector<VillageActivity> most_active; // at most k_most_active
    std::vector<VillageRef> quiet;            // at most k_quiet_shown, by name
    long quiet_count = 0;
    Period next; // the month after the period
    std::vector<PlannedItem> planned;
    std::vector<NetworkLink> links; // the strongest k_links_shown, heaviest first
    long links_count = 0;
};

// A village of `report network`: its links within the period, their summed weight, and the
// partners (NGOs, companies, ...) it works with through agreements in force within it.
struct NetworkVillage {
    VillageRef village;
    long links = 0, weight = 0, partners = 0;
};

// What one village did within a period (`report village`).
struct VillagePeriodCounts {
    long meetings_hosted = 0, meetings_attended = 0;
    long visits_hosted = 0, visits_made = 0;
    long workers_sent = 0, workers_received = 0;
    long lessons_shared = 0, lessons_adopted = 0; // adopted: from other villages, by it
    long adopted_by_others = 0;                   // its lessons, by other villages
    long agreements = 0, partners = 0;            // in force within the period
    long long funding = 0;                        // Rupiah of those agreements
};

// `report village`: one village's story over a period (all of the log without one).
struct VillageReport {
    Period period;
    bool all_time = true;
    ReportScope scope; // with one, links and adoptions only with the scope's villages
    VillageRef village;
    std::string code; // dotted, empty when unknown
    VillagePeriodCounts counts;
    std::vector<ReportLesson> lessons;             // it shared, with who adopted them
    std::vector<ReportAdoption> adopted;           // lessons of others it adopted
    std::vector<ReportAdoption> adopted_by_others; // its lessons, adopted elsewhere
    std::vector<NetworkLink> links;                // the villages it worked with, a = it
    std::vector<ReportAgreement> agreements;       // in force within the period
    std::vector<std::string> partners;             // of those agreements, by name
    std::vector<IndexEntry> index;                 // every year recorded (not only the period)
};

struct NetworkReport {
    Period period;
    bool all_time = true; // no --from / --to: the whole log
    ReportScope scope;
    std::vector<NetworkLink> links;       // every link, heaviest first
    std::vector<NetworkVillage> villages; // the scope's non-archived villages, most links first
    std::vector<VillageRef> isolated;     // those of them with no link, by name
};

// A topic of the compendium: its lessons by kind. The topic is empty for the lessons with
// none.
struct TopicSummary {
    std::string topic;
    long lessons = 0, success = 0, failure = 0, insight = 0;
};

// A section of the compendium: the lessons written out under it (those whose first topic it
// is, or all of them for --topic) and the ones only named there ("see also": written out under
// their first topic), each an index into LessonsReport::lessons.
struct TopicGroup {
    TopicSummary summary;
    std::vector<std::size_t> lessons, see_also;
};

// `report lessons`: the lessons-learned compendium, grouped by topic.
struct LessonsReport {
    Period period;
    bool all_time = true;
    Date today;
    ReportScope scope;
    std::string topic;                 // normalized --topic, empty: every topic
    std::string kind;                  // --kind, empty: every kind
    std::vector<ReportLesson> lessons; // by date, then title
    std::vector<TopicGroup> groups;    // by topic name; the lessons without one last
    long success = 0, failure = 0, insight = 0;
    long adoptions = 0, adopted = 0; // adopted: adoptions whose status is "adopted"
    long villages = 0;               // villages that shared a lesson
};

} // namespace kades::core
