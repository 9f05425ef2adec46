#pragma once
// A village of the network, as the store keeps it and the renderers show it.

#include "core/date.hpp"
#include "core/devindex.hpp"

#include <optional>
#include <string>
#include <vector>

namespace kades::core {

struct HeadTerm {
    std::string name;
    std::optional<Date> since;
};

struct IndexEntry {
    int year = 0;
    IndexScore score{};
};

struct Village {
    std::string slug;
    std::string uuid;
    std::string name;
    std::string code; // dotted Kemendagri code, empty when unknown
    std::string district, regency, province;
    std::string head; // the current head, empty when none recorded
    std::optional<Date> head_since;
    std::string phone, email, note;
    std::vector<std::string> tags;
    bool archived = false;
};

// What `village add` and `village edit` may set; unset members are left as they are.
struct VillageFields {
    std::optional<std::string> name, code, district, regency, province;
    std::optional<std::string> phone, email, note, slug;
    std::optional<std::string> uuid; // kept from an import, so ids stay stable across copies
    std::optional<std::string> head;
    std::optional<Date> head_since;
    std::vector<std::string> add_tags, remove_tags;
};

// Counts of what points at a village, shown by `village show`.
struct VillageCounts {
    long meetings_attended = 0;
    long meetings_hosted = 0;
    long visits_hosted = 0;
    long visits_made = 0;
    long workers_sent = 0;     // through exchanges the village visited
    long workers_received = 0; // through exchanges it hosted
    long lessons_shared = 0;
    long lessons_adopted = 0;
    long actions_open = 0;
    long agreements = 0;   // active ones
    long long funding = 0; // Rupiah of its active agreements
};

struct VillageProfile {
    Village village;
    std::vector<HeadTerm> heads;   // oldest first
    std::vector<IndexEntry> index; // by year
    VillageCounts counts;
};

// A tag: lower-cased, trimmed, no spaces or commas. Throws Invalid naming it.
std::string normalize_tag(std::string_view text);

} // namespace kades::core

namespace kades::core {
// Trims and checks every given field: phone to +62..., e-mail, tags, slug; an empty phone,
// e-mail or note clears it. Throws Invalid naming the bad value.
void normalize_village_fields(VillageFields& fields);
} // namespace kades::core
