#include "core/phone.hpp"

#include "core/error.hpp"
#include "core/i18n.hpp"
#include "core/text.hpp"

#include <algorithm>

namespace kades::core {
namespace {

constexpr std::size_t k_min_digits = 8;
constexpr std::size_t k_max_digits = 15;

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

bool is_separator(char c) {
    return c == ' ' || c == '\t' || c == '.' || c == '-' || c == '(' || c == ')';
}

bool is_space_or_control(char c) {
    return static_cast<unsigned char>(c) <= 0x20 || c == 0x7F;
}

// The number as +<digits>, or "" when it cannot be read as one.
std::string international(const std::string& bare) {
    if (bare.empty())
        return {};
    if (bare.front() == '+')
        return bare;
    if (bare.front() == '0')
        return "+62" + bare.substr(1);
    if (bare.rfind("62", 0) == 0)
        return "+" + bare;
    return {};
}

} // namespace

std::string normalize_phone(std::string_view text) {
    std::string bare;
    for (char c : text) {
        if (!is_separator(c))
            bare += c;
    }
    std::string phone = international(bare);
    std::string_view digits =
        phone.empty() ? std::string_view{} : std::string_view(phone).substr(1);
    // A country code never starts with 0, nor does an Indonesian number after its 0.
    bool valid = digits.size() >= k_min_digits && digits.size() <= k_max_digits &&
                 std::all_of(digits.begin(), digits.end(), is_digit) && digits.front() != '0' &&
                 digits.substr(0, 3) != "620";
    if (!valid)
        throw Invalid(
            trf("phone number '{}' is not valid: use 0812..., 62812... or +62812...", text));
    return phone;
}

std::string validate_email(std::string_view text) {
    std::string email = trim(text);
    std::size_t at = email.find('@');
    bool valid = at != std::string::npos && at > 0 &&
                 email.find('@', at + 1) == std::string::npos &&
                 std::none_of(email.begin(), email.end(), is_space_or_control);
    if (valid) {
        std::string_view domain = std::string_view(email).substr(at + 1);
        std::size_t dot = domain.find('.');
        valid = dot != std::string_view::npos && domain.front() != '.' && domain.back() != '.' &&
                domain.find("..") == std::string_view::npos;
    }
    if (!valid)
        throw Invalid(
            trf("e-mail address '{}' is not valid: use a form like name@example.org", text));
    return email;
}

} // namespace kades::core
