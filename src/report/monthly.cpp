#include "report/monthly.hpp"

#include <algorithm>
#include <future>
#include <map>

namespace kades::report {

namespace {

void count_meetings(core::MonthlyReport& r, const std::vector<store::MeetingRow>& rows) {
    auto& t = r.totals;
    for (const auto& row : rows) {
        auto m = row.meeting;
        if (m.status == "held") {
            m.invited = invited_villages(row.members, row.guests);
            ++t.meetings_held;
            t.attendances += m.attended;
            t.invitations += m.invited;
        } else if (m.status == "planned") {
            ++t.meetings_planned;
        } else {
            ++t.meetings_cancelled;
        }
        r.meetings.push_back(std::move(m));
    }
    t.attendance_rate = attendance_rate(t.attendances, t.invitations);
}

void count_rest(core::MonthlyReport& r) {
    auto& t = r.totals;
    t.visits = static_cast<long>(r.visits.size());
    for (const auto& v : r.visits)
        t.workers_exchanged += v.workers;
    t.lessons = static_cast<long>(r.lessons.size());
    for (const auto& l : r.lessons) {
        t.lessons_success += l.kind == "success";
        t.lessons_failure += l.kind == "failure";
    }
    std::map<std::string, long> topics;
    for (const auto& l : r.lessons)
        for (const auto& topic : l.topics)
            ++topics[topic];
    r.lessons_by_topic.assign(topics.begin(), topics.end());
    std::stable_sort(r.lessons_by_topic.begin(), r.lessons_by_topic.end(),
                     [](const auto& a, const auto& b) { return a.second > b.second; });
    t.adoptions = static_cast<long>(r.adoptions.size());
    t.agreements_signed = static_cast<long>(r.agreements_signed.size());
    for (const auto& g : r.agreements_signed)
        t.funding_signed += g.funding.value_or(0);
}

core::Period quiet_window(const core::Period& period) {
    auto to = std::chrono::sys_days(period.to);
    return {core::Date(to - std::chrono::days(k_quiet_days - 1)), period.to};
}

} // namespace

long invited_villages(long members, long guests) {
    return members + guests;
}

std::optional<double> attendance_rate(long attendances, long invitations) {
    if (invitations <= 0)
        return std::nullopt;
    return static_cast<double>(attendances) / static_cast<double>(invitations);
}

core::Period next_month(const core::Period& period) {
    using namespace std::chrono;
    auto from = year_month_day(sys_days(period.to) + days(1));
    auto ym = year_month(period.to.year(), period.to.month()) + months(1);
    auto last = year_month_day_last(ym.year(), month_day_last(ym.month()));
    bool month_end =
        period.to ==
        year_month_day(year_month_day_last(period.to.year(), month_day_last(period.to.month())));
    auto to = month_end || period.to.day() > last.day() ? year_month_day(last)
                                                        : year_month_day(ym / period.to.day());
    return {from, to};
}

namespace {

// The half of the report that does not depend on the other: actions, the villages' activity,
// what is planned next and the network's links.
struct Rest {
    store::ActionCounts actions;
    std::vector<core::ReportAction> overdue;
    store::Activity activity;
    std::vector<core::PlannedItem> planned;
    std::vector<core::NetworkLink> links;
    long links_count = 0;
};

Rest read_rest(store::Log& log, const core::Period& period, core::Date today,
               const core::Period& next) {
    Rest rest;
    rest.actions = store::report_action_counts(log, period, today);
    rest.overdue = store::report_overdue(log, today, k_overdue_shown);
    rest.activity =
        store::report_activity(log, period, k_most_active, quiet_window(period), k_quiet_shown);
    rest.planned = store::report_planned(log, next);
    rest.links = strongest_links(log, store::report_link_groups(log, period),
                                 static_cast<std::size_t>(k_links_shown), rest.links_count);
    return rest;
}

} // namespace

core::MonthlyReport monthly_report(store::Log& log, const store::ScopeFilter& scope,
                                   const core::Period& period, core::Date today, bool monthly) {
    core::MonthlyReport r;
    r.period = period;
    r.today = today;
    r.monthly = monthly;
    r.next = next_month(period);
    // The whole log's report is read in two halves at once, each on its own connection to the
    // same state of the log, when the log allows a second reader (Log::reader_alongside). A
    // scope's report reads alone: its TEMP tables would be filled twice, and each connection
    // maps and caches the log's pages anew (a province's scope alone takes 60 ms).
    bool whole_log = !scope.forum && !scope.under;
    auto helper = whole_log ? log.reader_alongside() : std::nullopt;
    r.scope = store::prepare_scope(log, scope);
    std::future<Rest> later;
    if (helper) {
        store::prepare_scope(*helper, scope);
        later = std::async(std::launch::async, [&helper, &period, today, &r] {
            return read_rest(*helper, period, today, r.next);
        });
    }
    r.villages = store::network_size(log);
    count_meetings(r, store::report_meetings(log, period));
    r.visits = store::report_visits(log, period);
    r.lessons = store::report_lessons(log, period);
    r.adoptions = store::report_adoptions(log, period);
    r.agreements_signed = store::report_agreements(log, period, false);
    r.agreements_ending = store::report_agreements(log, period, true);
    count_rest(r);

    auto rest = helper ? later.get() : read_rest(log, period, today, r.next);
    r.totals.actions_open = rest.actions.open;
    r.totals.actions_overdue = rest.actions.overdue;
    r.totals.actions_done = rest.actions.done;
    r.overdue = std::move(rest.overdue);
    r.most_active = std::move(rest.activity.most_active);
    r.quiet_count = rest.activity.quiet_count;
    r.quiet = std::move(rest.activity.quiet);
    r.planned = std::move(rest.planned);
    r.links = std::move(rest.links);
    r.links_count = rest.links_count;
    return r;
}

} // namespace kades::report
