#pragma once
// Store-internal: the SQLite handle behind a Log. Included only by src/store/*.cpp.

#include "store/log.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

#include <filesystem>
#include <memory>

namespace kades::store {

struct Log::Impl {
    std::filesystem::path path;
    std::unique_ptr<SQLite::Database> db;
    int found_version = 0;
    bool in_transaction = false;
    // Rows changed when the command's transaction began (after its stamp): a writer that
    // changed nothing more is rolled back, and leaves the file as it was.
    long long changes_at_begin = -1;
    // A log this command created: removed again, with the folders made for it, when the
    // command fails, so that a failed first command leaves nothing behind.
    bool created = false;
    std::filesystem::path created_folder;
};

inline SQLite::Database& db_of(Log& log) {
    return *log.impl().db;
}

// Refuses, before anything is written, a file that is not a kades log or is newer than
// this kades.
void verify(SQLite::Database& db, const std::filesystem::path& path);
// Runs the migrations this log lacks, each in its own IMMEDIATE transaction.
void migrate(SQLite::Database& db);

} // namespace kades::store
