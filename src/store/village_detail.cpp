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

namespace {

// Meetings count once held: a planned or cancelled meeting is no activity yet.
constexpr const char* k_counts = R"sql(
SELECT
    (SELECT count(*) FROM meeting_attendee a JOIN meeting m ON m.id = a.meeting
     WHERE a.village = v.id AND m.status = 'held'),
    (SELECT count(*) FROM meeting m WHERE m.host = v.id AND m.status = 'held'),
    (SELECT count(*) FROM action a WHERE a.owner = v.id AND a.status = 'open'),
    (SELECT count(*) FROM visit t WHERE t.host = v.id AND t.status = 'held'),
    (SELECT count(*) FROM visit_visitor g JOIN visit t ON t.id = g.visit
     WHERE g.village = v.id AND t.status = 'held'),
    (SELECT coalesce(sum(t.workers), 0) FROM visit_visitor g JOIN visit t ON t.id = g.visit
     WHERE g.village = v.id AND t.status = 'held'),
    (SELECT coalesce(sum(t.workers), 0) FROM visit t WHERE t.host = v.id AND t.status = 'held'),
    (SELECT count(*) FROM lesson l WHERE l.village = v.id),
    (SELECT count(*) FROM adoption d WHERE d.village = v.id AND d.status <> 'abandoned'),
    (SELECT count(*) FROM agreement_village g JOIN agreement a ON a.id = g.agreement
     WHERE g.village = v.id AND (a.ended IS NULL OR a.ended > ?2) AND (a.until IS NULL OR a.until >= ?2)),
    (SELECT coalesce(sum(a.funding), 0) FROM agreement_village g JOIN agreement a ON a.id = g.agreement
     WHERE g.village = v.id AND (a.ended IS NULL OR a.ended > ?2) AND (a.until IS NULL OR a.until >= ?2))
FROM village v WHERE v.uuid = ?1)sql";

// Every record of another kind that points at a village, described for the user.
constexpr const char* k_dependents = R"sql(
SELECT 'meeting', substr(m.uuid, 1, 8), m.date || '  ' || m.title FROM meeting m
    JOIN village v ON v.id = m.host WHERE v.uuid = ?1
UNION ALL
SELECT 'meeting', substr(m.uuid, 1, 8), m.date || '  ' || m.title FROM meeting_attendee a
    JOIN meeting m ON m.id = a.meeting JOIN village v ON v.id = a.village WHERE v.uuid = ?1
UNION ALL
SELECT 'forum', substr(f.uuid, 1, 8), f.name FROM forum_member fm
    JOIN forum f ON f.id = fm.forum JOIN village v ON v.id = fm.village WHERE v.uuid = ?1
UNION ALL
SELECT 'action', substr(a.uuid, 1, 8), a.text FROM action a
    JOIN village v ON v.id = a.owner WHERE v.uuid = ?1
UNION ALL
SELECT 'visit', substr(t.uuid, 1, 8), t.date || '  ' || coalesce(t.purpose, t.kind) FROM visit t
    JOIN village v ON v.id = t.host WHERE v.uuid = ?1
UNION ALL
SELECT 'visit', substr(t.uuid, 1, 8), t.date || '  ' || coalesce(t.purpose, t.kind)
    FROM visit_visitor g JOIN visit t ON t.id = g.visit JOIN village v ON v.id = g.village
    WHERE v.uuid = ?1
UNION ALL
SELECT 'lesson', substr(l.uuid, 1, 8), l.title FROM lesson l
    JOIN village v ON v.id = l.village WHERE v.uuid = ?1
UNION ALL
SELECT 'adoption', substr(d.uuid, 1, 8), l.title FROM adoption d JOIN lesson l ON l.id = d.lesson
    JOIN village v ON v.id = d.village WHERE v.uuid = ?1
UNION ALL
SELECT 'agreement', substr(a.uuid, 1, 8), a.title FROM agreement_village g
    JOIN agreement a ON a.id = g.agreement JOIN village v ON v.id = g.village WHERE v.uuid = ?1
LIMIT 20)sql";

std::string kind_label(const std::string& kind) {
    if (kind == "meeting")
        return core::tr("meeting");
    if (kind == "forum")
        return core::tr("forum");
    if (kind == "visit")
        return core::tr("visit");
    if (kind == "lesson")
        return core::tr("lesson");
    if (kind == "adoption")
        return core::tr("adoption");
    if (kind == "agreement")
        return core::tr("agreement");
    return core::tr("action");
}

} // namespace

// An agreement counts while active: not ended early and not past its end date.
core::VillageCounts village_counts(Log& log, const core::Village& village, core::Date today) {
    SQLite::Statement stmt(db_of(log), k_counts);
    stmt.bind(1, village.uuid);
    stmt.bind(2, core::iso(today));
    core::VillageCounts counts;
    if (stmt.executeStep()) {
        counts.meetings_attended = stmt.getColumn(0).getInt64();
        counts.meetings_hosted = stmt.getColumn(1).getInt64();
        counts.actions_open = stmt.getColumn(2).getInt64();
        counts.visits_hosted = stmt.getColumn(3).getInt64();
        counts.visits_made = stmt.getColumn(4).getInt64();
        counts.workers_sent = stmt.getColumn(5).getInt64();
        counts.workers_received = stmt.getColumn(6).getInt64();
        counts.lessons_shared = stmt.getColumn(7).getInt64();
        counts.lessons_adopted = stmt.getColumn(8).getInt64();
        counts.agreements = stmt.getColumn(9).getInt64();
        counts.funding = stmt.getColumn(10).getInt64();
    }
    return counts;
}

void remove_village(Log& log, const core::Village& village) {
    SQLite::Statement refs(db_of(log), k_dependents);
    refs.bind(1, village.uuid);
    std::vector<std::string> hints;
    while (refs.executeStep())
        hints.push_back(fmt::format("{} {}  {}", kind_label(refs.getColumn(0).getString()),
                                    refs.getColumn(1).getString(), refs.getColumn(2).getString()));
    if (!hints.empty()) {
        hints.push_back(
            core::trf("archive it instead with `kades village archive {}`", village.slug));
        throw core::Refused(core::trf("{} is still referred to by other records", village.slug),
                            hints);
    }
    // Heads, tags and index scores belong to the village and go with it (ON DELETE CASCADE).
    SQLite::Statement stmt(db_of(log), "DELETE FROM village WHERE uuid = ?1");
    stmt.bind(1, village.uuid);
    stmt.exec();
}

} // namespace kades::store
