#pragma once
// Kemendagri administrative regions: reference data, not members of the network.

#include <optional>
#include <string>
#include <string_view>

namespace kades::core {

enum class RegionLevel { province, regency, district, village };

// A region code, dotted or not ("33.01.18.2011", "3301182011"), as its dotted form with
// its level; nullopt when it is not the shape of any level.
struct RegionCode {
    std::string dotted;
    RegionLevel level;
};
std::optional<RegionCode> parse_region_code(std::string_view text);

RegionLevel parse_region_level(
    std::string_view text); // province|regency|district|village (+id words); throws Invalid
std::string region_level_key(RegionLevel level); // "province", ...

// The kind of a village-level code, from the first digit of its last part:
// 1 kelurahan, 2 desa, 3 desa adat; "" when unknown.
std::string village_kind(std::string_view dotted_code);

struct Region {
    std::string code;
    RegionLevel level{};
    std::string name;
    std::string parent;                      // code, empty for a province
    std::string district, regency, province; // names of the ancestors, where they apply
};

} // namespace kades::core
