#include "core/error.hpp"
#include "core/i18n.hpp"
#include "store/log_impl.hpp"
#include "store/sql.hpp"
#include "store/village.hpp"

namespace kades::store {

std::vector<core::HeadTerm> village_heads(Log& log, const core::Village& village) {
    SQLite::Statement stmt(db_of(log), R"sql(
SELECT h.name, h.since FROM village_head h JOIN village v ON v.id = h.village
WHERE v.uuid = ?1 ORDER BY h.since NULLS FIRST, h.id)sql");
    stmt.bind(1, village.uuid);
    std::vector<core::HeadTerm> heads;
    while (stmt.executeStep())
        heads.push_back({stmt.getColumn(0).getString(), date_of(stmt.getColumn(1))});
    return heads;
}

std::vector<core::IndexEntry> village_index(Log& log, const core::Village& village) {
    SQLite::Statement stmt(db_of(log), R"sql(
SELECT i.year, i.kind, i.score, i.status FROM village_index i JOIN village v ON v.id = i.village
WHERE v.uuid = ?1 ORDER BY i.year, i.kind)sql");
    stmt.bind(1, village.uuid);
    std::vector<core::IndexEntry> entries;
    while (stmt.executeStep()) {
        core::IndexEntry entry;
        entry.year = stmt.getColumn(0).getInt();
        entry.score.kind = core::parse_index_kind(stmt.getColumn(1).getString());
        entry.score.score = stmt.getColumn(2).getDouble();
        entry.score.status = core::parse_dev_status(stmt.getColumn(3).getString());
        entries.push_back(entry);
    }
    return entries;
}

// Meetings, visits, lessons and actions point at villages once their tables exist (they
// come with later migrations); until then a village has none of them.
core::VillageCounts village_counts(Log&, const core::Village&) {
    return core::VillageCounts{};
}

void remove_village(Log& log, const core::Village& village) {
    // Heads, tags and index scores belong to the village and go with it (ON DELETE CASCADE);
    // records of other kinds that point at it will refuse the removal through their foreign keys.
    SQLite::Statement stmt(db_of(log), "DELETE FROM village WHERE uuid = ?1");
    stmt.bind(1, village.uuid);
    stmt.exec();
}

} // namespace kades::store
