#include "render/forum.hpp"

#include "core/i18n.hpp"
#include "core/id.hpp"
#include "render/record.hpp"
#include "render/table.hpp"

namespace kades::render {
using core::tr;

namespace {

std::string date_text(const std::optional<core::Date>& date, core::Lang lang, bool iso) {
    if (!date)
        return "";
    return iso ? core::iso(*date) : core::short_date(*date, lang);
}

std::string member_slugs(const core::Forum& f) {
    std::string out;
    for (const auto& m : f.members)
        out += (out.empty() ? "" : ";") + m.village.slug;
    return out;
}

// The table a person reads: what the forum is and how many villages it joins.
Table forum_table(const std::vector<core::Forum>& list, core::Lang lang) {
    Table table;
    table.columns = {{"id", tr("ID")},
                     {"name", tr("Name")},
                     {"founded", tr("Founded")},
                     {"members", tr("Members"), Align::right, true},
                     {"purpose", tr("Purpose")}};
    for (const auto& f : list)
        table.rows.push_back({core::short_id(f.uuid), f.name, date_text(f.founded, lang, false),
                              std::to_string(f.members.size()), f.purpose});
    return table;
}

// CSV carries the fields of the JSON, members as slugs joined by ';'.
Table forum_csv(const std::vector<core::Forum>& list) {
    Table table;
    for (const char* key : {"id", "uuid", "name", "purpose", "founded", "members"})
        table.columns.push_back(Column{key, key});
    for (const auto& f : list)
        table.rows.push_back({core::short_id(f.uuid), f.uuid, f.name, f.purpose,
                              date_text(f.founded, core::Lang::en, true), member_slugs(f)});
    return table;
}

Section members_section(const core::Forum& f) {
    Section s{
        tr("Members"),
        {},
        Table{{{"id", tr("Slug")}, {"name", tr("Village")}, {"district", tr("District")}}, {}},
        tr("none yet")};
    for (const auto& m : f.members)
        s.table->rows.push_back({m.village.slug, m.village.name, m.district});
    return s;
}

} // namespace

Json forum_json(const core::Forum& f) {
    Json members = Json::array();
    for (const auto& m : f.members)
        members.push_back(m.village.slug);
    return Json{{"id", core::short_id(f.uuid)},
                {"uuid", f.uuid},
                {"name", f.name},
                {"purpose", f.purpose.empty() ? Json(nullptr) : Json(f.purpose)},
                {"founded", f.founded ? Json(core::iso(*f.founded)) : Json(nullptr)},
                {"members", members}};
}

void forums(std::ostream& out, const std::vector<core::Forum>& list, const Options& options) {
    if (options.format == Format::json) {
        Json array = Json::array();
        for (const auto& f : list)
            array.push_back(forum_json(f));
        write_json(out, array);
        return;
    }
    if (options.format == Format::csv) {
        write_table(out, forum_csv(list), options);
        return;
    }
    write_table(out, without_empty_columns(forum_table(list, options.lang)), options);
}

void forum(std::ostream& out, const core::Forum& f, const Options& options) {
    if (options.format == Format::json) {
        write_json(out, forum_json(f));
        return;
    }
    if (options.format == Format::csv) {
        forums(out, {f}, options);
        return;
    }
    Record record{f.name,
                  {{tr("ID"), core::short_id(f.uuid)},
                   {tr("Purpose"), f.purpose},
                   {tr("Founded"), f.founded ? core::long_date(*f.founded, options.lang) : ""}},
                  {members_section(f)}};
    write_record(out, record, options);
}

} // namespace kades::render
