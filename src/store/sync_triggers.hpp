#pragma once
// Store-internal: the SQL of migrations 8 (sharing) and 9 (cheaper writes to the change
// table), generated from sync::kinds(); and the one rule of a village's slug claim.

#include <string>
#include <string_view>

namespace kades::store::sync {

std::string migration_sql();
std::string change_writes_migration_sql();

// Claims a village's slug as its slug's change row has it (the earliest claim keeps the
// slug): for the village whose UUID is the SQL expression `record`, under the further
// condition `also` (" AND ..."). Used by the village's triggers and by the merge.
std::string slug_claim_sql(std::string_view record, std::string_view also = "");
// The same for every village whose UUID is in the JSON array bound as ?1.
std::string slug_claims_sql();

} // namespace kades::store::sync
