// lesson add | edit | remove, and adoptions: writing lessons. The full-text index follows
// every write through the triggers of migration 4.

#include "core/error.hpp"
#include "core/i18n.hpp"
#include "core/id.hpp"
#include "core/lesson_template.hpp"
#include "core/text.hpp"
#include "store/lesson.hpp"
#include "store/log_impl.hpp"
#include "store/meeting.hpp"
#include "store/sql.hpp"
#include "store/village.hpp"
#include "store/visit.hpp"

#include <algorithm>
#include <set>

namespace kades::store {
using core::tr;
using core::trf;
using core::trnf;

namespace {

// Both statements take the same parameters: ?1 uuid, ?2 title, ?3 village slug, ... ?10
// meeting uuid, ?11 visit uuid.
constexpr const char* k_insert_lesson = R"sql(
INSERT INTO lesson (uuid, title, village, date, kind, context, outcome, lesson, recommendation,
                    meeting, visit)
VALUES (?1, ?2, (SELECT id FROM village WHERE slug = ?3), ?4, ?5, ?6, ?7, ?8, ?9,
        (SELECT id FROM meeting WHERE uuid = ?10), (SELECT id FROM visit WHERE uuid = ?11)))sql";

constexpr const char* k_update_lesson = R"sql(
UPDATE lesson SET title = ?2, village = (SELECT id FROM village WHERE slug = ?3), date = ?4,
    kind = ?5, context = ?6, outcome = ?7, lesson = ?8, recommendation = ?9,
    meeting = (SELECT id FROM meeting WHERE uuid = ?10),
    visit = (SELECT id FROM visit WHERE uuid = ?11),
    updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
WHERE uuid = ?1)sql";

void write_row(Log& log, const char* sql, const core::Lesson& l) {
    SQLite::Statement stmt(db_of(log), sql);
    stmt.bind(1, l.uuid);
    stmt.bind(2, l.title);
    stmt.bind(3, l.village.slug);
    stmt.bind(4, core::iso(l.date));
    stmt.bind(5, core::lesson_kind_key(l.kind));
    bind_text(stmt, 6, l.context);
    bind_text(stmt, 7, l.outcome);
    bind_text(stmt, 8, l.lesson);
    bind_text(stmt, 9, l.recommendation);
    bind_text(stmt, 10, l.meeting ? l.meeting->uuid : "");
    bind_text(stmt, 11, l.visit ? l.visit->uuid : "");
    stmt.exec();
}

// The meeting or visit the fields name: one of them, an empty one unlinking it.
void apply_link(Log& log, const core::LessonFields& f, core::Lesson& row) {
    bool meeting = f.meeting && !f.meeting->empty();
    bool visit = f.visit && !f.visit->empty();
    if (meeting && visit)
        throw core::Invalid(tr("a lesson is shared at one meeting or on one visit, not both: "
                               "give --meeting or --visit"));
    if (f.meeting)
        row.meeting.reset();
    if (f.visit)
        row.visit.reset();
    if (meeting) {
        auto m = resolve_meeting(log, *f.meeting);
        row.meeting = core::LessonSource{m.uuid, m.title, m.date};
        row.visit.reset();
    }
    if (visit) {
        auto v = resolve_visit(log, *f.visit);
        row.visit = core::LessonSource{v.uuid, v.purpose, v.date};
        row.meeting.reset();
    }
}

void apply_text(const core::LessonFields& f, core::Lesson& row) {
    row.title = f.title.value_or(row.title);
    row.date = f.date.value_or(row.date);
    row.kind = f.kind.value_or(row.kind);
    row.context = f.context.value_or(row.context);
    row.outcome = f.outcome.value_or(row.outcome);
    row.lesson = f.lesson.value_or(row.lesson);
    row.recommendation = f.recommendation.value_or(row.recommendation);
}

// The topics after the fields: replaced by all_topics, less drop_topics (each one the lesson
// has), plus topics.
std::set<std::string> topics_after(const core::Lesson& l, const core::LessonFields& f) {
    std::set<std::string> topics(l.topics.begin(), l.topics.end());
    if (f.all_topics)
        topics = std::set<std::string>(f.all_topics->begin(), f.all_topics->end());
    for (const auto& topic : f.drop_topics) {
        if (topics.erase(topic) == 0)
            throw core::Invalid(
                trf("lesson {} has no topic '{}' to drop", core::short_id(l.uuid), topic));
    }
    topics.insert(f.topics.begin(), f.topics.end());
    return topics;
}

// The lesson's topics become `after`: all deleted and inserted again when they change, so
// that the index's topics column follows through the triggers.
void write_topics(Log& log, const std::string& uuid, const std::set<std::string>& before,
                  const std::set<std::string>& after) {
    if (before == after)
        return;
    SQLite::Statement clear(db_of(log), "DELETE FROM lesson_topic WHERE lesson = "
                                        "(SELECT id FROM lesson WHERE uuid = ?1)");
    clear.bind(1, uuid);
    clear.exec();
    SQLite::Statement insert(db_of(log), "INSERT INTO lesson_topic (lesson, topic) "
                                         "SELECT id, ?2 FROM lesson WHERE uuid = ?1");
    for (const auto& topic : after) {
        insert.bind(1, uuid);
        insert.bind(2, topic);
        insert.exec();
        insert.reset();
    }
}

void set_village(Log& log, const core::LessonFields& f, core::Lesson& row) {
    if (!f.village)
        return;
    if (f.village->empty())
        throw core::Invalid(tr("a lesson needs a village: give --village REF, or a Village: "
                               "line in the template"));
    auto village = resolve_village(log, *f.village);
    row.village = {village.slug, village.name};
}

// An edit may not make the lesson its adopter's own, nor date it after an adoption.
void check_adoptions(const core::Lesson& row) {
    auto id = core::short_id(row.uuid);
    for (const auto& a : row.adoptions) {
        if (a.village.slug == row.village.slug)
            throw core::Refused(
                trf("{} takes lesson {} up: a village cannot adopt its own lesson", a.village.slug,
                    id),
                {trf("if the adoption was recorded by mistake: `kades lesson unadopt {} --village "
                     "{}`",
                     id, a.village.slug)});
        if (std::chrono::sys_days{a.date} < std::chrono::sys_days{row.date})
            throw core::Invalid(trf("lesson {} cannot date from {}: {} took it up on {}", id,
                                    core::iso(row.date), a.village.slug, core::iso(a.date)));
    }
}

core::Lesson reread(Log& log, const std::string& uuid) {
    return find_lesson(log, uuid).value();
}

} // namespace

core::Lesson add_lesson(Log& log, core::LessonFields f, core::Date today) {
    core::normalize_lesson_fields(f);
    core::require_title(f);
    if (!f.village)
        throw core::Invalid(tr("a lesson needs a village: give --village REF, or a Village: "
                               "line in the template"));
    core::Lesson row;
    row.uuid = core::new_uuid();
    row.date = today;
    apply_text(f, row);
    set_village(log, f, row);
    apply_link(log, f, row);
    auto topics = topics_after(row, f);
    write_row(log, k_insert_lesson, row);
    write_topics(log, row.uuid, {}, topics);
    return reread(log, row.uuid);
}

core::Lesson edit_lesson(Log& log, const core::Lesson& l, core::LessonFields f) {
    core::normalize_lesson_fields(f);
    if (f.title)
        core::require_title(f);
    core::Lesson row = l;
    apply_text(f, row);
    set_village(log, f, row);
    apply_link(log, f, row);
    check_adoptions(row);
    auto topics = topics_after(l, f);
    write_row(log, k_update_lesson, row);
    write_topics(log, l.uuid, std::set<std::string>(l.topics.begin(), l.topics.end()), topics);
    return reread(log, l.uuid);
}

void remove_lesson(Log& log, const core::Lesson& l) {
    if (!l.adoptions.empty()) {
        std::string slugs;
        std::vector<std::string> hints;
        for (const auto& a : l.adoptions) {
            slugs += (slugs.empty() ? "" : ", ") + a.village.slug;
            hints.push_back(fmt::format("{}  {}  {}", core::short_id(a.uuid), a.village.slug,
                                        core::adoption_status_key(a.status)));
        }
        hints.push_back(trf("a village that gave it up keeps its adoption as abandoned; one "
                            "recorded by mistake goes with `kades lesson unadopt {} --village REF`",
                            core::short_id(l.uuid)));
        throw core::Refused(trnf("lesson {} is taken up by a village: {}",
                                 "lesson {} is taken up by villages: {}", l.adoptions.size(),
                                 core::short_id(l.uuid), slugs),
                            hints);
    }
    // Its topics go with it (ON DELETE CASCADE), and its index row with the trigger.
    SQLite::Statement stmt(db_of(log), "DELETE FROM lesson WHERE uuid = ?1");
    stmt.bind(1, l.uuid);
    stmt.exec();
}

} // namespace kades::store
