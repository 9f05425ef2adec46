// Adding many villages at once: every village under a region code, or a CSV in the shape
// of `village list -f csv`. Both are idempotent: villages already in the network are kept.

#include "core/csv.hpp"
#include "core/error.hpp"
#include "core/i18n.hpp"
#include "core/id.hpp"
#include "core/region.hpp"
#include "core/slug.hpp"
#include "store/log_impl.hpp"
#include "store/region.hpp"
#include "store/sql.hpp"
#include "store/village.hpp"
#include "store/village_read.hpp"

#include <fstream>
#include <map>
#include <unordered_set>

namespace kades::store {
using core::tr;
using core::trf;

namespace {

constexpr const char* k_regions_to_add = R"sql(
SELECT r.code, r.name, d.name, g.name, p.name
FROM region r
LEFT JOIN region d ON d.code = substr(r.code, 1, 8)
LEFT JOIN region g ON g.code = substr(r.code, 1, 5)
LEFT JOIN region p ON p.code = substr(r.code, 1, 2)
WHERE r.level = 'village' AND (r.code = ?1 OR (r.code > ?1 || '.' AND r.code < ?1 || '/'))
  AND NOT EXISTS (SELECT 1 FROM village v WHERE v.code = r.code)
ORDER BY r.code)sql";

std::unordered_set<std::string> all_slugs(Log& log) {
    std::unordered_set<std::string> slugs;
    SQLite::Statement stmt(db_of(log), "SELECT slug FROM village");
    while (stmt.executeStep())
        slugs.insert(stmt.getColumn(0).getString());
    return slugs;
}

long count_network_under(Log& log, const std::string& code) {
    SQLite::Statement stmt(db_of(log), "SELECT count(*) FROM village WHERE code = ?1 OR "
                                       "(code > ?1 || '.' AND code < ?1 || '/')");
    stmt.bind(1, code);
    stmt.executeStep();
    return stmt.getColumn(0).getInt64();
}

core::RegionCode region_code_arg(std::string_view text) {
    auto code = core::parse_region_code(text);
    if (!code)
        throw core::Invalid(trf("'{}' is not a region code: give one like 33, 33.01, 33.01.18 "
                                "or 33.01.18.2011",
                                text));
    return *code;
}

} // namespace

VillageImport import_villages_under(Log& log, const std::string& text) {
    auto code = region_code_arg(text);
    if (!find_region(log, code.dotted))
        throw core::NotFound(trf("no region {} in the reference data", code.dotted),
                             {count_regions(log) == 0
                                  ? tr("load the regions first with `kades region import`")
                                  : tr("find codes with `kades region list --name NAME`")});
    auto& db = db_of(log);
    auto slugs = all_slugs(log);
    SQLite::Statement select(db, k_regions_to_add);
    select.bind(1, code.dotted);
    SQLite::Statement insert(db, "INSERT INTO village (uuid, slug, name, code, district, regency, "
                                 "province) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    VillageImport result;
    result.existing = count_network_under(log, code.dotted);
    while (select.executeStep()) {
        std::string name = select.getColumn(1).getString();
        std::string district = text_of(select.getColumn(2));
        std::string regency = text_of(select.getColumn(3));
        auto slug = core::make_village_slug(
            name, district, regency, [&](const std::string& s) { return slugs.count(s) > 0; });
        slugs.insert(slug);
        insert.bind(1, core::new_uuid());
        insert.bind(2, slug);
        insert.bind(3, name);
        insert.bind(4, select.getColumn(0).getString());
        bind_text(insert, 5, district);
        bind_text(insert, 6, regency);
        bind_text(insert, 7, text_of(select.getColumn(4)));
        insert.exec();
        insert.reset();
        ++result.added;
    }
    return result;
}

} // namespace kades::store

namespace kades::store {
namespace {

using Row = std::map<std::string, std::string>;

// Cells that `village list -f csv` defused for spreadsheets ('=..., '+62...) read back as
// they were.
std::string undefuse(const std::string& cell) {
    if (cell.size() > 1 && cell[0] == '\'' &&
        std::string_view("=+-@").find(cell[1]) != std::string_view::npos)
        return cell.substr(1);
    return cell;
}

std::optional<std::string> cell(const Row& row, const char* key) {
    auto it = row.find(key);
    if (it == row.end() || it->second.empty())
        return std::nullopt;
    return it->second;
}

bool known(Log& log, const Row& row) {
    for (const char* key : {"uuid", "code", "id"}) {
        auto value = cell(row, key);
        const char* column = std::string_view(key) == "id" ? "slug" : key;
        if (value && find_village_by(log, column, *value))
            return true;
    }
    return false;
}

core::VillageFields fields_of(const Row& row, const std::string& where) {
    core::VillageFields f;
    f.uuid = cell(row, "uuid");
    f.slug = cell(row, "id");
    f.code = cell(row, "code");
    f.name = cell(row, "name");
    f.district = cell(row, "district");
    f.regency = cell(row, "regency");
    f.province = cell(row, "province");
    f.head = cell(row, "head");
    f.phone = cell(row, "phone");
    f.email = cell(row, "email");
    f.note = cell(row, "note");
    if (auto since = cell(row, "head_since")) {
        f.head_since = core::parse_iso_date(*since);
        if (!f.head_since)
            throw core::Invalid(trf("{}: head_since '{}' is not a date YYYY-MM-DD", where, *since));
    }
    if (auto tags = cell(row, "tags")) {
        std::size_t start = 0;
        while (start <= tags->size()) {
            auto end = std::min(tags->find(';', start), tags->size());
            if (end > start)
                f.add_tags.push_back(tags->substr(start, end - start));
            start = end + 1;
        }
    }
    return f;
}

} // namespace

VillageImport import_villages_csv(Log& log, const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in)
        throw core::Invalid(
            trf("cannot read {}: give a CSV file from `kades village list -f csv`", file.string()));
    std::vector<std::string> header;
    VillageImport result;
    core::read_csv(in, file.string(), [&](const core::CsvRow& cells, std::size_t line) {
        if (line == 1) {
            header = cells;
            if (std::find(header.begin(), header.end(), "name") == header.end())
                throw core::Invalid(trf("{}: the header has no 'name' column", file.string()));
            return;
        }
        Row row;
        for (std::size_t i = 0; i < header.size() && i < cells.size(); ++i)
            row[header[i]] = undefuse(cells[i]);
        if (known(log, row)) {
            ++result.existing;
            return;
        }
        auto where = fmt::format("{}: {}", file.string(), line);
        try {
            auto fields = fields_of(row, where);
            // The region's current names win over those of an older export.
            auto code = fields.code ? core::parse_region_code(*fields.code) : std::nullopt;
            if (code && find_region(log, code->dotted))
                fields.name.reset();
            auto added = add_village(log, fields);
            if (cell(row, "archived") == "true")
                set_archived(log, added, true);
        } catch (const core::Error& e) {
            throw core::Invalid(fmt::format("{}: {}", where, e.what()), e.hints());
        }
        ++result.added;
    });
    return result;
}

} // namespace kades::store
