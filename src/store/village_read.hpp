#pragma once
// Store-internal: reading village rows.

#include "core/village.hpp"
#include "store/log.hpp"

#include <optional>
#include <string>
#include <vector>

namespace kades::store {

// The village whose column `key` (slug, code or uuid) equals value.
std::optional<core::Village> find_village_by(Log& log, const char* key, const std::string& value);
std::vector<core::Village> find_villages_by_name(Log& log, const std::string& name);

} // namespace kades::store
