#include "report/village_report.hpp"

#include "report/monthly.hpp"
#include "report/network.hpp"
#include "store/report.hpp"
#include "store/village.hpp"

#include <utility>

namespace kades::report {

core::VillageReport village_report(store::Log& log, const core::Village& village,
                                   const std::optional<core::Period>& period) {
    core::VillageReport r;
    r.all_time = !period;
    r.period = period.value_or(all_time());
    r.village = {village.slug, village.name};
    r.code = village.code;
    store::prepare_village_scope(log, village.uuid);
    r.counts = store::report_village_counts(log, village.uuid, r.period);
    r.lessons = store::report_lessons(log, r.period);
    for (auto& a : store::report_adoptions(log, r.period)) {
        if (a.by.slug == village.slug && a.from.slug != village.slug)
            r.adopted.push_back(std::move(a));
        else if (a.from.slug == village.slug && a.by.slug != village.slug)
            r.adopted_by_others.push_back(std::move(a));
    }
    for (auto& l : weigh_links(store::report_link_groups(log, r.period))) {
        if (l.b.slug == village.slug)
            std::swap(l.a, l.b);
        if (l.a.slug == village.slug)
            r.links.push_back(std::move(l));
    }
    r.agreements = store::report_agreements_in_force(log, r.period);
    r.partners = store::report_village_partners(log, village.uuid, r.period);
    r.index = store::village_index(log, village);
    return r;
}

} // namespace kades::report
