// Partners: reading, writing, and the agreements and villages they are joined to.

#include "store/partner.hpp"

#include "core/error.hpp"
#include "core/i18n.hpp"
#include "core/id.hpp"
#include "store/log_impl.hpp"
#include "store/record_id.hpp"
#include "store/sql.hpp"
#include "store/village.hpp"

#include <fmt/format.h>

namespace kades::store {
using core::tr;
using core::trf;
using core::trnf;

namespace {

constexpr const char* k_select_partner =
    "SELECT p.id, p.uuid, p.name, p.type, p.contact, p.note FROM partner p ";

constexpr const char* k_list_filter = R"sql(
WHERE (?1 IS NULL OR p.type = ?1)
  AND (?2 IS NULL OR EXISTS (
      SELECT 1 FROM agreement_partner g JOIN agreement_village av ON av.agreement = g.agreement
      JOIN village v ON v.id = av.village WHERE g.partner = p.id AND v.uuid = ?2))
ORDER BY p.name COLLATE NOCASE, p.uuid
LIMIT ?3)sql";

constexpr const char* k_select_agreements = R"sql(
SELECT a.uuid, a.title, a.signed, a.until, a.ended
FROM agreement_partner g JOIN agreement a ON a.id = g.agreement
WHERE g.partner = ?1 ORDER BY a.signed, a.title COLLATE NOCASE, a.uuid)sql";

constexpr const char* k_select_villages = R"sql(
SELECT DISTINCT v.slug, v.name
FROM agreement_partner g JOIN agreement_village av ON av.agreement = g.agreement
JOIN village v ON v.id = av.village
WHERE g.partner = ?1 ORDER BY v.slug)sql";

constexpr const char* k_insert_partner =
    "INSERT INTO partner (uuid, name, type, contact, note) VALUES (?1, ?2, ?3, ?4, ?5)";

constexpr const char* k_update_partner = R"sql(
UPDATE partner SET name = ?2, type = ?3, contact = ?4, note = ?5,
    updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
WHERE uuid = ?1)sql";

// The statements that read a partner's agreements and villages, prepared once for a list.
struct DetailQueries {
    SQLite::Statement agreements, villages;
    explicit DetailQueries(SQLite::Database& db)
        : agreements(db, k_select_agreements), villages(db, k_select_villages) {}
};

core::Partner partner_from(SQLite::Statement& stmt) {
    core::Partner p;
    p.uuid = stmt.getColumn(1).getString();
    p.name = stmt.getColumn(2).getString();
    p.type = core::parse_partner_type(stmt.getColumn(3).getString());
    p.contact = text_of(stmt.getColumn(4));
    p.note = text_of(stmt.getColumn(5));
    return p;
}

void read_details(DetailQueries& q, std::int64_t id, core::Date today, core::Partner& p) {
    q.agreements.bind(1, id);
    while (q.agreements.executeStep()) {
        core::PartnerAgreement a;
        a.uuid = q.agreements.getColumn(0).getString();
        a.title = q.agreements.getColumn(1).getString();
        a.signed_on = date_of(q.agreements.getColumn(2)).value_or(core::Date{});
        a.until = date_of(q.agreements.getColumn(3));
        a.status = core::agreement_status(date_of(q.agreements.getColumn(4)), a.until, today);
        p.agreements.push_back(std::move(a));
    }
    q.agreements.reset();
    q.villages.bind(1, id);
    while (q.villages.executeStep())
        p.villages.push_back(
            {q.villages.getColumn(0).getString(), q.villages.getColumn(1).getString()});
    q.villages.reset();
}

std::vector<core::Partner> collect(Log& log, SQLite::Statement& stmt, core::Date today) {
    DetailQueries queries(db_of(log));
    std::vector<core::Partner> partners;
    while (stmt.executeStep()) {
        partners.push_back(partner_from(stmt));
        read_details(queries, stmt.getColumn(0).getInt64(), today, partners.back());
    }
    return partners;
}

// Two partners of one name would be told apart only by their ids: refuse the second.
void check_name_free(Log& log, const std::string& name, const std::string& own_uuid) {
    SQLite::Statement stmt(db_of(log), "SELECT uuid FROM partner WHERE name = ?1 COLLATE NOCASE "
                                       "AND uuid <> ?2");
    stmt.bind(1, name);
    stmt.bind(2, own_uuid);
    if (stmt.executeStep())
        throw core::Conflict(trf("there is already a partner '{}' ({}): choose another name", name,
                                 core::short_id(stmt.getColumn(0).getString())));
}

void write_row(Log& log, const char* sql, const core::Partner& p) {
    SQLite::Statement stmt(db_of(log), sql);
    stmt.bind(1, p.uuid);
    stmt.bind(2, p.name);
    stmt.bind(3, core::partner_type_key(p.type));
    bind_text(stmt, 4, p.contact);
    bind_text(stmt, 5, p.note);
    stmt.exec();
}

void apply(const core::PartnerFields& f, core::Partner& p) {
    p.name = f.name.value_or(p.name);
    p.type = f.type.value_or(p.type);
    p.contact = f.contact.value_or(p.contact);
    p.note = f.note.value_or(p.note);
}

} // namespace

std::vector<core::Partner> list_partners(Log& log, const PartnerFilter& filter, core::Date today) {
    // The village is resolved first, so that an unknown one is an error, not an empty list.
    std::optional<std::string> village;
    if (filter.village)
        village = resolve_village(log, *filter.village).uuid;
    SQLite::Statement stmt(db_of(log), std::string(k_select_partner) + k_list_filter);
    bind_opt(stmt, 1,
             filter.type ? std::optional(core::partner_type_key(*filter.type)) : std::nullopt);
    bind_opt(stmt, 2, village);
    stmt.bind(3, static_cast<int64_t>(filter.limit.value_or(-1)));
    return collect(log, stmt, today);
}

std::optional<core::Partner> find_partner(Log& log, const std::string& uuid, core::Date today) {
    SQLite::Statement stmt(db_of(log), std::string(k_select_partner) + "WHERE p.uuid = ?1");
    stmt.bind(1, uuid);
    auto found = collect(log, stmt, today);
    if (found.empty())
        return std::nullopt;
    return found.front();
}

core::Partner resolve_partner(Log& log, std::string_view id, core::Date today) {
    return find_partner(log, resolve_uuid(log, RecordKind::partner, id), today).value();
}

core::Partner add_partner(Log& log, core::PartnerFields fields, core::Date today) {
    core::normalize_partner_fields(fields);
    if (!fields.name)
        throw core::Invalid(tr("the partner's name is empty: give its name"));
    if (!fields.type)
        throw core::Invalid(tr("a partner needs a type: give --type"));
    core::Partner p;
    p.uuid = core::new_uuid();
    apply(fields, p);
    check_name_free(log, p.name, p.uuid);
    write_row(log, k_insert_partner, p);
    return find_partner(log, p.uuid, today).value();
}

core::Partner edit_partner(Log& log, const core::Partner& partner, core::PartnerFields fields,
                           core::Date today) {
    core::normalize_partner_fields(fields);
    core::Partner p = partner;
    apply(fields, p);
    check_name_free(log, p.name, p.uuid);
    write_row(log, k_update_partner, p);
    return find_partner(log, p.uuid, today).value();
}

void remove_partner(Log& log, const core::Partner& p) {
    if (!p.agreements.empty()) {
        std::string ids;
        std::vector<std::string> hints;
        for (const auto& a : p.agreements) {
            auto id = core::short_id(a.uuid);
            ids += (ids.empty() ? "" : ", ") + id;
            hints.push_back(fmt::format("{}  {}  {}", id, core::iso(a.signed_on), a.title));
        }
        hints.push_back(
            trf("drop it from them first (`kades agreement edit ID --drop-partner {}`), or keep "
                "the partner",
                core::short_id(p.uuid)));
        throw core::Refused(trnf("partner {} is a party of an agreement: {}",
                                 "partner {} is a party of agreements: {}", p.agreements.size(),
                                 p.name, ids),
                            hints);
    }
    SQLite::Statement stmt(db_of(log), "DELETE FROM partner WHERE uuid = ?1");
    stmt.bind(1, p.uuid);
    stmt.exec();
}

} // namespace kades::store
