#pragma once
// Looking after the log file itself: checks, statistics, backups.

#include "store/log.hpp"

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

namespace kades::store {

// Problems found by SQLite's integrity check and foreign key check; empty when sound.
std::vector<std::string> check_log(Log& log);

struct TableCount {
    std::string table;
    long rows = 0;
};
std::vector<TableCount> table_counts(Log& log);

// A consistent copy of the log, taken online (SQLite's backup API), written to file.
void backup_log(Log& log, const std::filesystem::path& file);

} // namespace kades::store
