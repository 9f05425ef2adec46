#include "render/visit.hpp"

#include "core/i18n.hpp"
#include "core/id.hpp"
#include "render/json.hpp"
#include "render/record.hpp"
#include "render/sections.hpp"
#include "render/table.hpp"
#include "render/text.hpp"

#include <fmt/format.h>

namespace kades::render {
using core::tr;
using core::trf;

namespace {

std::vector<std::string> visitor_slugs(const core::Visit& v) {
    std::vector<std::string> slugs;
    for (const auto& ref : v.visitors)
        slugs.push_back(ref.slug);
    return slugs;
}

std::vector<std::string> visitor_names(const core::Visit& v) {
    std::vector<std::string> names;
    for (const auto& ref : v.visitors)
        names.push_back(ref.name);
    return names;
}

std::vector<std::string> action_ids(const core::Visit& v) {
    std::vector<std::string> ids;
    for (const auto& a : v.actions)
        ids.push_back(core::short_id(a.uuid));
    return ids;
}

std::string workers_text(const core::Visit& v) {
    return v.workers ? std::to_string(*v.workers) : "";
}

// "13 Nov 2026" less its year: the start of a range ending in the same year.
std::string without_year(const std::string& date) {
    return date.substr(0, date.rfind(' '));
}

Table visit_table(const std::vector<core::Visit>& visits, core::Lang lang) {
    Table table;
    table.columns = {{"id", tr("ID")},
                     {"date", tr("Date")},
                     {"kind", tr("Kind")},
                     {"status", tr("Status")},
                     {"host", tr("Host")},
                     {"visitors", tr("Visitors")},
                     {"programs", tr("Programs")},
                     {"workers", tr("Workers"), Align::right, true},
                     {"skill", tr("Skill")}};
    for (const auto& v : visits)
        table.rows.push_back({core::short_id(v.uuid), date_range(v.date, v.until, lang),
                              core::visit_kind_label(v.kind), core::visit_status_label(v.status),
                              v.host.name, join(visitor_names(v), ", "), join(v.programs, ", "),
                              workers_text(v), v.skill});
    return without_empty_columns(table);
}

// CSV carries every field of the JSON, in its order: village and action ids joined by ';',
// programs one a line (they are free text).
Table visit_csv(const std::vector<core::Visit>& visits) {
    Table table;
    for (const char* key :
         {"id", "uuid", "kind", "status", "date", "until", "host", "visitors", "purpose",
          "programs", "findings", "workers", "skill", "actions", "cancel_reason"})
        table.columns.push_back(Column{key, key, Align::left, std::string_view(key) == "workers"});
    for (const auto& v : visits)
        table.rows.push_back({core::short_id(v.uuid), v.uuid, core::visit_kind_key(v.kind),
                              core::visit_status_key(v.status), core::iso(v.date),
                              v.until ? core::iso(*v.until) : "", v.host.slug,
                              join(visitor_slugs(v), ";"), v.purpose, join(v.programs, "\n"),
                              v.findings, workers_text(v), v.skill, join(action_ids(v), ";"),
                              v.cancel_reason});
    return table;
}

std::string record_title(const core::Visit& v) {
    switch (v.kind) {
    case core::VisitKind::study:
        return trf("Study visit to {}", v.host.name);
    case core::VisitKind::exchange:
        return trf("Worker exchange with {}", v.host.name);
    case core::VisitKind::other:
        break;
    }
    return trf("Visit to {}", v.host.name);
}

std::vector<Field> visit_fields(const core::Visit& v, core::Lang lang) {
    return {{tr("ID"), core::short_id(v.uuid)},
            {tr("Date"), date_range(v.date, v.until, lang, true)},
            {tr("Kind"), core::visit_kind_label(v.kind)},
            {tr("Status"), core::visit_status_label(v.status)},
            {tr("Cancelled because"), v.cancel_reason},
            {tr("Host"), fmt::format("{} ({})", v.host.name, v.host.slug)},
            {tr("Purpose"), v.purpose},
            {tr("Workers"), workers_text(v)},
            {tr("Skill"), v.skill},
            {tr("Findings"), v.findings}};
}

} // namespace

std::string date_range(core::Date from, std::optional<core::Date> until, core::Lang lang,
                       bool long_names) {
    auto show = [&](core::Date d) {
        return long_names ? core::long_date(d, lang) : core::short_date(d, lang);
    };
    if (!until || *until == from)
        return show(from);
    if (from.year() == until->year() && from.month() == until->month())
        return fmt::format("{}\u2013{}", unsigned(from.day()), show(*until));
    if (from.year() == until->year())
        return fmt::format("{} \u2013 {}", without_year(show(from)), show(*until));
    return fmt::format("{} \u2013 {}", show(from), show(*until));
}

std::string visit_label(const core::Visit& v, core::Lang lang) {
    return fmt::format("{} {} \u2192 {} ({})", core::short_id(v.uuid), join(visitor_names(v), ", "),
                       v.host.name, date_range(v.date, v.until, lang));
}

Json visit_json(const core::Visit& v) {
    return Json{{"id", core::short_id(v.uuid)},
                {"uuid", v.uuid},
                {"kind", core::visit_kind_key(v.kind)},
                {"status", core::visit_status_key(v.status)},
                {"date", core::iso(v.date)},
                {"until", v.until ? Json(core::iso(*v.until)) : Json(nullptr)},
                {"host", v.host.slug},
                {"visitors", visitor_slugs(v)},
                {"purpose", text_or_null(v.purpose)},
                {"programs", v.programs},
                {"findings", text_or_null(v.findings)},
                {"workers", v.workers ? Json(*v.workers) : Json(nullptr)},
                {"skill", text_or_null(v.skill)},
                {"actions", action_ids(v)},
                {"cancel_reason", text_or_null(v.cancel_reason)}};
}

void visits(std::ostream& out, const std::vector<core::Visit>& list, const Options& options) {
    if (options.format == Format::json) {
        Json array = Json::array();
        for (const auto& v : list)
            array.push_back(visit_json(v));
        write_json(out, array);
        return;
    }
    write_table(out,
                options.format == Format::csv ? visit_csv(list) : visit_table(list, options.lang),
                options);
}

void visit_record(std::ostream& out, const core::Visit& v, const Options& options) {
    if (options.format == Format::json) {
        write_json(out, visit_json(v));
        return;
    }
    if (options.format == Format::csv) {
        visits(out, {v}, options);
        return;
    }
    Record record{record_title(v),
                  visit_fields(v, options.lang),
                  {villages_section(tr("Visitors"), v.visitors),
                   numbered_section(tr("Programs"), tr("Program"), v.programs),
                   follow_ups_section(v.actions, options.lang)}};
    write_record(out, record, options);
}

} // namespace kades::render
