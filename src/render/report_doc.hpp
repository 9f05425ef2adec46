#pragma once
// A report as a document of blocks (headings, paragraphs, bullets, tables, a bar chart, a
// Mermaid graph), written as a terminal page, CommonMark + GFM, or WhatsApp text. The report
// renderers build the document once; each format writes it its own way.

#include "render/options.hpp"
#include "render/table.hpp"

#include <ostream>
#include <string>
#include <utility>
#include <vector>

namespace kades::render {

// A run of text: raw text from the log or our own words, escaped by the writer.
struct Span {
    std::string text;
    char style = 0; // 0 plain, 'b' bold, 'i' italic
};
using Line = std::vector<Span>;

struct Block {
    enum class Kind { heading, paragraph, bullets, table, chart, mermaid };
    Kind kind = Kind::paragraph;
    int level = 2;           // heading: 1 title, 2 section, 3 subsection
    std::vector<Line> lines; // heading: one; paragraph: one line each; bullets: one item each
    Table table;
    bool transpose = false; // WhatsApp: a one-row table as "heading: value" lines
    std::vector<std::pair<std::string, long>> bars;         // chart (terminal only): label, value
    std::string code;                                       // mermaid (Markdown only)
    bool markdown = true, whatsapp = true, terminal = true; // written in these formats
};

struct Document {
    std::vector<Block> blocks;
    void heading(std::string text, int level = 2);
    void paragraph(Line line, bool join = true); // join: a line of the paragraph before
    void bullets(std::vector<Line> items);
    void table(Table table, bool transpose = false);
};

// table (terminal), markdown or whatsapp.
void write_document(std::ostream& out, const Document& doc, const Options& options);

// WhatsApp text from the log: its own markers (* _ ~ `) where they would open or close
// formatting replaced by look-alikes, so that a value cannot turn the rest of the message
// bold; links, e-mail addresses and markers inside a word come through unchanged.
std::string wa_escape(std::string_view text);

} // namespace kades::render
