#pragma once
// Reference data: the Kemendagri regions.

#include "core/region.hpp"
#include "store/log.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace kades::store {

struct RegionImport {
    long provinces = 0, regencies = 0, districts = 0, villages = 0; // rows read
    long added = 0;                                                 // regions new to the log
    long renamed = 0;         // regions whose name (or parent) changed
    long network_renamed = 0; // network villages that took a changed name
};

// Loads provinces.csv, regencies.csv, districts.csv and villages.csv from dir. Idempotent:
// known codes take new names. A malformed row throws Invalid naming file and line.
RegionImport import_regions(Log& log, const std::filesystem::path& dir);

struct RegionFilter {
    std::optional<std::string> under; // dotted code: its descendants
    std::optional<core::RegionLevel> level;
    std::optional<std::string> name; // case-insensitive substring
    std::optional<long> limit;
};
std::vector<core::Region> list_regions(Log& log, const RegionFilter& filter);

std::optional<core::Region> find_region(Log& log, const std::string& dotted_code);
long count_regions(Log& log);

} // namespace kades::store
