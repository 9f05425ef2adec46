#pragma once
#include "core/village.hpp"
#include "store/log.hpp"

namespace kades::report {

// Everything `village show` tells about one village: the record, its heads, its index
// history and the counts of what it took part in.
core::VillageProfile village_profile(store::Log& log, const core::Village& village,
                                     core::Date today);

} // namespace kades::report
