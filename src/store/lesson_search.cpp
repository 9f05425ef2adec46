// lesson search: FTS5 over lesson_fts (title, topics, context, outcome, lesson,
// recommendation), tokenized by kades_id (unicode61 + Snowball Indonesian stemming).

#include "core/error.hpp"
#include "core/i18n.hpp"
#include "core/text.hpp"
#include "store/lesson.hpp"
#include "store/log_impl.hpp"
#include "store/sql.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <utility>

namespace kades::store {
using core::tr;
using core::trf;

// From lesson.cpp.
extern const char* const k_lesson_filter;
void bind_lesson_filter(Log& log, SQLite::Statement& stmt, const LessonFilter& filter);
std::vector<core::Lesson> lessons_by_id(Log& log, const std::vector<std::int64_t>& ids);

namespace {

// bm25 weights by column: a title hit weighs 10, a topic 5, the review fields 1. The ranks are
// computed in the inner query and the lessons narrowed in the outer one; snippets are made
// for the rows kept only (k_snippets), not for every match.
constexpr const char* k_ranked = R"sql(
SELECT h.id, h.score FROM (
    SELECT rowid AS id, bm25(lesson_fts, 10.0, 5.0, 1.0, 1.0, 1.0, 1.0) AS score
    FROM lesson_fts WHERE lesson_fts MATCH :query) h
JOIN lesson l ON l.id = h.id
WHERE)sql";

constexpr const char* k_order = "\nORDER BY h.score, l.date DESC, l.uuid LIMIT :limit";

// Passages of about 16 words, the matching words between char(2) and char(3)
// (core::k_mark_open, k_mark_close): one of each review field (context, outcome, lesson,
// recommendation), and FTS5's own pick among all the columns.
constexpr const char* k_snippets = R"sql(
SELECT snippet(lesson_fts, 2, char(2), char(3), '…', 16),
       snippet(lesson_fts, 3, char(2), char(3), '…', 16),
       snippet(lesson_fts, 4, char(2), char(3), '…', 16),
       snippet(lesson_fts, 5, char(2), char(3), '…', 16),
       snippet(lesson_fts, -1, char(2), char(3), '…', 16)
FROM lesson_fts WHERE lesson_fts MATCH ?1 AND rowid = ?2)sql";

long marks(const std::string& text) {
    return static_cast<long>(std::count(text.begin(), text.end(), core::k_mark_open));
}

// The passage of the review field with the most matching words: the title is shown beside
// it already, and the topics are a list. Else FTS5's pick (a hit in the title or topics).
std::string best_snippet(SQLite::Statement& stmt, const std::string& query, std::int64_t id) {
    stmt.bind(1, query);
    stmt.bind(2, id);
    std::string best;
    if (stmt.executeStep()) {
        for (int column = 0; column < 4; ++column) {
            auto text = text_of(stmt.getColumn(column));
            if (marks(text) > marks(best))
                best = text;
        }
        if (best.empty())
            best = text_of(stmt.getColumn(4));
    }
    stmt.reset();
    return best;
}

core::Invalid bad_query(const std::string& query, const std::string& detail) {
    std::vector<std::string> hints{
        tr("put a phrase, or words joined by - or :, in double quotes: \"bank sampah\""),
        tr("OR and NOT are written in capitals and need a word on each side: sampah NOT bank"),
        tr("a prefix ends in *: latih*")};
    if (detail.find("no such column") != std::string::npos)
        hints.push_back(tr("a word before : names a field: title, topics, context, outcome, "
                           "lesson or recommendation"));
    return core::Invalid(trf("the search '{}' is not a valid query ({})", query, detail), hints);
}

std::vector<std::pair<std::int64_t, double>> ranked(Log& log, const std::string& query,
                                                    const LessonFilter& filter) {
    SQLite::Statement stmt(db_of(log), std::string(k_ranked) + k_lesson_filter + k_order);
    stmt.bind(":query", query);
    bind_lesson_filter(log, stmt, filter);
    stmt.bind(":limit", static_cast<int64_t>(filter.window.limit.value_or(-1)));
    std::vector<std::pair<std::int64_t, double>> rows;
    try {
        while (stmt.executeStep())
            rows.emplace_back(stmt.getColumn(0).getInt64(), stmt.getColumn(1).getDouble());
    } catch (const SQLite::Exception& e) {
        // FTS5 parses the query when the statement runs: its errors are the user's query.
        if (e.getErrorCode() == SQLITE_ERROR)
            throw bad_query(query, e.what());
        throw;
    }
    return rows;
}

} // namespace

std::vector<core::LessonHit> search_lessons(Log& log, const std::string& query,
                                            const LessonFilter& filter) {
    if (core::trim(query).empty())
        throw core::Invalid(tr("the search is empty: give the words to find"));
    auto rows = ranked(log, query, filter);
    std::vector<std::int64_t> ids;
    for (const auto& row : rows)
        ids.push_back(row.first);
    auto lessons = lessons_by_id(log, ids);
    SQLite::Statement snippets(db_of(log), k_snippets);
    std::vector<core::LessonHit> hits;
    for (std::size_t i = 0; i < rows.size() && i < lessons.size(); ++i)
        hits.push_back({lessons[i], rows[i].second, best_snippet(snippets, query, rows[i].first)});
    return hits;
}

} // namespace kades::store
