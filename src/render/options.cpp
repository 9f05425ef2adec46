#include "render/options.hpp"

#include "core/error.hpp"

#include <array>
#include <utility>

namespace kades::render {
namespace {

// Every name -f accepts, aliases included; the first of each format is its key.
constexpr std::array<std::pair<std::string_view, Format>, 10> k_formats{{
    {"table", Format::table},
    {"markdown", Format::markdown},
    {"md", Format::markdown},
    {"json", Format::json},
    {"csv", Format::csv},
    {"whatsapp", Format::whatsapp},
    {"wa", Format::whatsapp},
    {"ics", Format::ics},
    {"dot", Format::dot},
    {"mermaid", Format::mermaid},
}};

} // namespace

Format parse_format(std::string_view text) {
    for (const auto& [name, format] : k_formats) {
        if (name == text)
            return format;
    }
    throw core::Usage(core::trf("unknown format '{}': use table, markdown, json or csv", text));
}

std::string format_key(Format format) {
    for (const auto& [name, candidate] : k_formats) {
        if (candidate == format)
            return std::string(name);
    }
    return "table"; // unreachable: every Format has a name above
}

} // namespace kades::render
