#pragma once
// Text made safe and measured for the place it goes.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace kades::render {

// Text from the log, fit for a terminal: control characters (C0, DEL, C1) shown escaped
// (\n, \t, \r, \e as \x1b, \u009b), invalid UTF-8 bytes as U+FFFD. Printable text is unchanged.
std::string sanitize(std::string_view text);

// Columns the (sanitized) text takes in a terminal: East Asian wide = 2, combining = 0.
std::size_t display_width(std::string_view text);

// Cut to at most `width` columns, ending in "…" when cut.
std::string truncate_to_width(std::string_view text, std::size_t width);

// Pad with spaces to `width` columns, on the right (left-aligned) or the left.
std::string pad_right(std::string_view text, std::size_t width);
std::string pad_left(std::string_view text, std::size_t width);

// Inline CommonMark text that renders as the literal text: backslash-escapes \ ` * _ [ ] < >
// | ~ & and line-start # + - = ! and "1." ; line breaks become spaces. Sanitized first.
std::string md_escape(std::string_view text);

// One RFC 4180 field: quoted when it holds , " CR or LF; a text cell starting with = + - @
// gets a leading ' so that a spreadsheet does not run it (numeric cells are left alone).
std::string csv_field(std::string_view text, bool numeric = false);

// The items joined by separator ("Caruy, Serang").
std::string join(const std::vector<std::string>& items, std::string_view separator);

// ANSI bold when on.
std::string bold(std::string_view text, bool color);

} // namespace kades::render
