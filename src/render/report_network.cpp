// `report network`: the links between villages as a table, JSON, a Graphviz graph or a
// Mermaid graph.

#include "core/i18n.hpp"
#include "render/report.hpp"
#include "render/report_doc.hpp"
#include "render/report_sections.hpp"
#include "render/text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>

namespace kades::render {
using core::tr;
using core::trf;

namespace {

// A DOT double-quoted string: backslashes and quotes escaped, control characters gone.
std::string dot_quote(std::string_view text) {
    std::string out = "\"";
    for (char c : sanitize(text)) {
        if (c == '"' || c == '\\')
            out += '\\';
        out += c;
    }
    return out + "\"";
}

std::string title_of(const core::NetworkReport& r, core::Lang lang) {
    auto what = std::string(tr("Collaboration network")) + " — " +
                (r.all_time ? tr("all time") : period_text(r.period, lang));
    return what + scope_suffix(r.scope);
}

// Every village to draw: the scope's, then those outside it that a link reaches.
std::vector<core::VillageRef> nodes(const core::NetworkReport& r) {
    std::vector<core::VillageRef> result;
    std::set<std::string> seen;
    auto add = [&](const core::VillageRef& v) {
        if (seen.insert(v.slug).second)
            result.push_back(v);
    };
    for (const auto& v : r.villages)
        add(v.village);
    for (const auto& l : r.links) {
        add(l.a);
        add(l.b);
    }
    return result;
}

Document document(const core::NetworkReport& r, core::Lang lang) {
    Document doc;
    doc.heading(title_of(r, lang), 1);
    doc.paragraph({{trf("Villages: {} · links: {} · villages without a link: {}", r.villages.size(),
                        r.links.size(), r.isolated.size())}});
    if (!r.links.empty()) {
        doc.heading(tr("Links"));
        Table t{{{"a", tr("Village")},
                 {"b", tr("Village")},
                 {"meetings", tr("Meetings"), Align::right, true},
                 {"visits", tr("Visits"), Align::right, true},
                 {"adoptions", tr("Adoptions"), Align::right, true},
                 {"agreements", tr("Agreements"), Align::right, true},
                 {"weight", tr("Together"), Align::right, true}},
                {}};
        for (const auto& l : r.links)
            t.rows.push_back({l.a.name, l.b.name, std::to_string(l.meetings),
                              std::to_string(l.visits), std::to_string(l.adoptions),
                              std::to_string(l.agreements), std::to_string(l.weight())});
        doc.table(std::move(t));
    }
    if (!r.villages.empty()) {
        doc.heading(tr("Villages"));
        Table t{{{"village", tr("Village")},
                 {"links", tr("Links"), Align::right, true},
                 {"weight", tr("Together"), Align::right, true},
                 {"partners", tr("Partners"), Align::right, true}},
                {}};
        for (const auto& v : r.villages)
            t.rows.push_back({v.village.name, std::to_string(v.links), std::to_string(v.weight),
                              std::to_string(v.partners)});
        doc.table(std::move(t));
    }
    if (!r.isolated.empty()) {
        doc.heading(tr("Villages without a link"));
        doc.paragraph({{sections::names(r.isolated)}});
    }
    return doc;
}

} // namespace

void network_json(std::ostream& out, const core::NetworkReport& r) {
    JsonWriter w(out);
    begin_report_json(w, r.period, r.all_time, r.scope);
    w.key("totals")
        .begin_object()
        .field("villages", r.villages.size())
        .field("links", r.links.size())
        .field("isolated", r.isolated.size())
        .end_object();
    w.key("links").begin_array();
    for (const auto& l : r.links) {
        w.begin_object().field("a", l.a.slug).field("b", l.b.slug);
        link_kinds(w, l).field("weight", l.weight()).end_object();
    }
    w.end_array();
    w.key("villages").begin_array();
    for (const auto& v : r.villages)
        w.begin_object()
            .field("village", v.village.slug)
            .field("name", v.village.name)
            .field("links", v.links)
            .field("weight", v.weight)
            .field("partners", v.partners)
            .end_object();
    w.end_array();
    w.key("isolated").begin_array();
    for (const auto& v : r.isolated)
        w.value(v.slug);
    w.end_array();
    w.end_object();
    w.finish();
}

std::string network_dot(const core::NetworkReport& r) {
    std::string out = "graph network {\n  node [shape=box];\n";
    for (const auto& v : nodes(r))
        out += fmt::format("  {} [label={}];\n", dot_quote(v.slug), dot_quote(v.name));
    for (const auto& l : r.links)
        out += fmt::format("  {} -- {} [label=\"{}\", penwidth={}];\n", dot_quote(l.a.slug),
                           dot_quote(l.b.slug), l.weight(), std::min(l.weight(), 8L));
    return out + "}\n";
}

std::string network_mermaid(const core::NetworkReport& r) {
    auto out = sections::mermaid_graph(r.links);
    for (const auto& v : r.isolated)
        out +=
            "  " + sections::mermaid_id(v.slug) + "[\"" + sections::mermaid_label(v.name) + "\"]\n";
    return out;
}

void network_report(std::ostream& out, const core::NetworkReport& r, const Options& options) {
    if (options.format == Format::json)
        network_json(out, r);
    else if (options.format == Format::dot)
        out << network_dot(r);
    else if (options.format == Format::mermaid)
        out << network_mermaid(r);
    else
        write_document(out, document(r, options.lang), options);
}

} // namespace kades::render
