#include "report/village_report.hpp"

#include "report/monthly.hpp"
#include "report/network.hpp"
#include "store/report.hpp"
#include "store/village.hpp"

#include <utility>

namespace kades::report {

namespace {

// Keeps the links and adoptions with villages of the scope (the scope's TEMP tables replace
// the village's own), and counts the adoptions again from what is kept.
void narrow_to_scope(store::Log& log, core::VillageReport& r, const store::ScopeFilter& filter) {
    r.scope = store::prepare_scope(log, filter);
    std::erase_if(r.links, [&log](const auto& l) { return !store::in_scope(log, l.b.slug); });
    std::erase_if(r.adopted, [&log](const auto& a) { return !store::in_scope(log, a.from.slug); });
    std::erase_if(r.adopted_by_others,
                  [&log](const auto& a) { return !store::in_scope(log, a.by.slug); });
    r.counts.lessons_adopted = static_cast<long>(r.adopted.size());
    r.counts.adopted_by_others = static_cast<long>(r.adopted_by_others.size());
}

} // namespace

core::VillageReport village_report(store::Log& log, const core::Village& village,
                                   const std::optional<core::Period>& period,
                                   const store::ScopeFilter& scope) {
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
    for (auto& l : weigh_links(log, store::report_link_groups(log, r.period))) {
        if (l.b.slug == village.slug)
            std::swap(l.a, l.b);
        if (l.a.slug == village.slug)
            r.links.push_back(std::move(l));
    }
    r.agreements = store::report_agreements_in_force(log, r.period);
    r.partners = store::report_village_partners(log, village.uuid, r.period);
    r.index = store::village_index(log, village);
    if (scope.forum || scope.under)
        narrow_to_scope(log, r, scope);
    return r;
}

} // namespace kades::report
