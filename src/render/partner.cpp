#include "render/partner.hpp"

#include "core/i18n.hpp"
#include "core/id.hpp"
#include "render/json.hpp"
#include "render/record.hpp"
#include "render/table.hpp"
#include "render/text.hpp"

#include <fmt/format.h>

namespace kades::render {
using core::tr;

namespace {

std::vector<std::string> agreement_ids(const core::Partner& p) {
    std::vector<std::string> ids;
    for (const auto& a : p.agreements)
        ids.push_back(core::short_id(a.uuid));
    return ids;
}

std::vector<std::string> village_slugs(const core::Partner& p) {
    std::vector<std::string> slugs;
    for (const auto& v : p.villages)
        slugs.push_back(v.slug);
    return slugs;
}

std::string village_names(const core::Partner& p) {
    std::vector<std::string> names;
    for (const auto& v : p.villages)
        names.push_back(v.name);
    return join(names, ", ");
}

Table partner_table(const std::vector<core::Partner>& list) {
    Table table;
    table.columns = {{"id", tr("ID")},
                     {"name", tr("Name")},
                     {"type", tr("Type")},
                     {"agreements", tr("Agreements"), Align::right, true},
                     {"villages", tr("Villages")},
                     {"contact", tr("Contact")}};
    for (const auto& p : list)
        table.rows.push_back({core::short_id(p.uuid), p.name, core::partner_type_label(p.type),
                              std::to_string(p.agreements.size()), village_names(p), p.contact});
    return without_empty_columns(table);
}

// CSV carries every field of the JSON, in its order, lists joined by ';'.
Table partner_csv(const std::vector<core::Partner>& list) {
    Table table;
    for (const char* key :
         {"id", "uuid", "name", "type", "contact", "note", "agreements", "villages"})
        table.columns.push_back(Column{key, key});
    for (const auto& p : list)
        table.rows.push_back({core::short_id(p.uuid), p.uuid, p.name,
                              core::partner_type_key(p.type), p.contact, p.note,
                              join(agreement_ids(p), ";"), join(village_slugs(p), ";")});
    return table;
}

Section agreements_section(const core::Partner& p, core::Lang lang) {
    Section s{tr("Agreements"),
              {},
              Table{{{"id", tr("ID")},
                     {"signed", tr("Signed")},
                     {"title", tr("Title")},
                     {"until", tr("Until")},
                     {"status", tr("Status")}},
                    {}},
              tr("none recorded")};
    for (const auto& a : p.agreements)
        s.table->rows.push_back({core::short_id(a.uuid), core::short_date(a.signed_on, lang),
                                 a.title, a.until ? core::short_date(*a.until, lang) : "",
                                 core::agreement_status_label(a.status)});
    return s;
}

Section villages_section(const core::Partner& p) {
    Section s{tr("Villages"),
              {},
              Table{{{"name", tr("Village")}, {"id", tr("Slug")}}, {}},
              tr("none recorded")};
    for (const auto& v : p.villages)
        s.table->rows.push_back({v.name, v.slug});
    return s;
}

} // namespace

std::string partner_label(const core::Partner& p) {
    return fmt::format("{} ({})", p.name, core::short_id(p.uuid));
}

Json partner_json(const core::Partner& p) {
    return Json{{"id", core::short_id(p.uuid)},
                {"uuid", p.uuid},
                {"name", p.name},
                {"type", core::partner_type_key(p.type)},
                {"contact", text_or_null(p.contact)},
                {"note", text_or_null(p.note)},
                {"agreements", agreement_ids(p)},
                {"villages", village_slugs(p)}};
}

void partners(std::ostream& out, const std::vector<core::Partner>& list, const Options& options) {
    if (options.format == Format::json) {
        Json array = Json::array();
        for (const auto& p : list)
            array.push_back(partner_json(p));
        write_json(out, array);
        return;
    }
    write_table(out, options.format == Format::csv ? partner_csv(list) : partner_table(list),
                options);
}

void partner_record(std::ostream& out, const core::Partner& p, const Options& options) {
    if (options.format == Format::json) {
        write_json(out, partner_json(p));
        return;
    }
    if (options.format == Format::csv) {
        partners(out, {p}, options);
        return;
    }
    Record record{p.name,
                  {{tr("ID"), core::short_id(p.uuid)},
                   {tr("Type"), core::partner_type_label(p.type)},
                   {tr("Contact"), p.contact},
                   {tr("Note"), p.note}},
                  {agreements_section(p, options.lang), villages_section(p)}};
    write_record(out, record, options);
}

} // namespace kades::render
