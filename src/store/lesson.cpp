// Reading lessons: one lesson, a list, and what list and search share (the filter and the
// lesson of a row). Writing is in lesson_write.cpp, search in lesson_search.cpp.

#include "store/lesson.hpp"

#include "store/log_impl.hpp"
#include "store/record_id.hpp"
#include "store/sql.hpp"
#include "store/village.hpp"

namespace kades::store {

// Shared with lesson_search.cpp.
extern const char* const k_lesson_filter;
void bind_lesson_filter(Log& log, SQLite::Statement& stmt, const LessonFilter& filter);
std::vector<core::Lesson> lessons_by_id(Log& log, const std::vector<std::int64_t>& ids);

// The narrowing list and search share, on `lesson l`, with named parameters.
const char* const k_lesson_filter = R"sql(
    (:topic IS NULL OR EXISTS (SELECT 1 FROM lesson_topic t
                               WHERE t.lesson = l.id AND t.topic = :topic))
    AND (:kind IS NULL OR l.kind = :kind)
    AND (:village IS NULL OR l.village = (SELECT id FROM village WHERE uuid = :village)
         OR EXISTS (SELECT 1 FROM adoption a JOIN village av ON av.id = a.village
                    WHERE a.lesson = l.id AND av.uuid = :village))
    AND (:from IS NULL OR l.date >= :from)
    AND (:to IS NULL OR l.date <= :to))sql";

namespace {

constexpr const char* k_select_lesson = R"sql(
SELECT l.id, l.uuid, l.title, v.slug, v.name, l.date, l.kind, l.context, l.outcome, l.lesson,
       l.recommendation, m.uuid, m.title, m.date, s.uuid, s.purpose, s.date
FROM lesson l
JOIN village v ON v.id = l.village
LEFT JOIN meeting m ON m.id = l.meeting
LEFT JOIN visit s ON s.id = l.visit
)sql";

constexpr const char* k_select_topics =
    "SELECT topic FROM lesson_topic WHERE lesson = ?1 ORDER BY topic";

constexpr const char* k_select_adoptions = R"sql(
SELECT a.uuid, v.slug, v.name, a.status, a.date, a.result
FROM adoption a JOIN village v ON v.id = a.village
WHERE a.lesson = ?1 ORDER BY a.date, v.slug)sql";

// The statements that read a lesson's lists, prepared once for a whole list.
struct DetailQueries {
    SQLite::Statement topics, adoptions;
    explicit DetailQueries(SQLite::Database& db)
        : topics(db, k_select_topics), adoptions(db, k_select_adoptions) {}
};

std::optional<core::LessonSource> source_at(SQLite::Statement& stmt, int column) {
    if (stmt.getColumn(column).isNull())
        return std::nullopt;
    return core::LessonSource{stmt.getColumn(column).getString(),
                              text_of(stmt.getColumn(column + 1)),
                              date_of(stmt.getColumn(column + 2)).value_or(core::Date{})};
}

core::Lesson lesson_from(SQLite::Statement& stmt) {
    core::Lesson l;
    l.uuid = stmt.getColumn(1).getString();
    l.title = stmt.getColumn(2).getString();
    l.village = {stmt.getColumn(3).getString(), stmt.getColumn(4).getString()};
    l.date = date_of(stmt.getColumn(5)).value_or(core::Date{});
    l.kind = core::parse_lesson_kind(stmt.getColumn(6).getString());
    l.context = text_of(stmt.getColumn(7));
    l.outcome = text_of(stmt.getColumn(8));
    l.lesson = text_of(stmt.getColumn(9));
    l.recommendation = text_of(stmt.getColumn(10));
    l.meeting = source_at(stmt, 11);
    l.visit = source_at(stmt, 14);
    return l;
}

void read_details(DetailQueries& q, std::int64_t id, core::Lesson& l) {
    q.topics.bind(1, id);
    while (q.topics.executeStep())
        l.topics.push_back(q.topics.getColumn(0).getString());
    q.topics.reset();
    q.adoptions.bind(1, id);
    while (q.adoptions.executeStep()) {
        core::Adoption a;
        a.uuid = q.adoptions.getColumn(0).getString();
        a.village = {q.adoptions.getColumn(1).getString(), q.adoptions.getColumn(2).getString()};
        a.status = core::parse_adoption_status(q.adoptions.getColumn(3).getString());
        a.date = date_of(q.adoptions.getColumn(4)).value_or(core::Date{});
        a.result = text_of(q.adoptions.getColumn(5));
        l.adoptions.push_back(a);
    }
    q.adoptions.reset();
}

std::vector<core::Lesson> collect(Log& log, SQLite::Statement& stmt) {
    DetailQueries queries(db_of(log));
    std::vector<core::Lesson> lessons;
    while (stmt.executeStep()) {
        lessons.push_back(lesson_from(stmt));
        read_details(queries, stmt.getColumn(0).getInt64(), lessons.back());
    }
    return lessons;
}

void bind_name(SQLite::Statement& stmt, const char* name, const std::optional<std::string>& v) {
    if (v)
        stmt.bind(name, *v);
    else
        stmt.bind(name);
}

} // namespace

void bind_lesson_filter(Log& log, SQLite::Statement& stmt, const LessonFilter& filter) {
    // The village is resolved first, so that an unknown one is an error, not an empty list.
    std::optional<std::string> village, topic, kind;
    if (filter.village)
        village = resolve_village(log, *filter.village).uuid;
    if (filter.topic)
        topic = core::normalize_topic(*filter.topic);
    if (filter.kind)
        kind = core::lesson_kind_key(*filter.kind);
    bind_name(stmt, ":topic", topic);
    bind_name(stmt, ":kind", kind);
    bind_name(stmt, ":village", village);
    const auto& period = filter.window.period;
    bind_name(stmt, ":from", period ? std::optional(core::iso(period->from)) : std::nullopt);
    bind_name(stmt, ":to", period ? std::optional(core::iso(period->to)) : std::nullopt);
}

std::vector<core::Lesson> lessons_by_id(Log& log, const std::vector<std::int64_t>& ids) {
    SQLite::Statement stmt(db_of(log), std::string(k_select_lesson) + "WHERE l.id = ?1");
    DetailQueries queries(db_of(log));
    std::vector<core::Lesson> lessons;
    for (auto id : ids) {
        stmt.bind(1, id);
        if (stmt.executeStep()) {
            lessons.push_back(lesson_from(stmt));
            read_details(queries, id, lessons.back());
        }
        stmt.reset();
    }
    return lessons;
}

std::optional<core::Lesson> find_lesson(Log& log, const std::string& uuid) {
    SQLite::Statement stmt(db_of(log), std::string(k_select_lesson) + "WHERE l.uuid = ?1");
    stmt.bind(1, uuid);
    auto found = collect(log, stmt);
    if (found.empty())
        return std::nullopt;
    return found.front();
}

core::Lesson resolve_lesson(Log& log, std::string_view id) {
    return find_lesson(log, resolve_uuid(log, RecordKind::lesson, id)).value();
}

std::vector<core::Lesson> list_lessons(Log& log, const LessonFilter& filter) {
    SQLite::Statement stmt(db_of(log), std::string(k_select_lesson) + "WHERE" + k_lesson_filter +
                                           "\nORDER BY l.date, l.title, l.uuid LIMIT :limit");
    bind_lesson_filter(log, stmt, filter);
    stmt.bind(":limit", static_cast<int64_t>(filter.window.limit.value_or(-1)));
    return collect(log, stmt);
}

} // namespace kades::store
