#include "render/table.hpp"

#include "core/error.hpp"
#include "render/text.hpp"

#include <algorithm>
#include <optional>

namespace kades::render {
namespace {

using Cells = std::vector<std::string>;

constexpr std::size_t k_gap = 2;       // spaces between columns
constexpr std::size_t k_min_width = 8; // a cut column keeps at least this many columns

std::string cell_at(const Cells& row, std::size_t index) {
    return index < row.size() ? row[index] : std::string();
}

// Sanitized text, one cell per column (short rows padded, extra cells dropped).
Cells sanitized(const Cells& row, std::size_t columns) {
    Cells out;
    out.reserve(columns);
    for (std::size_t i = 0; i < columns; ++i)
        out.push_back(sanitize(cell_at(row, i)));
    return out;
}

std::size_t line_width(const std::vector<std::size_t>& widths) {
    std::size_t total = 0;
    for (const std::size_t width : widths)
        total += width;
    return widths.empty() ? 0 : total + k_gap * (widths.size() - 1);
}

// Narrows the widest left-aligned column, one column at a time, until the line fits `limit`
// or every column is down to its floor: max(heading, k_min_width).
void shrink_to_fit(std::vector<std::size_t>& widths, const std::vector<Column>& columns,
                   const Cells& headings, std::size_t limit) {
    while (line_width(widths) > limit) {
        std::optional<std::size_t> widest;
        for (std::size_t i = 0; i < widths.size(); ++i) {
            const std::size_t floor = std::max(display_width(headings[i]), k_min_width);
            if (columns[i].align == Align::left && widths[i] > floor &&
                (!widest || widths[i] > widths[*widest]))
                widest = i;
        }
        if (!widest)
            return;
        --widths[*widest];
    }
}

// Cells padded to their column (on the left when right-aligned), two spaces apart, with no
// trailing blanks. Padding is measured on the plain text, before any bold.
std::string join_line(const Cells& cells, const std::vector<Column>& columns,
                      const std::vector<std::size_t>& widths, bool strong) {
    std::string line;
    for (std::size_t i = 0; i < cells.size(); ++i) {
        if (i > 0)
            line.append(k_gap, ' ');
        const std::size_t used = display_width(cells[i]);
        const std::string padding(widths[i] > used ? widths[i] - used : 0, ' ');
        const std::string shown = cells[i].empty() ? cells[i] : bold(cells[i], strong);
        line += columns[i].align == Align::right ? padding + shown : shown + padding;
    }
    line.erase(line.find_last_not_of(' ') + 1);
    return line;
}

void write_aligned(std::ostream& out, const Table& table, const Options& options) {
    const std::size_t count = table.columns.size();
    Cells headings;
    for (const Column& column : table.columns)
        headings.push_back(sanitize(column.heading));
    std::vector<Cells> rows;
    std::vector<std::size_t> widths;
    for (const std::string& heading : headings)
        widths.push_back(display_width(heading));
    for (const Cells& row : table.rows) {
        rows.push_back(sanitized(row, count));
        for (std::size_t i = 0; i < count; ++i)
            widths[i] = std::max(widths[i], display_width(rows.back()[i]));
    }
    if (options.truncate && options.width > 0)
        shrink_to_fit(widths, table.columns, headings, options.width);
    out << join_line(headings, table.columns, widths, options.color) << '\n';
    for (Cells& row : rows) {
        for (std::size_t i = 0; i < count; ++i)
            row[i] = truncate_to_width(row[i], widths[i]);
        out << join_line(row, table.columns, widths, false) << '\n';
    }
}

std::string markdown_cell(const std::string& text) {
    const std::string escaped = md_escape(text);
    return escaped.empty() ? " |" : " " + escaped + " |";
}

void write_markdown(std::ostream& out, const Table& table) {
    std::string heading = "|";
    std::string rule = "|";
    for (const Column& column : table.columns) {
        heading += markdown_cell(column.heading);
        rule += column.align == Align::right ? "---:|" : "---|";
    }
    out << heading << '\n' << rule << '\n';
    for (const Cells& row : table.rows) {
        std::string line = "|";
        for (std::size_t i = 0; i < table.columns.size(); ++i)
            line += markdown_cell(cell_at(row, i));
        out << line << '\n';
    }
}

// RFC 4180: comma-separated, CRLF line ends, a header of column keys.
void write_csv(std::ostream& out, const Table& table) {
    std::string header;
    for (std::size_t i = 0; i < table.columns.size(); ++i) {
        if (i > 0)
            header += ',';
        header += csv_field(table.columns[i].key);
    }
    out << header << "\r\n";
    for (const Cells& row : table.rows) {
        std::string line;
        for (std::size_t i = 0; i < table.columns.size(); ++i) {
            if (i > 0)
                line += ',';
            line += csv_field(cell_at(row, i), table.columns[i].numeric);
        }
        // A lone empty field is quoted: an empty line would read as no record at all.
        out << (line.empty() ? "\"\"" : line) << "\r\n";
    }
}

} // namespace

void write_table(std::ostream& out, const Table& table, const Options& options) {
    switch (options.format) {
    case Format::table:
        if (!table.rows.empty() && !table.columns.empty())
            write_aligned(out, table, options);
        return;
    case Format::markdown:
        if (!table.rows.empty() && !table.columns.empty())
            write_markdown(out, table);
        return;
    case Format::csv:
        if (!table.columns.empty())
            write_csv(out, table);
        return;
    default:
        throw core::Usage(
            core::trf("format '{}' is not available here: use table, markdown, json or csv",
                      format_key(options.format)));
    }
}

} // namespace kades::render

namespace kades::render {

Table without_empty_columns(const Table& table) {
    Table out;
    std::vector<std::size_t> kept;
    for (std::size_t c = 0; c < table.columns.size(); ++c) {
        bool used = std::any_of(table.rows.begin(), table.rows.end(),
                                [c](const auto& row) { return c < row.size() && !row[c].empty(); });
        if (used) {
            kept.push_back(c);
            out.columns.push_back(table.columns[c]);
        }
    }
    for (const auto& row : table.rows) {
        std::vector<std::string> cells;
        for (auto c : kept)
            cells.push_back(c < row.size() ? row[c] : std::string());
        out.rows.push_back(std::move(cells));
    }
    return out;
}

} // namespace kades::render
