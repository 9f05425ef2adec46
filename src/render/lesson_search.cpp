// `lesson search` results: the snippet's matching words marked in each format, and the
// snippet's marker characters never reaching the output.

#include "core/i18n.hpp"
#include "core/id.hpp"
#include "core/text.hpp"
#include "render/lesson.hpp"
#include "render/table.hpp"
#include "render/text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>

namespace kades::render {
using core::tr;

namespace {

using Runs = std::vector<core::MarkedText>;

constexpr std::string_view k_colour_on = "\x1b[1;31m"; // bold red, as grep marks a match
constexpr std::string_view k_colour_off = "\x1b[0m";
constexpr std::size_t k_gap = 2;       // spaces between columns
constexpr std::size_t k_min_width = 8; // a cut column keeps at least this many columns
constexpr std::size_t k_columns = 5;   // ID, Village, Kind, Title, Snippet

// The snippet's runs on one line, each sanitized for the terminal.
Runs display_runs(const std::string& snippet) {
    auto runs = core::split_marked(snippet);
    for (auto& run : runs) {
        std::replace_if(
            run.text.begin(), run.text.end(),
            [](char c) { return c == '\n' || c == '\t' || c == '\r'; }, ' ');
        run.text = sanitize(run.text);
    }
    return runs;
}

std::string plain(const Runs& runs) {
    std::string out;
    for (const auto& run : runs)
        out += run.text;
    return out;
}

// The runs cut to `width` columns, ending in an unmarked "…" when cut.
Runs cut_runs(const Runs& runs, std::size_t width) {
    const std::string whole = plain(runs);
    const std::string cut = truncate_to_width(whole, width);
    if (cut == whole)
        return runs;
    const std::string_view ellipsis = "\xE2\x80\xA6";
    std::size_t keep = cut.size() - ellipsis.size(); // bytes of the text kept
    Runs out;
    for (const auto& run : runs) {
        if (keep == 0)
            break;
        out.push_back({run.text.substr(0, std::min(keep, run.text.size())), run.marked});
        keep -= out.back().text.size();
    }
    out.push_back({std::string(ellipsis), false});
    return out;
}

std::string shown(const Runs& runs, bool colour) {
    std::string out;
    for (const auto& run : runs)
        out += run.marked && colour
                   ? std::string(k_colour_on) + run.text + std::string(k_colour_off)
                   : run.text;
    return out;
}

struct Row {
    std::array<std::string, k_columns - 1> cells;
    Runs snippet;
};

// Narrows the widest of Village, Title and Snippet, a column at a time, to fit `limit`.
void shrink(std::array<std::size_t, k_columns>& widths, std::size_t limit) {
    auto total = [&] {
        std::size_t sum = k_gap * (k_columns - 1);
        for (auto w : widths)
            sum += w;
        return sum;
    };
    while (total() > limit) {
        std::size_t* widest = nullptr;
        for (std::size_t i : {1, 3, 4}) {
            if (widths[i] > k_min_width && (!widest || widths[i] > *widest))
                widest = &widths[i];
        }
        if (!widest)
            return;
        --*widest;
    }
}

std::string line_of(const std::array<std::string, k_columns>& cells,
                    const std::array<std::size_t, k_columns>& widths, bool strong) {
    std::string line;
    for (std::size_t i = 0; i < k_columns; ++i) {
        const std::string cell = truncate_to_width(cells[i], widths[i]);
        const std::size_t used = display_width(cell);
        line += cell.empty() ? cell : bold(cell, strong);
        if (i + 1 < k_columns)
            line += std::string(widths[i] - used + k_gap, ' ');
    }
    return line;
}

void write_aligned(std::ostream& out, const std::vector<Row>& rows, const Options& options) {
    std::array<std::string, k_columns> headings{tr("ID"), tr("Village"), tr("Kind"), tr("Title"),
                                                tr("Snippet")};
    std::array<std::size_t, k_columns> widths{};
    for (std::size_t i = 0; i < k_columns; ++i)
        widths[i] = display_width(headings[i]);
    for (const auto& row : rows) {
        for (std::size_t i = 0; i + 1 < k_columns; ++i)
            widths[i] = std::max(widths[i], display_width(row.cells[i]));
        widths[4] = std::max(widths[4], display_width(plain(row.snippet)));
    }
    if (options.truncate && options.width > 0)
        shrink(widths, options.width);
    out << line_of(headings, widths, options.color) << '\n';
    for (const auto& row : rows) {
        std::array<std::string, k_columns> cells{row.cells[0], row.cells[1], row.cells[2],
                                                 row.cells[3], ""};
        auto line = line_of(cells, widths, false);
        line += shown(cut_runs(row.snippet, widths[4]), options.color);
        line.erase(line.find_last_not_of(' ') + 1);
        out << line << '\n';
    }
}

std::string md_marked(const std::string& snippet) {
    std::string out;
    for (const auto& run : core::split_marked(snippet))
        out += run.marked ? "**" + md_escape(run.text) + "**" : md_escape(run.text);
    return out;
}

void write_markdown(std::ostream& out, const std::vector<core::LessonHit>& hits) {
    out << "| " << md_escape(tr("ID")) << " | " << md_escape(tr("Village")) << " | "
        << md_escape(tr("Kind")) << " | " << md_escape(tr("Title")) << " | "
        << md_escape(tr("Snippet")) << " |\n|---|---|---|---|---|\n";
    for (const auto& hit : hits) {
        const auto& l = hit.lesson;
        out << "| " << core::short_id(l.uuid) << " | " << md_escape(l.village.name) << " | "
            << md_escape(core::lesson_kind_label(l.kind)) << " | " << md_escape(l.title) << " | "
            << md_marked(hit.snippet) << " |\n";
    }
}

// The words marked, each once (ASCII case-insensitive), in the order they first appear.
std::vector<std::string> matches(const std::string& snippet) {
    std::vector<std::string> words;
    for (const auto& run : core::split_marked(snippet)) {
        bool seen = std::any_of(words.begin(), words.end(),
                                [&](const std::string& w) { return core::iequals(w, run.text); });
        if (run.marked && !seen)
            words.push_back(run.text);
    }
    return words;
}

Table hits_csv(const std::vector<core::LessonHit>& hits) {
    Table table;
    for (const char* key : {"id", "uuid", "title", "village", "date", "kind", "rank", "snippet"})
        table.columns.push_back(Column{key, key});
    table.columns[6].numeric = true;
    for (const auto& hit : hits) {
        const auto& l = hit.lesson;
        table.rows.push_back({core::short_id(l.uuid), l.uuid, l.title, l.village.slug,
                              core::iso(l.date), core::lesson_kind_key(l.kind),
                              fmt::format("{}", hit.rank), core::unmarked(hit.snippet)});
    }
    return table;
}

} // namespace

void lesson_hits(std::ostream& out, const std::vector<core::LessonHit>& hits,
                 const Options& options) {
    if (options.format == Format::json) {
        Json array = Json::array();
        for (const auto& hit : hits) {
            Json item = lesson_json(hit.lesson);
            item["rank"] = hit.rank;
            item["snippet"] = core::unmarked(hit.snippet);
            item["matches"] = matches(hit.snippet);
            array.push_back(item);
        }
        write_json(out, array);
    } else if (options.format == Format::csv) {
        write_table(out, hits_csv(hits), options);
    } else if (hits.empty()) {
        return; // an empty table prints nothing, as every list does
    } else if (options.format == Format::markdown) {
        write_markdown(out, hits);
    } else {
        std::vector<Row> rows;
        for (const auto& hit : hits) {
            const auto& l = hit.lesson;
            rows.push_back({{core::short_id(l.uuid), sanitize(l.village.name),
                             sanitize(core::lesson_kind_label(l.kind)), sanitize(l.title)},
                            display_runs(hit.snippet)});
        }
        write_aligned(out, rows, options);
    }
}

} // namespace kades::render
