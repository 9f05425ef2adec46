#include "render/region.hpp"

#include "core/i18n.hpp"
#include "render/json.hpp"
#include "render/table.hpp"

namespace kades::render {
using core::tr;

namespace {

std::string level_label(core::RegionLevel level) {
    switch (level) {
    case core::RegionLevel::province:
        return tr("province");
    case core::RegionLevel::regency:
        return tr("regency");
    case core::RegionLevel::district:
        return tr("district");
    case core::RegionLevel::village:
        break;
    }
    return tr("village");
}

Json region_json(const core::Region& r) {
    Json j{{"code", r.code},
           {"level", core::region_level_key(r.level)},
           {"name", r.name},
           {"parent", r.parent.empty() ? Json(nullptr) : Json(r.parent)}};
    if (r.level == core::RegionLevel::village) {
        j["kind"] = core::village_kind(r.code);
        j["district"] = r.district;
        j["regency"] = r.regency;
        j["province"] = r.province;
    }
    return j;
}

Table region_table(const std::vector<core::Region>& regions, bool csv) {
    Table table;
    table.columns = {{"code", tr("Code")},         {"level", tr("Level")},
                     {"name", tr("Name")},         {"kind", tr("Kind")},
                     {"district", tr("District")}, {"regency", tr("Regency")},
                     {"province", tr("Province")}};
    for (const auto& r : regions) {
        table.rows.push_back({r.code, csv ? core::region_level_key(r.level) : level_label(r.level),
                              r.name, core::village_kind(r.code), r.district, r.regency,
                              r.province});
    }
    return table;
}

} // namespace

void regions(std::ostream& out, const std::vector<core::Region>& regions, const Options& options) {
    if (options.format == Format::json) {
        Json list = Json::array();
        for (const auto& r : regions)
            list.push_back(region_json(r));
        write_json(out, list);
        return;
    }
    bool csv = options.format == Format::csv;
    auto table = region_table(regions, csv);
    write_table(out, csv ? table : without_empty_columns(table), options);
}

} // namespace kades::render
