#include "report/monthly.hpp"
#include "report/network.hpp"

#include <algorithm>
#include <map>

namespace kades::report {

core::Period all_time() {
    return core::make_period(std::nullopt, std::nullopt);
}

core::NetworkReport network_report(store::Log& log, const store::ScopeFilter& scope,
                                   const std::optional<core::Period>& period) {
    core::NetworkReport r;
    r.all_time = !period;
    r.period = period.value_or(all_time());
    r.scope = store::prepare_scope(log, scope);
    r.links = weigh_links(log, store::report_link_groups(log, r.period));
    r.villages = store::report_network_villages(log, r.period);
    std::map<std::string, core::NetworkVillage*> by_slug;
    for (auto& v : r.villages)
        by_slug[v.village.slug] = &v;
    for (const auto& l : r.links)
        for (const auto* end : {&l.a, &l.b})
            if (auto it = by_slug.find(end->slug); it != by_slug.end()) {
                ++it->second->links;
                it->second->weight += l.weight();
            }
    for (const auto& v : r.villages)
        if (v.links == 0)
            r.isolated.push_back(v.village);
    std::stable_sort(r.villages.begin(), r.villages.end(), [](const auto& a, const auto& b) {
        return a.links != b.links ? a.links > b.links : a.weight > b.weight;
    });
    return r;
}

} // namespace kades::report
