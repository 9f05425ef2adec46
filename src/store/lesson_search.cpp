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
#include <cstddef>
#include <map>
#include <utility>

namespace kades::store {
using core::tr;
using core::trf;

// From lesson.cpp and lesson_rank.cpp.
extern const char* const k_lesson_filter;
void bind_lesson_filter(Log& log, SQLite::Statement& stmt, const LessonFilter& filter);
std::vector<core::Lesson> lessons_by_id(Log& log, const std::vector<std::int64_t>& ids);
void register_lesson_rank(Log& log);

namespace {

// Every match with its score: kades_bm25 is FTS5's bm25 with the column weights of
// lesson_rank.cpp (title 10, topics 5, the review fields 1), each row's length joined from the
// docsize table. They are sorted here, not by SQLite: a sort of a match in every second lesson
// spills SQLite's sorter to a temporary file.
constexpr const char* k_scored = R"sql(
SELECT lesson_fts.rowid, kades_bm25(lesson_fts, d.sz)
FROM lesson_fts CROSS JOIN lesson_fts_docsize d ON d.id = lesson_fts.rowid
WHERE lesson_fts MATCH :query)sql";

// Whether a lesson passes the filter: asked of the best matches, in order, until enough pass,
// so that a filter costs a lookup per lesson shown rather than a join per match.
constexpr const char* k_passes = "SELECT 1 FROM lesson l WHERE l.id = :id AND";

bool filtered(const LessonFilter& f) {
    return f.topic || f.kind || f.village || f.window.period;
}

// Passages of about 16 words, the matching words between char(2) and char(3)
// (core::k_mark_open, k_mark_close): one of each review field (context, outcome, lesson,
// recommendation), and FTS5's own pick among all the columns; for the rows shown only (?2, a
// JSON array of row ids). The rows are picked by a filter FTS5 does not see ("+"): a query by
// rowid would match the whole query again for each row, merging every doclist of a prefix*.
constexpr const char* k_snippets = R"sql(
SELECT lesson_fts.rowid,
       snippet(lesson_fts, 2, char(2), char(3), '…', 16),
       snippet(lesson_fts, 3, char(2), char(3), '…', 16),
       snippet(lesson_fts, 4, char(2), char(3), '…', 16),
       snippet(lesson_fts, 5, char(2), char(3), '…', 16),
       snippet(lesson_fts, -1, char(2), char(3), '…', 16)
FROM lesson_fts
WHERE lesson_fts MATCH ?1 AND +lesson_fts.rowid IN (SELECT value FROM json_each(?2)))sql";

long marks(const std::string& text) {
    return static_cast<long>(std::count(text.begin(), text.end(), core::k_mark_open));
}

// For each row, the passage of the review field with the most matching words (the title is
// shown beside it already, and the topics are a list), else FTS5's pick (a hit in the title
// or topics).
std::map<std::int64_t, std::string> snippets(Log& log, const std::string& query,
                                             const std::vector<std::int64_t>& ids) {
    std::string array = "[";
    for (auto id : ids) {
        if (array.size() > 1)
            array += ',';
        array += std::to_string(id);
    }
    array += ']';
    SQLite::Statement stmt(db_of(log), k_snippets);
    stmt.bind(1, query);
    stmt.bind(2, array);
    std::map<std::int64_t, std::string> best;
    while (stmt.executeStep()) {
        std::string text;
        for (int column = 1; column <= 4; ++column) {
            auto passage = text_of(stmt.getColumn(column));
            if (marks(passage) > marks(text))
                text = passage;
        }
        best[stmt.getColumn(0).getInt64()] = text.empty() ? text_of(stmt.getColumn(5)) : text;
    }
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

using Scored = std::pair<std::int64_t, double>; // lesson row id, bm25 (lower is better)

std::vector<Scored> scored(Log& log, const std::string& query) {
    register_lesson_rank(log);
    SQLite::Statement stmt(db_of(log), k_scored);
    stmt.bind(":query", query);
    std::vector<Scored> rows;
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

// Best first (ties: the newer lesson), at most the limit, each passing the filter.
std::vector<Scored> ranked(Log& log, const std::string& query, const LessonFilter& filter) {
    auto rows = scored(log, query);
    auto better = [](const Scored& a, const Scored& b) {
        return a.second < b.second || (a.second == b.second && a.first > b.first);
    };
    auto limit = std::min(rows.size(), static_cast<std::size_t>(filter.window.limit.value_or(-1)));
    if (!filtered(filter)) {
        std::partial_sort(rows.begin(), rows.begin() + static_cast<std::ptrdiff_t>(limit),
                          rows.end(), better);
        rows.resize(limit);
        return rows;
    }
    std::sort(rows.begin(), rows.end(), better);
    SQLite::Statement passes(db_of(log), std::string(k_passes) + k_lesson_filter);
    bind_lesson_filter(log, passes, filter);
    std::vector<Scored> kept;
    for (auto at = rows.begin(); at != rows.end() && kept.size() < limit; ++at) {
        passes.bind(":id", at->first);
        if (passes.executeStep())
            kept.push_back(*at);
        passes.reset();
    }
    return kept;
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
    auto passages = snippets(log, query, ids);
    std::vector<core::LessonHit> hits;
    for (std::size_t i = 0; i < rows.size() && i < lessons.size(); ++i)
        hits.push_back({lessons[i], rows[i].second, passages[rows[i].first]});
    return hits;
}

} // namespace kades::store
