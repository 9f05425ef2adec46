#include "render/report_doc.hpp"

#include "render/text.hpp"

#include <algorithm>
#include <cctype>

namespace kades::render {
namespace {

constexpr std::size_t k_bar_width = 20;

std::string md_line(const Line& line) {
    std::string out;
    for (const auto& s : line) {
        auto text = md_escape(s.text);
        if (s.style == 'b' && !text.empty())
            out += "**" + text + "**";
        else if (s.style == 'i' && !text.empty())
            out += "*" + text + "*";
        else
            out += text;
    }
    return out;
}

std::string wa_line(const Line& line) {
    std::string out;
    for (const auto& s : line) {
        auto text = wa_escape(s.text);
        if (s.style == 'b' && !text.empty())
            out += "*" + text + "*";
        else if (s.style == 'i' && !text.empty())
            out += "_" + text + "_";
        else
            out += text;
    }
    return out;
}

std::string tty_line(const Line& line, bool color) {
    std::string out;
    for (const auto& s : line)
        out += s.style == 'b' ? bold(sanitize(s.text), color) : sanitize(s.text);
    return out;
}

void write_chart(std::ostream& out, const Block& b) {
    long most = 1;
    std::size_t width = 0;
    for (const auto& [label, value] : b.bars) {
        most = std::max(most, value);
        width = std::max(width, display_width(sanitize(label)));
    }
    static const char* eighths[] = {"", "▏", "▎", "▍", "▌", "▋", "▊", "▉"};
    for (const auto& [label, value] : b.bars) {
        auto units =
            static_cast<std::size_t>(value) * k_bar_width * 8 / static_cast<std::size_t>(most);
        std::string bar;
        for (std::size_t i = 0; i < units / 8; ++i)
            bar += "█";
        bar += eighths[units % 8];
        out << "  " << pad_right(sanitize(label), width) << "  " << bar << ' ' << value << '\n';
    }
}

void write_markdown(std::ostream& out, const Document& doc, const Options& options) {
    bool first = true;
    for (const auto& b : doc.blocks) {
        if (!b.markdown || b.kind == Block::Kind::chart ||
            (b.kind == Block::Kind::table && b.table.rows.empty()))
            continue;
        if (!first)
            out << '\n';
        first = false;
        switch (b.kind) {
        case Block::Kind::heading:
            out << std::string(static_cast<std::size_t>(b.level), '#') << ' ' << md_line(b.lines[0])
                << '\n';
            break;
        case Block::Kind::paragraph:
            for (std::size_t i = 0; i < b.lines.size(); ++i)
                out << md_line(b.lines[i]) << (i + 1 < b.lines.size() ? "\\\n" : "\n");
            break;
        case Block::Kind::bullets:
            for (const auto& item : b.lines)
                out << "- " << md_line(item) << '\n';
            break;
        case Block::Kind::table:
            write_table(out, b.table, options);
            break;
        case Block::Kind::mermaid:
            out << "```mermaid\n" << b.code << "```\n";
            break;
        case Block::Kind::chart:
            break;
        }
    }
}

void write_wa_table(std::ostream& out, const Block& b) {
    for (const auto& row : b.table.rows) {
        if (b.transpose) {
            for (std::size_t i = 0; i < row.size(); ++i)
                out << wa_escape(b.table.columns[i].heading) << ": *" << wa_escape(row[i]) << "*\n";
            continue;
        }
        std::string line;
        for (const auto& cell : row)
            if (!cell.empty() && cell != "—")
                line += (line.empty() ? "" : " · ") + wa_escape(cell);
        out << "- " << line << '\n';
    }
}

void write_whatsapp(std::ostream& out, const Document& doc) {
    bool first = true;
    for (const auto& b : doc.blocks) {
        if (!b.whatsapp || b.kind == Block::Kind::chart || b.kind == Block::Kind::mermaid ||
            (b.kind == Block::Kind::table && b.table.rows.empty()))
            continue;
        if (b.kind == Block::Kind::heading && !first)
            out << '\n';
        first = false;
        if (b.kind == Block::Kind::heading)
            out << '*' << wa_line(b.lines[0]) << "*\n";
        else if (b.kind == Block::Kind::table)
            write_wa_table(out, b);
        else
            for (const auto& line : b.lines)
                out << (b.kind == Block::Kind::bullets ? "- " : "") << wa_line(line) << '\n';
    }
}

void write_terminal(std::ostream& out, const Document& doc, const Options& options) {
    bool first = true;
    for (const auto& b : doc.blocks) {
        if (!b.terminal || b.kind == Block::Kind::mermaid ||
            (b.kind == Block::Kind::table && b.table.rows.empty()))
            continue;
        if (b.kind == Block::Kind::heading && !first)
            out << '\n';
        first = false;
        if (b.kind == Block::Kind::heading) {
            auto text = tty_line(b.lines[0], false);
            out << (b.level >= 4 ? "▸ " : "") << bold(text, options.color) << '\n';
            if (b.level <= 2) // underlined, so that sections stand out without colour
                out << std::string(std::min<std::size_t>(display_width(text), 72),
                                   b.level == 1 ? '=' : '-')
                    << '\n';
        } else if (b.kind == Block::Kind::table) {
            write_table(out, without_empty_columns(b.table), options);
        } else if (b.kind == Block::Kind::chart) {
            write_chart(out, b);
        } else {
            for (const auto& line : b.lines)
                out << (b.kind == Block::Kind::bullets ? "  - " : "")
                    << tty_line(line, options.color) << '\n';
        }
    }
}

} // namespace

void Document::heading(std::string text, int level) {
    Block b;
    b.kind = Block::Kind::heading;
    b.level = level;
    b.lines.push_back({{std::move(text)}});
    blocks.push_back(std::move(b));
}

void Document::paragraph(Line line, bool join) {
    if (join && !blocks.empty() && blocks.back().kind == Block::Kind::paragraph) {
        blocks.back().lines.push_back(std::move(line));
        return;
    }
    Block b;
    b.lines.push_back(std::move(line));
    blocks.push_back(std::move(b));
}

void Document::bullets(std::vector<Line> items) {
    Block b;
    b.kind = Block::Kind::bullets;
    b.lines = std::move(items);
    blocks.push_back(std::move(b));
}

void Document::table(Table t, bool transpose) {
    Block b;
    b.kind = Block::Kind::table;
    b.table = std::move(t);
    b.transpose = transpose;
    blocks.push_back(std::move(b));
}

namespace {

// A letter or digit, in any script (a byte of a multi-byte UTF-8 character counts).
bool word_char(char c) {
    auto u = static_cast<unsigned char>(c);
    return u >= 0x80 || std::isalnum(u);
}

bool space(char c) {
    return c == ' ' || c == '\t' || c == '\n';
}

// A link or an e-mail address: WhatsApp shows it as it is, and so must we.
bool link_or_address(std::string_view token) {
    if (token.find("://") != std::string_view::npos || token.substr(0, 4) == "www.")
        return true;
    auto at = token.find('@');
    return at != std::string_view::npos && at > 0 && token.find('.', at) != std::string_view::npos;
}

const char* look_alike(char c) {
    switch (c) {
    case '*':
        return "∗";
    case '_':
        return "＿";
    case '~':
        return "∼";
    case '`':
        return "ʼ";
    }
    return nullptr;
}

} // namespace

// WhatsApp turns *x*, _x_, ~x~ and ```x``` into formatting only where the marker opens (after
// the start, a space or a punctuation mark, before a non-space) or closes (after a non-space,
// before the end, a space or a punctuation mark) a run, and not in links: bank_sampah_2026,
// admin_desa@example.id and 5 * 3 stay as they are.
std::string wa_escape(std::string_view text) {
    auto clean = sanitize(text);
    std::string_view t = clean;
    std::string out;
    std::size_t i = 0;
    while (i < t.size()) {
        if (space(t[i])) {
            out += t[i++];
            continue;
        }
        auto end = i;
        while (end < t.size() && !space(t[end]))
            ++end;
        auto token = t.substr(i, end - i);
        if (link_or_address(token)) {
            out += token;
            i = end;
            continue;
        }
        for (std::size_t k = i; k < end; ++k) {
            const char* alike = look_alike(t[k]);
            bool before_word = k + 1 < t.size() && word_char(t[k + 1]);
            bool after_word = k > 0 && word_char(t[k - 1]);
            bool opens = !after_word && k + 1 < t.size() && !space(t[k + 1]);
            bool closes = !before_word && k > 0 && !space(t[k - 1]);
            if (alike && (opens || closes))
                out += alike;
            else
                out += t[k];
        }
        i = end;
    }
    return out;
}

void write_document(std::ostream& out, const Document& doc, const Options& options) {
    if (options.format == Format::markdown)
        write_markdown(out, doc, options);
    else if (options.format == Format::whatsapp)
        write_whatsapp(out, doc);
    else
        write_terminal(out, doc, options);
}

} // namespace kades::render
