// The villages of `report network` with their partners.

#include "store/log_impl.hpp"
#include "store/report.hpp"
#include "store/report_sql.hpp"

namespace kades::store {

namespace {

// Partners through agreements in force at some time within the period (?1 .. ?2). From the
// scope's villages (CROSS JOIN), then sorted: not every village walked by name.
constexpr const char* k_villages = R"sql(
SELECT v.slug, v.name,
  (SELECT count(DISTINCT ap.partner) FROM agreement_village av
   JOIN agreement g ON g.id = av.agreement JOIN agreement_partner ap ON ap.agreement = g.id
   WHERE av.village = v.id AND g.signed <= ?2
     AND coalesce(g.ended, g.until, '9999-12-31') >= ?1)
FROM scope_village s CROSS JOIN village v ON v.id = s.id
WHERE s.active ORDER BY v.name, v.slug)sql";

} // namespace

std::vector<core::NetworkVillage> report_network_villages(Log& log, const core::Period& period) {
    auto stmt = report_sql::period_statement(log, k_villages, period);
    std::vector<core::NetworkVillage> result;
    while (stmt.executeStep()) {
        core::NetworkVillage v;
        v.village = report_sql::village_ref(stmt, 0);
        v.partners = stmt.getColumn(2).getInt();
        result.push_back(std::move(v));
    }
    return result;
}

} // namespace kades::store
