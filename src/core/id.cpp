#include "core/id.hpp"

#include "core/error.hpp"
#include "core/i18n.hpp"
#include "core/text.hpp"

#include <fmt/format.h>

#include <array>
#include <cstdint>
#include <random>

namespace kades::core {

std::string new_uuid() {
    static std::mt19937_64 engine = [] {
        std::random_device device;
        std::seed_seq seed{device(), device(), device(), device(), device(), device()};
        return std::mt19937_64(seed);
    }();
    std::uint64_t high = engine();
    std::uint64_t low = engine();
    high = (high & ~0xF000ULL) | 0x4000ULL;           // version 4
    low = (low & ~(0xC0ULL << 56)) | (0x80ULL << 56); // RFC 4122 variant
    return fmt::format("{:08x}-{:04x}-{:04x}-{:04x}-{:012x}", high >> 32, (high >> 16) & 0xFFFF,
                       high & 0xFFFF, low >> 48, low & 0xFFFFFFFFFFFFULL);
}

std::string short_id(std::string_view uuid) {
    return std::string(uuid.substr(0, 8));
}

std::string parse_id_prefix(std::string_view text) {
    std::string prefix;
    for (char c : ascii_lower(text)) {
        if (c == '-')
            continue;
        bool hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
        if (!hex) {
            prefix.clear();
            break;
        }
        prefix += c;
    }
    if (prefix.size() < 4 || prefix.size() > 32)
        throw Invalid(
            trf("'{}' is not an id: give 4 or more of its hex digits, as shown by list", text));
    return prefix;
}

} // namespace kades::core
