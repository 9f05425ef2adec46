#pragma once
// `report village`: one village's story over a period.

#include "core/report.hpp"
#include "core/village.hpp"
#include "store/log.hpp"
#include "store/report.hpp"

#include <optional>

namespace kades::report {

// Builds the report; without a period, over the whole log. With a scope (--forum, --under),
// the villages it worked with and the adoptions both ways are those of the scope's villages:
// its story within that forum or district. Fills the scope's TEMP tables.
core::VillageReport village_report(store::Log& log, const core::Village& village,
                                   const std::optional<core::Period>& period,
                                   const store::ScopeFilter& scope = {});

} // namespace kades::report
