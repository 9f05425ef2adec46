#pragma once
// `report monthly` and `report period`: the network's activity over a period.

#include "core/report.hpp"
#include "store/log.hpp"
#include "store/report.hpp"

#include <cstddef>
#include <optional>
#include <vector>

namespace kades::report {

constexpr long k_most_active = 10;   // villages in "most active"
constexpr long k_overdue_shown = 20; // overdue actions listed (all are counted)
constexpr long k_quiet_shown = 50;   // quiet villages listed (all are counted)
constexpr long k_links_shown = 12;   // strongest links listed (all are counted)
constexpr int k_quiet_days = 90;     // no activity in this many days: a quiet village

// The villages a held meeting counts as invited: the members invited by rule (its forum's
// non-archived members or, for a meeting without a forum, the scope's non-archived
// villages) plus every attendee outside them (a guest, a member archived since: it came).
// So a meeting's attendance is never above its invitations.
long invited_villages(long members, long guests);

// The attendance rate of the period: attendances over invitations, summed over the held
// meetings (attendances / (meetings held x villages invited), each meeting with its own
// invited villages). None when no meeting was held (JSON null, "—" in text).
std::optional<double> attendance_rate(long attendances, long invitations);

// The month after a period: from the next day to the same day a month later (the month's
// last day when the period ends on one).
core::Period next_month(const core::Period& period);

// Builds the report; the scope's TEMP tables are filled here.
core::MonthlyReport monthly_report(store::Log& log, const store::ScopeFilter& scope,
                                   const core::Period& period, core::Date today, bool monthly);

// The links of the network weighed from the groups that worked together: a meeting links
// every pair of its villages, a visit its host to each visitor, an adoption the adopter to
// the lesson's village, an agreement every pair of its villages. Heaviest first, then by name.
// The villages are named from the log.
std::vector<core::NetworkLink> weigh_links(store::Log& log,
                                           const std::vector<store::LinkGroup>& groups);
// The `keep` first links of weigh_links, and the number of links in `count`, without ordering
// the rest (a national month has some 170,000). Defined beside weigh_links in network.cpp.
std::vector<core::NetworkLink> strongest_links(store::Log& log,
                                               const std::vector<store::LinkGroup>& groups,
                                               std::size_t keep, long& count);

} // namespace kades::report
