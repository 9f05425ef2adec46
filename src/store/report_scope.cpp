// The scope of a report as TEMP tables, filled once per command and read by every report
// query: a set of village ids is cheaper to join than a filter repeated in each query.

#include "store/report.hpp"

#include "core/error.hpp"
#include "core/i18n.hpp"
#include "core/region.hpp"
#include "store/forum.hpp"
#include "store/log_impl.hpp"
#include "store/sql.hpp"

namespace kades::store {
using core::trf;

namespace {

constexpr const char* k_create = R"sql(
DROP TABLE IF EXISTS temp.scope_village;
DROP TABLE IF EXISTS temp.scope_forum;
DROP TABLE IF EXISTS temp.scope_meta;
CREATE TEMP TABLE scope_village (id INTEGER PRIMARY KEY, active INTEGER NOT NULL);
CREATE TEMP TABLE scope_forum (id INTEGER PRIMARY KEY);
CREATE TEMP TABLE scope_meta (everything INTEGER NOT NULL);
)sql";

// ?1 forum uuid or NULL, ?2 dotted code or NULL: a village is in the scope when it meets both.
constexpr const char* k_fill_villages = R"sql(
INSERT INTO scope_village (id, active)
SELECT v.id, v.archived = 0 FROM village v
WHERE (?1 IS NULL OR v.id IN (SELECT fm.village FROM forum_member fm JOIN forum f ON f.id = fm.forum
                              WHERE f.uuid = ?1))
  AND (?2 IS NULL OR v.code = ?2 OR (v.code > ?2 || '.' AND v.code < ?2 || '/')))sql";

std::string region_name(Log& log, const std::string& code) {
    SQLite::Statement stmt(db_of(log), "SELECT name FROM region WHERE code = ?1");
    stmt.bind(1, code);
    return stmt.executeStep() ? stmt.getColumn(0).getString() : std::string();
}

} // namespace

core::ReportScope prepare_scope(Log& log, const ScopeFilter& filter) {
    core::ReportScope scope;
    if (filter.forum) {
        auto forum = find_forum(log, *filter.forum);
        scope.forum_uuid = forum.uuid;
        scope.forum_name = forum.name;
    }
    if (filter.under) {
        auto code = core::parse_region_code(*filter.under);
        if (!code)
            throw core::Invalid(trf(
                "'{}' is not a region code: give one like 33, 33.01 or 33.01.18", *filter.under));
        scope.under = code->dotted;
        scope.under_name = region_name(log, scope.under);
    }
    auto& db = db_of(log);
    db.exec(k_create);
    SQLite::Statement fill(db, k_fill_villages);
    bind_text(fill, 1, scope.forum_uuid);
    bind_text(fill, 2, scope.under);
    fill.exec();
    SQLite::Statement forum(db, "INSERT INTO scope_forum SELECT id FROM forum WHERE uuid = ?1");
    forum.bind(1, scope.forum_uuid);
    forum.exec();
    SQLite::Statement meta(db, "INSERT INTO scope_meta VALUES (?1)");
    meta.bind(1, scope.forum_uuid.empty() && scope.under.empty() ? 1 : 0);
    meta.exec();
    return scope;
}

void prepare_village_scope(Log& log, const std::string& village_uuid) {
    auto& db = db_of(log);
    db.exec(k_create);
    SQLite::Statement fill(db, "INSERT INTO scope_village (id, active) "
                               "SELECT id, archived = 0 FROM village WHERE uuid = ?1");
    fill.bind(1, village_uuid);
    fill.exec();
    db.exec("INSERT INTO scope_meta VALUES (0)");
}

long network_size(Log& log) {
    return db_of(log).execAndGet("SELECT count(*) FROM scope_village WHERE active").getInt();
}

bool in_scope(Log& log, const std::string& slug) {
    SQLite::Statement stmt(db_of(log), "SELECT 1 FROM scope_village s JOIN village v "
                                       "ON v.id = s.id WHERE v.slug = ?1");
    stmt.bind(1, slug);
    return stmt.executeStep();
}

} // namespace kades::store
