#include "render/meeting.hpp"

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

namespace {

std::vector<std::string> attendee_slugs(const core::Meeting& m) {
    std::vector<std::string> slugs;
    for (const auto& a : m.attendees)
        slugs.push_back(a.slug);
    return slugs;
}

std::vector<std::string> action_ids(const core::Meeting& m) {
    std::vector<std::string> ids;
    for (const auto& a : m.actions)
        ids.push_back(core::short_id(a.uuid));
    return ids;
}

Table meeting_table(const std::vector<core::Meeting>& meetings, core::Lang lang) {
    Table table;
    table.columns = {{"id", tr("ID")},         {"date", tr("Date")},
                     {"time", tr("Time")},     {"kind", tr("Kind")},
                     {"status", tr("Status")}, {"title", tr("Title")},
                     {"host", tr("Host")},     {"attendees", tr("Attendees"), Align::right, true},
                     {"forum", tr("Forum")}};
    for (const auto& m : meetings)
        table.rows.push_back({core::short_id(m.uuid), core::short_date(m.date, lang), m.time,
                              core::meeting_kind_label(m.kind),
                              core::meeting_status_label(m.status), m.title,
                              m.host ? m.host->name : "", std::to_string(m.attendees.size()),
                              m.forum ? m.forum->name : ""});
    return without_empty_columns(table);
}

// CSV carries every field of the JSON, in its order: lists joined by ';', decisions one a line.
Table meeting_csv(const std::vector<core::Meeting>& meetings) {
    Table table;
    for (const char* key :
         {"id", "uuid", "title", "date", "time", "kind", "status", "host", "place", "forum",
          "attendees", "agenda", "notes", "decisions", "actions", "cancel_reason"})
        table.columns.push_back(Column{key, key});
    for (const auto& m : meetings)
        table.rows.push_back({core::short_id(m.uuid), m.uuid, m.title, core::iso(m.date), m.time,
                              core::meeting_kind_key(m.kind), core::meeting_status_key(m.status),
                              m.host ? m.host->slug : "", m.place,
                              m.forum ? core::short_id(m.forum->uuid) : "",
                              join(attendee_slugs(m), ";"), m.agenda, m.notes,
                              join(m.decisions, "\n"), join(action_ids(m), ";"), m.cancel_reason});
    return table;
}

std::vector<Field> meeting_fields(const core::Meeting& m, core::Lang lang) {
    return {{tr("ID"), core::short_id(m.uuid)},
            {tr("Date"), core::long_date(m.date, lang)},
            {tr("Time"), m.time},
            {tr("Kind"), core::meeting_kind_label(m.kind)},
            {tr("Status"), core::meeting_status_label(m.status)},
            {tr("Cancelled because"), m.cancel_reason},
            {tr("Host"), m.host ? fmt::format("{} ({})", m.host->name, m.host->slug) : ""},
            {tr("Place"), m.place},
            {tr("Forum"),
             m.forum ? fmt::format("{} ({})", m.forum->name, core::short_id(m.forum->uuid)) : ""},
            {tr("Agenda"), m.agenda},
            {tr("Notes"), m.notes}};
}

} // namespace

std::string meeting_label(const core::Meeting& m, core::Lang lang) {
    return fmt::format("{} \u201c{}\u201d ({})", core::short_id(m.uuid), m.title,
                       core::short_date(m.date, lang));
}

Json meeting_json(const core::Meeting& m) {
    return Json{{"id", core::short_id(m.uuid)},
                {"uuid", m.uuid},
                {"title", m.title},
                {"date", core::iso(m.date)},
                {"time", text_or_null(m.time)},
                {"kind", core::meeting_kind_key(m.kind)},
                {"status", core::meeting_status_key(m.status)},
                {"host", m.host ? Json(m.host->slug) : Json(nullptr)},
                {"place", text_or_null(m.place)},
                {"forum", m.forum ? Json(core::short_id(m.forum->uuid)) : Json(nullptr)},
                {"attendees", attendee_slugs(m)},
                {"agenda", text_or_null(m.agenda)},
                {"notes", text_or_null(m.notes)},
                {"decisions", m.decisions},
                {"actions", action_ids(m)},
                {"cancel_reason", text_or_null(m.cancel_reason)}};
}

void meetings(std::ostream& out, const std::vector<core::Meeting>& list, const Options& options) {
    if (options.format == Format::json) {
        Json array = Json::array();
        for (const auto& m : list)
            array.push_back(meeting_json(m));
        write_json(out, array);
        return;
    }
    write_table(
        out, options.format == Format::csv ? meeting_csv(list) : meeting_table(list, options.lang),
        options);
}

void meeting_record(std::ostream& out, const core::Meeting& m, const Options& options) {
    if (options.format == Format::json) {
        write_json(out, meeting_json(m));
        return;
    }
    if (options.format == Format::csv) {
        meetings(out, {m}, options);
        return;
    }
    Record record{m.title,
                  meeting_fields(m, options.lang),
                  {villages_section(tr("Attendees"), m.attendees),
                   numbered_section(tr("Decisions"), tr("Decision"), m.decisions),
                   follow_ups_section(m.actions, options.lang)}};
    write_record(out, record, options);
}

} // namespace kades::render
