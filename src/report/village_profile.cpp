#include "report/village_profile.hpp"

#include "store/village.hpp"

namespace kades::report {

core::VillageProfile village_profile(store::Log& log, const core::Village& village,
                                     core::Date today) {
    return core::VillageProfile{village, store::village_heads(log, village),
                                store::village_index(log, village),
                                store::village_counts(log, village, today)};
}

} // namespace kades::report
