#include "store/region.hpp"

#include "core/csv.hpp"
#include "core/error.hpp"
#include "core/i18n.hpp"
#include "core/text.hpp"
#include "store/log_impl.hpp"
#include "store/sql.hpp"

#include <array>
#include <fstream>

namespace kades::store {
namespace fs = std::filesystem;
using core::RegionLevel;
using core::trf;

namespace {

struct RegionFile {
    const char* name;
    RegionLevel level;
    const char* header;  // expected columns
    const char* example; // the shape of its codes
};

constexpr std::array k_files{
    RegionFile{"provinces.csv", RegionLevel::province, "code,name", "33"},
    RegionFile{"regencies.csv", RegionLevel::regency, "code,province_code,name", "33.01"},
    RegionFile{"districts.csv", RegionLevel::district, "code,regency_code,name", "33.01.18"},
    RegionFile{"villages.csv", RegionLevel::village, "code,district_code,name", "33.01.18.2011"},
};

constexpr const char* k_upsert = R"sql(
INSERT INTO region (code, level, parent, name) VALUES (?1, ?2, ?3, ?4)
ON CONFLICT (code) DO UPDATE SET name = excluded.name, parent = excluded.parent
WHERE name IS NOT excluded.name OR parent IS NOT excluded.parent)sql";

// Network villages carry the names of their region and its ancestors.
constexpr const char* k_rename_network = R"sql(
UPDATE village SET
    name = r.name, district = d.name, regency = g.name, province = p.name,
    updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
FROM region r
LEFT JOIN region d ON d.code = substr(r.code, 1, 8)
LEFT JOIN region g ON g.code = substr(r.code, 1, 5)
LEFT JOIN region p ON p.code = substr(r.code, 1, 2)
WHERE r.code = village.code
  AND (village.name IS NOT r.name OR village.district IS NOT d.name
       OR village.regency IS NOT g.name OR village.province IS NOT p.name))sql";

std::string join_header(const core::CsvRow& row) {
    std::string out;
    for (const auto& cell : row)
        out += (out.empty() ? "" : ",") + cell;
    return out;
}

void check_row(const RegionFile& file, const std::string& path, const core::CsvRow& row,
               std::size_t line) {
    // Only a refusal needs the place: built lazily, not for each of 91,599 good rows.
    auto where = [&] { return trf("{}: line {}", path, line); };
    std::size_t columns = file.level == RegionLevel::province ? 2 : 3;
    if (row.size() != columns)
        throw core::Invalid(trf("{}: expected {} fields, found {}", where(), columns, row.size()));
    auto code = core::parse_region_code(row[0]);
    if (!code || code->dotted != row[0] || code->level != file.level)
        throw core::Invalid(
            trf("{}: '{}' is not a code of the shape {}", where(), row[0], file.example));
    if (columns == 3 && row[0].compare(0, row[1].size() + 1, row[1] + ".") != 0)
        throw core::Invalid(trf("{}: '{}' is not under '{}'", where(), row[0], row[1]));
    if (row.back().empty() || !core::is_valid_utf8(row.back()))
        throw core::Invalid(trf("{}: the name of {} is empty or not UTF-8", where(), row[0]));
}

long import_file(SQLite::Statement& upsert, const fs::path& dir, const RegionFile& file,
                 long& changes) {
    auto path = dir / file.name;
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw core::Invalid(
            trf("{} has no {}: give the folder holding provinces.csv, regencies.csv, "
                "districts.csv and villages.csv",
                dir.string(), file.name));
    auto level = core::region_level_key(file.level);
    long rows = 0;
    core::read_csv(in, path.string(), [&](const core::CsvRow& row, std::size_t line) {
        if (line == 1) {
            if (join_header(row) != file.header)
                throw core::Invalid(
                    trf("{}: line 1: expected the columns {}", path.string(), file.header));
            return;
        }
        check_row(file, path.string(), row, line);
        upsert.bindNoCopy(1, row[0]);
        upsert.bindNoCopy(2, level);
        if (row.size() == 3)
            upsert.bindNoCopy(3, row[1]);
        else
            upsert.bind(3);
        upsert.bindNoCopy(4, row.back());
        changes += upsert.exec();
        upsert.reset();
        ++rows;
    });
    return rows;
}

} // namespace

RegionImport import_regions(Log& log, const fs::path& dir) {
    auto& db = db_of(log);
    RegionImport result;
    long before = count_regions(log);
    long changes = 0;
    SQLite::Statement upsert(db, k_upsert);
    std::array<long*, 4> counts{&result.provinces, &result.regencies, &result.districts,
                                &result.villages};
    for (std::size_t i = 0; i < k_files.size(); ++i)
        *counts[i] = import_file(upsert, dir, k_files[i], changes);
    result.added = count_regions(log) - before;
    result.renamed = changes - result.added;
    result.network_renamed = SQLite::Statement(db, k_rename_network).exec();
    return result;
}

long count_regions(Log& log) {
    return db_of(log).execAndGet("SELECT count(*) FROM region").getInt64();
}

} // namespace kades::store

namespace kades::store {
namespace {

// Ancestors come from the code itself: a district is the first 8 characters of a village
// code, a regency the first 5, a province the first 2.
constexpr const char* k_select_regions = R"sql(
SELECT r.code, r.level, r.name, r.parent, d.name, g.name, p.name
FROM region r
LEFT JOIN region d ON r.level = 'village' AND d.code = substr(r.code, 1, 8)
LEFT JOIN region g ON r.level IN ('village', 'district') AND g.code = substr(r.code, 1, 5)
LEFT JOIN region p ON r.level <> 'province' AND p.code = substr(r.code, 1, 2)
WHERE (?1 IS NULL OR (r.code > ?1 || '.' AND r.code < ?1 || '/'))
  AND (?2 IS NULL OR r.level = ?2)
  AND (?3 IS NULL OR r.name LIKE ?3 ESCAPE '\')
  AND (?4 IS NULL OR r.code = ?4)
ORDER BY r.code
LIMIT ?5)sql";

core::Region region_from(SQLite::Statement& stmt) {
    core::Region region;
    region.code = stmt.getColumn(0).getString();
    region.level = core::parse_region_level(stmt.getColumn(1).getString());
    region.name = stmt.getColumn(2).getString();
    region.parent = text_of(stmt.getColumn(3));
    region.district = text_of(stmt.getColumn(4));
    region.regency = text_of(stmt.getColumn(5));
    region.province = text_of(stmt.getColumn(6));
    return region;
}

std::vector<core::Region> select_regions(Log& log, const RegionFilter& filter,
                                         const std::optional<std::string>& code) {
    SQLite::Statement stmt(db_of(log), k_select_regions);
    bind_opt(stmt, 1, filter.under);
    if (filter.level)
        stmt.bind(2, core::region_level_key(*filter.level));
    if (filter.name)
        stmt.bind(3, like_contains(*filter.name));
    bind_opt(stmt, 4, code);
    stmt.bind(5, static_cast<int64_t>(filter.limit.value_or(-1)));
    std::vector<core::Region> regions;
    while (stmt.executeStep())
        regions.push_back(region_from(stmt));
    return regions;
}

} // namespace

std::vector<core::Region> list_regions(Log& log, const RegionFilter& filter) {
    return select_regions(log, filter, std::nullopt);
}

std::optional<core::Region> find_region(Log& log, const std::string& dotted_code) {
    auto found = select_regions(log, RegionFilter{}, dotted_code);
    if (found.empty())
        return std::nullopt;
    return found.front();
}

} // namespace kades::store
