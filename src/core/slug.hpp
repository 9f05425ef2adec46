#pragma once
// Village slugs: lower-case ASCII words joined by hyphens, from the name and the kecamatan
// ("Sidasari", "Cipari" -> "sidasari-cipari"). A slug never changes once given.

#include <functional>
#include <string>
#include <string_view>

namespace kades::core {

// "Soka'an" -> "sokaan", "Lubuk Pakam I,II" -> "lubuk-pakam-i-ii", accents folded to ASCII.
std::string slugify(std::string_view text);

// The slug for a new village: name-kecamatan (name alone without a kecamatan); if taken,
// with the kabupaten added ("Kabupaten " dropped); then -2, -3, ... is_taken says what exists.
std::string make_village_slug(std::string_view name, std::string_view district,
                              std::string_view regency,
                              const std::function<bool(const std::string&)>& is_taken);

// A slug given with --slug: lower-case ASCII letters and digits in hyphen-joined words,
// not all digits (it would read as a code). Throws Invalid naming it.
void validate_slug(std::string_view slug);

} // namespace kades::core
