#pragma once
// A forum of the network: a standing group of villages (a Forum Kades, an association of
// BUMDes) that meets and works together.

#include "core/date.hpp"
#include "core/record.hpp"

#include <optional>
#include <string>
#include <vector>

namespace kades::core {

struct ForumMember {
    VillageRef village;
    std::string district; // the member's kecamatan, shown by `forum show`
};

struct Forum {
    std::string uuid;
    std::string name;
    std::string purpose;              // empty when none recorded
    std::optional<Date> founded;      // nullopt when unknown
    std::vector<ForumMember> members; // by slug
};

// What `forum add` and `forum edit` may set; unset members are left as they are. An empty
// purpose clears it; `founded` holding nullopt clears the date.
struct ForumFields {
    std::optional<std::string> name, purpose;
    std::optional<std::optional<Date>> founded;
};

// Trims and checks the fields: a name that is not empty, valid UTF-8, a founding date that
// is not after today. Throws Invalid naming the bad value.
void normalize_forum_fields(ForumFields& fields, Date today);

} // namespace kades::core
