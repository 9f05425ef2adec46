#include "core/village.hpp"

#include "core/error.hpp"
#include "core/i18n.hpp"
#include "core/text.hpp"

#include <algorithm>

namespace kades::core {
namespace {

constexpr std::size_t k_max_tag = 40;

// Spaces, commas and control characters would split a tag or hide in it.
bool breaks_word(char c) {
    return static_cast<unsigned char>(c) <= 0x20 || c == 0x7F || c == ',' || c == ';';
}

} // namespace

std::string normalize_tag(std::string_view text) {
    std::string tag = ascii_lower(trim(text));
    if (tag.empty())
        throw Invalid(tr("a tag cannot be empty: use one word, like bumdes or pertanian"));
    if (std::any_of(tag.begin(), tag.end(), breaks_word) || !is_valid_utf8(tag))
        throw Invalid(
            trf("tag '{}' is not one word: use one word, like bumdes or pertanian", text));
    if (tag.size() > k_max_tag)
        throw Invalid(trf("tag '{}' is too long: use at most 40 characters", text));
    return tag;
}

} // namespace kades::core
