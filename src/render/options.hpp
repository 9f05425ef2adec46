#pragma once
#include "core/i18n.hpp"

#include <cstddef>
#include <string>
#include <string_view>

namespace kades::render {

enum class Format { table, markdown, json, csv, whatsapp, ics, dot, mermaid };

// table | markdown (md) | json | csv | whatsapp (wa) | ics | dot | mermaid; throws core::Usage.
Format parse_format(std::string_view text);
std::string format_key(Format format);

struct Options {
    Format format = Format::table;
    core::Lang lang = core::Lang::en;
    bool color = false;    // ANSI styling (bold headings)
    bool truncate = false; // stdout is a terminal: cut long cells with … to fit width
    std::size_t width = 0; // terminal columns when truncate is on
};

} // namespace kades::render
