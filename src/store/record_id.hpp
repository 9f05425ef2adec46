#pragma once
// Records other than villages are named by their UUID: any unique prefix of 4 or more hex
// digits, as in git.

#include "store/log.hpp"

#include <string>
#include <string_view>

namespace kades::store {

enum class RecordKind { forum, meeting, action, visit, lesson, adoption, partner, agreement };

// The full UUID of the record of `kind` whose id starts with `text`. Throws Invalid for a
// malformed id, NotFound when none matches, Ambiguous (listing the candidates) when several do.
std::string resolve_uuid(Log& log, RecordKind kind, std::string_view text);

} // namespace kades::store
