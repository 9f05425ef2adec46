#pragma once
// Tabular output in the formats that have rows: an aligned terminal table, a GFM Markdown
// table, or RFC 4180 CSV with a header of column keys.

#include "render/options.hpp"

#include <ostream>
#include <string>
#include <vector>

namespace kades::render {

enum class Align { left, right };

struct Column {
    std::string key;     // CSV header (the JSON field name)
    std::string heading; // translated heading for table and Markdown
    Align align = Align::left;
    bool numeric = false; // numbers are not defused in CSV
};

struct Table {
    std::vector<Column> columns;
    std::vector<std::vector<std::string>> rows; // raw text from the log; escaped on output
};

// Writes the table in options.format: table (aligned by display width; with truncate on,
// the widest columns are cut with … until the row fits width), markdown, csv. An empty
// table prints nothing in table/markdown and the header alone in csv.
void write_table(std::ostream& out, const Table& table, const Options& options);

} // namespace kades::render

namespace kades::render {
// The table less the columns that are empty in every row: for a person's view, where a
// column of blanks only takes width (CSV keeps every column for scripts).
Table without_empty_columns(const Table& table);
} // namespace kades::render
