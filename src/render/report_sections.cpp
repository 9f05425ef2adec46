// The monthly report's sections after meetings and visits.

#include "render/report_sections.hpp"

#include "core/i18n.hpp"
#include "render/report.hpp"
#include "render/text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

namespace kades::render::sections {
using core::tr;
using core::trf;
using core::trnf;

namespace {

// The text ended as a sentence, so that what follows it starts a new one.
std::string sentence(const std::string& text) {
    auto last = text.empty() ? '.' : text.back();
    return last == '.' || last == '!' || last == '?' ? text : text + ".";
}

Line lesson_line(const core::ReportLesson& l) {
    Line line{{l.title, 'b'}, {" (" + l.village.name + ")"}};
    if (!l.lesson.empty())
        line.push_back({" — " + sentence(l.lesson)});
    if (!l.recommendation.empty()) {
        line.push_back({" "});
        line.push_back({tr("Recommendation:"), 'i'});
        line.push_back({" " + l.recommendation});
    }
    return line;
}

void lesson_group(Document& doc, const core::MonthlyReport& r, const std::string& kind,
                  const std::string& title) {
    std::vector<Line> items;
    for (const auto& l : r.lessons)
        if (l.kind == kind)
            items.push_back(lesson_line(l));
    if (items.empty())
        return;
    doc.heading(title, 3);
    doc.bullets(std::move(items));
}

} // namespace

unsigned long ul(long n) {
    return static_cast<unsigned long>(n);
}

std::string mermaid_id(const std::string& slug) {
    std::string id = "v_";
    for (char c : slug)
        id += (std::isalnum(static_cast<unsigned char>(c)) ? c : '_');
    return id;
}

std::string mermaid_label(const std::string& name) {
    std::string out;
    for (char c : sanitize(name)) {
        if (c == '"')
            out += "#quot;";
        else if (c == '<')
            out += "#lt;";
        else if (c == '>')
            out += "#gt;";
        else
            out += c;
    }
    return out;
}

std::string names(const std::vector<core::VillageRef>& villages) {
    std::string out;
    for (const auto& v : villages)
        out += (out.empty() ? "" : ", ") + v.name;
    return out;
}

Block topic_pie(const std::vector<std::pair<std::string, long>>& counts) {
    Block pie;
    pie.kind = Block::Kind::mermaid;
    pie.code = "pie title " + mermaid_label(tr("Lessons by topic")) + "\n";
    for (const auto& [topic, count] : counts)
        pie.code += fmt::format("  \"{}\" : {}\n", mermaid_label(topic_label(topic)), count);
    return pie;
}

std::string adopter_names(const std::vector<core::LessonAdopter>& adopters) {
    std::string out;
    for (const auto& a : adopters)
        out += (out.empty() ? "" : ", ") + a.village.name;
    return out;
}

void lessons(Document& doc, const core::MonthlyReport& r, core::Lang) {
    doc.heading(tr("New lessons"));
    if (r.lessons.empty()) {
        doc.paragraph({{tr("No lesson was recorded in this period.")}});
        return;
    }
    lesson_group(doc, r, "success", tr("Successes"));
    lesson_group(doc, r, "failure", tr("Failures"));
    lesson_group(doc, r, "insight", tr("Other insights"));
    if (r.lessons_by_topic.empty())
        return;
    doc.blocks.push_back(topic_pie(r.lessons_by_topic));
}

void adoptions(Document& doc, const core::MonthlyReport& r) {
    if (r.adoptions.empty())
        return;
    doc.heading(tr("Lessons adopted by other villages"));
    Table table{{{"lesson", tr("Lesson")},
                 {"from", tr("From")},
                 {"village", tr("Adopted by")},
                 {"status", tr("Status")},
                 {"result", tr("Result")}},
                {}};
    for (const auto& a : r.adoptions)
        table.rows.push_back({a.lesson_title, a.from.name, a.by.name,
                              adoption_status_label(a.status), a.result.empty() ? "—" : a.result});
    doc.table(std::move(table));
    doc.blocks.back().whatsapp = false;
    // WhatsApp has no table: a sentence a line, "Caruy: Bank sampah (from Sidasari) — trying".
    std::vector<Line> items;
    for (const auto& a : r.adoptions) {
        Line item{{a.by.name, 'b'},
                  {": " + a.lesson_title + " (" + trf("from {}", a.from.name) + ") — " +
                   adoption_status_label(a.status)}};
        if (!a.result.empty())
            item.push_back({": " + a.result});
        items.push_back(std::move(item));
    }
    doc.bullets(std::move(items));
    doc.blocks.back().markdown = false;
    doc.blocks.back().terminal = false;
}

void actions(Document& doc, const core::MonthlyReport& r, core::Lang lang) {
    const auto& t = r.totals;
    if (t.actions_open == 0 && t.actions_done == 0)
        return;
    doc.heading(tr("Follow-up actions"));
    for (const auto& a : r.overdue) {
        Line line{{std::string(tr("Overdue:")) + " "}, {a.owner.name, 'b'}, {" — " + a.text}};
        if (a.due)
            line.push_back({" (" + trf("due {}", day_month(*a.due, lang)) + ")"});
        doc.paragraph(std::move(line));
    }
    if (t.actions_overdue > static_cast<long>(r.overdue.size()))
        doc.paragraph({{trf("… and {} more overdue.",
                            t.actions_overdue - static_cast<long>(r.overdue.size()))}});
    doc.paragraph(
        {{trf("Open: {}", t.actions_open) + " · " + trf("Overdue: {}", t.actions_overdue) + " · " +
          trf("Done in this period: {}", t.actions_done)}});
}

void agreements(Document& doc, const core::MonthlyReport& r, core::Lang lang) {
    if (r.agreements_signed.empty() && r.agreements_ending.empty())
        return;
    doc.heading(tr("Cooperation agreements"));
    Table table{{{"title", tr("Agreement")},
                 {"villages", tr("Villages")},
                 {"partners", tr("Partners")},
                 {"event", tr("This period")},
                 {"funding", tr("Funding"), Align::right}},
                {}};
    auto add = [&](const core::ReportAgreement& g, const std::string& event) {
        std::string partners;
        for (const auto& p : g.partners)
            partners += (partners.empty() ? "" : ", ") + p;
        table.rows.push_back({g.title, names(g.villages), partners.empty() ? "—" : partners, event,
                              g.funding ? rupiah_text(*g.funding) : "—"});
    };
    for (const auto& g : r.agreements_signed)
        add(g, trf("signed {}", day_month(g.signed_on, lang)));
    for (const auto& g : r.agreements_ending)
        add(g, trf("ends {}", g.until ? day_month(*g.until, lang) : "—"));
    doc.table(std::move(table));
}

void villages(Document& doc, const core::MonthlyReport& r) {
    doc.heading(tr("Most active villages and villages to greet"));
    if (!r.most_active.empty()) {
        Line line{{std::string(tr("Most active:")) + " "}};
        for (std::size_t i = 0; i < r.most_active.size() && i < 5; ++i) {
            const auto& a = r.most_active[i];
            auto count = i == 0 ? trnf("{} activity", "{} activities", ul(a.count), a.count)
                                : std::to_string(a.count);
            line.push_back({(i ? ", " : "") + a.village.name + " (" + count + ")"});
        }
        line.push_back({"."});
        doc.paragraph(std::move(line));
        Block chart;
        chart.kind = Block::Kind::chart;
        for (const auto& a : r.most_active)
            chart.bars.emplace_back(a.village.name, a.count);
        doc.blocks.push_back(std::move(chart));
    }
    if (r.quiet.empty()) {
        doc.paragraph({{tr("Every village of the network was active in the last 90 days.")}});
        return;
    }
    Line line{{std::string(tr("No activity in the last 90 days:")) + " "}};
    for (std::size_t i = 0; i < r.quiet.size(); ++i) {
        line.push_back({i ? ", " : ""});
        line.push_back({r.quiet[i].name, 'b'});
    }
    if (r.quiet_count > static_cast<long>(r.quiet.size()))
        line.push_back({fmt::format(
            " {}", trf("and {} more", r.quiet_count - static_cast<long>(r.quiet.size())))});
    line.push_back({std::string(" — ") + tr("invite them to the next meeting.")});
    doc.paragraph(std::move(line));
}

void planned(Document& doc, const core::MonthlyReport& r, core::Lang lang) {
    if (r.planned.empty())
        return;
    doc.heading(tr("Planned for next month"));
    Table table{{{"date", tr("Date")}, {"what", tr("Activity")}, {"host", tr("Host")}}, {}};
    for (const auto& p : r.planned) {
        auto what = p.kind == "visit" ? trf("Work visit to {}", p.host.name) +
                                            (p.title.empty() ? "" : ": " + p.title)
                                      : p.title;
        table.rows.push_back(
            {day_month(p.date, lang), what, p.host.name.empty() ? "—" : p.host.name});
    }
    doc.table(std::move(table));
}

std::string mermaid_graph(const std::vector<core::NetworkLink>& links) {
    std::string out = "graph LR\n";
    std::vector<std::string> seen;
    auto node = [&](const core::VillageRef& v) {
        auto id = mermaid_id(v.slug);
        if (std::find(seen.begin(), seen.end(), id) != seen.end())
            return id;
        seen.push_back(id);
        return id + "[\"" + mermaid_label(v.name) + "\"]";
    };
    for (const auto& l : links) {
        auto a = node(l.a);
        auto b = node(l.b);
        out += fmt::format("  {} ---|{}| {}\n", a, l.weight(), b);
    }
    return out;
}

void network(Document& doc, const core::MonthlyReport& r) {
    if (r.links.empty())
        return;
    auto first = doc.blocks.size();
    doc.heading(tr("Collaboration network"));
    auto shown = static_cast<long>(r.links.size());
    doc.paragraph({{shown < r.links_count
                        ? trf("The {} strongest of {} links: the number on a link counts the "
                              "meetings, visits, adoptions and agreements the two villages shared.",
                              shown, r.links_count)
                        : trnf("{} link: the number on a link counts the meetings, visits, "
                               "adoptions and agreements the two villages shared.",
                               "{} links: the number on a link counts the meetings, visits, "
                               "adoptions and agreements the two villages shared.",
                               ul(r.links_count), r.links_count)}});
    Block graph;
    graph.kind = Block::Kind::mermaid;
    graph.code = mermaid_graph(r.links);
    doc.blocks.push_back(std::move(graph));
    Table table{{{"a", tr("Village")},
                 {"b", tr("Village")},
                 {"weight", tr("Together"), Align::right, true}},
                {}};
    for (const auto& l : r.links)
        table.rows.push_back({l.a.name, l.b.name, std::to_string(l.weight())});
    Block t;
    t.kind = Block::Kind::table;
    t.table = std::move(table);
    t.markdown = false;
    doc.blocks.push_back(std::move(t));
    for (auto i = first; i < doc.blocks.size(); ++i)
        doc.blocks[i].whatsapp = false;
}

} // namespace kades::render::sections
