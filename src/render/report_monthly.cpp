// `report monthly` / `report period`: the title, the headline figures, meetings and visits;
// the other sections are in report_sections.cpp.

#include "core/i18n.hpp"
#include "render/report.hpp"
#include "render/report_sections.hpp"

#include <fmt/format.h>

namespace kades::render {
using core::tr;
using core::trf;
using core::trnf;

namespace {

std::string title_of(const core::MonthlyReport& r, core::Lang lang) {
    std::string what = r.monthly
                           ? trf("Monthly report of the Kades network — {} {}",
                                 core::month_name(unsigned(r.period.from.month()), lang),
                                 int(r.period.from.year()))
                           : trf("Report of the Kades network — {}", period_text(r.period, lang));
    return what + scope_suffix(r.scope);
}

Line subtitle(const core::MonthlyReport& r, core::Lang lang) {
    return {{trf("Period {}", period_text(r.period, lang)) + " · " +
             trnf("{} village in the network", "{} villages in the network",
                  static_cast<unsigned long>(r.villages), r.villages) +
             " · " + trf("made {}", core::long_date(r.today, lang))}};
}

std::string lessons_cell(const core::ReportTotals& t) {
    if (t.lessons == 0)
        return "0";
    return fmt::format("{} ({}, {})", t.lessons,
                       trnf("{} success", "{} successes",
                            static_cast<unsigned long>(t.lessons_success), t.lessons_success),
                       trnf("{} failure", "{} failures",
                            static_cast<unsigned long>(t.lessons_failure), t.lessons_failure));
}

Table headline(const core::MonthlyReport& r) {
    const auto& t = r.totals;
    auto n = [](long v) { return std::to_string(v); };
    Table table{{{"meetings_held", tr("Meetings"), Align::right, true},
                 {"attendance_rate", tr("Attendance"), Align::right, true},
                 {"visits", tr("Work visits"), Align::right, true},
                 {"workers_exchanged", tr("Workers exchanged"), Align::right, true},
                 {"lessons", tr("New lessons"), Align::right, true},
                 {"adoptions", tr("Adopted"), Align::right, true},
                 {"actions_overdue", tr("Overdue actions"), Align::right, true}},
                {}};
    table.rows.push_back({n(t.meetings_held), percent_text(t.attendance_rate), n(t.visits),
                          n(t.workers_exchanged), lessons_cell(t), n(t.adoptions),
                          n(t.actions_overdue)});
    return table;
}

std::string present_cell(const core::ReportMeeting& m) {
    if (m.status == "held")
        return fmt::format("{}/{}", m.attended, m.invited);
    return m.status == "planned" ? tr("planned") : tr("cancelled");
}

std::string joined(const std::vector<std::string>& items, const char* separator) {
    std::string out;
    for (const auto& i : items)
        out += (out.empty() ? "" : separator) + i;
    return out.empty() ? "—" : out;
}

Table meetings_table(const core::MonthlyReport& r, core::Lang lang, bool full_dates) {
    Table table{{{"date", tr("Date")},
                 {"title", tr("Meeting")},
                 {"host", tr("Host")},
                 {"present", tr("Present"), Align::right},
                 {"decisions", tr("Decisions")}},
                {}};
    for (const auto& m : r.meetings)
        table.rows.push_back({full_dates ? core::iso(m.date) : day_month(m.date, lang), m.title,
                              m.host.name.empty() ? "—" : m.host.name, present_cell(m),
                              joined(m.decisions, "; ")});
    return table;
}

std::string visit_note(const core::ReportVisit& v) {
    std::string note = v.purpose;
    if (v.workers > 0)
        note += (note.empty() ? "" : " (") +
                trnf("{} worker", "{} workers", static_cast<unsigned long>(v.workers), v.workers) +
                (v.purpose.empty() ? "" : ")");
    return note.empty() ? "—" : note;
}

void visits(Document& doc, const core::MonthlyReport& r, core::Lang lang) {
    doc.heading(tr("Work visits and worker exchanges"));
    if (r.visits.empty()) {
        doc.paragraph({{tr("No visit was held in this period.")}});
        return;
    }
    Table table{{{"date", tr("Date")},
                 {"visitors", tr("Visitors")},
                 {"host", tr("Host")},
                 {"program", tr("Program")},
                 {"note", tr("Note")}},
                {}};
    for (const auto& v : r.visits) {
        auto program = v.programs.empty() ? (v.skill.empty() ? visit_kind_label(v.kind) : v.skill)
                                          : joined(v.programs, ", ");
        table.rows.push_back({day_month(v.date, lang), sections::names(v.visitors), v.host.name,
                              program, visit_note(v)});
    }
    doc.table(std::move(table));
}

bool empty_period(const core::MonthlyReport& r) {
    const auto& t = r.totals;
    return r.meetings.empty() && t.visits == 0 && t.lessons == 0 && t.adoptions == 0 &&
           t.actions_done == 0 && r.agreements_signed.empty() && r.agreements_ending.empty();
}

Document document(const core::MonthlyReport& r, core::Lang lang) {
    Document doc;
    doc.heading(title_of(r, lang), 1);
    doc.paragraph(subtitle(r, lang));
    if (empty_period(r)) {
        doc.paragraph({{tr("Nothing was recorded for this period yet: no meeting, visit, lesson "
                           "or adoption. Record them as they happen (kades meeting add, kades "
                           "visit add, kades lesson add) and this report fills in.")}},
                      false);
        sections::actions(doc, r, lang);
        sections::planned(doc, r, lang);
        return doc;
    }
    doc.table(headline(r), true);
    doc.heading(tr("Meetings"));
    if (r.meetings.empty())
        doc.paragraph({{tr("No meeting in this period.")}});
    doc.table(meetings_table(r, lang, false));
    visits(doc, r, lang);
    sections::lessons(doc, r, lang);
    sections::adoptions(doc, r);
    sections::actions(doc, r, lang);
    sections::agreements(doc, r, lang);
    sections::villages(doc, r);
    sections::planned(doc, r, lang);
    sections::network(doc, r);
    return doc;
}

} // namespace

void monthly_report(std::ostream& out, const core::MonthlyReport& r, const Options& options) {
    if (options.format == Format::json) {
        monthly_json(out, r);
        return;
    }
    if (options.format == Format::csv) {
        Table table = meetings_table(r, options.lang, true);
        table.columns.insert(table.columns.begin() + 3, Column{"status", tr("Status")});
        for (std::size_t i = 0; i < table.rows.size(); ++i)
            table.rows[i].insert(table.rows[i].begin() + 3, r.meetings[i].status);
        for (auto& row : table.rows)
            for (auto& cell : row)
                if (cell == "—")
                    cell.clear();
        write_table(out, table, options);
        return;
    }
    write_document(out, document(r, options.lang), options);
}

} // namespace kades::render
