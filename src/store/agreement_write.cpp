// agreement add | edit | end | remove: writing agreements with their villages and partners.

#include "core/error.hpp"
#include "core/i18n.hpp"
#include "core/id.hpp"
#include "store/agreement.hpp"
#include "store/log_impl.hpp"
#include "store/partner.hpp"
#include "store/sql.hpp"
#include "store/village.hpp"

#include <algorithm>

namespace kades::store {
using core::tr;
using core::trf;

namespace {

// Both statements take the same parameters: ?1 uuid, ?2 title ... ?10 note.
constexpr const char* k_insert_agreement = R"sql(
INSERT INTO agreement (uuid, title, scope, signed, until, ended, mad, number, funding, note)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10))sql";

constexpr const char* k_update_agreement = R"sql(
UPDATE agreement SET title = ?2, scope = ?3, signed = ?4, until = ?5, ended = ?6, mad = ?7,
    number = ?8, funding = ?9, note = ?10, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
WHERE uuid = ?1)sql";

constexpr const char* k_insert_village = R"sql(
INSERT INTO agreement_village (agreement, village)
SELECT a.id, v.id FROM agreement a, village v WHERE a.uuid = ?1 AND v.slug = ?2)sql";

constexpr const char* k_insert_partner = R"sql(
INSERT INTO agreement_partner (agreement, partner)
SELECT a.id, p.id FROM agreement a, partner p WHERE a.uuid = ?1 AND p.uuid = ?2)sql";

void write_row(Log& log, const char* sql, const core::Agreement& a) {
    SQLite::Statement stmt(db_of(log), sql);
    stmt.bind(1, a.uuid);
    stmt.bind(2, a.title);
    stmt.bind(3, core::agreement_scope_key(a.scope));
    stmt.bind(4, core::iso(a.signed_on));
    bind_date(stmt, 5, a.until);
    bind_date(stmt, 6, a.ended);
    bind_date(stmt, 7, a.mad);
    bind_text(stmt, 8, a.number);
    if (a.funding)
        stmt.bind(9, static_cast<int64_t>(*a.funding));
    else
        stmt.bind(9);
    bind_text(stmt, 10, a.note);
    stmt.exec();
}

void clear(Log& log, const char* table, const std::string& uuid) {
    SQLite::Statement stmt(db_of(log), std::string("DELETE FROM ") + table +
                                           " WHERE agreement = "
                                           "(SELECT id FROM agreement WHERE uuid = ?1)");
    stmt.bind(1, uuid);
    stmt.exec();
}

// The villages and partners as the agreement holds them now, replacing those recorded.
void write_parties(Log& log, const core::Agreement& a) {
    clear(log, "agreement_village", a.uuid);
    clear(log, "agreement_partner", a.uuid);
    SQLite::Statement village(db_of(log), k_insert_village);
    for (const auto& ref : a.villages) {
        village.bind(1, a.uuid);
        village.bind(2, ref.slug);
        village.exec();
        village.reset();
    }
    SQLite::Statement partner(db_of(log), k_insert_partner);
    for (const auto& p : a.partners) {
        partner.bind(1, a.uuid);
        partner.bind(2, p.uuid);
        partner.exec();
        partner.reset();
    }
}

void apply(const core::AgreementFields& f, core::Agreement& row) {
    row.title = f.title.value_or(row.title);
    row.scope = f.scope.value_or(row.scope);
    row.signed_on = f.signed_on.value_or(row.signed_on);
    row.until = f.until.value_or(row.until);
    row.mad = f.mad.value_or(row.mad);
    row.ended = f.ended.value_or(row.ended);
    row.number = f.number.value_or(row.number);
    row.funding = f.funding.value_or(row.funding);
    row.note = f.note.value_or(row.note);
}

core::VillageRef village_ref(Log& log, const std::string& ref) {
    auto village = resolve_village(log, ref);
    return {village.slug, village.name};
}

core::AgreementPartner partner_ref(Log& log, const std::string& id, core::Date today) {
    auto p = resolve_partner(log, id, today);
    return {p.uuid, p.name, core::partner_type_key(p.type)};
}

template <typename T> bool holds(const std::vector<T>& items, const T& item) {
    return std::find(items.begin(), items.end(), item) != items.end();
}

template <typename T>
std::vector<T> without(const std::vector<T>& items, const std::vector<T>& gone) {
    std::vector<T> kept;
    std::copy_if(items.begin(), items.end(), std::back_inserter(kept),
                 [&](const T& item) { return !holds(gone, item); });
    return kept;
}

// The villages after an edit: those dropped must be parties, those added must not be.
std::vector<core::VillageRef> edited_villages(Log& log, const core::Agreement& a,
                                              const core::AgreementFields& f) {
    auto id = core::short_id(a.uuid);
    std::vector<core::VillageRef> dropped;
    for (const auto& ref : f.drop_villages) {
        auto village = village_ref(log, ref);
        if (!holds(a.villages, village))
            throw core::Invalid(trf("{} is not a party of agreement {}", village.slug, id));
        dropped.push_back(village);
    }
    auto villages = without(a.villages, dropped);
    for (const auto& ref : f.villages) {
        auto village = village_ref(log, ref);
        if (holds(villages, village))
            throw core::Conflict(trf("{} is already a party of agreement {}", village.slug, id));
        villages.push_back(village);
    }
    return villages;
}

std::vector<core::AgreementPartner> edited_partners(Log& log, const core::Agreement& a,
                                                    const core::AgreementFields& f,
                                                    core::Date today) {
    auto id = core::short_id(a.uuid);
    std::vector<core::AgreementPartner> dropped;
    for (const auto& ref : f.drop_partners) {
        auto partner = partner_ref(log, ref, today);
        if (!holds(a.partners, partner))
            throw core::Invalid(trf("the partner {} ({}) is not a party of agreement {}",
                                    partner.name, core::short_id(partner.uuid), id));
        dropped.push_back(partner);
    }
    auto partners = without(a.partners, dropped);
    for (const auto& ref : f.partners) {
        auto partner = partner_ref(log, ref, today);
        if (holds(partners, partner))
            throw core::Conflict(trf("the partner {} ({}) is already a party of agreement {}",
                                     partner.name, core::short_id(partner.uuid), id));
        partners.push_back(partner);
    }
    return partners;
}

core::Agreement reread(Log& log, const std::string& uuid, core::Date today) {
    return find_agreement(log, uuid, today).value();
}

} // namespace

core::Agreement add_agreement(Log& log, core::AgreementFields f, core::Date today) {
    core::normalize_agreement_fields(f);
    if (!f.title)
        throw core::Invalid(tr("the agreement's title is empty: give a title"));
    if (!f.scope)
        throw core::Invalid(tr("an agreement needs a scope: give --scope"));
    if (!f.signed_on)
        throw core::Invalid(tr("an agreement needs its signing date: give --signed"));
    core::Agreement row;
    row.uuid = core::new_uuid();
    apply(f, row);
    for (const auto& ref : f.villages)
        row.villages.push_back(village_ref(log, ref));
    for (const auto& id : f.partners)
        row.partners.push_back(partner_ref(log, id, today));
    core::check_agreement(row, today);
    write_row(log, k_insert_agreement, row);
    write_parties(log, row);
    return reread(log, row.uuid, today);
}

core::Agreement edit_agreement(Log& log, const core::Agreement& a, core::AgreementFields f,
                               core::Date today) {
    core::normalize_agreement_fields(f);
    core::Agreement row = a;
    apply(f, row);
    row.villages = edited_villages(log, a, f);
    row.partners = edited_partners(log, a, f, today);
    core::check_agreement(row, today);
    write_row(log, k_update_agreement, row);
    write_parties(log, row);
    return reread(log, a.uuid, today);
}

core::Agreement end_agreement(Log& log, const core::Agreement& a, core::Date date,
                              core::Date today) {
    auto id = core::short_id(a.uuid);
    if (a.ended)
        throw core::Conflict(trf("agreement {} already ended on {}", id, core::iso(*a.ended)),
                             {trf("to change the date: `kades agreement edit {} --ended DATE`; "
                                  "to reinstate it: `--ended \"\"`",
                                  id)});
    core::Agreement row = a;
    row.ended = date;
    core::check_agreement(row, today);
    write_row(log, k_update_agreement, row);
    return reread(log, a.uuid, today);
}

void remove_agreement(Log& log, const core::Agreement& a) {
    // Its villages and partners go with it (ON DELETE CASCADE).
    SQLite::Statement stmt(db_of(log), "DELETE FROM agreement WHERE uuid = ?1");
    stmt.bind(1, a.uuid);
    stmt.exec();
}

} // namespace kades::store
