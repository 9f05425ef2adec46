#include "render/rupiah.hpp"

#include <cstdint>

namespace kades::render {

std::string rupiah(core::Rupiah amount, core::Lang lang) {
    const bool id = lang == core::Lang::id;
    // The magnitude as unsigned, so that the most negative amount has one too.
    auto magnitude = amount < 0 ? std::uint64_t{0} - static_cast<std::uint64_t>(amount)
                                : static_cast<std::uint64_t>(amount);
    auto digits = std::to_string(magnitude);
    std::string grouped;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0)
            grouped += id ? '.' : ',';
        grouped += digits[i];
    }
    std::string text = amount < 0 ? "-" : "";
    text += id ? "Rp " : "IDR ";
    return text + grouped;
}

} // namespace kades::render
