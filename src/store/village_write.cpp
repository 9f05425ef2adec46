#include "core/error.hpp"
#include "core/i18n.hpp"
#include "core/id.hpp"
#include "core/region.hpp"
#include "core/slug.hpp"
#include "core/text.hpp"
#include "store/log_impl.hpp"
#include "store/region.hpp"
#include "store/sql.hpp"
#include "store/village.hpp"
#include "store/village_read.hpp"

namespace kades::store {
using core::tr;
using core::trf;

namespace {

constexpr const char* k_insert_village = R"sql(
INSERT INTO village (uuid, slug, name, code, district, regency, province, phone, email, note)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10))sql";

constexpr const char* k_update_village = R"sql(
UPDATE village SET name = ?2, code = ?3, district = ?4, regency = ?5, province = ?6,
    phone = ?7, email = ?8, note = ?9, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
WHERE uuid = ?1)sql";

// Taken by a village here, by a removed one (a slug is never given to another village; the
// same village, by its code, may have it back), by a village of another copy's, or kept here
// as an alias of one that a sync renamed. The rule the sync follows (sync_project.cpp).
bool slug_taken(Log& log, const std::string& slug, const std::optional<std::string>& code) {
    SQLite::Statement stmt(db_of(log), R"sql(
SELECT 1 FROM village WHERE slug = ?1
UNION ALL SELECT 1 FROM sync_slug_claim c WHERE c.slug = ?1 AND NOT (?2 IS NOT NULL
    AND EXISTS (SELECT 1 FROM sync_change r WHERE r.kind = 'village' AND r.record = c.record
                AND r.field = '_removed')
    AND EXISTS (SELECT 1 FROM sync_change k WHERE k.kind = 'village' AND k.record = c.record
                AND k.field = 'code' AND k.value = ?2))
UNION ALL SELECT 1 FROM sync_slug_alias WHERE slug = ?1)sql");
    stmt.bind(1, slug);
    bind_opt(stmt, 2, code);
    return stmt.executeStep();
}

std::string village_code(std::string_view text) {
    auto code = core::parse_region_code(text);
    if (!code || code->level != core::RegionLevel::village)
        throw core::Invalid(
            trf("'{}' is not a village code: give a code like 33.01.18.2011", text));
    return code->dotted;
}

void check_code_free(Log& log, const std::string& code, const std::string& own_uuid) {
    auto other = find_village_by(log, "code", code);
    if (other && other->uuid != own_uuid)
        throw core::Conflict(trf("{} is already in the network as {}", code, other->slug));
}

void take_region_names(const core::Region& region, core::VillageFields& fields) {
    if (fields.name && !core::iequals(*fields.name, region.name))
        throw core::Invalid(trf("the name '{}' differs from '{}' of region {}: leave the name "
                                "out",
                                *fields.name, region.name, region.code));
    fields.name = region.name;
    fields.district = region.district;
    fields.regency = region.regency;
    fields.province = region.province;
}

// With a code: names come from the imported region; without regions, the name is needed.
void fill_from_region(Log& log, core::VillageFields& fields, const std::string& own_uuid) {
    *fields.code = village_code(*fields.code);
    check_code_free(log, *fields.code, own_uuid);
    if (auto region = find_region(log, *fields.code)) {
        take_region_names(*region, fields);
        return;
    }
    if (count_regions(log) > 0)
        throw core::NotFound(trf("no village {} in the imported regions", *fields.code),
                             {tr("find its code with `kades region list --level village --name "
                                 "NAME`")});
    if (!fields.name)
        throw core::Invalid(trf("regions are not loaded, so {} has no name: give the name, or "
                                "run `kades region import` first",
                                *fields.code));
}

void set_tags(Log& log, const std::string& uuid, const core::VillageFields& fields) {
    auto& db = db_of(log);
    SQLite::Statement add(db, "INSERT OR IGNORE INTO village_tag (village, tag) "
                              "SELECT id, ?2 FROM village WHERE uuid = ?1");
    for (const auto& tag : fields.add_tags) {
        add.bind(1, uuid);
        add.bind(2, tag);
        add.exec();
        add.reset();
    }
    SQLite::Statement remove(db, "DELETE FROM village_tag WHERE tag = ?2 AND village = "
                                 "(SELECT id FROM village WHERE uuid = ?1)");
    for (const auto& tag : fields.remove_tags) {
        remove.bind(1, uuid);
        remove.bind(2, tag);
        remove.exec();
        remove.reset();
    }
}

void insert_head(Log& log, const std::string& uuid, const std::string& name,
                 const std::optional<core::Date>& since) {
    SQLite::Statement stmt(db_of(log), "INSERT INTO village_head (village, name, since) "
                                       "SELECT id, ?2, ?3 FROM village WHERE uuid = ?1");
    stmt.bind(1, uuid);
    stmt.bind(2, name);
    bind_date(stmt, 3, since);
    stmt.exec();
}

// --head and --head-since on edit correct the current head's entry (or start the history).
void correct_head(Log& log, const core::Village& v, const core::VillageFields& fields) {
    if (!fields.head && !fields.head_since)
        return;
    if (v.head.empty()) {
        if (!fields.head)
            throw core::Invalid(tr("the village has no head yet: give --head with --head-since"));
        insert_head(log, v.uuid, *fields.head, fields.head_since);
        return;
    }
    SQLite::Statement stmt(db_of(log), R"sql(
UPDATE village_head SET name = ?2, since = ?3 WHERE id = (
    SELECT h.id FROM village_head h JOIN village v ON v.id = h.village WHERE v.uuid = ?1
    ORDER BY h.since DESC NULLS LAST, h.id DESC LIMIT 1))sql");
    stmt.bind(1, v.uuid);
    stmt.bind(2, fields.head.value_or(v.head));
    bind_date(stmt, 3, fields.head_since ? fields.head_since : v.head_since);
    stmt.exec();
}

std::string insert_village(Log& log, const core::VillageFields& f, const std::string& uuid) {
    SQLite::Statement stmt(db_of(log), k_insert_village);
    stmt.bind(1, uuid);
    stmt.bind(2, *f.slug);
    stmt.bind(3, *f.name);
    bind_opt(stmt, 4, f.code);
    int i = 5;
    for (const auto* value : {&f.district, &f.regency, &f.province, &f.phone, &f.email, &f.note})
        bind_text(stmt, i++, value->value_or(""));
    stmt.exec();
    return uuid;
}

} // namespace

core::Village add_village(Log& log, core::VillageFields fields) {
    core::normalize_village_fields(fields);
    if (fields.code)
        fill_from_region(log, fields, "");
    if (!fields.name)
        throw core::Invalid(tr("a village needs a name or --code: `kades village add NAME` or "
                               "`kades village add --code 33.01.18.2011`"));
    if (fields.slug && slug_taken(log, *fields.slug, fields.code))
        throw core::Conflict(trf("the slug '{}' is taken by another village: choose another "
                                 "with --slug",
                                 *fields.slug));
    if (!fields.slug)
        fields.slug = core::make_village_slug(
            *fields.name, fields.district.value_or(""), fields.regency.value_or(""),
            [&](const std::string& slug) { return slug_taken(log, slug, fields.code); });
    if (fields.head_since && !fields.head)
        throw core::Invalid(tr("--head-since needs --head"));
    auto uuid = insert_village(log, fields, fields.uuid.value_or(core::new_uuid()));
    set_tags(log, uuid, fields);
    if (fields.head)
        insert_head(log, uuid, *fields.head, fields.head_since);
    return *find_village_by(log, "uuid", uuid);
}

core::Village edit_village(Log& log, const core::Village& v, core::VillageFields fields) {
    core::normalize_village_fields(fields);
    if (fields.slug)
        throw core::Invalid(
            tr("a slug never changes once given, so scripts can keep it: leave --slug out"));
    std::optional<std::string> code = v.code.empty() ? std::nullopt : std::optional(v.code);
    if (fields.code) {
        if (count_regions(log) > 0) {
            fill_from_region(log, fields, v.uuid); // names follow the new code's region
        } else {
            *fields.code = village_code(*fields.code);
            check_code_free(log, *fields.code, v.uuid);
        }
        code = fields.code;
    }
    SQLite::Statement stmt(db_of(log), k_update_village);
    stmt.bind(1, v.uuid);
    stmt.bind(2, fields.name.value_or(v.name));
    bind_opt(stmt, 3, code);
    bind_text(stmt, 4, fields.district.value_or(v.district));
    bind_text(stmt, 5, fields.regency.value_or(v.regency));
    bind_text(stmt, 6, fields.province.value_or(v.province));
    bind_text(stmt, 7, fields.phone.value_or(v.phone));
    bind_text(stmt, 8, fields.email.value_or(v.email));
    bind_text(stmt, 9, fields.note.value_or(v.note));
    stmt.exec();
    set_tags(log, v.uuid, fields);
    correct_head(log, v, fields);
    return *find_village_by(log, "uuid", v.uuid);
}

void set_archived(Log& log, const core::Village& village, bool archived) {
    SQLite::Statement stmt(db_of(log), "UPDATE village SET archived = ?2, updated_at = "
                                       "strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE uuid = ?1");
    stmt.bind(1, village.uuid);
    stmt.bind(2, archived ? 1 : 0);
    stmt.exec();
}

void add_head(Log& log, const core::Village& village, const std::string& name, core::Date since) {
    auto clean = core::clean_field(name, "head");
    if (clean.empty())
        throw core::Invalid(tr("the head's name is empty: give a name"));
    SQLite::Statement same(db_of(log), R"sql(
SELECT 1 FROM village_head h JOIN village v ON v.id = h.village
WHERE v.uuid = ?1 AND h.since = ?2)sql");
    same.bind(1, village.uuid);
    same.bind(2, core::iso(since));
    if (same.executeStep())
        throw core::Conflict(trf("{} already has a head since {}: correct it with `kades village "
                                 "edit {} --head NAME`",
                                 village.slug, core::iso(since), village.slug));
    insert_head(log, village.uuid, clean, since);
}

bool set_index(Log& log, const core::Village& village, int year, const core::IndexScore& score) {
    auto& db = db_of(log);
    SQLite::Statement known(db, R"sql(
SELECT 1 FROM village_index i JOIN village v ON v.id = i.village
WHERE v.uuid = ?1 AND i.kind = ?2 AND i.year = ?3)sql");
    known.bind(1, village.uuid);
    known.bind(2, core::index_kind_key(score.kind));
    known.bind(3, year);
    bool replaced = known.executeStep();
    SQLite::Statement stmt(db, R"sql(
INSERT INTO village_index (village, kind, year, score, status)
SELECT id, ?2, ?3, ?4, ?5 FROM village WHERE uuid = ?1
ON CONFLICT (village, kind, year) DO UPDATE SET score = excluded.score, status = excluded.status)sql");
    stmt.bind(1, village.uuid);
    stmt.bind(2, core::index_kind_key(score.kind));
    stmt.bind(3, year);
    stmt.bind(4, score.score);
    stmt.bind(5, core::dev_status_key(score.status));
    stmt.exec();
    return replaced;
}

} // namespace kades::store
