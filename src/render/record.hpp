#pragma once
// One record shown whole (a `show`): a title, labelled fields and sections with tables.

#include "render/table.hpp"

#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace kades::render {

struct Field {
    std::string label; // translated
    std::string value; // raw text; empty values are left out
};

struct Section {
    std::string title; // translated
    std::vector<Field> fields;
    std::optional<Table> table;
    std::string empty_text; // shown when the section has neither fields nor rows ("none")
};

struct Record {
    std::string title;
    std::vector<Field> fields;
    std::vector<Section> sections;
};

// table: title (bold when coloured), "label  value" lines aligned by label width, each
// section under its title with its table indented by two spaces. markdown: "# title",
// a "- **label:** value" list, "## section" with GFM tables. Every value escaped.
void write_record(std::ostream& out, const Record& record, const Options& options);

} // namespace kades::render
