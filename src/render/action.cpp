#include "render/action.hpp"

#include "core/i18n.hpp"
#include "core/id.hpp"
#include "render/json.hpp"
#include "render/record.hpp"
#include "render/table.hpp"
#include "render/text.hpp"

#include <fmt/format.h>

namespace kades::render {
using core::tr;
using core::trf;

namespace {

std::string short_text(const std::optional<core::Date>& date, core::Lang lang) {
    return date ? core::short_date(*date, lang) : "";
}

std::string source_id(const std::optional<core::ActionSource>& source) {
    return source ? core::short_id(source->uuid) : "";
}

// The table a person reads: what is due when, and whose it is.
Table action_table(const std::vector<core::Action>& list, core::Date today, core::Lang lang) {
    Table table;
    table.columns = {{"id", tr("ID")},           {"due", tr("Due")},     {"status", tr("Status")},
                     {"done_on", tr("Done")},    {"owner", tr("Owner")}, {"text", tr("Action")},
                     {"meeting", tr("Meeting")}, {"visit", tr("Visit")}};
    for (const auto& a : list)
        table.rows.push_back({core::short_id(a.uuid), short_text(a.due, lang),
                              action_status_label(a, today), short_text(a.done_on, lang),
                              a.owner.name, a.text, source_id(a.meeting), source_id(a.visit)});
    return table;
}

// CSV carries every field of the JSON, in its order.
Table action_csv(const std::vector<core::Action>& list, core::Date today) {
    Table table;
    for (const char* key : {"id", "uuid", "text", "owner", "due", "status", "done_on", "meeting",
                            "visit", "note", "overdue"})
        table.columns.push_back(Column{key, key});
    auto iso = [](const std::optional<core::Date>& d) { return d ? core::iso(*d) : ""; };
    for (const auto& a : list)
        table.rows.push_back({core::short_id(a.uuid), a.uuid, a.text, a.owner.slug, iso(a.due),
                              core::action_status_key(a.status), iso(a.done_on),
                              source_id(a.meeting), source_id(a.visit), a.note,
                              core::is_overdue(a, today) ? "true" : "false"});
    return table;
}

std::string source_text(const std::optional<core::ActionSource>& source, core::Lang lang) {
    if (!source)
        return "";
    const auto& m = *source;
    return m.date ? fmt::format("{}  {}  {}", core::short_id(m.uuid),
                                core::short_date(*m.date, lang), m.title)
                  : fmt::format("{}  {}", core::short_id(m.uuid), m.title);
}

std::vector<Field> action_fields(const core::Action& a, core::Date today, core::Lang lang) {
    auto long_text = [&](const std::optional<core::Date>& d) {
        return d ? core::long_date(*d, lang) : "";
    };
    return {{tr("ID"), core::short_id(a.uuid)},
            {tr("Owner"), fmt::format("{} ({})", a.owner.name, a.owner.slug)},
            {tr("Due"), long_text(a.due)},
            {tr("Status"), action_status_label(a, today)},
            {tr("Done on"), long_text(a.done_on)},
            {tr("Meeting"), source_text(a.meeting, lang)},
            {tr("Visit"), source_text(a.visit, lang)},
            {tr("Note"), a.note}};
}

} // namespace

std::string action_status_label(const core::Action& a, core::Date today) {
    if (a.status == core::ActionStatus::done)
        return tr("done");
    return core::is_overdue(a, today) ? tr("overdue") : tr("open");
}

Json action_json(const core::Action& a, core::Date today) {
    return Json{{"id", core::short_id(a.uuid)},
                {"uuid", a.uuid},
                {"text", a.text},
                {"owner", a.owner.slug},
                {"due", date_or_null(a.due)},
                {"status", core::action_status_key(a.status)},
                {"done_on", date_or_null(a.done_on)},
                {"meeting", a.meeting ? Json(core::short_id(a.meeting->uuid)) : Json(nullptr)},
                {"visit", a.visit ? Json(core::short_id(a.visit->uuid)) : Json(nullptr)},
                {"note", a.note.empty() ? Json(nullptr) : Json(a.note)},
                {"overdue", core::is_overdue(a, today)}};
}

void actions(std::ostream& out, const std::vector<core::Action>& list, core::Date today,
             const Options& options) {
    if (options.format == Format::json) {
        Json array = Json::array();
        for (const auto& a : list)
            array.push_back(action_json(a, today));
        write_json(out, array);
        return;
    }
    if (options.format == Format::csv) {
        write_table(out, action_csv(list, today), options);
        return;
    }
    write_table(out, without_empty_columns(action_table(list, today, options.lang)), options);
}

void action(std::ostream& out, const core::Action& a, core::Date today, const Options& options) {
    if (options.format == Format::json) {
        write_json(out, action_json(a, today));
        return;
    }
    if (options.format == Format::csv) {
        actions(out, {a}, today, options);
        return;
    }
    write_record(out, Record{a.text, action_fields(a, today, options.lang), {}}, options);
}

} // namespace kades::render
