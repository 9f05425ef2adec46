#pragma once
#include <string>
#include <string_view>

namespace kades::core {

// Phone numbers are kept as +<country><number>, ready for a WhatsApp link: spaces, dots,
// dashes and parentheses dropped; 0812... read as +62812...; 62812... as +62812....
// Throws Invalid naming the value when it is not 8 to 15 digits after that.
std::string normalize_phone(std::string_view text);

// A plausible e-mail address (one @, a dot in the domain, no spaces). Throws Invalid.
std::string validate_email(std::string_view text);

} // namespace kades::core
