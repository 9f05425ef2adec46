#pragma once
// Store-internal: the SQL of migrations 8 (sharing) and 9 (slug claims), generated from
// sync::kinds().

#include <string>

namespace kades::store::sync {

std::string migration_sql();
std::string claims_migration_sql();

} // namespace kades::store::sync
