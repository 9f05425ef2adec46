#include "core/slug.hpp"

#include "core/error.hpp"
#include "core/i18n.hpp"
#include "core/text.hpp"

#include <fmt/format.h>

namespace kades::core {
namespace {

constexpr std::size_t k_max_slug = 64;

// ASCII letters for U+00C0..U+00FF and U+0100..U+017F, lower-cased; '*' marks a letter that
// folds to two (handled in fold_wide) and '-' a sign that separates words (× ÷).
constexpr std::string_view k_latin1 = "aaaaaa*ceeeeiiii"
                                      "dnooooo-ouuuuy**"
                                      "aaaaaa*ceeeeiiii"
                                      "dnooooo-ouuuuy*y";
constexpr std::string_view k_latin_ext_a = "aaaaaaccccccccdd"
                                           "ddeeeeeeeeeegggg"
                                           "gggghhhhiiiiiiii"
                                           "ii**jjkkklllllll"
                                           "lllnnnnnnnnnoooo"
                                           "oo**rrrrrrssssss"
                                           "ssttttttuuuuuuuu"
                                           "uuuuwwyyyzzzzzzs";

std::string_view fold_wide(char32_t code) {
    switch (code) {
    case 0xC6:
    case 0xE6:
        return "ae";
    case 0xDE:
    case 0xFE:
        return "th";
    case 0xDF:
        return "ss";
    case 0x132:
    case 0x133:
        return "ij";
    case 0x152:
    case 0x153:
        return "oe";
    default:
        return "";
    }
}

// The ASCII letters for a code point: itself for [a-z0-9], "" for an apostrophe (dropped,
// so Soka'an is one word), "-" for anything else that separates words.
std::string_view fold(char32_t code, char& buffer) {
    if (code < 0x80) {
        char c = static_cast<char>(code);
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
            buffer = c;
            return {&buffer, 1};
        }
        return c == '\'' || c == '`' ? "" : "-";
    }
    if (code == 0x2018 || code == 0x2019 || code == 0x02BC)
        return "";
    std::string_view table;
    std::size_t index = 0;
    if (code >= 0xC0 && code <= 0xFF) {
        table = k_latin1;
        index = code - 0xC0;
    } else if (code >= 0x100 && code <= 0x17F) {
        table = k_latin_ext_a;
        index = code - 0x100;
    } else {
        return "-";
    }
    if (table[index] == '*')
        return fold_wide(code);
    return table.substr(index, 1);
}

// Decodes the code point at text[i] and advances i; an invalid byte reads as U+FFFD.
char32_t next_code_point(std::string_view text, std::size_t& i) {
    const auto b0 = static_cast<unsigned char>(text[i]);
    std::size_t length = b0 < 0x80 ? 1 : b0 < 0xE0 ? 2 : b0 < 0xF0 ? 3 : 4;
    if (b0 >= 0x80 && (b0 < 0xC2 || b0 > 0xF4 || !is_valid_utf8(text.substr(i, length)))) {
        ++i;
        return 0xFFFD;
    }
    char32_t code = length == 1 ? b0 : b0 & (0xFF >> (length + 1));
    for (std::size_t k = 1; k < length; ++k)
        code = (code << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
    i += length;
    return code;
}

std::string regency_part(std::string_view regency) {
    std::string name = trim(regency);
    constexpr std::string_view prefix = "kabupaten ";
    if (name.size() > prefix.size() &&
        iequals(std::string_view(name).substr(0, prefix.size()), prefix))
        name.erase(0, prefix.size());
    return slugify(name);
}

} // namespace

std::string slugify(std::string_view text) {
    std::string slug;
    slug.reserve(text.size());
    bool separate = false;
    std::size_t i = 0;
    while (i < text.size()) {
        char buffer = 0;
        std::string_view letters = fold(next_code_point(text, i), buffer);
        if (letters == "-") {
            separate = true;
        } else if (!letters.empty()) {
            if (separate && !slug.empty())
                slug += '-';
            separate = false;
            slug += letters;
        }
    }
    return slug;
}

std::string make_village_slug(std::string_view name, std::string_view district,
                              std::string_view regency,
                              const std::function<bool(const std::string&)>& is_taken) {
    std::string slug = slugify(name);
    if (slug.empty())
        throw Invalid(trf("village name '{}' has no letters or digits to make a slug from: "
                          "give --slug",
                          name));
    if (std::string part = slugify(district); !part.empty())
        slug += "-" + part;
    if (!is_taken(slug))
        return slug;
    if (std::string part = regency_part(regency); !part.empty()) {
        slug += "-" + part;
        if (!is_taken(slug))
            return slug;
    }
    for (int number = 2;; ++number) {
        std::string candidate = fmt::format("{}-{}", slug, number);
        if (!is_taken(candidate))
            return candidate;
    }
}

void validate_slug(std::string_view slug) {
    if (slug.size() > k_max_slug)
        throw Invalid(trf("slug '{}' is too long: use at most 64 characters", slug));
    bool shaped = !slug.empty() && slug.front() != '-' && slug.back() != '-';
    bool letter = false;
    for (std::size_t i = 0; i < slug.size() && shaped; ++i) {
        char c = slug[i];
        letter = letter || (c >= 'a' && c <= 'z');
        bool word_char = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        shaped = word_char || (c == '-' && slug[i + 1] != '-');
    }
    if (!shaped)
        throw Invalid(trf("slug '{}' is not valid: use lower-case letters a-z and digits in "
                          "words joined by single hyphens, like sidasari-cipari",
                          slug));
    if (!letter)
        throw Invalid(trf("slug '{}' has no letter: add one, or it would read as a code", slug));
}

} // namespace kades::core
