#include "store/admin.hpp"

#include "core/error.hpp"
#include "core/i18n.hpp"
#include "store/log_impl.hpp"

#include <SQLiteCpp/Backup.h>

#include <sys/stat.h>

namespace kades::store {

std::vector<std::string> check_log(Log& log) {
    auto& db = db_of(log);
    std::vector<std::string> problems;
    SQLite::Statement integrity(db, "PRAGMA integrity_check");
    while (integrity.executeStep()) {
        auto line = integrity.getColumn(0).getString();
        if (line != "ok")
            problems.push_back(line);
    }
    SQLite::Statement keys(db, "PRAGMA foreign_key_check");
    while (keys.executeStep())
        problems.push_back(core::trf("{} row {} points at a missing {}",
                                     keys.getColumn(0).getString(), keys.getColumn(1).getInt64(),
                                     keys.getColumn(2).getString()));
    return problems;
}

std::vector<TableCount> table_counts(Log& log) {
    auto& db = db_of(log);
    std::vector<std::string> tables;
    SQLite::Statement list(db, "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT "
                               "LIKE 'sqlite_%' ORDER BY name");
    while (list.executeStep())
        tables.push_back(list.getColumn(0).getString());
    std::vector<TableCount> counts;
    for (const auto& table : tables) {
        // A table name cannot be bound; these come from sqlite_schema, quoted as identifiers.
        SQLite::Statement count(db, "SELECT count(*) FROM \"" + table + "\"");
        count.executeStep();
        counts.push_back({table, count.getColumn(0).getInt64()});
    }
    return counts;
}

void backup_log(Log& log, const std::filesystem::path& file) {
    if (std::filesystem::exists(file))
        throw core::Conflict(core::trf("{} exists: give a new file for the backup", file.string()),
                             {});
    try {
        SQLite::Database target(file.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        ::chmod(file.c_str(), 0600);
        SQLite::Backup backup(target, db_of(log));
        backup.executeStep(-1);
    } catch (const SQLite::Exception& e) {
        std::filesystem::remove(file);
        throw core::Invalid(core::trf("cannot write the backup {}: {}", file.string(), e.what()));
    }
}

} // namespace kades::store
