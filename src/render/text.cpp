#include "render/text.hpp"

#include <fmt/format.h>

#include <cwchar>

namespace kades::render {
namespace {

constexpr std::string_view k_replacement = "\xEF\xBF\xBD"; // U+FFFD
constexpr std::string_view k_ellipsis = "\xE2\x80\xA6";    // U+2026, one column

struct CodePoint {
    char32_t value = 0;
    std::size_t size = 1; // bytes taken; 1 for an invalid byte
    bool valid = false;
};

bool is_continuation(unsigned char byte) {
    return (byte & 0xC0U) == 0x80U;
}

// The code point at `at`, rejecting overlong forms, surrogates and values past U+10FFFF, so
// that each invalid byte becomes one U+FFFD.
CodePoint decode(std::string_view text, std::size_t at) {
    const auto lead = static_cast<unsigned char>(text[at]);
    if (lead < 0x80U)
        return {lead, 1, true};
    std::size_t size = 0;
    char32_t value = 0;
    char32_t minimum = 0;
    if ((lead & 0xE0U) == 0xC0U) {
        size = 2, value = lead & 0x1FU, minimum = 0x80;
    } else if ((lead & 0xF0U) == 0xE0U) {
        size = 3, value = lead & 0x0FU, minimum = 0x800;
    } else if ((lead & 0xF8U) == 0xF0U) {
        size = 4, value = lead & 0x07U, minimum = 0x10000;
    } else {
        return {};
    }
    if (at + size > text.size())
        return {};
    for (std::size_t i = 1; i < size; ++i) {
        const auto byte = static_cast<unsigned char>(text[at + i]);
        if (!is_continuation(byte))
            return {};
        value = (value << 6U) | (byte & 0x3FU);
    }
    if (value < minimum || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF))
        return {};
    return {value, size, true};
}

bool is_control(char32_t value) {
    return value < 0x20 || (value >= 0x7F && value <= 0x9F);
}

bool is_kept_break(char32_t value) {
    return value == '\n' || value == '\r' || value == '\t';
}

// Nothing to escape: only printable ASCII and valid, non-control UTF-8.
bool is_clean(std::string_view text, bool keep_breaks) {
    for (std::size_t at = 0; at < text.size();) {
        const auto byte = static_cast<unsigned char>(text[at]);
        if (byte >= 0x20U && byte < 0x7FU) {
            ++at;
            continue;
        }
        const CodePoint point = decode(text, at);
        if (!point.valid ||
            (is_control(point.value) && !(keep_breaks && is_kept_break(point.value))))
            return false;
        at += point.size;
    }
    return true;
}

void append_escaped(std::string& out, char32_t value) {
    switch (value) {
    case '\n':
        out += "\\n";
        return;
    case '\t':
        out += "\\t";
        return;
    case '\r':
        out += "\\r";
        return;
    default:
        break;
    }
    const auto number = static_cast<unsigned>(value);
    out += value < 0x80 ? fmt::format("\\x{:02x}", number) : fmt::format("\\u{:04x}", number);
}

// sanitize(), optionally keeping line breaks and tabs as they are (for CSV, which quotes them).
std::string sanitize_text(std::string_view text, bool keep_breaks) {
    if (is_clean(text, keep_breaks))
        return std::string(text);
    std::string out;
    out.reserve(text.size() + 8);
    for (std::size_t at = 0; at < text.size();) {
        const CodePoint point = decode(text, at);
        if (!point.valid)
            out += k_replacement;
        else if (is_control(point.value) && !(keep_breaks && is_kept_break(point.value)))
            append_escaped(out, point.value);
        else
            out.append(text.substr(at, point.size));
        at += point.size;
    }
    return out;
}

std::size_t code_point_width(const CodePoint& point) {
    if (!point.valid)
        return 1; // shown as U+FFFD once sanitized
    if (point.value >= 0x20 && point.value < 0x7F)
        return 1;
    const int width = ::wcwidth(static_cast<wchar_t>(point.value));
    return width < 0 ? 0 : static_cast<std::size_t>(width);
}

bool ends_marker(std::string_view text, std::size_t at) {
    return at >= text.size() || text[at] == ' ';
}

// Where a backslash keeps a line from opening a block (ATX heading, list item, thematic break,
// setext underline), or npos. "-5", "+62812" and "0.5989" are left alone.
std::size_t block_marker(std::string_view text) {
    const std::size_t at = text.find_first_not_of(' ');
    if (at == std::string_view::npos)
        return at;
    const char first = text[at];
    if (first == '#' || first == '=' || first == '!')
        return at;
    if ((first == '+' || first == '-') && ends_marker(text, at + 1))
        return at;
    if (first == '-' && text.substr(at + 1, 1) == "-")
        return at;
    std::size_t end = at;
    while (end < text.size() && end - at < 9 && text[end] >= '0' && text[end] <= '9')
        ++end;
    if (end > at && end < text.size() && (text[end] == '.' || text[end] == ')') &&
        ends_marker(text, end + 1))
        return end;
    return std::string_view::npos;
}

// A '#' in a trailing run of '#' and blanks would close an ATX heading and vanish.
bool in_closing_hashes(std::string_view text, std::size_t at) {
    return text.find_first_not_of("# ", at) == std::string_view::npos;
}

std::string single_line(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t at = 0; at < text.size(); ++at) {
        const char c = text[at];
        if (c == '\r' && at + 1 < text.size() && text[at + 1] == '\n')
            continue; // CRLF is one break
        out += (c == '\n' || c == '\r' || c == '\t') ? ' ' : c;
    }
    return out;
}

} // namespace

std::string sanitize(std::string_view text) {
    return sanitize_text(text, false);
}

std::size_t display_width(std::string_view text) {
    std::size_t width = 0;
    for (std::size_t at = 0; at < text.size();) {
        const CodePoint point = decode(text, at);
        width += code_point_width(point);
        at += point.size;
    }
    return width;
}

std::string truncate_to_width(std::string_view text, std::size_t width) {
    if (display_width(text) <= width)
        return std::string(text);
    if (width == 0)
        return {};
    const std::size_t room = width - 1; // the ellipsis takes one column
    std::size_t used = 0;
    std::size_t at = 0;
    while (at < text.size()) {
        const CodePoint point = decode(text, at);
        const std::size_t columns = code_point_width(point);
        if (used + columns > room)
            break;
        used += columns;
        at += point.size;
    }
    return std::string(text.substr(0, at)) + std::string(k_ellipsis);
}

std::string pad_right(std::string_view text, std::size_t width) {
    const std::size_t used = display_width(text);
    std::string out(text);
    if (used < width)
        out.append(width - used, ' ');
    return out;
}

std::string pad_left(std::string_view text, std::size_t width) {
    const std::size_t used = display_width(text);
    std::string out = used < width ? std::string(width - used, ' ') : std::string();
    out.append(text);
    return out;
}

std::string md_escape(std::string_view text) {
    const std::string clean = sanitize(single_line(text));
    constexpr std::string_view k_special = "\\`*_[]<>|~&";
    std::string out;
    out.reserve(clean.size() + 8);
    const std::size_t marker = block_marker(clean);
    for (std::size_t at = 0; at < clean.size(); ++at) {
        const char c = clean[at];
        if (at == marker || k_special.find(c) != std::string_view::npos ||
            (c == '#' && in_closing_hashes(clean, at)))
            out += '\\';
        out += c;
    }
    return out;
}

std::string csv_field(std::string_view text, bool numeric) {
    std::string value = sanitize_text(text, true);
    if (!numeric && !value.empty() && std::string_view("=+-@").find(value[0]) != std::string::npos)
        value.insert(0, 1, '\'');
    if (value.find_first_of(",\"\r\n") == std::string::npos)
        return value;
    std::string out = "\"";
    for (const char c : value) {
        if (c == '"')
            out += '"';
        out += c;
    }
    out += '"';
    return out;
}

std::string bold(std::string_view text, bool color) {
    if (!color)
        return std::string(text);
    return "\x1b[1m" + std::string(text) + "\x1b[0m";
}

} // namespace kades::render

namespace kades::render {

std::string join(const std::vector<std::string>& items, std::string_view separator) {
    std::string out;
    for (const auto& item : items) {
        if (!out.empty())
            out += separator;
        out += item;
    }
    return out;
}

} // namespace kades::render
