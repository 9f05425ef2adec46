#pragma once
// Store-internal: the scope predicates the report queries share (see report_scope.cpp).

#include "core/record.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

#include <string>

namespace kades::store::report_sql {

#define KADES_SCOPE_ALL "EXISTS (SELECT 1 FROM scope_meta WHERE everything = 1)"

// A meeting is in the scope when the scope is everything, it is the scope's forum's, or its
// host or one of its attendees is a village of the scope.
constexpr const char* k_meeting_in_scope =
    "(" KADES_SCOPE_ALL " OR m.forum IN (SELECT id FROM scope_forum)"
    " OR m.host IN (SELECT id FROM scope_village)"
    " OR EXISTS (SELECT 1 FROM meeting_attendee sa JOIN scope_village ss ON ss.id = sa.village"
    " WHERE sa.meeting = m.id))";

// A visit: its host or one of its visitors.
constexpr const char* k_visit_in_scope =
    "(" KADES_SCOPE_ALL " OR v.host IN (SELECT id FROM scope_village)"
    " OR EXISTS (SELECT 1 FROM visit_visitor sv JOIN scope_village ss ON ss.id = sv.village"
    " WHERE sv.visit = v.id))";

// A lesson: its village. An adoption: the adopter or the lesson's village.
constexpr const char* k_lesson_in_scope =
    "(" KADES_SCOPE_ALL " OR l.village IN (SELECT id FROM scope_village))";
constexpr const char* k_adoption_in_scope =
    "(" KADES_SCOPE_ALL " OR a.village IN (SELECT id FROM scope_village)"
    " OR l.village IN (SELECT id FROM scope_village))";

// An agreement: one of its villages.
constexpr const char* k_agreement_in_scope =
    "(" KADES_SCOPE_ALL " OR EXISTS (SELECT 1 FROM agreement_village sg JOIN scope_village ss"
    " ON ss.id = sg.village WHERE sg.agreement = g.id))";

#undef KADES_SCOPE_ALL

inline core::VillageRef village_ref(SQLite::Statement& stmt, int slug_column) {
    if (stmt.getColumn(slug_column).isNull())
        return {};
    return {stmt.getColumn(slug_column).getString(), stmt.getColumn(slug_column + 1).getString()};
}

} // namespace kades::store::report_sql
