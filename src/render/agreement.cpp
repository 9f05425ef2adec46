#include "render/agreement.hpp"

#include "core/i18n.hpp"
#include "core/id.hpp"
#include "core/partner.hpp"
#include "render/json.hpp"
#include "render/record.hpp"
#include "render/rupiah.hpp"
#include "render/table.hpp"
#include "render/text.hpp"

#include <fmt/format.h>

namespace kades::render {
using core::tr;

namespace {

std::string iso_or_empty(const std::optional<core::Date>& date) {
    return date ? core::iso(*date) : "";
}

std::vector<std::string> village_slugs(const core::Agreement& a) {
    std::vector<std::string> slugs;
    for (const auto& v : a.villages)
        slugs.push_back(v.slug);
    return slugs;
}

std::vector<std::string> village_names(const core::Agreement& a) {
    std::vector<std::string> names;
    for (const auto& v : a.villages)
        names.push_back(v.name);
    return names;
}

std::vector<std::string> partner_ids(const core::Agreement& a) {
    std::vector<std::string> ids;
    for (const auto& p : a.partners)
        ids.push_back(core::short_id(p.uuid));
    return ids;
}

std::vector<std::string> partner_names(const core::Agreement& a) {
    std::vector<std::string> names;
    for (const auto& p : a.partners)
        names.push_back(p.name);
    return names;
}

std::string funding_text(const core::Agreement& a, core::Lang lang) {
    return a.funding ? rupiah(*a.funding, lang) : "";
}

Table agreement_table(const std::vector<core::Agreement>& list, core::Lang lang) {
    Table table;
    table.columns = {{"id", tr("ID")},
                     {"signed", tr("Signed")},
                     {"title", tr("Title")},
                     {"villages", tr("Villages")},
                     {"partners", tr("Partners")},
                     {"scope", tr("Scope")},
                     {"until", tr("Until")},
                     {"funding", tr("Funding"), Align::right, true},
                     {"status", tr("Status")}};
    for (const auto& a : list)
        table.rows.push_back({core::short_id(a.uuid), core::short_date(a.signed_on, lang), a.title,
                              join(village_names(a), ", "), join(partner_names(a), ", "),
                              core::agreement_scope_label(a.scope),
                              a.until ? core::short_date(*a.until, lang) : "",
                              funding_text(a, lang), core::agreement_status_label(a.status)});
    return without_empty_columns(table);
}

// CSV carries every field of the JSON, in its order: slugs and ids joined by ';', funding as
// a plain integer.
Table agreement_csv(const std::vector<core::Agreement>& list) {
    Table table;
    for (const char* key : {"id", "uuid", "title", "villages", "partners", "scope", "signed",
                            "until", "number", "mad", "funding", "status", "note", "ended"})
        table.columns.push_back(Column{key, key, Align::left, std::string_view(key) == "funding"});
    for (const auto& a : list)
        table.rows.push_back({core::short_id(a.uuid), a.uuid, a.title, join(village_slugs(a), ";"),
                              join(partner_ids(a), ";"), core::agreement_scope_key(a.scope),
                              core::iso(a.signed_on), iso_or_empty(a.until), a.number,
                              iso_or_empty(a.mad), a.funding ? std::to_string(*a.funding) : "",
                              core::agreement_status_key(a.status), a.note, iso_or_empty(a.ended)});
    return table;
}

std::vector<Field> agreement_fields(const core::Agreement& a, core::Lang lang) {
    auto long_date = [&](const std::optional<core::Date>& d) {
        return d ? core::long_date(*d, lang) : "";
    };
    return {{tr("ID"), core::short_id(a.uuid)},
            {tr("Scope"), core::agreement_scope_label(a.scope)},
            {tr("Status"), core::agreement_status_label(a.status)},
            {tr("Signed"), core::long_date(a.signed_on, lang)},
            {tr("Until"), long_date(a.until)},
            {tr("Ended"), long_date(a.ended)},
            {tr("Number"), a.number},
            {tr("Musyawarah Antar Desa"), long_date(a.mad)},
            {tr("Funding"), funding_text(a, lang)},
            {tr("Note"), a.note}};
}

Section villages_section(const core::Agreement& a) {
    Section s{tr("Villages"),
              {},
              Table{{{"name", tr("Village")}, {"id", tr("Slug")}}, {}},
              tr("none recorded")};
    for (const auto& v : a.villages)
        s.table->rows.push_back({v.name, v.slug});
    return s;
}

Section partners_section(const core::Agreement& a) {
    Section s{tr("Partners"),
              {},
              Table{{{"id", tr("ID")}, {"name", tr("Partner")}, {"type", tr("Type")}}, {}},
              tr("none recorded")};
    for (const auto& p : a.partners)
        s.table->rows.push_back({core::short_id(p.uuid), p.name,
                                 core::partner_type_label(core::parse_partner_type(p.type))});
    return s;
}

} // namespace

std::string agreement_label(const core::Agreement& a) {
    auto parties = village_names(a);
    for (auto& name : partner_names(a))
        parties.push_back(std::move(name));
    return fmt::format("{} {} ({})", core::short_id(a.uuid), a.title, join(parties, ", "));
}

Json agreement_json(const core::Agreement& a) {
    return Json{{"id", core::short_id(a.uuid)},
                {"uuid", a.uuid},
                {"title", a.title},
                {"villages", village_slugs(a)},
                {"partners", partner_ids(a)},
                {"scope", core::agreement_scope_key(a.scope)},
                {"signed", core::iso(a.signed_on)},
                {"until", date_or_null(a.until)},
                {"number", text_or_null(a.number)},
                {"mad", date_or_null(a.mad)},
                {"funding", a.funding ? Json(*a.funding) : Json(nullptr)},
                {"status", core::agreement_status_key(a.status)},
                {"note", text_or_null(a.note)},
                {"ended", date_or_null(a.ended)}};
}

void agreements(std::ostream& out, const std::vector<core::Agreement>& list,
                const Options& options) {
    if (options.format == Format::json) {
        Json array = Json::array();
        for (const auto& a : list)
            array.push_back(agreement_json(a));
        write_json(out, array);
        return;
    }
    write_table(out,
                options.format == Format::csv ? agreement_csv(list)
                                              : agreement_table(list, options.lang),
                options);
}

void agreement_record(std::ostream& out, const core::Agreement& a, const Options& options) {
    if (options.format == Format::json) {
        write_json(out, agreement_json(a));
        return;
    }
    if (options.format == Format::csv) {
        agreements(out, {a}, options);
        return;
    }
    Record record{
        a.title, agreement_fields(a, options.lang), {villages_section(a), partners_section(a)}};
    write_record(out, record, options);
}

} // namespace kades::render
