#include "store/stem_tokenizer.hpp"

#include <libstemmer.h>
#include <sqlite3.h>

#include <algorithm>
#include <stdexcept>

namespace kades::store {
namespace {

constexpr const char* k_name = "kades_id";

struct Stemming {
    fts5_tokenizer words{};          // unicode61's methods
    Fts5Tokenizer* words_instance{}; // unicode61 with our arguments
    sb_stemmer* stemmer{};
};

struct Call {
    void* context;
    int (*emit)(void*, int, const char*, int, int, int);
    sb_stemmer* stemmer;
};

int stem_token(void* pointer, int flags, const char* token, int size, int start, int end) {
    auto* call = static_cast<Call*>(pointer);
    const sb_symbol* stem =
        sb_stemmer_stem(call->stemmer, reinterpret_cast<const sb_symbol*>(token), size);
    if (stem == nullptr)
        return SQLITE_NOMEM;
    return call->emit(call->context, flags, reinterpret_cast<const char*>(stem),
                      sb_stemmer_length(call->stemmer), start, end);
}

// A prefix query term (`pelatih*`): the index holds stems, so the term as typed finds only
// words whose stem starts with it. Its stem goes with it as a colocated token, which FTS5
// takes as an alternative: `pelatih*` finds pelatihan, melatih and dilatih (stem latih).
int prefix_token(void* pointer, int flags, const char* token, int size, int start, int end) {
    auto* call = static_cast<Call*>(pointer);
    int rc = call->emit(call->context, flags, token, size, start, end);
    if (rc != SQLITE_OK)
        return rc;
    const sb_symbol* stem =
        sb_stemmer_stem(call->stemmer, reinterpret_cast<const sb_symbol*>(token), size);
    if (stem == nullptr)
        return SQLITE_NOMEM;
    int length = sb_stemmer_length(call->stemmer);
    if (length == size && std::equal(token, token + size, reinterpret_cast<const char*>(stem)))
        return SQLITE_OK;
    return call->emit(call->context, flags | FTS5_TOKEN_COLOCATED,
                      reinterpret_cast<const char*>(stem), length, start, end);
}

void destroy(Fts5Tokenizer* tokenizer) {
    auto* self = reinterpret_cast<Stemming*>(tokenizer);
    if (self->words_instance)
        self->words.xDelete(self->words_instance);
    if (self->stemmer)
        sb_stemmer_delete(self->stemmer);
    delete self;
}

int create(void* api_pointer, const char** args, int count, Fts5Tokenizer** out) {
    auto* api = static_cast<fts5_api*>(api_pointer);
    auto* self = new Stemming;
    void* words_context = nullptr;
    int rc = api->xFindTokenizer(api, "unicode61", &words_context, &self->words);
    const char* defaults[] = {"remove_diacritics", "2"};
    if (rc == SQLITE_OK)
        rc = self->words.xCreate(words_context, count > 0 ? args : defaults, count > 0 ? count : 2,
                                 &self->words_instance);
    self->stemmer = sb_stemmer_new("indonesian", "UTF_8");
    if (rc == SQLITE_OK && self->stemmer == nullptr)
        rc = SQLITE_ERROR;
    if (rc != SQLITE_OK) {
        destroy(reinterpret_cast<Fts5Tokenizer*>(self));
        return rc;
    }
    *out = reinterpret_cast<Fts5Tokenizer*>(self);
    return SQLITE_OK;
}

int tokenize(Fts5Tokenizer* tokenizer, void* context, int flags, const char* text, int size,
             int (*emit)(void*, int, const char*, int, int, int)) {
    auto* self = reinterpret_cast<Stemming*>(tokenizer);
    Call call{context, emit, self->stemmer};
    return self->words.xTokenize(self->words_instance, &call, flags, text, size,
                                 (flags & FTS5_TOKENIZE_PREFIX) ? prefix_token : stem_token);
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

void register_indonesian_tokenizer(sqlite3* db) {
    fts5_api* api = fts5_of(db);
    if (api == nullptr)
        throw std::runtime_error("this SQLite has no FTS5");
    fts5_tokenizer methods{create, destroy, tokenize};
    if (api->xCreateTokenizer(api, k_name, api, &methods, nullptr) != SQLITE_OK)
        throw std::runtime_error("cannot register the FTS5 tokenizer kades_id");
}

} // namespace kades::store
