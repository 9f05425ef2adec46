#pragma once
// Record identities: random UUIDs (v4), shown by their first 8 hex digits, named by any
// unique prefix of 4 or more hex digits, as in git.

#include <string>
#include <string_view>

namespace kades::core {

std::string new_uuid();                      // "3f9a0c12-...", lower-case
std::string short_id(std::string_view uuid); // "3f9a0c12"
// A prefix the user typed, lower-cased without hyphens; throws Invalid unless it is 4 to 32
// hex digits.
std::string parse_id_prefix(std::string_view text);

} // namespace kades::core
