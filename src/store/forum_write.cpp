// forum add | edit | join | leave | remove: writing forums and their memberships.

#include "core/error.hpp"
#include "core/i18n.hpp"
#include "core/id.hpp"
#include "store/forum.hpp"
#include "store/log_impl.hpp"
#include "store/sql.hpp"

#include <fmt/format.h>

namespace kades::store {
using core::tr;
using core::trf;
using core::trnf;

namespace {

constexpr std::size_t k_max_listed = 10; // meetings named when a removal is refused

constexpr const char* k_insert_forum =
    "INSERT INTO forum (uuid, name, purpose, founded) VALUES (?1, ?2, ?3, ?4)";

constexpr const char* k_update_forum = R"sql(
UPDATE forum SET name = ?2, purpose = ?3, founded = ?4,
    updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
WHERE uuid = ?1)sql";

constexpr const char* k_insert_member = R"sql(
INSERT INTO forum_member (forum, village)
SELECT f.id, v.id FROM forum f, village v WHERE f.uuid = ?1 AND v.uuid = ?2)sql";

constexpr const char* k_delete_member = R"sql(
DELETE FROM forum_member WHERE forum = (SELECT id FROM forum WHERE uuid = ?1)
    AND village = (SELECT id FROM village WHERE uuid = ?2))sql";

constexpr const char* k_forum_meetings = R"sql(
SELECT m.uuid, m.date, m.title FROM meeting m JOIN forum f ON f.id = m.forum
WHERE f.uuid = ?1 ORDER BY m.date, m.uuid)sql";

// Two forums of one name would be told apart only by their ids: refuse the second.
void check_name_free(Log& log, const std::string& name, const std::string& own_uuid) {
    SQLite::Statement stmt(db_of(log), "SELECT uuid FROM forum WHERE name = ?1 COLLATE NOCASE "
                                       "AND uuid <> ?2");
    stmt.bind(1, name);
    stmt.bind(2, own_uuid);
    if (stmt.executeStep())
        throw core::Conflict(trf("there is already a forum '{}' ({}): choose another name", name,
                                 core::short_id(stmt.getColumn(0).getString())));
}

bool is_member(const core::Forum& forum, const core::Village& village) {
    for (const auto& m : forum.members)
        if (m.village.slug == village.slug)
            return true;
    return false;
}

void add_members(Log& log, const std::string& uuid, const std::vector<core::Village>& villages) {
    SQLite::Statement stmt(db_of(log), k_insert_member);
    for (const auto& v : villages) {
        stmt.bind(1, uuid);
        stmt.bind(2, v.uuid);
        stmt.exec();
        stmt.reset();
    }
}

void bind_fields(SQLite::Statement& stmt, const std::string& name, const std::string& purpose,
                 const std::optional<core::Date>& founded) {
    stmt.bind(2, name);
    bind_text(stmt, 3, purpose);
    bind_date(stmt, 4, founded);
}

} // namespace

core::Forum add_forum(Log& log, const core::ForumFields& fields,
                      const std::vector<core::Village>& members) {
    if (!fields.name || fields.name->empty())
        throw core::Invalid(tr("the forum's name is empty: give its name"));
    check_name_free(log, *fields.name, "");
    auto uuid = core::new_uuid();
    SQLite::Statement stmt(db_of(log), k_insert_forum);
    stmt.bind(1, uuid);
    bind_fields(stmt, *fields.name, fields.purpose.value_or(""),
                fields.founded.value_or(std::nullopt));
    stmt.exec();
    add_members(log, uuid, members);
    return forum_by_uuid(log, uuid);
}

core::Forum edit_forum(Log& log, const core::Forum& forum, const core::ForumFields& fields) {
    auto name = fields.name.value_or(forum.name);
    if (name.empty())
        throw core::Invalid(tr("the forum's name is empty: give its name"));
    check_name_free(log, name, forum.uuid);
    SQLite::Statement stmt(db_of(log), k_update_forum);
    stmt.bind(1, forum.uuid);
    bind_fields(stmt, name, fields.purpose.value_or(forum.purpose),
                fields.founded.value_or(forum.founded));
    stmt.exec();
    return forum_by_uuid(log, forum.uuid);
}

core::Forum join_forum(Log& log, const core::Forum& forum,
                       const std::vector<core::Village>& villages) {
    for (const auto& v : villages)
        if (is_member(forum, v))
            throw core::Conflict(trf("{} is already a member of {} ({})", v.slug, forum.name,
                                     core::short_id(forum.uuid)));
    add_members(log, forum.uuid, villages);
    return forum_by_uuid(log, forum.uuid);
}

core::Forum leave_forum(Log& log, const core::Forum& forum,
                        const std::vector<core::Village>& villages) {
    for (const auto& v : villages)
        if (!is_member(forum, v))
            throw core::Refused(trf("{} is not a member of {} ({})", v.slug, forum.name,
                                    core::short_id(forum.uuid)));
    SQLite::Statement stmt(db_of(log), k_delete_member);
    for (const auto& v : villages) {
        stmt.bind(1, forum.uuid);
        stmt.bind(2, v.uuid);
        stmt.exec();
        stmt.reset();
    }
    return forum_by_uuid(log, forum.uuid);
}

void remove_forum(Log& log, const core::Forum& forum) {
    SQLite::Statement meetings(db_of(log), k_forum_meetings);
    meetings.bind(1, forum.uuid);
    std::vector<std::string> hints;
    std::size_t count = 0;
    while (meetings.executeStep()) {
        if (++count <= k_max_listed)
            hints.push_back(
                fmt::format("{}  {}  {}", core::short_id(meetings.getColumn(0).getString()),
                            meetings.getColumn(1).getString(), meetings.getColumn(2).getString()));
    }
    if (count > k_max_listed)
        hints.push_back(trf("and {} more", count - k_max_listed));
    if (count > 0)
        throw core::Refused(trnf("forum {} ({}) is the forum of {} meeting: remove it or move it "
                                 "to another forum first",
                                 "forum {} ({}) is the forum of {} meetings: remove them or move "
                                 "them to another forum first",
                                 count, forum.name, core::short_id(forum.uuid), count),
                            hints);
    // The memberships go with the forum (ON DELETE CASCADE).
    SQLite::Statement stmt(db_of(log), "DELETE FROM forum WHERE uuid = ?1");
    stmt.bind(1, forum.uuid);
    stmt.exec();
}

} // namespace kades::store
