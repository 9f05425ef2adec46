// Reading forums and naming their members. Writing them is in forum_write.cpp.

#include "store/forum.hpp"

#include "core/error.hpp"
#include "core/i18n.hpp"
#include "store/log_impl.hpp"
#include "store/record_id.hpp"
#include "store/sql.hpp"
#include "store/village.hpp"

#include <algorithm>

namespace kades::store {
using core::trf;

namespace {

constexpr const char* k_select_forum = "SELECT f.id, f.uuid, f.name, f.purpose, f.founded "
                                       "FROM forum f ";

constexpr const char* k_list_filter = R"sql(
WHERE (?1 IS NULL OR EXISTS (SELECT 1 FROM forum_member fm JOIN village v ON v.id = fm.village
                             WHERE fm.forum = f.id AND v.uuid = ?1))
  AND (?2 IS NULL OR f.founded >= ?2) AND (?3 IS NULL OR f.founded <= ?3)
ORDER BY f.name COLLATE NOCASE, f.uuid
LIMIT ?4)sql";

constexpr const char* k_select_members = R"sql(
SELECT v.slug, v.name, v.district FROM forum_member fm JOIN village v ON v.id = fm.village
WHERE fm.forum = ?1 ORDER BY v.slug)sql";

std::vector<core::ForumMember> members_of(Log& log, int64_t forum_id) {
    SQLite::Statement stmt(db_of(log), k_select_members);
    stmt.bind(1, forum_id);
    std::vector<core::ForumMember> members;
    while (stmt.executeStep())
        members.push_back({{stmt.getColumn(0).getString(), stmt.getColumn(1).getString()},
                           text_of(stmt.getColumn(2))});
    return members;
}

// The forums the statement selects (k_select_forum's columns), each with its members.
std::vector<core::Forum> collect(Log& log, SQLite::Statement& stmt) {
    std::vector<std::pair<int64_t, core::Forum>> rows;
    while (stmt.executeStep()) {
        core::Forum f;
        f.uuid = stmt.getColumn(1).getString();
        f.name = stmt.getColumn(2).getString();
        f.purpose = text_of(stmt.getColumn(3));
        f.founded = date_of(stmt.getColumn(4));
        rows.emplace_back(stmt.getColumn(0).getInt64(), std::move(f));
    }
    std::vector<core::Forum> forums;
    for (auto& [id, forum] : rows) {
        forum.members = members_of(log, id);
        forums.push_back(std::move(forum));
    }
    return forums;
}

} // namespace

std::vector<core::Forum> list_forums(Log& log, const ForumFilter& filter) {
    SQLite::Statement stmt(db_of(log), std::string(k_select_forum) + k_list_filter);
    bind_opt(stmt, 1, filter.village);
    bind_period(stmt, 2, 3, filter.window.period);
    stmt.bind(4, static_cast<int64_t>(filter.window.limit.value_or(-1)));
    return collect(log, stmt);
}

core::Forum forum_by_uuid(Log& log, const std::string& uuid) {
    SQLite::Statement stmt(db_of(log), std::string(k_select_forum) + "WHERE f.uuid = ?1");
    stmt.bind(1, uuid);
    auto found = collect(log, stmt);
    if (found.empty())
        throw core::NotFound(trf("no forum with id '{}'", uuid));
    return found.front();
}

core::Forum find_forum(Log& log, std::string_view id) {
    return forum_by_uuid(log, resolve_uuid(log, RecordKind::forum, id));
}

std::vector<core::Village> resolve_members(Log& log, const std::vector<std::string>& refs) {
    std::vector<core::Village> villages;
    for (const auto& ref : refs) {
        auto village = resolve_village(log, ref);
        auto same = [&](const core::Village& v) { return v.uuid == village.uuid; };
        if (std::any_of(villages.begin(), villages.end(), same))
            throw core::Invalid(trf("{} is named twice: name each village once", village.slug));
        villages.push_back(std::move(village));
    }
    return villages;
}

} // namespace kades::store
