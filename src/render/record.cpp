#include "render/record.hpp"

#include "core/error.hpp"
#include "render/text.hpp"

#include <algorithm>
#include <sstream>
#include <string_view>

namespace kades::render {
namespace {

constexpr std::string_view k_indent = "  "; // a section's content under its title

bool has_values(const std::vector<Field>& fields) {
    return std::any_of(fields.begin(), fields.end(),
                       [](const Field& field) { return !field.value.empty(); });
}

bool has_rows(const Section& section) {
    return section.table && !section.table->rows.empty() && !section.table->columns.empty();
}

// "label  value" lines, labels padded to the widest; fields without a value are left out.
void write_fields(std::ostream& out, const std::vector<Field>& fields, std::string_view indent) {
    std::size_t label_width = 0;
    for (const Field& field : fields) {
        if (!field.value.empty())
            label_width = std::max(label_width, display_width(sanitize(field.label)));
    }
    for (const Field& field : fields) {
        if (field.value.empty())
            continue;
        out << indent << pad_right(sanitize(field.label), label_width) << "  "
            << sanitize(field.value) << '\n';
    }
}

// The section's table in table format, each line indented; the indent counts in the width.
void write_indented_table(std::ostream& out, const Table& table, const Options& options) {
    Options inner = options;
    inner.format = Format::table;
    if (inner.width > k_indent.size())
        inner.width -= k_indent.size();
    std::ostringstream buffer;
    write_table(buffer, table, inner);
    std::istringstream lines(buffer.str());
    for (std::string line; std::getline(lines, line);)
        out << k_indent << line << '\n';
}

void write_text(std::ostream& out, const Record& record, const Options& options) {
    out << bold(sanitize(record.title), options.color) << '\n';
    write_fields(out, record.fields, "");
    for (const Section& section : record.sections) {
        const bool fields = has_values(section.fields);
        const bool rows = has_rows(section);
        if (!fields && !rows && section.empty_text.empty())
            continue;
        out << '\n' << bold(sanitize(section.title), options.color) << '\n';
        if (!fields && !rows)
            out << k_indent << sanitize(section.empty_text) << '\n';
        write_fields(out, section.fields, k_indent);
        if (rows)
            write_indented_table(out, *section.table, options);
    }
}

void write_markdown_fields(std::ostream& out, const std::vector<Field>& fields) {
    for (const Field& field : fields) {
        if (!field.value.empty())
            out << "- **" << md_escape(field.label) << ":** " << md_escape(field.value) << '\n';
    }
}

// "## title", then a list of fields and/or a GFM table, blank lines between blocks.
void write_markdown_section(std::ostream& out, const Section& section, const Options& options) {
    const bool fields = has_values(section.fields);
    const bool rows = has_rows(section);
    if (!fields && !rows && section.empty_text.empty())
        return;
    out << "\n## " << md_escape(section.title) << "\n\n";
    if (!fields && !rows) {
        out << md_escape(section.empty_text) << '\n';
        return;
    }
    write_markdown_fields(out, section.fields);
    if (fields && rows)
        out << '\n';
    if (rows) {
        Options inner = options;
        inner.format = Format::markdown;
        write_table(out, *section.table, inner);
    }
}

void write_markdown(std::ostream& out, const Record& record, const Options& options) {
    out << "# " << md_escape(record.title) << '\n';
    if (has_values(record.fields)) {
        out << '\n';
        write_markdown_fields(out, record.fields);
    }
    for (const Section& section : record.sections)
        write_markdown_section(out, section, options);
}

} // namespace

void write_record(std::ostream& out, const Record& record, const Options& options) {
    switch (options.format) {
    case Format::table:
        write_text(out, record, options);
        return;
    case Format::markdown:
        write_markdown(out, record, options);
        return;
    default:
        throw core::Usage(
            core::trf("format '{}' is not available here: use table, markdown, json or csv",
                      format_key(options.format)));
    }
}

} // namespace kades::render
