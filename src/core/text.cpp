#include "core/text.hpp"

#include "core/error.hpp"
#include "core/i18n.hpp"

#include <algorithm>
#include <numeric>

namespace kades::core {
namespace {

bool is_ascii_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

char lower(char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

bool is_continuation(unsigned char c) {
    return (c & 0xC0) == 0x80;
}

// The length of the UTF-8 sequence at text[i], or 0 when it is not a valid one: overlong
// forms, UTF-16 surrogates and code points past U+10FFFF are refused.
std::size_t sequence_length(std::string_view text, std::size_t i) {
    const auto b0 = static_cast<unsigned char>(text[i]);
    if (b0 < 0x80)
        return 1;
    std::size_t length = 0;
    unsigned char low = 0x80, high = 0xBF; // the allowed range of the second byte
    if (b0 >= 0xC2 && b0 <= 0xDF) {
        length = 2;
    } else if (b0 >= 0xE0 && b0 <= 0xEF) {
        length = 3;
        low = b0 == 0xE0 ? 0xA0 : 0x80;  // overlong
        high = b0 == 0xED ? 0x9F : 0xBF; // surrogates
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
        length = 4;
        low = b0 == 0xF0 ? 0x90 : 0x80;  // overlong
        high = b0 == 0xF4 ? 0x8F : 0xBF; // past U+10FFFF
    } else {
        return 0;
    }
    if (i + length > text.size())
        return 0;
    const auto b1 = static_cast<unsigned char>(text[i + 1]);
    if (b1 < low || b1 > high)
        return 0;
    for (std::size_t k = 2; k < length; ++k) {
        if (!is_continuation(static_cast<unsigned char>(text[i + k])))
            return 0;
    }
    return length;
}

} // namespace

bool is_valid_utf8(std::string_view text) {
    std::size_t i = 0;
    while (i < text.size()) {
        std::size_t length = sequence_length(text, i);
        if (length == 0)
            return false;
        i += length;
    }
    return true;
}

std::string ascii_lower(std::string_view text) {
    std::string result(text);
    std::transform(result.begin(), result.end(), result.begin(), lower);
    return result;
}

std::string trim(std::string_view text) {
    std::size_t begin = 0, end = text.size();
    while (begin < end && is_ascii_space(text[begin]))
        ++begin;
    while (end > begin && is_ascii_space(text[end - 1]))
        --end;
    return std::string(text.substr(begin, end - begin));
}

bool iequals(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(),
                                              [](char x, char y) { return lower(x) == lower(y); });
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
    // Two rows of the dynamic-programming table: the previous one and the one being filled.
    std::vector<std::size_t> previous(b.size() + 1), current(b.size() + 1);
    std::iota(previous.begin(), previous.end(), std::size_t{0});
    for (std::size_t i = 1; i <= a.size(); ++i) {
        current[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            std::size_t substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
            current[j] = std::min({previous[j] + 1, current[j - 1] + 1, substitution});
        }
        std::swap(previous, current);
    }
    return previous[b.size()];
}

std::string clean_field(std::string_view text, std::string_view field_name) {
    if (!is_valid_utf8(text))
        throw Invalid(trf("{} is not valid UTF-8 text: save or type it as UTF-8", field_name));
    return trim(text);
}

} // namespace kades::core

namespace kades::core {

void clean_optional(std::optional<std::string>& value, std::string_view field) {
    if (value)
        value = clean_field(*value, field);
}

void clean_list(std::vector<std::string>& items, std::string_view option) {
    for (auto& item : items) {
        item = clean_field(item, option);
        if (item.empty())
            throw Invalid(trf("{} is empty: give a value", option));
    }
}

} // namespace kades::core
