#include "core/error.hpp"
#include "core/i18n.hpp"
#include "core/id.hpp"
#include "core/text.hpp"
#include "store/lesson.hpp"
#include "store/log_impl.hpp"
#include "store/sql.hpp"
#include "store/village.hpp"
#include "store/visit.hpp"

#include <algorithm>

namespace kades::store {
using core::tr;
using core::trf;
using core::trnf;

namespace {

// Both statements take the same parameters: ?1 uuid, ?2 kind ... ?11 cancel_reason. The host
// is bound by slug, as core::Visit holds it.
constexpr const char* k_insert_visit = R"sql(
INSERT INTO visit (uuid, kind, status, date, until, host, purpose, findings, workers, skill,
                   cancel_reason)
VALUES (?1, ?2, ?3, ?4, ?5, (SELECT id FROM village WHERE slug = ?6), ?7, ?8, ?9, ?10, ?11))sql";

constexpr const char* k_update_visit = R"sql(
UPDATE visit SET kind = ?2, status = ?3, date = ?4, until = ?5,
    host = (SELECT id FROM village WHERE slug = ?6), purpose = ?7, findings = ?8, workers = ?9,
    skill = ?10, cancel_reason = ?11, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
WHERE uuid = ?1)sql";

void write_row(Log& log, const char* sql, const core::Visit& v) {
    SQLite::Statement stmt(db_of(log), sql);
    stmt.bind(1, v.uuid);
    stmt.bind(2, core::visit_kind_key(v.kind));
    stmt.bind(3, core::visit_status_key(v.status));
    stmt.bind(4, core::iso(v.date));
    bind_date(stmt, 5, v.until);
    stmt.bind(6, v.host.slug);
    bind_text(stmt, 7, v.purpose);
    bind_text(stmt, 8, v.findings);
    if (v.workers)
        stmt.bind(9, static_cast<int64_t>(*v.workers));
    else
        stmt.bind(9);
    bind_text(stmt, 10, v.skill);
    bind_text(stmt, 11, v.cancel_reason);
    stmt.exec();
}

// The visitors and programs as the row holds them now, replacing those recorded.
void write_lists(Log& log, const core::Visit& v) {
    SQLite::Statement clear_visitors(db_of(log), "DELETE FROM visit_visitor WHERE visit = "
                                                 "(SELECT id FROM visit WHERE uuid = ?1)");
    clear_visitors.bind(1, v.uuid);
    clear_visitors.exec();
    SQLite::Statement clear_programs(db_of(log), "DELETE FROM visit_program WHERE visit = "
                                                 "(SELECT id FROM visit WHERE uuid = ?1)");
    clear_programs.bind(1, v.uuid);
    clear_programs.exec();
    SQLite::Statement visitor(db_of(log), R"sql(
INSERT INTO visit_visitor (visit, village)
SELECT t.id, v.id FROM visit t, village v WHERE t.uuid = ?1 AND v.slug = ?2)sql");
    for (const auto& ref : v.visitors) {
        visitor.bind(1, v.uuid);
        visitor.bind(2, ref.slug);
        visitor.exec();
        visitor.reset();
    }
    SQLite::Statement program(db_of(log), R"sql(
INSERT INTO visit_program (visit, position, name)
SELECT id, ?2, ?3 FROM visit WHERE uuid = ?1)sql");
    for (std::size_t i = 0; i < v.programs.size(); ++i) {
        program.bind(1, v.uuid);
        program.bind(2, static_cast<int64_t>(i + 1));
        program.bind(3, v.programs[i]);
        program.exec();
        program.reset();
    }
}

void apply_text(const core::VisitFields& f, core::Visit& row) {
    row.date = f.date.value_or(row.date);
    row.until = f.until.value_or(row.until);
    row.kind = f.kind.value_or(row.kind);
    row.purpose = f.purpose.value_or(row.purpose);
    row.findings = f.findings.value_or(row.findings);
    row.skill = f.skill.value_or(row.skill);
    row.workers = f.workers.value_or(row.workers);
}

core::VillageRef village_ref(Log& log, const std::string& ref) {
    auto village = resolve_village(log, ref);
    return {village.slug, village.name};
}

bool visits(const std::vector<core::VillageRef>& visitors, const core::VillageRef& village) {
    return std::find(visitors.begin(), visitors.end(), village) != visitors.end();
}

// The visitors after an edit: those dropped must be visiting, those added must not be.
std::vector<core::VillageRef> edited_visitors(Log& log, const core::Visit& v,
                                              const core::VisitFields& f) {
    auto id = core::short_id(v.uuid);
    std::vector<core::VillageRef> dropped;
    for (const auto& ref : f.drop_visitors) {
        auto village = village_ref(log, ref);
        if (!visits(v.visitors, village))
            throw core::Invalid(trf("{} is not a visitor of visit {}", village.slug, id));
        dropped.push_back(village);
    }
    std::vector<core::VillageRef> visitors;
    std::copy_if(v.visitors.begin(), v.visitors.end(), std::back_inserter(visitors),
                 [&](const core::VillageRef& village) { return !visits(dropped, village); });
    for (const auto& ref : f.visitors) {
        auto village = village_ref(log, ref);
        if (visits(visitors, village))
            throw core::Conflict(trf("{} is already a visitor of visit {}", village.slug, id));
        visitors.push_back(village);
    }
    return visitors;
}

// The programs after an edit: each dropped one (same text, any case) must be there.
std::vector<std::string> edited_programs(const core::Visit& v, const core::VisitFields& f) {
    auto programs = v.programs;
    for (const auto& name : f.drop_programs) {
        auto at = std::find_if(programs.begin(), programs.end(),
                               [&](const std::string& p) { return core::iequals(p, name); });
        if (at == programs.end())
            throw core::Invalid(trf("visit {} has no program '{}'", core::short_id(v.uuid), name));
        programs.erase(at);
    }
    programs.insert(programs.end(), f.programs.begin(), f.programs.end());
    return programs;
}

void set_status(Log& log, const core::Visit& v, core::VisitStatus status,
                const std::string& reason) {
    SQLite::Statement stmt(db_of(log), R"sql(
UPDATE visit SET status = ?2, cancel_reason = ?3,
    updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
WHERE uuid = ?1)sql");
    stmt.bind(1, v.uuid);
    stmt.bind(2, core::visit_status_key(status));
    bind_text(stmt, 3, reason);
    stmt.exec();
}

// Without --planned or --held an edit keeps the status, but a held visit cannot move past
// today; with them, the status is set as on add (a cancelled visit is reinstated).
core::VisitStatus edited_status(const core::Visit& v, core::Date date, core::Date today,
                                std::optional<core::VisitStatus> asked) {
    if (asked)
        return core::visit_status_for(date, today, asked);
    if (v.status == core::VisitStatus::held && core::is_after(date, today))
        throw core::Refused(
            trf("a visit on {} cannot be held yet: today is {}", core::iso(date), core::iso(today)),
            {tr("give --planned with a date after today")});
    return v.status;
}

// An exchange turned into a study visit keeps its workers and skill unless the edit clears
// them: said here in the words of an edit, before core::check_visit says it in those of add.
void check_kind_change(const core::Visit& v, const core::Visit& row) {
    if (row.kind != core::VisitKind::study || v.kind == core::VisitKind::study ||
        (!row.workers && row.skill.empty()))
        return;
    throw core::Invalid(trf("visit {} has workers or a skill, which a study visit does not have",
                            core::short_id(v.uuid)),
                        {tr("clear them as well: --workers \"\" --skill \"\"")});
}

core::Visit reread(Log& log, const std::string& uuid) {
    return find_visit(log, uuid).value();
}

} // namespace

core::Visit add_visit(Log& log, core::VisitFields f, core::Date today) {
    core::normalize_visit_fields(f);
    if (!f.host)
        throw core::Invalid(tr("a visit needs a host: give --host"));
    if (!f.date)
        throw core::Invalid(tr("a visit needs a date: give --date"));
    core::Visit row;
    row.uuid = core::new_uuid();
    apply_text(f, row);
    row.status = core::visit_status_for(row.date, today, f.status);
    row.host = village_ref(log, *f.host);
    for (const auto& ref : f.visitors)
        row.visitors.push_back(village_ref(log, ref));
    row.programs = edited_programs(row, f);
    core::check_visit(row);
    write_row(log, k_insert_visit, row);
    write_lists(log, row);
    return reread(log, row.uuid);
}

core::Visit edit_visit(Log& log, const core::Visit& v, core::VisitFields f, core::Date today) {
    core::normalize_visit_fields(f);
    core::Visit row = v;
    apply_text(f, row);
    row.status = edited_status(v, row.date, today, f.status);
    if (row.status != core::VisitStatus::cancelled)
        row.cancel_reason.clear();
    if (f.host)
        row.host = village_ref(log, *f.host);
    row.visitors = edited_visitors(log, v, f);
    row.programs = edited_programs(v, f);
    check_kind_change(v, row);
    core::check_visit(row);
    write_row(log, k_update_visit, row);
    write_lists(log, row);
    return reread(log, v.uuid);
}

core::Visit mark_visit_held(Log& log, const core::Visit& v, core::Date today) {
    auto id = core::short_id(v.uuid);
    if (v.status == core::VisitStatus::held)
        throw core::Conflict(trf("visit {} is already held", id));
    if (core::is_after(v.date, today))
        throw core::Refused(trf("a visit on {} cannot be held yet: today is {}", core::iso(v.date),
                                core::iso(today)),
                            {trf("if it took place on another day, give that day first: `kades "
                                 "visit edit {} --date DATE`",
                                 id)});
    set_status(log, v, core::VisitStatus::held, "");
    return reread(log, v.uuid);
}

core::Visit cancel_visit(Log& log, const core::Visit& v, const std::string& reason) {
    auto clean = core::clean_field(reason, "--reason");
    auto id = core::short_id(v.uuid);
    if (v.status == core::VisitStatus::held)
        throw core::Refused(
            trf("visit {} was held on {}: a held visit cannot be cancelled", id, core::iso(v.date)),
            {trf("if it was recorded held by mistake: `kades visit edit {} --planned`", id)});
    if (v.status == core::VisitStatus::cancelled)
        throw core::Conflict(trf("visit {} is already cancelled", id));
    set_status(log, v, core::VisitStatus::cancelled, clean);
    return reread(log, v.uuid);
}

void remove_visit(Log& log, const core::Visit& v) {
    if (!v.actions.empty()) {
        std::string ids;
        std::vector<std::string> hints;
        for (const auto& a : v.actions) {
            ids += (ids.empty() ? "" : ", ") + core::short_id(a.uuid);
            hints.push_back(core::short_id(a.uuid) + "  " + a.text);
        }
        hints.push_back(tr("remove those actions first, or keep the visit"));
        throw core::Refused(trnf("visit {} has a follow-up action: {}",
                                 "visit {} has follow-up actions: {}", v.actions.size(),
                                 core::short_id(v.uuid), ids),
                            hints);
    }
    refuse_if_lessons_shared_at(log, LessonSourceKind::visit, v.uuid);
    // Visitors and programs go with it (ON DELETE CASCADE).
    SQLite::Statement stmt(db_of(log), "DELETE FROM visit WHERE uuid = ?1");
    stmt.bind(1, v.uuid);
    stmt.exec();
}

} // namespace kades::store
