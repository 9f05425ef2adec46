// Reading agreements. Writing them is in agreement_write.cpp.

#include "store/agreement.hpp"

#include "store/log_impl.hpp"
#include "store/record_id.hpp"
#include "store/sql.hpp"
#include "store/village.hpp"

#include <algorithm>

namespace kades::store {

namespace {

constexpr const char* k_select_agreement = R"sql(
SELECT a.id, a.uuid, a.title, a.scope, a.signed, a.until, a.ended, a.mad, a.number, a.funding,
       a.note
FROM agreement a
)sql";

// In force today (?2): not ended by today and not past its last day. Expiring: in force, with
// a last day on or before ?3.
constexpr const char* k_list_filter = R"sql(
WHERE (?1 = 0 OR ((a.ended IS NULL OR a.ended > ?2) AND (a.until IS NULL OR a.until >= ?2)))
  AND (?3 IS NULL OR (a.until IS NOT NULL AND a.until <= ?3))
  AND (?4 IS NULL OR EXISTS (
      SELECT 1 FROM agreement_village g JOIN village v ON v.id = g.village
      WHERE g.agreement = a.id AND v.uuid = ?4))
  AND (?5 IS NULL OR EXISTS (
      SELECT 1 FROM agreement_partner g JOIN partner p ON p.id = g.partner
      WHERE g.agreement = a.id AND p.uuid = ?5))
  AND (?6 IS NULL OR a.scope = ?6)
  AND (?7 IS NULL OR a.signed >= ?7) AND (?8 IS NULL OR a.signed <= ?8)
ORDER BY CASE WHEN ?3 IS NULL THEN NULL ELSE a.until END, a.signed, a.title COLLATE NOCASE,
         a.uuid
LIMIT ?9)sql";

constexpr const char* k_select_villages = R"sql(
SELECT v.slug, v.name FROM agreement_village g JOIN village v ON v.id = g.village
WHERE g.agreement = ?1 ORDER BY v.slug)sql";

constexpr const char* k_select_partners = R"sql(
SELECT p.uuid, p.name, p.type FROM agreement_partner g JOIN partner p ON p.id = g.partner
WHERE g.agreement = ?1 ORDER BY p.name COLLATE NOCASE, p.uuid)sql";

// The statements that read an agreement's parties, prepared once for a whole list.
struct DetailQueries {
    SQLite::Statement villages, partners;
    explicit DetailQueries(SQLite::Database& db)
        : villages(db, k_select_villages), partners(db, k_select_partners) {}
};

core::Agreement agreement_from(SQLite::Statement& stmt, core::Date today) {
    core::Agreement a;
    a.uuid = stmt.getColumn(1).getString();
    a.title = stmt.getColumn(2).getString();
    a.scope = core::parse_agreement_scope(stmt.getColumn(3).getString());
    a.signed_on = date_of(stmt.getColumn(4)).value_or(core::Date{});
    a.until = date_of(stmt.getColumn(5));
    a.ended = date_of(stmt.getColumn(6));
    a.mad = date_of(stmt.getColumn(7));
    a.number = text_of(stmt.getColumn(8));
    if (!stmt.getColumn(9).isNull())
        a.funding = stmt.getColumn(9).getInt64();
    a.note = text_of(stmt.getColumn(10));
    a.status = core::agreement_status(a.ended, a.until, today);
    return a;
}

void read_details(DetailQueries& q, std::int64_t id, core::Agreement& a) {
    q.villages.bind(1, id);
    while (q.villages.executeStep())
        a.villages.push_back(
            {q.villages.getColumn(0).getString(), q.villages.getColumn(1).getString()});
    q.villages.reset();
    q.partners.bind(1, id);
    while (q.partners.executeStep())
        a.partners.push_back({q.partners.getColumn(0).getString(),
                              q.partners.getColumn(1).getString(),
                              q.partners.getColumn(2).getString()});
    q.partners.reset();
}

std::vector<core::Agreement> collect(Log& log, SQLite::Statement& stmt, core::Date today) {
    DetailQueries queries(db_of(log));
    std::vector<core::Agreement> agreements;
    while (stmt.executeStep()) {
        agreements.push_back(agreement_from(stmt, today));
        read_details(queries, stmt.getColumn(0).getInt64(), agreements.back());
    }
    return agreements;
}

std::optional<std::string> expiring_by(const AgreementFilter& filter, core::Date today) {
    if (!filter.expiring)
        return std::nullopt;
    // Past 1000 years every end date is "within": the calendar's range is the limit.
    auto days = std::min(*filter.expiring, 365'000L);
    auto last = std::chrono::sys_days{today} + std::chrono::days{days};
    return core::iso(core::Date{last});
}

} // namespace

std::optional<core::Agreement> find_agreement(Log& log, const std::string& uuid, core::Date today) {
    SQLite::Statement stmt(db_of(log), std::string(k_select_agreement) + "WHERE a.uuid = ?1");
    stmt.bind(1, uuid);
    auto found = collect(log, stmt, today);
    if (found.empty())
        return std::nullopt;
    return found.front();
}

core::Agreement resolve_agreement(Log& log, std::string_view id, core::Date today) {
    return find_agreement(log, resolve_uuid(log, RecordKind::agreement, id), today).value();
}

std::vector<core::Agreement> list_agreements(Log& log, const AgreementFilter& filter,
                                             core::Date today) {
    // The village and partner are resolved first, so that an unknown one is an error, not an
    // empty list.
    std::optional<std::string> village, partner;
    if (filter.village)
        village = resolve_village(log, *filter.village).uuid;
    if (filter.partner)
        partner = resolve_uuid(log, RecordKind::partner, *filter.partner);
    SQLite::Statement stmt(db_of(log), std::string(k_select_agreement) + k_list_filter);
    stmt.bind(1, filter.active || filter.expiring ? 1 : 0);
    stmt.bind(2, core::iso(today));
    bind_opt(stmt, 3, expiring_by(filter, today));
    bind_opt(stmt, 4, village);
    bind_opt(stmt, 5, partner);
    bind_opt(stmt, 6,
             filter.scope ? std::optional(core::agreement_scope_key(*filter.scope)) : std::nullopt);
    bind_period(stmt, 7, 8, filter.window.period);
    stmt.bind(9, static_cast<int64_t>(filter.window.limit.value_or(-1)));
    return collect(log, stmt, today);
}

} // namespace kades::store
