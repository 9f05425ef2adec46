#include "core/rupiah.hpp"

#include "core/error.hpp"
#include "core/i18n.hpp"
#include "core/text.hpp"

#include <array>
#include <string>
#include <vector>

namespace kades::core {
namespace {

struct Unit {
    const char* word;
    Rupiah factor;
    int zeros; // log10(factor): the most decimals the unit can take
};

constexpr std::array<Unit, 12> k_units{{
    {"rb", 1'000, 3},
    {"ribu", 1'000, 3},
    {"k", 1'000, 3},
    {"thousand", 1'000, 3},
    {"jt", 1'000'000, 6},
    {"juta", 1'000'000, 6},
    {"million", 1'000'000, 6},
    {"miliar", 1'000'000'000, 9},
    {"milyar", 1'000'000'000, 9},
    {"billion", 1'000'000'000, 9},
    {"triliun", 1'000'000'000'000, 12},
    {"trillion", 1'000'000'000'000, 12},
}};

constexpr Unit k_no_unit{"", 1, 0};

// The amount as read: whole digits, and decimals after a decimal separator.
struct Decimal {
    std::string whole;
    std::string fraction;
};

std::vector<std::string> forms_hint() {
    return {tr("write it like 1500000, 1.500.000, Rp 1.500.000, 1,5jt or 500rb")};
}

[[noreturn]] void not_an_amount(std::string_view text) {
    throw Invalid(trf("'{}' is not an amount in Rupiah", text), forms_hint());
}

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

bool starts_with(const std::string& s, std::string_view prefix) {
    return s.compare(0, prefix.size(), prefix) == 0;
}

bool ends_with(const std::string& s, std::string_view suffix) {
    return s.size() >= suffix.size() &&
           s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// Lower-cased, less the currency before it (Rp, Rp., IDR) and after it (rupiah, IDR, ",-").
// A minus before or after the currency is a negative amount.
std::string without_currency(std::string_view text) {
    auto s = ascii_lower(trim(text));
    bool negative = starts_with(s, "-") || starts_with(s, "\u2212");
    for (std::string_view prefix : {"rp.", "rp", "idr"}) {
        if (starts_with(s, prefix)) {
            s = trim(s.substr(prefix.size()));
            break;
        }
    }
    negative = negative || starts_with(s, "-");
    if (negative)
        throw Invalid(trf("the amount '{}' is negative: give 0 or more Rupiah", text));
    for (std::string_view suffix : {"rupiah", "idr"}) {
        if (ends_with(s, suffix)) {
            s = trim(s.substr(0, s.size() - suffix.size()));
            break;
        }
    }
    for (std::string_view dash : {",-", ".-"}) {
        if (ends_with(s, dash))
            s = trim(s.substr(0, s.size() - dash.size()));
    }
    return s;
}

const Unit& unit_of(const std::string& word, std::string_view text) {
    if (word.empty())
        return k_no_unit;
    if (word.find_first_of("0123456789") != std::string::npos)
        not_an_amount(text); // 1 500 000: digits apart
    for (const auto& unit : k_units) {
        if (word == unit.word)
            return unit;
    }
    if (word == "m")
        throw Invalid(trf("the amount '{}' is ambiguous: M is million in English and miliar "
                          "(a thousand million) in Indonesian",
                          text),
                      {tr("write the unit out: juta (jt) or miliar")});
    throw Invalid(trf("'{}' has an unknown unit '{}'", text, word),
                  {tr("use rb (ribu), jt (juta) or miliar; or thousand, million, billion")});
}

// "1.500.000" -> {"1", "500", "000"} and the separators between them; empty groups (a
// separator first, last or doubled) make it no amount.
void split_groups(const std::string& number, std::string_view text,
                  std::vector<std::string>& groups, std::string& separators) {
    groups.emplace_back();
    for (char c : number) {
        if (is_digit(c)) {
            groups.back() += c;
            continue;
        }
        if (groups.back().empty())
            not_an_amount(text);
        separators += c;
        groups.emplace_back();
    }
    if (groups.back().empty())
        not_an_amount(text);
}

// Groups of thousands: a first group of 1 to 3 digits, not starting with 0, then groups of 3.
bool thousands(const std::vector<std::string>& groups, std::size_t count) {
    if (groups[0].size() > 3 || (groups[0][0] == '0' && count > 1))
        return false;
    for (std::size_t i = 1; i < count; ++i) {
        if (groups[i].size() != 3)
            return false;
    }
    return true;
}

std::string joined(const std::vector<std::string>& groups, std::size_t count) {
    std::string digits;
    for (std::size_t i = 0; i < count; ++i)
        digits += groups[i];
    return digits;
}

// One kind of separator grouping thousands, then the other kind before 1 or 2 decimals
// (1.500.000,00; 1,500,000.50). Anything else mixing them reads two ways.
Decimal mixed(const std::vector<std::string>& groups, const std::string& separators,
              std::string_view text) {
    auto last = separators.back();
    bool grouped = separators.find(last) == separators.size() - 1 &&
                   thousands(groups, groups.size() - 1) && groups.back().size() <= 2;
    if (!grouped)
        throw Invalid(trf("the amount '{}' mixes '.' and ',' so that it reads two ways", text),
                      forms_hint());
    return {joined(groups, groups.size() - 1), groups.back()};
}

// A single separator: thousands before exactly 3 digits (1.500), else decimals (1,5). Three
// digits that cannot group thousands (1500.000), or that come before a unit (1.500jt: 1500
// juta or 1,5 juta?), read two ways.
Decimal single(const std::vector<std::string>& groups, char separator, bool with_unit,
               std::string_view text) {
    if (groups[1].size() != 3)
        return {groups[0], groups[1]};
    if (with_unit || !thousands(groups, 2))
        throw Invalid(
            trf("the amount '{}' is ambiguous: its '{}' may group thousands or mark decimals", text,
                separator),
            {tr("write 1,5jt for one and a half million, or whole Rupiah: 1.500.000")});
    return {groups[0] + groups[1], ""};
}

Decimal decimal_of(const std::string& number, bool with_unit, std::string_view text) {
    std::vector<std::string> groups;
    std::string separators;
    split_groups(number, text, groups, separators);
    if (separators.empty())
        return {groups[0], ""};
    if (separators.find_first_not_of(separators[0]) != std::string::npos)
        return mixed(groups, separators, text);
    if (separators.size() == 1)
        return single(groups, separators[0], with_unit, text);
    if (!thousands(groups, groups.size()))
        not_an_amount(text);
    return {joined(groups, groups.size()), ""};
}

[[noreturn]] void too_large(std::string_view text) {
    throw Invalid(trf("the amount '{}' is too large", text));
}

[[noreturn]] void fraction_refused(std::string_view text, bool lone_comma) {
    // 1,5 is one and a half Rupiah in Indonesian, and likely meant as 1,5 juta.
    if (lone_comma)
        throw Invalid(trf("the amount '{}' is ambiguous: a decimal comma needs a unit", text),
                      {tr("give a unit (1,5jt, 1,5rb) or whole Rupiah (1.500.000)")});
    throw Invalid(trf("the amount '{}' has a fraction of a Rupiah: give whole Rupiah", text),
                  {tr("for thousands or millions give a unit: 1,5rb, 1,5jt")});
}

// digits * factor + (fraction * factor / 10^decimals), checked for overflow and for a
// fraction of a Rupiah.
Rupiah value_of(Decimal d, const Unit& unit, std::string_view text, bool lone_comma) {
    while (!d.fraction.empty() && d.fraction.back() == '0')
        d.fraction.pop_back();
    if (static_cast<int>(d.fraction.size()) > unit.zeros)
        fraction_refused(text, lone_comma && unit.factor == 1);
    Rupiah value = 0;
    for (char c : d.whole + d.fraction) {
        if (__builtin_mul_overflow(value, Rupiah{10}, &value) ||
            __builtin_add_overflow(value, Rupiah{c - '0'}, &value))
            too_large(text);
    }
    Rupiah scale = unit.factor;
    for (std::size_t i = 0; i < d.fraction.size(); ++i)
        scale /= 10;
    if (__builtin_mul_overflow(value, scale, &value))
        too_large(text);
    return value;
}

} // namespace

Rupiah parse_rupiah(std::string_view text) {
    auto s = without_currency(text);
    std::size_t end = 0;
    while (end < s.size() && (is_digit(s[end]) || s[end] == '.' || s[end] == ','))
        ++end;
    if (end == 0)
        not_an_amount(text);
    auto number = s.substr(0, end);
    const auto& unit = unit_of(trim(s.substr(end)), text);
    auto d = decimal_of(number, unit.factor != 1, text);
    bool lone_comma = number.find('.') == std::string::npos &&
                      number.find(',') == number.rfind(',') &&
                      number.find(',') != std::string::npos;
    return value_of(d, unit, text, lone_comma);
}

} // namespace kades::core
