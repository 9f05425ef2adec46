// The collaboration network weighed from the groups of villages that worked together.

#include "report/monthly.hpp"

#include <algorithm>
#include <map>

namespace kades::report {
namespace {

using Key = std::pair<std::string, std::string>;

void add(std::map<Key, core::NetworkLink>& links, const core::VillageRef& x,
         const core::VillageRef& y, store::LinkKind kind) {
    if (x.slug == y.slug || x.slug.empty() || y.slug.empty())
        return;
    const auto& a = x.slug < y.slug ? x : y;
    const auto& b = x.slug < y.slug ? y : x;
    auto& link = links[{a.slug, b.slug}];
    link.a = a;
    link.b = b;
    switch (kind) {
    case store::LinkKind::meeting:
        ++link.meetings;
        break;
    case store::LinkKind::visit:
        ++link.visits;
        break;
    case store::LinkKind::adoption:
        ++link.adoptions;
        break;
    case store::LinkKind::agreement:
        ++link.agreements;
        break;
    }
}

} // namespace

std::vector<core::NetworkLink> weigh_links(const std::vector<store::LinkGroup>& groups) {
    std::map<Key, core::NetworkLink> links;
    for (const auto& g : groups) {
        const auto& v = g.villages;
        for (std::size_t i = 0; i < v.size(); ++i)
            for (std::size_t j = i + 1; j < v.size() && (!g.star || i == 0); ++j)
                add(links, v[i], v[j], g.kind);
    }
    std::vector<core::NetworkLink> result;
    result.reserve(links.size());
    for (auto& [key, link] : links)
        result.push_back(std::move(link));
    std::stable_sort(result.begin(), result.end(), [](const auto& l, const auto& r) {
        if (l.weight() != r.weight())
            return l.weight() > r.weight();
        return l.a.name + l.b.name < r.a.name + r.b.name;
    });
    return result;
}

} // namespace kades::report
