#pragma once
// Store-internal: the SQL of migration 8 (sharing), generated from sync::kinds().

#include <string>

namespace kades::store::sync {

std::string migration_sql();

} // namespace kades::store::sync
