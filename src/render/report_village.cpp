// `report village`: one village's story as a document, its figures as CSV, or JSON.

#include "core/devindex.hpp"
#include "core/i18n.hpp"
#include "render/report.hpp"
#include "render/report_doc.hpp"
#include "render/report_sections.hpp"
#include "render/rupiah.hpp"

#include <fmt/format.h>

namespace kades::render {
using core::tr;
using core::trf;

namespace {

std::string n(long value) {
    return std::to_string(value);
}

// The figures as one row: the CSV, and the headline of every other format.
Table figures(const core::VillageReport& r, core::Lang lang) {
    const auto& c = r.counts;
    return {{{"lessons_shared", tr("Lessons shared"), Align::right, true},
             {"lessons_adopted", tr("Lessons adopted from others"), Align::right, true},
             {"adopted_by_others", tr("Its lessons adopted elsewhere"), Align::right, true},
             {"meetings_hosted", tr("Meetings hosted"), Align::right, true},
             {"meetings_attended", tr("Meetings attended"), Align::right, true},
             {"visits_hosted", tr("Visits hosted"), Align::right, true},
             {"visits_made", tr("Visits made"), Align::right, true},
             {"workers_sent", tr("Workers sent"), Align::right, true},
             {"workers_received", tr("Workers received"), Align::right, true},
             {"villages_linked", tr("Villages worked with"), Align::right, true},
             {"partners", tr("Partners"), Align::right, true},
             {"agreements", tr("Agreements"), Align::right, true},
             {"funding", tr("Funding"), Align::right, true}},
            {{n(c.lessons_shared), n(c.lessons_adopted), n(c.adopted_by_others),
              n(c.meetings_hosted), n(c.meetings_attended), n(c.visits_hosted), n(c.visits_made),
              n(c.workers_sent), n(c.workers_received), n(static_cast<long>(r.links.size())),
              n(c.partners), n(c.agreements), rupiah(c.funding, lang)}}};
}

std::string title_of(const core::VillageReport& r, core::Lang lang) {
    return r.village.name + " — " + (r.all_time ? tr("all time") : period_text(r.period, lang)) +
           scope_suffix(r.scope);
}

void lessons(Document& doc, const core::VillageReport& r) {
    if (r.lessons.empty())
        return;
    doc.heading(tr("Lessons shared"));
    std::vector<Line> items;
    for (const auto& l : r.lessons) {
        Line line{{l.title, 'b'}, {fmt::format(" ({})", lesson_kind_label(l.kind))}};
        if (!l.lesson.empty())
            line.push_back({" — " + l.lesson});
        if (!l.adopters.empty())
            line.push_back(
                {fmt::format(" {}", trf("Adopted by {}.", sections::adopter_names(l.adopters)))});
        items.push_back(std::move(line));
    }
    doc.bullets(std::move(items));
}

void adoptions(Document& doc, const std::vector<core::ReportAdoption>& list, bool by_it) {
    if (list.empty())
        return;
    doc.heading(by_it ? tr("Lessons adopted from others") : tr("Its lessons adopted elsewhere"));
    Table t{{{"lesson", tr("Lesson")},
             {"village", by_it ? tr("From") : tr("Adopted by")},
             {"status", tr("Status")},
             {"result", tr("Result")}},
            {}};
    for (const auto& a : list)
        t.rows.push_back({a.lesson_title, by_it ? a.from.name : a.by.name,
                          adoption_status_label(a.status), a.result.empty() ? "—" : a.result});
    doc.table(std::move(t));
}

void links(Document& doc, const core::VillageReport& r) {
    if (r.links.empty())
        return;
    doc.heading(tr("Villages worked with"));
    Table t{{{"village", tr("Village")},
             {"meetings", tr("Meetings"), Align::right, true},
             {"visits", tr("Visits"), Align::right, true},
             {"adoptions", tr("Adoptions"), Align::right, true},
             {"agreements", tr("Agreements"), Align::right, true},
             {"weight", tr("Together"), Align::right, true}},
            {}};
    for (const auto& l : r.links)
        t.rows.push_back(
            {l.b.name, n(l.meetings), n(l.visits), n(l.adoptions), n(l.agreements), n(l.weight())});
    doc.table(std::move(t));
}

void agreements(Document& doc, const core::VillageReport& r, core::Lang lang) {
    if (r.agreements.empty())
        return;
    doc.heading(tr("Agreements"));
    Table t{{{"title", tr("Agreement")},
             {"villages", tr("Villages")},
             {"partners", tr("Partners")},
             {"signed", tr("Signed")},
             {"funding", tr("Funding"), Align::right, true}},
            {}};
    for (const auto& g : r.agreements) {
        std::string partners;
        for (const auto& p : g.partners)
            partners += (partners.empty() ? "" : ", ") + p;
        t.rows.push_back({g.title, sections::names(g.villages), partners.empty() ? "—" : partners,
                          core::iso(g.signed_on), g.funding ? rupiah(*g.funding, lang) : "—"});
    }
    doc.table(std::move(t));
}

std::string score_text(const core::IndexScore& s) {
    return s.kind == core::IndexKind::idm ? fmt::format("{:.4f}", s.score)
                                          : fmt::format("{:.2f}", s.score);
}

void index(Document& doc, const core::VillageReport& r, core::Lang lang) {
    if (r.index.empty())
        return;
    doc.heading(tr("Development index"));
    Table t{{{"year", tr("Year"), Align::right, true},
             {"index", tr("Index")},
             {"score", tr("Score"), Align::right, true},
             {"status", tr("Status")}},
            {}};
    for (const auto& e : r.index)
        t.rows.push_back({n(e.year), e.score.kind == core::IndexKind::idm ? "IDM" : "ID",
                          score_text(e.score), core::dev_status_label(e.score.status, lang)});
    doc.table(std::move(t));
}

Document document(const core::VillageReport& r, core::Lang lang) {
    Document doc;
    doc.heading(title_of(r, lang), 1);
    if (!r.code.empty())
        doc.paragraph({{r.code}});
    doc.table(figures(r, lang), true);
    lessons(doc, r);
    adoptions(doc, r.adopted, true);
    adoptions(doc, r.adopted_by_others, false);
    links(doc, r);
    agreements(doc, r, lang);
    if (!r.partners.empty()) {
        doc.heading(tr("Partners"));
        std::string names;
        for (const auto& p : r.partners)
            names += (names.empty() ? "" : ", ") + p;
        doc.paragraph({{names}});
    }
    index(doc, r, lang);
    return doc;
}

} // namespace

void village_json(std::ostream& out, const core::VillageReport& r) {
    const auto& c = r.counts;
    JsonWriter w(out);
    begin_report_json(w, r.period, r.all_time, r.scope);
    w.key("village")
        .begin_object()
        .field("slug", r.village.slug)
        .field("name", r.village.name)
        .text_or_null("code", r.code)
        .end_object();
    w.key("totals")
        .begin_object()
        .field("lessons_shared", c.lessons_shared)
        .field("lessons_adopted", c.lessons_adopted)
        .field("adopted_by_others", c.adopted_by_others)
        .field("meetings_hosted", c.meetings_hosted)
        .field("meetings_attended", c.meetings_attended)
        .field("visits_hosted", c.visits_hosted)
        .field("visits_made", c.visits_made)
        .field("workers_sent", c.workers_sent)
        .field("workers_received", c.workers_received)
        .field("villages_linked", r.links.size())
        .field("partners", c.partners)
        .field("agreements", c.agreements)
        .field("funding", c.funding)
        .end_object();
    lessons_json(w.key("lessons"), r.lessons);
    adoptions_json(w.key("adopted"), r.adopted);
    adoptions_json(w.key("adopted_by_others"), r.adopted_by_others);
    w.key("links").begin_array();
    for (const auto& l : r.links) {
        w.begin_object().field("village", l.b.slug);
        link_kinds(w, l).field("weight", l.weight()).end_object();
    }
    w.end_array();
    agreements_json(w.key("agreements"), r.agreements);
    w.field("partners", r.partners);
    w.key("index").begin_array();
    for (const auto& e : r.index)
        w.begin_object()
            .field("year", e.year)
            .field("index", core::index_kind_key(e.score.kind))
            .field("score", e.score.score)
            .field("status", core::dev_status_key(e.score.status))
            .end_object();
    w.end_array();
    w.end_object();
    w.finish();
}

void village_report(std::ostream& out, const core::VillageReport& r, const Options& options) {
    if (options.format == Format::json)
        village_json(out, r);
    else if (options.format == Format::csv) {
        auto table = figures(r, options.lang);
        table.rows[0].back() = std::to_string(r.counts.funding); // a number for scripts
        write_table(out, table, options);
    } else
        write_document(out, document(r, options.lang), options);
}

} // namespace kades::render
