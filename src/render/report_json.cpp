// The monthly / period report as one JSON object: period, totals (the spec's names), then one
// array per section.

#include "core/id.hpp"
#include "render/report.hpp"
#include "render/report_sections.hpp"

namespace kades::render {
namespace {

Json opt_date(const std::optional<core::Date>& date) {
    return date ? Json(core::iso(*date)) : Json(nullptr);
}

Json slugs(const std::vector<core::VillageRef>& villages) {
    Json a = Json::array();
    for (const auto& v : villages)
        a.push_back(v.slug);
    return a;
}

Json adopter_slugs(const std::vector<core::LessonAdopter>& adopters) {
    Json a = Json::array();
    for (const auto& d : adopters)
        a.push_back(d.village.slug);
    return a;
}

Json totals_json(const core::MonthlyReport& r) {
    const auto& t = r.totals;
    return {{"meetings_held", t.meetings_held},
            {"meetings_planned", t.meetings_planned},
            {"meetings_cancelled", t.meetings_cancelled},
            {"attendance_rate", t.attendance_rate ? Json(*t.attendance_rate) : Json(nullptr)},
            {"visits", t.visits},
            {"workers_exchanged", t.workers_exchanged},
            {"lessons", t.lessons},
            {"lessons_success", t.lessons_success},
            {"lessons_failure", t.lessons_failure},
            {"adoptions", t.adoptions},
            {"actions_open", t.actions_open},
            {"actions_overdue", t.actions_overdue},
            {"actions_done", t.actions_done},
            {"attendances", t.attendances},
            {"invitations", t.invitations},
            {"agreements_signed", t.agreements_signed},
            {"funding_signed", t.funding_signed},
            {"villages", r.villages},
            {"quiet_villages", r.quiet_count},
            {"links", r.links_count}};
}

Json meetings_json(const core::MonthlyReport& r) {
    Json a = Json::array();
    for (const auto& m : r.meetings)
        a.push_back({{"id", core::short_id(m.uuid)},
                     {"date", core::iso(m.date)},
                     {"title", m.title},
                     {"status", m.status},
                     {"host", text_or_null(m.host.slug)},
                     {"attended", m.attended},
                     {"invited", m.status == "held" ? Json(m.invited) : Json(nullptr)},
                     {"decisions", m.decisions}});
    return a;
}

Json visits_json(const core::MonthlyReport& r) {
    Json a = Json::array();
    for (const auto& v : r.visits)
        a.push_back({{"id", core::short_id(v.uuid)},
                     {"date", core::iso(v.date)},
                     {"until", opt_date(v.until)},
                     {"kind", v.kind},
                     {"host", v.host.slug},
                     {"visitors", slugs(v.visitors)},
                     {"programs", v.programs},
                     {"workers", v.workers},
                     {"skill", text_or_null(v.skill)},
                     {"purpose", text_or_null(v.purpose)}});
    return a;
}

Json villages_json(const core::MonthlyReport& r) {
    Json active = Json::array();
    for (const auto& v : r.most_active)
        active.push_back(
            {{"village", v.village.slug}, {"name", v.village.name}, {"activities", v.count}});
    return active;
}

Json rest_json(const core::MonthlyReport& r, Json j) {
    Json overdue = Json::array();
    for (const auto& a : r.overdue)
        overdue.push_back({{"id", core::short_id(a.uuid)},
                           {"text", a.text},
                           {"owner", a.owner.slug},
                           {"due", opt_date(a.due)}});
    j["overdue_actions"] = overdue;
    j["agreements_signed"] = agreements_json(r.agreements_signed);
    j["agreements_ending"] = agreements_json(r.agreements_ending);
    j["most_active"] = villages_json(r);
    j["quiet"] = slugs(r.quiet);
    Json planned = Json::array();
    for (const auto& p : r.planned)
        planned.push_back({{"date", core::iso(p.date)},
                           {"kind", p.kind},
                           {"title", p.title},
                           {"host", text_or_null(p.host.slug)}});
    j["planned"] = planned;
    Json links = Json::array();
    for (const auto& l : r.links)
        links.push_back({{"a", l.a.slug},
                         {"b", l.b.slug},
                         {"weight", l.weight()},
                         {"meetings", l.meetings},
                         {"visits", l.visits},
                         {"adoptions", l.adoptions},
                         {"agreements", l.agreements}});
    j["network"] = links;
    return j;
}

} // namespace

Json scope_json(const core::ReportScope& scope) {
    return {{"forum",
             scope.forum_uuid.empty() ? Json(nullptr) : Json(core::short_id(scope.forum_uuid))},
            {"under", text_or_null(scope.under)}};
}

Json period_json(const core::Period& period, bool all_time) {
    if (all_time)
        return {{"from", nullptr}, {"to", nullptr}};
    return {{"from", core::iso(period.from)}, {"to", core::iso(period.to)}};
}

Json lessons_json(const std::vector<core::ReportLesson>& lessons) {
    Json a = Json::array();
    for (const auto& l : lessons)
        a.push_back({{"id", core::short_id(l.uuid)},
                     {"date", core::iso(l.date)},
                     {"title", l.title},
                     {"village", l.village.slug},
                     {"kind", l.kind},
                     {"topics", l.topics},
                     {"lesson", text_or_null(l.lesson)},
                     {"recommendation", text_or_null(l.recommendation)},
                     {"adopted_by", adopter_slugs(l.adopters)}});
    return a;
}

Json adoptions_json(const std::vector<core::ReportAdoption>& adoptions) {
    Json a = Json::array();
    for (const auto& d : adoptions)
        a.push_back({{"id", core::short_id(d.uuid)},
                     {"date", core::iso(d.date)},
                     {"lesson", core::short_id(d.lesson_uuid)},
                     {"title", d.lesson_title},
                     {"from", d.from.slug},
                     {"village", d.by.slug},
                     {"status", d.status},
                     {"result", text_or_null(d.result)}});
    return a;
}

Json agreements_json(const std::vector<core::ReportAgreement>& agreements) {
    Json a = Json::array();
    for (const auto& g : agreements)
        a.push_back({{"id", core::short_id(g.uuid)},
                     {"title", g.title},
                     {"signed", core::iso(g.signed_on)},
                     {"until", opt_date(g.until)},
                     {"funding", g.funding ? Json(*g.funding) : Json(nullptr)},
                     {"villages", slugs(g.villages)},
                     {"partners", g.partners}});
    return a;
}

Json monthly_json(const core::MonthlyReport& r) {
    Json j;
    j["period"] = period_json(r.period, false);
    j["scope"] = scope_json(r.scope);
    j["totals"] = totals_json(r);
    j["meetings"] = meetings_json(r);
    j["visits"] = visits_json(r);
    j["lessons"] = lessons_json(r.lessons);
    Json topics = Json::array();
    for (const auto& [topic, count] : r.lessons_by_topic)
        topics.push_back({{"topic", topic}, {"lessons", count}});
    j["lessons_by_topic"] = topics;
    j["adoptions"] = adoptions_json(r.adoptions);
    return rest_json(r, std::move(j));
}

} // namespace kades::render
