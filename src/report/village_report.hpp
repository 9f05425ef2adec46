#pragma once
// `report village`: one village's story over a period.

#include "core/report.hpp"
#include "core/village.hpp"
#include "store/log.hpp"

#include <optional>

namespace kades::report {

// Builds the report; without a period, over the whole log. Fills the scope's TEMP tables
// with the village alone.
core::VillageReport village_report(store::Log& log, const core::Village& village,
                                   const std::optional<core::Period>& period);

} // namespace kades::report
