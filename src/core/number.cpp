#include "core/error.hpp"
#include "core/i18n.hpp"
#include "core/text.hpp"

#include <charconv>
#include <cmath>

namespace kades::core {

double parse_decimal(std::string_view text, std::string_view option) {
    std::string value = trim(text);
    if (auto comma = value.find(',');
        comma != std::string::npos && value.find('.') == std::string::npos)
        value[comma] = '.'; // Indonesian writes 0,65
    double number = 0;
    auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), number);
    if (value.empty() || ec != std::errc() || end != value.data() + value.size() ||
        !std::isfinite(number))
        throw Invalid(trf("{} '{}' is not a number: give one like 0.65", option, text));
    return number;
}

long parse_count(std::string_view text, std::string_view option, long minimum) {
    std::string value = trim(text);
    long number = 0;
    auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), number);
    if (value.empty() || ec != std::errc() || end != value.data() + value.size() ||
        number < minimum)
        throw Invalid(trf("{} '{}' is not a whole number of at least {}", option, text, minimum));
    return number;
}

} // namespace kades::core
