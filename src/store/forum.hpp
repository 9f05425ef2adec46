#pragma once
// Forums and their member villages.

#include "core/forum.hpp"
#include "core/record.hpp"
#include "core/village.hpp"
#include "store/log.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kades::store {

struct ForumFilter {
    std::optional<std::string> village; // uuid of a member village
    core::ListWindow window;            // the period is on the founding date
};
// By name (case-insensitive), each with its members.
std::vector<core::Forum> list_forums(Log& log, const ForumFilter& filter);

// The forum named by an id prefix. Throws Invalid, NotFound or Ambiguous as resolve_uuid.
core::Forum find_forum(Log& log, std::string_view id);
// The forum of a full UUID, which must exist.
core::Forum forum_by_uuid(Log& log, const std::string& uuid);

// The villages named by REFs, in order. A REF that names no village, or several, throws as
// resolve_village; two REFs naming the same village throw Invalid naming it.
std::vector<core::Village> resolve_members(Log& log, const std::vector<std::string>& refs);

// Fields normalized (core::normalize_forum_fields), with a name. A name another forum has
// already is refused (Conflict naming it).
core::Forum add_forum(Log& log, const core::ForumFields& fields,
                      const std::vector<core::Village>& members);
core::Forum edit_forum(Log& log, const core::Forum& forum, const core::ForumFields& fields);
// Refused (Conflict naming the village) when a village is a member already.
core::Forum join_forum(Log& log, const core::Forum& forum,
                       const std::vector<core::Village>& villages);
// Refused (Refused naming the village) when a village is not a member.
core::Forum leave_forum(Log& log, const core::Forum& forum,
                        const std::vector<core::Village>& villages);
// Refused (naming them by id and title) while meetings point at the forum; the
// memberships go with it.
void remove_forum(Log& log, const core::Forum& forum);

} // namespace kades::store
