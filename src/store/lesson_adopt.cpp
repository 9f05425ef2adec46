// lesson adopt | unadopt: other villages taking a lesson up, and the status moving on.

#include "core/error.hpp"
#include "core/i18n.hpp"
#include "core/id.hpp"
#include "core/text.hpp"
#include "store/lesson.hpp"
#include "store/log_impl.hpp"
#include "store/sql.hpp"
#include "store/village.hpp"

#include <algorithm>

namespace kades::store {
using core::tr;
using core::trf;

namespace {

constexpr const char* k_insert_adoption = R"sql(
INSERT INTO adoption (uuid, lesson, village, status, date, result)
VALUES (?1, (SELECT id FROM lesson WHERE uuid = ?2), (SELECT id FROM village WHERE slug = ?3),
        ?4, ?5, ?6))sql";

constexpr const char* k_update_adoption = R"sql(
UPDATE adoption SET status = ?4, date = ?5, result = ?6,
    updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
WHERE uuid = ?1)sql";

void write_adoption(Log& log, bool insert, const std::string& lesson, const core::Adoption& a) {
    SQLite::Statement stmt(db_of(log), insert ? k_insert_adoption : k_update_adoption);
    stmt.bind(1, a.uuid);
    if (insert) {
        stmt.bind(2, lesson);
        stmt.bind(3, a.village.slug);
    }
    stmt.bind(4, core::adoption_status_key(a.status));
    stmt.bind(5, core::iso(a.date));
    bind_text(stmt, 6, a.result);
    stmt.exec();
}

std::optional<core::Adoption> adoption_by(const core::Lesson& l, const std::string& slug) {
    auto at = std::find_if(l.adoptions.begin(), l.adoptions.end(),
                           [&](const core::Adoption& a) { return a.village.slug == slug; });
    if (at == l.adoptions.end())
        return std::nullopt;
    return *at;
}

// The adoption after the fields: a new one starts planned today; an existing one moving to a
// new status is dated today. Unless the fields say otherwise.
core::Adoption adoption_after(const std::optional<core::Adoption>& before, const AdoptionFields& f,
                              core::Date today) {
    core::Adoption a;
    if (before) {
        a = *before;
        a.status = f.status.value_or(before->status);
        a.date = a.status != before->status ? today : before->date;
    } else {
        a.uuid = core::new_uuid();
        a.status = f.status.value_or(core::AdoptionStatus::planned);
        a.date = today;
    }
    a.date = f.date.value_or(a.date);
    if (f.result)
        a.result = core::clean_lesson_text(*f.result, "--result");
    return a;
}

void check_adoption(const core::Lesson& l, const core::Adoption& a,
                    const std::optional<core::Adoption>& before) {
    auto id = core::short_id(l.uuid);
    if (before && a.status == before->status && a.date == before->date &&
        a.result == before->result)
        throw core::Conflict(trf("{} already takes lesson {} up: {} since {}", a.village.slug, id,
                                 core::adoption_status_label(a.status), core::iso(a.date)),
                             {tr("give --status, --date or --result to move it on")});
    if (std::chrono::sys_days{a.date} < std::chrono::sys_days{l.date})
        throw core::Invalid(trf("{} cannot take lesson {} up on {}: the lesson dates from {}",
                                a.village.slug, id, core::iso(a.date), core::iso(l.date)));
}

core::Village adopter(Log& log, const core::Lesson& l, const std::string& ref) {
    auto village = resolve_village(log, core::clean_field(ref, "--village"));
    if (village.slug == l.village.slug)
        throw core::Refused(trf("{} shared lesson {}: a village cannot adopt its own lesson",
                                village.slug, core::short_id(l.uuid)),
                            {tr("give --village the village that takes the lesson up")});
    return village;
}

} // namespace

Adopted adopt_lesson(Log& log, const core::Lesson& l, AdoptionFields f, core::Date today) {
    auto village = adopter(log, l, f.village);
    auto before = adoption_by(l, village.slug);
    auto a = adoption_after(before, f, today);
    a.village = {village.slug, village.name};
    check_adoption(l, a, before);
    write_adoption(log, !before, l.uuid, a);
    auto lesson = find_lesson(log, l.uuid).value();
    return {lesson, adoption_by(lesson, village.slug).value(), before};
}

Unadopted remove_adoption(Log& log, const core::Lesson& l, const std::string& ref) {
    auto village = resolve_village(log, core::clean_field(ref, "--village"));
    auto a = adoption_by(l, village.slug);
    if (!a)
        throw core::NotFound(
            trf("{} has not taken lesson {} up", village.slug, core::short_id(l.uuid)));
    SQLite::Statement stmt(db_of(log), "DELETE FROM adoption WHERE uuid = ?1");
    stmt.bind(1, a->uuid);
    stmt.exec();
    return {find_lesson(log, l.uuid).value(), *a};
}

} // namespace kades::store
