#include "core/region.hpp"

#include "core/error.hpp"
#include "core/i18n.hpp"
#include "core/text.hpp"

#include <algorithm>
#include <array>
#include <utility>

namespace kades::core {
namespace {

// Digits in each part of a code: province 33, regency 01, district 18, village 2011.
constexpr std::array<std::size_t, 4> k_part_digits{2, 2, 2, 4};

bool all_digits(std::string_view text) {
    return !text.empty() &&
           std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

RegionLevel level_of(std::size_t parts) {
    return static_cast<RegionLevel>(parts - 1);
}

std::optional<RegionCode> parse_dotted(std::string_view text) {
    std::size_t parts = 0;
    std::size_t begin = 0;
    for (;;) {
        std::size_t dot = text.find('.', begin);
        std::string_view part =
            text.substr(begin, dot == std::string_view::npos ? dot : dot - begin);
        if (parts == k_part_digits.size() || part.size() != k_part_digits[parts] ||
            !all_digits(part))
            return std::nullopt;
        ++parts;
        if (dot == std::string_view::npos)
            break;
        begin = dot + 1;
    }
    return RegionCode{std::string(text), level_of(parts)};
}

std::optional<RegionCode> parse_undotted(std::string_view text) {
    if (!all_digits(text))
        return std::nullopt;
    std::string dotted;
    std::size_t parts = 0;
    std::size_t used = 0;
    while (used < text.size() && parts < k_part_digits.size()) {
        if (parts > 0)
            dotted += '.';
        dotted += text.substr(used, k_part_digits[parts]);
        used += k_part_digits[parts++];
    }
    if (used != text.size())
        return std::nullopt;
    return RegionCode{std::move(dotted), level_of(parts)};
}

} // namespace

std::optional<RegionCode> parse_region_code(std::string_view text) {
    if (text.find('.') != std::string_view::npos)
        return parse_dotted(text);
    return parse_undotted(text);
}

RegionLevel parse_region_level(std::string_view text) {
    static constexpr std::array<std::pair<std::string_view, RegionLevel>, 10> k_words{{
        {"province", RegionLevel::province},
        {"provinsi", RegionLevel::province},
        {"regency", RegionLevel::regency},
        {"kabupaten", RegionLevel::regency},
        {"kota", RegionLevel::regency},
        {"district", RegionLevel::district},
        {"kecamatan", RegionLevel::district},
        {"village", RegionLevel::village},
        {"desa", RegionLevel::village},
        {"kelurahan", RegionLevel::village},
    }};
    const std::string word = ascii_lower(trim(text));
    for (const auto& [name, level] : k_words) {
        if (word == name)
            return level;
    }
    throw Invalid(trf("level '{}' is not known: use province, regency, district or village", text));
}

std::string region_level_key(RegionLevel level) {
    switch (level) {
    case RegionLevel::province:
        return "province";
    case RegionLevel::regency:
        return "regency";
    case RegionLevel::district:
        return "district";
    case RegionLevel::village:
        return "village";
    }
    return {};
}

std::string village_kind(std::string_view dotted_code) {
    std::optional<RegionCode> code = parse_region_code(dotted_code);
    if (!code || code->level != RegionLevel::village)
        return {};
    switch (code->dotted[code->dotted.size() - 4]) {
    case '1':
        return "kelurahan";
    case '2':
        return "desa";
    case '3':
        return "desa adat";
    default:
        return {};
    }
}

} // namespace kades::core
