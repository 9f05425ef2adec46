#pragma once
// `report network`: who works with whom, each village's links and partners, and the villages
// left out. The links are weighed by report::weigh_links, as in the monthly report.

#include "core/report.hpp"
#include "store/log.hpp"
#include "store/report.hpp"

#include <optional>

namespace kades::report {

// The period of the whole log: core::make_period without ends.
core::Period all_time();

// Builds the report; without a period, over the whole log. Fills the scope's TEMP tables.
core::NetworkReport network_report(store::Log& log, const store::ScopeFilter& scope,
                                   const std::optional<core::Period>& period);

} // namespace kades::report
