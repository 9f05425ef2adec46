#pragma once
// The network's villages: their rows, heads, tags and development index.

#include "core/village.hpp"
#include "store/log.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kades::store {

struct VillageFilter {
    std::optional<std::string> district, regency, province, tag;
    std::optional<std::string> under; // dotted region code
    bool archived = false;            // include archived villages
    std::optional<long> limit;
};
std::vector<core::Village> list_villages(Log& log, const VillageFilter& filter);

// A REF: slug, Kemendagri code (dotted or not) or exact name (case-insensitive) when unique.
// Throws NotFound (with "did you mean" hints) or Ambiguous (listing the candidates).
core::Village resolve_village(Log& log, std::string_view ref);

// Adds a village; with a code of an imported region its names come from the region.
core::Village add_village(Log& log, core::VillageFields fields);
core::Village edit_village(Log& log, const core::Village& village, core::VillageFields fields);
void set_archived(Log& log, const core::Village& village, bool archived);
// Refused (Refused, naming them) while other records point at the village.
void remove_village(Log& log, const core::Village& village);

struct VillageImport {
    long added = 0;
    long existing = 0; // already in the network: left as they are
};
VillageImport import_villages_under(Log& log, const std::string& code);
VillageImport import_villages_csv(Log& log, const std::filesystem::path& file);

void add_head(Log& log, const core::Village& village, const std::string& name, core::Date since);
// Records a year's score; returns true when it replaced an earlier score of that year.
bool set_index(Log& log, const core::Village& village, int year, const core::IndexScore& score);

std::vector<core::HeadTerm> village_heads(Log& log, const core::Village& village);
std::vector<core::IndexEntry> village_index(Log& log, const core::Village& village);
core::VillageCounts village_counts(Log& log, const core::Village& village, core::Date today);

} // namespace kades::store
