#include "render/village.hpp"

#include "core/i18n.hpp"
#include "render/json.hpp"
#include "render/record.hpp"
#include "render/table.hpp"
#include "render/text.hpp"

#include <fmt/format.h>

namespace kades::render {
using core::tr;

namespace {

// The table a person reads: the columns that identify and reach a village.
Table village_table(const std::vector<core::Village>& villages) {
    Table table;
    table.columns = {{"id", tr("Slug")},           {"name", tr("Village")},    {"code", tr("Code")},
                     {"district", tr("District")}, {"regency", tr("Regency")}, {"head", tr("Head")},
                     {"phone", tr("Phone")},       {"tags", tr("Tags")}};
    for (const auto& v : villages)
        table.rows.push_back(
            {v.slug, v.name, v.code, v.district, v.regency, v.head, v.phone, join(v.tags, ", ")});
    return table;
}

// CSV carries every field of the JSON, in its order, so that `village import` reads it back.
Table village_csv(const std::vector<core::Village>& villages) {
    Table table;
    for (const char* key : {"id", "uuid", "name", "code", "district", "regency", "province", "head",
                            "head_since", "phone", "email", "tags", "note", "archived"})
        table.columns.push_back(Column{key, key});
    for (const auto& v : villages)
        table.rows.push_back({v.slug, v.uuid, v.name, v.code, v.district, v.regency, v.province,
                              v.head, v.head_since ? core::iso(*v.head_since) : "", v.phone,
                              v.email, join(v.tags, ";"), v.note, v.archived ? "true" : "false"});
    return table;
}

} // namespace

std::string village_label(const core::Village& v) {
    std::string where = v.district.empty() ? "" : "Kec. " + v.district;
    if (!v.regency.empty())
        where += (where.empty() ? "" : ", ") + v.regency;
    return where.empty() ? v.name : fmt::format("{} ({})", v.name, where);
}

Json village_json(const core::Village& v) {
    return Json{{"id", v.slug},
                {"uuid", v.uuid},
                {"name", v.name},
                {"code", text_or_null(v.code)},
                {"district", text_or_null(v.district)},
                {"regency", text_or_null(v.regency)},
                {"province", text_or_null(v.province)},
                {"head", text_or_null(v.head)},
                {"head_since", v.head_since ? Json(core::iso(*v.head_since)) : Json(nullptr)},
                {"phone", text_or_null(v.phone)},
                {"email", text_or_null(v.email)},
                {"tags", v.tags},
                {"note", text_or_null(v.note)},
                {"archived", v.archived}};
}

void villages(std::ostream& out, const std::vector<core::Village>& list, const Options& options) {
    if (options.format == Format::json) {
        JsonArrayWriter array(out);
        for (const auto& v : list)
            array.add(village_json(v));
        array.finish();
        return;
    }
    write_table(out, options.format == Format::csv ? village_csv(list) : village_table(list),
                options);
}

} // namespace kades::render
