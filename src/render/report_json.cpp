// The monthly / period report as one JSON object: period, totals (the spec's names), then one
// array per section. Written as it goes (a national month is some 7 MB).

#include "core/id.hpp"
#include "render/report.hpp"
#include "render/report_sections.hpp"

namespace kades::render {
namespace {

void slugs(JsonWriter& w, const std::vector<core::VillageRef>& villages) {
    w.begin_array();
    for (const auto& v : villages)
        w.value(v.slug);
    w.end_array();
}

void totals_json(JsonWriter& w, const core::MonthlyReport& r) {
    const auto& t = r.totals;
    w.begin_object()
        .field("meetings_held", t.meetings_held)
        .field("meetings_planned", t.meetings_planned)
        .field("meetings_cancelled", t.meetings_cancelled)
        .field("attendance_rate", t.attendance_rate)
        .field("visits", t.visits)
        .field("workers_exchanged", t.workers_exchanged)
        .field("lessons", t.lessons)
        .field("lessons_success", t.lessons_success)
        .field("lessons_failure", t.lessons_failure)
        .field("adoptions", t.adoptions)
        .field("actions_open", t.actions_open)
        .field("actions_overdue", t.actions_overdue)
        .field("actions_done", t.actions_done)
        .field("attendances", t.attendances)
        .field("invitations", t.invitations)
        .field("agreements_signed", t.agreements_signed)
        .field("funding_signed", t.funding_signed)
        .field("villages", r.villages)
        .field("quiet_villages", r.quiet_count)
        .field("links", r.links_count)
        .end_object();
}

void meetings_json(JsonWriter& w, const core::MonthlyReport& r) {
    w.begin_array();
    for (const auto& m : r.meetings) {
        w.begin_object()
            .field("id", core::short_id(m.uuid))
            .field("date", core::iso(m.date))
            .field("title", m.title)
            .field("status", m.status)
            .text_or_null("host", m.host.slug)
            .field("attended", m.attended)
            .key("invited");
        if (m.status == "held")
            w.value(m.invited);
        else
            w.value(nullptr);
        w.field("decisions", m.decisions).end_object();
    }
    w.end_array();
}

void visits_json(JsonWriter& w, const core::MonthlyReport& r) {
    w.begin_array();
    for (const auto& v : r.visits) {
        w.begin_object()
            .field("id", core::short_id(v.uuid))
            .field("date", core::iso(v.date))
            .date_or_null("until", v.until)
            .field("kind", v.kind)
            .field("host", v.host.slug)
            .key("visitors");
        slugs(w, v.visitors);
        w.field("programs", v.programs)
            .field("workers", v.workers)
            .text_or_null("skill", v.skill)
            .text_or_null("purpose", v.purpose)
            .end_object();
    }
    w.end_array();
}

void rest_json(JsonWriter& w, const core::MonthlyReport& r) {
    w.key("overdue_actions").begin_array();
    for (const auto& a : r.overdue)
        w.begin_object()
            .field("id", core::short_id(a.uuid))
            .field("text", a.text)
            .field("owner", a.owner.slug)
            .date_or_null("due", a.due)
            .end_object();
    w.end_array();
    agreements_json(w.key("agreements_signed"), r.agreements_signed);
    agreements_json(w.key("agreements_ending"), r.agreements_ending);
    w.key("most_active").begin_array();
    for (const auto& v : r.most_active)
        w.begin_object()
            .field("village", v.village.slug)
            .field("name", v.village.name)
            .field("activities", v.count)
            .end_object();
    w.end_array();
    slugs(w.key("quiet"), r.quiet);
    w.key("planned").begin_array();
    for (const auto& p : r.planned)
        w.begin_object()
            .field("date", core::iso(p.date))
            .field("kind", p.kind)
            .field("title", p.title)
            .text_or_null("host", p.host.slug)
            .end_object();
    w.end_array();
    w.key("network").begin_array();
    for (const auto& l : r.links) {
        w.begin_object().field("a", l.a.slug).field("b", l.b.slug).field("weight", l.weight());
        link_kinds(w, l).end_object();
    }
    w.end_array();
}

} // namespace

void begin_report_json(
    JsonWriter& w, const core::Period& period, bool all_time, const core::ReportScope& scope,
    std::initializer_list<std::pair<std::string_view, std::string_view>> filters) {
    w.begin_object();
    w.key("period").begin_object();
    if (all_time)
        w.field("from", nullptr).field("to", nullptr);
    else
        w.field("from", core::iso(period.from)).field("to", core::iso(period.to));
    w.end_object();
    w.key("scope").begin_object().key("forum");
    if (scope.forum_uuid.empty())
        w.value(nullptr);
    else
        w.value(core::short_id(scope.forum_uuid));
    w.text_or_null("under", scope.under);
    for (const auto& [name, value] : filters)
        w.text_or_null(name, value);
    w.end_object();
}

JsonWriter& link_kinds(JsonWriter& w, const core::NetworkLink& link) {
    return w.field("meetings", link.meetings)
        .field("visits", link.visits)
        .field("adoptions", link.adoptions)
        .field("agreements", link.agreements);
}

void lessons_json(JsonWriter& w, const std::vector<core::ReportLesson>& lessons) {
    w.begin_array();
    for (const auto& l : lessons) {
        w.begin_object()
            .field("id", core::short_id(l.uuid))
            .field("date", core::iso(l.date))
            .field("title", l.title)
            .field("village", l.village.slug)
            .field("kind", l.kind)
            .field("topics", l.topics)
            .text_or_null("lesson", l.lesson)
            .text_or_null("recommendation", l.recommendation)
            .key("adopted_by")
            .begin_array();
        for (const auto& d : l.adopters)
            w.value(d.village.slug);
        w.end_array().end_object();
    }
    w.end_array();
}

void adoptions_json(JsonWriter& w, const std::vector<core::ReportAdoption>& adoptions) {
    w.begin_array();
    for (const auto& d : adoptions)
        w.begin_object()
            .field("id", core::short_id(d.uuid))
            .field("date", core::iso(d.date))
            .field("lesson", core::short_id(d.lesson_uuid))
            .field("title", d.lesson_title)
            .field("from", d.from.slug)
            .field("village", d.by.slug)
            .field("status", d.status)
            .text_or_null("result", d.result)
            .end_object();
    w.end_array();
}

void agreements_json(JsonWriter& w, const std::vector<core::ReportAgreement>& agreements) {
    w.begin_array();
    for (const auto& g : agreements) {
        w.begin_object()
            .field("id", core::short_id(g.uuid))
            .field("title", g.title)
            .field("signed", core::iso(g.signed_on))
            .date_or_null("until", g.until)
            .field("funding", g.funding)
            .key("villages");
        slugs(w, g.villages);
        w.field("partners", g.partners).end_object();
    }
    w.end_array();
}

void monthly_json(std::ostream& out, const core::MonthlyReport& r) {
    JsonWriter w(out);
    begin_report_json(w, r.period, false, r.scope);
    totals_json(w.key("totals"), r);
    meetings_json(w.key("meetings"), r);
    visits_json(w.key("visits"), r);
    lessons_json(w.key("lessons"), r.lessons);
    w.key("lessons_by_topic").begin_array();
    for (const auto& [topic, count] : r.lessons_by_topic)
        w.begin_object().field("topic", topic).field("lessons", count).end_object();
    w.end_array();
    adoptions_json(w.key("adoptions"), r.adoptions);
    rest_json(w, r);
    w.end_object();
    w.finish();
}

} // namespace kades::render
