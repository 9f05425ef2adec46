#pragma once
// Work visits and worker exchanges: their rows, visitors and programs, and the actions that
// follow them up.

#include "core/record.hpp"
#include "core/visit.hpp"
#include "store/log.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kades::store {

struct VisitFilter {
    std::optional<core::VisitStatus> status;
    std::optional<core::VisitKind> kind;
    std::optional<std::string> village; // a village REF: visits it hosted or made
    core::ListWindow window;            // visits whose days (date to until) meet the period
};
// By date, then end date, then host.
std::vector<core::Visit> list_visits(Log& log, const VisitFilter& filter);

// The visit whose id starts with `id`: NotFound, Ambiguous (listing the candidates).
core::Visit resolve_visit(Log& log, std::string_view id);
std::optional<core::Visit> find_visit(Log& log, const std::string& uuid);

// Adds a visit. Every village REF is resolved and the whole visit checked (core::check_visit)
// before anything is written; its status follows core::visit_status_for.
core::Visit add_visit(Log& log, core::VisitFields fields, core::Date today);
// Changes what fields set: drops, then adds visitors (one already visiting is refused), drops,
// then appends programs. Without --planned/--held the status stays, but a held visit moved
// after today is refused.
core::Visit edit_visit(Log& log, const core::Visit& visit, core::VisitFields fields,
                       core::Date today);
// Marks a planned or cancelled visit held: refused before its date, or when already held.
core::Visit mark_visit_held(Log& log, const core::Visit& visit, core::Date today);
// Cancels a planned visit: refused when held or already cancelled.
core::Visit cancel_visit(Log& log, const core::Visit& visit, const std::string& reason);
// Removes a visit with its visitors and programs: refused (naming them) while actions point
// at it.
void remove_visit(Log& log, const core::Visit& visit);

} // namespace kades::store
