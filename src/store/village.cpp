#include "store/village.hpp"

#include "core/error.hpp"
#include "core/i18n.hpp"
#include "core/region.hpp"
#include "core/text.hpp"
#include "store/log_impl.hpp"
#include "store/region.hpp"
#include "store/sql.hpp"
#include "store/village_read.hpp"

#include <algorithm>

namespace kades::store {
using core::tr;
using core::trf;

namespace {

// The current head is the one with the latest known start; heads without a date count
// as the oldest.
constexpr const char* k_select_village = R"sql(
SELECT v.slug, v.uuid, v.name, v.code, v.district, v.regency, v.province, v.phone, v.email,
       v.note, v.archived, h.name, h.since,
       (SELECT group_concat(tag, ',') FROM
           (SELECT tag FROM village_tag t WHERE t.village = v.id ORDER BY tag))
FROM village v
LEFT JOIN village_head h ON h.id = (
    SELECT id FROM village_head WHERE village = v.id ORDER BY since DESC NULLS LAST, id DESC
    LIMIT 1)
)sql";

constexpr const char* k_list_filter = R"sql(
WHERE (?1 IS NULL OR v.district = ?1 COLLATE NOCASE)
  AND (?2 IS NULL OR v.regency = ?2 COLLATE NOCASE OR v.regency = 'Kabupaten ' || ?2 COLLATE NOCASE)
  AND (?3 IS NULL OR v.province = ?3 COLLATE NOCASE)
  AND (?4 IS NULL OR EXISTS (SELECT 1 FROM village_tag t WHERE t.village = v.id AND t.tag = ?4))
  AND (?5 IS NULL OR (v.code > ?5 || '.' AND v.code < ?5 || '/'))
  AND (?6 OR v.archived = 0)
ORDER BY v.province, v.regency, v.district, v.name, v.slug
LIMIT ?7)sql";

std::vector<std::string> split_tags(const std::string& joined) {
    std::vector<std::string> tags;
    std::size_t start = 0;
    while (!joined.empty() && start <= joined.size()) {
        auto end = joined.find(',', start);
        if (end == std::string::npos)
            end = joined.size();
        tags.push_back(joined.substr(start, end - start));
        start = end + 1;
    }
    return tags;
}

core::Village village_from(SQLite::Statement& stmt) {
    core::Village v;
    v.slug = stmt.getColumn(0).getString();
    v.uuid = stmt.getColumn(1).getString();
    v.name = stmt.getColumn(2).getString();
    v.code = text_of(stmt.getColumn(3));
    v.district = text_of(stmt.getColumn(4));
    v.regency = text_of(stmt.getColumn(5));
    v.province = text_of(stmt.getColumn(6));
    v.phone = text_of(stmt.getColumn(7));
    v.email = text_of(stmt.getColumn(8));
    v.note = text_of(stmt.getColumn(9));
    v.archived = stmt.getColumn(10).getInt() != 0;
    v.head = text_of(stmt.getColumn(11));
    v.head_since = date_of(stmt.getColumn(12));
    v.tags = split_tags(text_of(stmt.getColumn(13)));
    return v;
}

std::vector<core::Village> collect(SQLite::Statement& stmt) {
    std::vector<core::Village> villages;
    while (stmt.executeStep())
        villages.push_back(village_from(stmt));
    return villages;
}

// One candidate of an ambiguous name, its slug padded to `width` so the list lines up.
std::string describe(const core::Village& v, std::size_t width) {
    std::string where = v.district.empty() ? v.regency : "Kec. " + v.district + ", " + v.regency;
    return fmt::format("{:<{}}  {:<13}  {}", v.slug, width, v.code.empty() ? "-" : v.code, where);
}

std::vector<std::string> similar_villages(Log& log, std::string_view ref) {
    auto wanted = core::ascii_lower(ref);
    std::vector<std::pair<std::size_t, std::string>> scored;
    SQLite::Statement stmt(db_of(log), "SELECT slug, name FROM village");
    while (stmt.executeStep()) {
        std::string slug = stmt.getColumn(0).getString();
        auto name = core::ascii_lower(stmt.getColumn(1).getString());
        auto distance =
            std::min(core::edit_distance(wanted, slug), core::edit_distance(wanted, name));
        bool contains = wanted.size() >= 3 && slug.find(wanted) != std::string::npos;
        if (distance <= 2 || contains)
            scored.emplace_back(contains ? 0 : distance, slug);
    }
    std::sort(scored.begin(), scored.end());
    std::vector<std::string> hints;
    for (std::size_t i = 0; i < scored.size() && i < 5; ++i)
        hints.push_back(trf("did you mean {}?", scored[i].second));
    return hints;
}

[[noreturn]] void not_found(Log& log, std::string_view ref) {
    auto hints = similar_villages(log, ref);
    auto code = core::parse_region_code(ref);
    if (code && code->level == core::RegionLevel::village) {
        if (auto region = find_region(log, code->dotted))
            hints.push_back(trf("{} is {} (Kec. {}) in the regions: add it with `kades village "
                                "add --code {}`",
                                region->code, region->name, region->district, region->code));
    }
    if (hints.empty())
        hints.push_back(tr("see the network with `kades village list`"));
    throw core::NotFound(trf("no village '{}' in the network", ref), hints);
}

} // namespace

std::optional<core::Village> find_village_by(Log& log, const char* key, const std::string& value) {
    // key is one of this layer's own column names, never user input.
    SQLite::Statement stmt(db_of(log), fmt::format("{} WHERE v.{} = ?1", k_select_village, key));
    stmt.bind(1, value);
    auto found = collect(stmt);
    if (found.empty())
        return std::nullopt;
    return found.front();
}

std::vector<core::Village> find_villages_by_name(Log& log, const std::string& name) {
    SQLite::Statement stmt(db_of(log),
                           std::string(k_select_village) +
                               " WHERE v.name = ?1 COLLATE NOCASE ORDER BY v.code, v.slug");
    stmt.bind(1, name);
    return collect(stmt);
}

std::vector<core::Village> list_villages(Log& log, const VillageFilter& filter) {
    SQLite::Statement stmt(db_of(log), std::string(k_select_village) + k_list_filter);
    bind_opt(stmt, 1, filter.district);
    bind_opt(stmt, 2, filter.regency);
    bind_opt(stmt, 3, filter.province);
    bind_opt(stmt, 4, filter.tag);
    bind_opt(stmt, 5, filter.under);
    stmt.bind(6, filter.archived ? 1 : 0);
    stmt.bind(7, static_cast<int64_t>(filter.limit.value_or(-1)));
    return collect(stmt);
}

core::Village resolve_village(Log& log, std::string_view ref) {
    auto text = core::trim(ref);
    if (text.empty())
        throw core::Invalid(tr("an empty village name: give a slug, a code or a name"));
    // A slug given here that a sync gave to an earlier claim still names the village it was
    // given to, on this copy (sync_slug_alias), so that scripts keep working.
    SQLite::Statement alias(db_of(log), "SELECT village FROM sync_slug_alias WHERE slug = ?1");
    alias.bind(1, core::ascii_lower(text));
    if (alias.executeStep())
        if (auto v = find_village_by(log, "uuid", alias.getColumn(0).getString()))
            return *v;
    if (auto v = find_village_by(log, "slug", core::ascii_lower(text)))
        return *v;
    if (auto code = core::parse_region_code(text)) {
        if (auto v = find_village_by(log, "code", code->dotted))
            return *v;
    }
    auto named = find_villages_by_name(log, text);
    if (named.size() == 1)
        return named.front();
    if (named.size() > 1) {
        std::size_t width = 0;
        for (const auto& v : named)
            width = std::max(width, v.slug.size());
        std::vector<std::string> hints;
        for (const auto& v : named)
            hints.push_back(describe(v, width));
        throw core::Ambiguous(
            trf("'{}' names {} villages: give a slug or a code", text, named.size()), hints);
    }
    not_found(log, text);
}

} // namespace kades::store
