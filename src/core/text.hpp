#pragma once
// Small text helpers shared by every layer: UTF-8 checks, ASCII case folding, trimming.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kades::core {

bool is_valid_utf8(std::string_view text);
std::string ascii_lower(std::string_view text);
std::string trim(std::string_view text);
// Case-insensitive (ASCII) equality.
bool iequals(std::string_view a, std::string_view b);
// Levenshtein distance, for "did you mean" hints.
std::size_t edit_distance(std::string_view a, std::string_view b);
// Text given by the user for a field: trimmed, valid UTF-8 (else Invalid naming the field).
std::string clean_field(std::string_view text, std::string_view field_name);

} // namespace kades::core

namespace kades::core {
// A decimal number as typed: "0.65" or "0,65". Throws Invalid naming the option.
double parse_decimal(std::string_view text, std::string_view option);
// A whole number >= minimum. Throws Invalid naming the option.
long parse_count(std::string_view text, std::string_view option, long minimum = 0);
} // namespace kades::core

namespace kades::core {
// clean_field on an optional value, when given.
void clean_optional(std::optional<std::string>& value, std::string_view field);
// clean_field on each of a repeated option's values; an empty one is Invalid naming the option.
void clean_list(std::vector<std::string>& items, std::string_view option);
} // namespace kades::core
