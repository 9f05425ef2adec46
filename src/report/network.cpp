// The collaboration network weighed from the groups of villages that worked together.
//
// A national month has some 170,000 links: the villages are numbered once, the links counted
// by pairs of numbers, and the order (heaviest first, then by the two names run together,
// then by the two slugs) compares names by their rank wherever that gives the same answer.

#include "report/monthly.hpp"

#include <algorithm>
#include <cstdint>
#include <numeric>
#include <string_view>
#include <unordered_map>
#include <utility>

namespace kades::report {
namespace {

struct Tally {
    std::uint32_t a = 0, b = 0; // village numbers; once named, a's slug before b's
    long meetings = 0, visits = 0, adoptions = 0, agreements = 0;
    long weight() const { return meetings + visits + adoptions + agreements; }
};

// The villages of the groups, each once, numbered as they come; named on demand.
class Villages {
  public:
    std::uint32_t number(int64_t id) {
        auto [it, added] = m_number.try_emplace(id, static_cast<std::uint32_t>(m_ids.size()));
        if (added)
            m_ids.push_back(id);
        return it->second;
    }
    // Reads the slugs and names of the numbered villages not named yet.
    void name(store::Log& log, const std::vector<std::uint32_t>& numbers) {
        m_refs.resize(m_ids.size());
        m_named.resize(m_ids.size());
        std::vector<std::uint32_t> wanted;
        std::vector<int64_t> ids;
        for (auto n : numbers)
            if (!m_named[n]) {
                m_named[n] = true;
                wanted.push_back(n);
                ids.push_back(m_ids[n]);
            }
        auto refs = store::village_refs(log, ids);
        for (std::size_t i = 0; i < wanted.size(); ++i)
            m_refs[wanted[i]] = std::move(refs[i]);
    }
    const core::VillageRef& ref(std::uint32_t n) const { return m_refs[n]; }
    std::size_t size() const { return m_ids.size(); }

  private:
    std::unordered_map<int64_t, std::uint32_t> m_number; // by id
    std::vector<int64_t> m_ids;
    std::vector<core::VillageRef> m_refs;
    std::vector<bool> m_named;
};

// The links of the groups, counted: each pair of villages once, in no particular order.
struct Weighed {
    Villages villages;
    std::vector<Tally> tallies;
};

// Sorts the codes below: placed by their first village (a counting sort, a bucket per
// village), then each village's few sorted. A national month makes some 170,000 codes.
void sort_codes(std::vector<std::uint64_t>& codes, std::size_t villages) {
    std::vector<std::size_t> start(villages + 1);
    for (auto code : codes)
        ++start[(code >> 33) + 1];
    for (std::size_t v = 0; v < villages; ++v)
        start[v + 1] += start[v];
    std::vector<std::uint64_t> placed(codes.size());
    auto next = start;
    for (auto code : codes)
        placed[next[code >> 33]++] = code;
    for (std::size_t v = 0; v < villages; ++v)
        std::sort(placed.begin() + static_cast<std::ptrdiff_t>(start[v]),
                  placed.begin() + static_cast<std::ptrdiff_t>(start[v + 1]));
    codes = std::move(placed);
}

Weighed weigh(const std::vector<store::LinkGroup>& groups) {
    // One code per pair a group makes, sorted, then counted: a, b (31 bits each, a < b), the
    // kind.
    Weighed w;
    std::vector<std::uint64_t> codes;
    std::vector<std::uint32_t> numbers;
    for (const auto& g : groups) {
        numbers.clear();
        for (auto id : g.villages)
            numbers.push_back(w.villages.number(id));
        for (std::size_t i = 0; i < numbers.size(); ++i)
            for (std::size_t j = i + 1; j < numbers.size() && (!g.star || i == 0); ++j) {
                auto [x, y] = std::minmax(numbers[i], numbers[j]);
                if (x == y)
                    continue;
                codes.push_back(std::uint64_t{x} << 33 | std::uint64_t{y} << 2 |
                                static_cast<std::uint64_t>(g.kind));
            }
    }
    sort_codes(codes, w.villages.size());
    for (auto code : codes) {
        auto x = static_cast<std::uint32_t>(code >> 33);
        auto y = static_cast<std::uint32_t>(code >> 2 & 0x7FFFFFFF);
        if (w.tallies.empty() || w.tallies.back().a != x || w.tallies.back().b != y)
            w.tallies.push_back({x, y});
        auto& t = w.tallies.back();
        switch (static_cast<store::LinkKind>(code & 3)) {
        case store::LinkKind::meeting:
            ++t.meetings;
            break;
        case store::LinkKind::visit:
            ++t.visits;
            break;
        case store::LinkKind::adoption:
            ++t.adoptions;
            break;
        case store::LinkKind::agreement:
            ++t.agreements;
            break;
        }
    }
    return w;
}

// Names the villages of the tallies [first, last) and puts each pair's slugs in order.
void name(store::Log& log, Weighed& w, std::vector<Tally>::iterator first,
          std::vector<Tally>::iterator last) {
    std::vector<std::uint32_t> numbers;
    for (auto t = first; t != last; ++t) {
        numbers.push_back(t->a);
        numbers.push_back(t->b);
    }
    w.villages.name(log, numbers);
    for (auto t = first; t != last; ++t)
        if (w.villages.ref(t->b).slug < w.villages.ref(t->a).slug)
            std::swap(t->a, t->b);
}

// Compares x1 + x2 with y1 + y2, as std::string would compare the joined texts.
int compare_joined(std::string_view x1, std::string_view x2, std::string_view y1,
                   std::string_view y2) {
    for (;;) {
        if (x1.empty() && !x2.empty())
            x1 = std::exchange(x2, {});
        if (y1.empty() && !y2.empty())
            y1 = std::exchange(y2, {});
        if (x1.empty() || y1.empty())
            return x1.empty() ? (y1.empty() ? 0 : -1) : 1;
        auto n = std::min(x1.size(), y1.size());
        if (int c = x1.substr(0, n).compare(y1.substr(0, n)); c != 0)
            return c;
        x1.remove_prefix(n);
        y1.remove_prefix(n);
    }
}

// Whether link x comes before link y: heavier; then by the names run together; then by the
// slugs (the order of a map by slug pair, which a stable sort by the rest would keep).
bool before(const Weighed& w, const Tally& x, const Tally& y, int by_names) {
    if (x.weight() != y.weight())
        return x.weight() > y.weight();
    if (by_names != 0)
        return by_names < 0;
    const auto& v = w.villages;
    if (int c = v.ref(x.a).slug.compare(v.ref(y.a).slug); c != 0)
        return c < 0;
    return v.ref(x.b).slug < v.ref(y.b).slug;
}

int compare_names(const Weighed& w, const Tally& x, const Tally& y) {
    const auto& v = w.villages;
    return compare_joined(v.ref(x.a).name, v.ref(x.b).name, v.ref(y.a).name, v.ref(y.b).name);
}

// The villages' names by rank (equal names, equal rank), and for each rank the last rank of
// the names it begins: two different names neither of which begins the other compare as their
// ranks do, and so do the names with anything after them.
class NameOrder {
  public:
    explicit NameOrder(const Villages& villages) : m_rank(villages.size()) {
        std::vector<std::uint32_t> by_name(villages.size());
        std::iota(by_name.begin(), by_name.end(), 0U);
        std::sort(by_name.begin(), by_name.end(),
                  [&](auto x, auto y) { return villages.ref(x).name < villages.ref(y).name; });
        std::vector<std::string_view> names;
        for (auto n : by_name) {
            const auto& name = villages.ref(n).name;
            if (names.empty() || names.back() != name)
                names.emplace_back(name);
            m_rank[n] = static_cast<std::uint32_t>(names.size() - 1);
        }
        m_prefix_end.resize(names.size());
        for (auto r = names.size(); r-- > 0;) {
            auto end = r;
            while (end + 1 < names.size() && names[end + 1].starts_with(names[r]))
                end = m_prefix_end[end + 1];
            m_prefix_end[r] = end;
        }
    }
    // -1, 0 or 1 when the ranks decide how x's names run together compare with y's; 2 when
    // the names must be compared.
    int compare(const Tally& x, const Tally& y) const {
        auto xa = m_rank[x.a], ya = m_rank[y.a];
        if (xa == ya) {
            auto xb = m_rank[x.b], yb = m_rank[y.b];
            return xb == yb ? 0 : xb < yb ? -1 : 1;
        }
        auto [low, high] = std::minmax(xa, ya);
        if (high > m_prefix_end[low])
            return xa < ya ? -1 : 1;
        return 2;
    }

  private:
    std::vector<std::uint32_t> m_rank;     // by village number
    std::vector<std::size_t> m_prefix_end; // by rank
};

core::NetworkLink link_of(const Weighed& w, const Tally& t) {
    core::NetworkLink link;
    link.a = w.villages.ref(t.a);
    link.b = w.villages.ref(t.b);
    link.meetings = t.meetings;
    link.visits = t.visits;
    link.adoptions = t.adoptions;
    link.agreements = t.agreements;
    return link;
}

} // namespace

std::vector<core::NetworkLink> weigh_links(store::Log& log,
                                           const std::vector<store::LinkGroup>& groups) {
    auto w = weigh(groups);
    name(log, w, w.tallies.begin(), w.tallies.end());
    NameOrder names(w.villages);
    std::vector<std::uint32_t> order(w.tallies.size());
    std::iota(order.begin(), order.end(), 0U);
    std::sort(order.begin(), order.end(), [&](auto i, auto j) {
        const auto& x = w.tallies[i];
        const auto& y = w.tallies[j];
        if (x.weight() != y.weight())
            return x.weight() > y.weight();
        int c = names.compare(x, y);
        return before(w, x, y, c == 2 ? compare_names(w, x, y) : c);
    });
    std::vector<core::NetworkLink> result;
    result.reserve(order.size());
    for (auto i : order)
        result.push_back(link_of(w, w.tallies[i]));
    return result;
}

// The `keep` first links of weigh_links, and the number of links: what a monthly report lists.
// Only the links as heavy as the keep-th heaviest can be among them: only they are named.
std::vector<core::NetworkLink> strongest_links(store::Log& log,
                                               const std::vector<store::LinkGroup>& groups,
                                               std::size_t keep, long& count) {
    auto w = weigh(groups);
    auto& tallies = w.tallies;
    count = static_cast<long>(tallies.size());
    keep = std::min(keep, tallies.size());
    if (keep == 0)
        return {};
    auto heavier = [](const Tally& x, const Tally& y) { return x.weight() > y.weight(); };
    auto kth = tallies.begin() + static_cast<std::ptrdiff_t>(keep - 1);
    std::nth_element(tallies.begin(), kth, tallies.end(), heavier);
    auto least = kth->weight();
    auto candidates = std::partition(tallies.begin(), tallies.end(),
                                     [least](const Tally& t) { return t.weight() >= least; });
    name(log, w, tallies.begin(), candidates);
    std::partial_sort(tallies.begin(), tallies.begin() + static_cast<std::ptrdiff_t>(keep),
                      candidates, [&](const Tally& x, const Tally& y) {
                          if (x.weight() != y.weight())
                              return x.weight() > y.weight();
                          return before(w, x, y, compare_names(w, x, y));
                      });
    std::vector<core::NetworkLink> result;
    for (std::size_t i = 0; i < keep; ++i)
        result.push_back(link_of(w, tallies[i]));
    return result;
}

} // namespace kades::report
