// Report queries over lessons and their adoptions in a period.

#include "core/error.hpp"
#include "core/i18n.hpp"
#include "store/log_impl.hpp"
#include "store/report.hpp"
#include "store/report_sql.hpp"
#include "store/sql.hpp"

#include <fmt/format.h>

#include <unordered_map>

namespace kades::store {
using report_sql::period_statement;
using report_sql::village_ref;

namespace {

// ?3 a topic or NULL, ?4 a kind or NULL.
constexpr const char* k_lessons = R"sql(
SELECT l.id, l.uuid, l.title, l.date, l.kind, l.context, l.outcome, l.lesson, l.recommendation,
       v.slug, v.name
FROM lesson l JOIN village v ON v.id = l.village
WHERE l.date BETWEEN ?1 AND ?2 AND {}
  AND (?3 IS NULL OR EXISTS (SELECT 1 FROM lesson_topic t WHERE t.lesson = l.id AND t.topic = ?3))
  AND (?4 IS NULL OR l.kind = ?4)
ORDER BY l.date, l.title, l.id)sql";

// The topics and adopters of the period's lessons of the scope (a scope's lessons are found
// from its villages, not among the whole country's of the period).
constexpr const char* k_topics = R"sql(
SELECT t.lesson, t.topic FROM lesson l JOIN lesson_topic t ON t.lesson = l.id
WHERE l.date BETWEEN ?1 AND ?2 AND {} ORDER BY t.lesson, t.topic)sql";

constexpr const char* k_adopters = R"sql(
SELECT a.lesson, v.slug, v.name, a.status, a.date, a.result FROM adoption a JOIN lesson l ON l.id = a.lesson
JOIN village v ON v.id = a.village
WHERE l.date BETWEEN ?1 AND ?2 AND {} ORDER BY a.lesson, v.name)sql";

constexpr const char* k_adoptions = R"sql(
SELECT a.uuid, l.uuid, l.title, lv.slug, lv.name, av.slug, av.name, a.status, a.date, a.result
FROM adoption a JOIN lesson l ON l.id = a.lesson
JOIN village lv ON lv.id = l.village JOIN village av ON av.id = a.village
WHERE a.date BETWEEN ?1 AND ?2 AND {}
ORDER BY a.date, l.title, av.name)sql";

core::ReportLesson lesson_row(SQLite::Statement& stmt) {
    core::ReportLesson l;
    l.uuid = stmt.getColumn(1).getString();
    l.title = stmt.getColumn(2).getString();
    l.date = date_of(stmt.getColumn(3)).value_or(core::Date{});
    l.kind = stmt.getColumn(4).getString();
    l.context = text_of(stmt.getColumn(5));
    l.outcome = text_of(stmt.getColumn(6));
    l.lesson = text_of(stmt.getColumn(7));
    l.recommendation = text_of(stmt.getColumn(8));
    l.village = village_ref(stmt, 9);
    return l;
}

} // namespace

std::vector<core::ReportLesson> report_lessons(Log& log, const core::Period& period,
                                               const LessonSelection& selection) {
    auto stmt = period_statement(
        log, fmt::format(k_lessons, report_sql::lesson_in_scope(db_of(log))), period);
    bind_text(stmt, 3, selection.topic);
    bind_text(stmt, 4, selection.kind);
    std::vector<core::ReportLesson> lessons;
    std::unordered_map<int64_t, std::size_t> index;
    while (stmt.executeStep()) {
        index[stmt.getColumn(0).getInt64()] = lessons.size();
        lessons.push_back(lesson_row(stmt));
    }
    auto topics = period_statement(
        log, fmt::format(k_topics, report_sql::lesson_in_scope(db_of(log))), period);
    while (topics.executeStep())
        if (auto it = index.find(topics.getColumn(0).getInt64()); it != index.end())
            lessons[it->second].topics.push_back(topics.getColumn(1).getString());
    auto adopters = period_statement(
        log, fmt::format(k_adopters, report_sql::lesson_in_scope(db_of(log))), period);
    while (adopters.executeStep())
        if (auto it = index.find(adopters.getColumn(0).getInt64()); it != index.end())
            lessons[it->second].adopters.push_back(
                {village_ref(adopters, 1), adopters.getColumn(3).getString(),
                 date_of(adopters.getColumn(4)).value_or(core::Date{}),
                 text_of(adopters.getColumn(5))});
    return lessons;
}

std::vector<core::ReportAdoption> report_adoptions(Log& log, const core::Period& period) {
    auto stmt =
        period_statement(log, fmt::format(k_adoptions, report_sql::k_adoption_in_scope), period);
    std::vector<core::ReportAdoption> adoptions;
    while (stmt.executeStep()) {
        core::ReportAdoption a;
        a.uuid = stmt.getColumn(0).getString();
        a.lesson_uuid = stmt.getColumn(1).getString();
        a.lesson_title = stmt.getColumn(2).getString();
        a.from = village_ref(stmt, 3);
        a.by = village_ref(stmt, 5);
        a.status = stmt.getColumn(7).getString();
        a.date = date_of(stmt.getColumn(8)).value_or(core::Date{});
        a.result = text_of(stmt.getColumn(9));
        adoptions.push_back(std::move(a));
    }
    return adoptions;
}

void require_topic(Log& log, const std::string& topic) {
    SQLite::Statement known(db_of(log), "SELECT 1 FROM lesson_topic WHERE topic = ?1 LIMIT 1");
    known.bind(1, topic);
    if (known.executeStep())
        return;
    // The topics to offer: those containing the word first, then the most used.
    SQLite::Statement like(db_of(log), R"sql(
SELECT topic FROM lesson_topic GROUP BY topic
ORDER BY instr(topic, ?1) = 0, count(*) DESC, topic LIMIT 8)sql");
    like.bind(1, topic);
    std::string offer;
    while (like.executeStep())
        offer += (offer.empty() ? "" : ", ") + like.getColumn(0).getString();
    std::vector<std::string> hints;
    if (offer.empty())
        hints.push_back(
            core::tr("no lesson has a topic yet: add one with `kades lesson edit ID --topic T`"));
    else
        hints.push_back(core::trf("topics in the log: {}", offer));
    throw core::NotFound(core::trf("no lesson has the topic '{}'", topic), std::move(hints));
}

} // namespace kades::store
