// `report lessons`: the compendium as a document (terminal, Markdown, WhatsApp), one CSV row a
// lesson, or JSON.

#include "core/i18n.hpp"
#include "core/id.hpp"
#include "render/report.hpp"
#include "render/report_doc.hpp"
#include "render/report_sections.hpp"
#include "render/text.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace kades::render {
using core::tr;
using core::trf;
using core::trnf;

namespace {
using sections::ul;

std::string title_of(const core::LessonsReport& r, core::Lang lang) {
    auto what = std::string(tr("Lessons learned in the Kades network")) + " — " +
                (r.all_time ? tr("all time") : period_text(r.period, lang));
    if (!r.topic.empty())
        what += " · " + topic_label(r.topic);
    if (!r.kind.empty())
        what += " · " + lesson_kind_label(r.kind);
    return what + scope_suffix(r.scope);
}

Line subtitle(const core::LessonsReport& r, core::Lang lang) {
    auto n = static_cast<long>(r.lessons.size());
    std::string kinds;
    auto add = [&kinds](long count, const char* one, const char* many) {
        if (count > 0)
            kinds += (kinds.empty() ? "" : ", ") + trnf(one, many, ul(count), count);
    };
    add(r.success, "{} success", "{} successes");
    add(r.failure, "{} failure", "{} failures");
    add(r.insight, "{} other insight", "{} other insights");
    std::string text = trnf("{} lesson", "{} lessons", ul(n), n) + " " +
                       trnf("from {} village", "from {} villages", ul(r.villages), r.villages) +
                       " (" + kinds + ") · ";
    if (r.adoptions == 0)
        text += tr("none taken up by another village yet");
    else
        text += trnf("taken up {} time by other villages", "taken up {} times by other villages",
                     ul(r.adoptions), r.adoptions) +
                " (" + trnf("{} adopted", "{} adopted", ul(r.adopted), r.adopted) + ")";
    return {{text + " · " + trf("made {}", core::long_date(r.today, lang))}};
}

Table topics_table(const core::LessonsReport& r) {
    Table t{{{"topic", tr("Topic")},
             {"lessons", tr("Lessons"), Align::right, true},
             {"success", tr("Successes"), Align::right, true},
             {"failure", tr("Failures"), Align::right, true},
             {"insight", tr("Other insights"), Align::right, true}},
            {}};
    auto n = [](long v) { return std::to_string(v); };
    for (const auto& g : r.groups) {
        const auto& s = g.summary;
        t.rows.push_back(
            {topic_label(s.topic), n(s.lessons), n(s.success), n(s.failure), n(s.insight)});
    }
    return t;
}

void overview(Document& doc, const core::LessonsReport& r) {
    if (r.groups.size() < 2)
        return;
    doc.heading(tr("Topics"));
    doc.table(topics_table(r));
    for (auto it = doc.blocks.end() - 2; it != doc.blocks.end(); ++it)
        it->whatsapp = false; // the message is long enough: its topics are its headings
    std::vector<std::pair<std::string, long>> counts;
    for (const auto& g : r.groups)
        counts.emplace_back(g.summary.topic, g.summary.lessons);
    doc.blocks.push_back(sections::topic_pie(counts));
}

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (start <= text.size()) {
        auto end = std::min(text.find('\n', start), text.size());
        auto line = text.substr(start, end - start);
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        if (line.find_first_not_of(" \t") != std::string::npos)
            lines.push_back(std::move(line));
        start = end + 1;
    }
    return lines;
}

void lesson(Document& doc, const core::ReportLesson& l, core::Lang lang) {
    doc.heading(l.title, 4);
    std::string about = l.village.name + " · " + core::long_date(l.date, lang);
    if (!l.topics.empty())
        about += " · " + trf("topics: {}", join(l.topics, ", "));
    doc.paragraph({{about, 'i'}}, false);
    struct Field {
        const char* label;
        const std::string& text;
    };
    for (auto f :
         {Field{tr("Context:"), l.context}, Field{tr("Outcome:"), l.outcome},
          Field{tr("Lesson:"), l.lesson}, Field{tr("Recommendation:"), l.recommendation}}) {
        // A field's own lines stay lines (hard breaks in Markdown); blank ones are dropped.
        bool first = true;
        for (const auto& text : lines_of(f.text)) {
            doc.paragraph(first ? Line{{f.label, 'b'}, {" " + text}} : Line{{text}});
            first = false;
        }
    }
    if (l.adopters.empty()) {
        doc.paragraph({{tr("No other village has taken it up yet."), 'i'}}, false);
        return;
    }
    doc.paragraph({{tr("Taken up by:"), 'b'}}, false);
    std::vector<Line> items;
    for (const auto& a : l.adopters) {
        Line item{{a.village.name, 'b'},
                  {" — " + adoption_status_label(a.status) + ", " + core::long_date(a.date, lang)}};
        if (!a.result.empty())
            item.push_back({": " + a.result});
        items.push_back(std::move(item));
    }
    doc.bullets(std::move(items));
}

void topic_section(Document& doc, const core::LessonsReport& r, const core::TopicGroup& g,
                   core::Lang lang) {
    doc.heading(topic_label(g.summary.topic));
    static const std::pair<const char*, const char*> kinds[] = {{"success", N_("Successes")},
                                                                {"failure", N_("Failures")},
                                                                {"insight", N_("Other insights")}};
    for (const auto& [kind, heading] : kinds) {
        bool first = true;
        for (auto i : g.lessons) {
            if (r.lessons[i].kind != kind)
                continue;
            if (first && r.kind.empty())
                doc.heading(tr(heading), 3);
            first = false;
            lesson(doc, r.lessons[i], lang);
        }
    }
    if (g.see_also.empty())
        return;
    std::string names;
    for (auto i : g.see_also)
        names += (names.empty() ? "" : "; ") + r.lessons[i].title + " (" +
                 topic_label(r.lessons[i].topics.front()) + ")";
    doc.paragraph({{tr("See also:"), 'b'}, {" " + names}}, false);
}

Document document(const core::LessonsReport& r, core::Lang lang) {
    Document doc;
    doc.heading(title_of(r, lang), 1);
    if (r.lessons.empty()) {
        doc.paragraph({{r.all_time ? tr("No lesson matches yet.")
                                   : tr("No lesson matches in this period.")}});
        doc.paragraph({{tr("Record what worked and what failed with kades lesson add, and this "
                           "compendium fills in.")}},
                      false);
        return doc;
    }
    doc.paragraph(subtitle(r, lang));
    overview(doc, r);
    for (const auto& g : r.groups)
        topic_section(doc, r, g, lang);
    return doc;
}

Table csv_table(const core::LessonsReport& r) {
    Table t{{{"id", "id"},
             {"date", "date"},
             {"village", "village"},
             {"kind", "kind"},
             {"topics", "topics"},
             {"title", "title"},
             {"context", "context"},
             {"outcome", "outcome"},
             {"lesson", "lesson"},
             {"recommendation", "recommendation"},
             {"adopted_by", "adopted_by"},
             {"adopted", "adopted", Align::right, true}},
            {}};
    for (const auto& l : r.lessons) {
        std::vector<std::string> by;
        long adopted = 0;
        for (const auto& a : l.adopters) {
            by.push_back(a.village.slug);
            adopted += a.status == "adopted" ? 1 : 0;
        }
        t.rows.push_back({core::short_id(l.uuid), core::iso(l.date), l.village.slug, l.kind,
                          join(l.topics, "; "), l.title, l.context, l.outcome, l.lesson,
                          l.recommendation, join(by, " "), std::to_string(adopted)});
    }
    return t;
}

} // namespace

void lessons_report_json(std::ostream& out, const core::LessonsReport& r) {
    JsonWriter w(out);
    begin_report_json(w, r.period, r.all_time, r.scope, {{"topic", r.topic}, {"kind", r.kind}});
    w.key("totals")
        .begin_object()
        .field("lessons", r.lessons.size())
        .field("lessons_success", r.success)
        .field("lessons_failure", r.failure)
        .field("lessons_insight", r.insight)
        .field("adoptions", r.adoptions)
        .field("adopted", r.adopted)
        .field("villages", r.villages)
        .field("topics", r.groups.size())
        .end_object();
    w.key("topics").begin_array();
    for (const auto& g : r.groups)
        w.begin_object()
            .text_or_null("topic", g.summary.topic)
            .field("lessons", g.summary.lessons)
            .field("success", g.summary.success)
            .field("failure", g.summary.failure)
            .field("insight", g.summary.insight)
            .end_object();
    w.end_array();
    w.key("lessons").begin_array();
    for (const auto& l : r.lessons) {
        w.begin_object()
            .field("id", core::short_id(l.uuid))
            .field("date", core::iso(l.date))
            .field("title", l.title)
            .field("village", l.village.slug)
            .field("name", l.village.name)
            .field("kind", l.kind)
            .field("topics", l.topics)
            .text_or_null("context", l.context)
            .text_or_null("outcome", l.outcome)
            .text_or_null("lesson", l.lesson)
            .text_or_null("recommendation", l.recommendation)
            .key("adoptions")
            .begin_array();
        for (const auto& a : l.adopters)
            w.begin_object()
                .field("village", a.village.slug)
                .field("name", a.village.name)
                .field("status", a.status)
                .field("date", core::iso(a.date))
                .text_or_null("result", a.result)
                .end_object();
        w.end_array().end_object();
    }
    w.end_array();
    w.end_object();
    w.finish();
}

void lessons_report(std::ostream& out, const core::LessonsReport& r, const Options& options) {
    if (options.format == Format::json)
        lessons_report_json(out, r);
    else if (options.format == Format::csv)
        write_table(out, csv_table(r), options);
    else
        write_document(out, document(r, options.lang), options);
}

} // namespace kades::render
