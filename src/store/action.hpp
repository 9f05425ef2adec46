#pragma once
// Follow-up actions: who does what by when, from which meeting, done or open.

#include "core/action.hpp"
#include "core/record.hpp"
#include "store/log.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kades::store {

struct ActionFilter {
    // Which statuses to show; none set shows every action. Overdue ones are open ones due
    // before `today`.
    bool open = false, done = false, overdue = false;
    std::optional<std::string> owner;   // village uuid
    std::optional<std::string> meeting; // meeting uuid
    std::optional<std::string> visit;   // visit uuid
    core::ListWindow window;            // the period is on the due date
    core::Date today{};
};
// Open actions first by due date (those without one last), then done ones by the day done.
std::vector<core::Action> list_actions(Log& log, const ActionFilter& filter);

// The action named by an id prefix. Throws Invalid, NotFound or Ambiguous as resolve_uuid.
core::Action find_action(Log& log, std::string_view id);
// The action of a full UUID, which must exist.
core::Action action_by_uuid(Log& log, const std::string& uuid);

// Fields normalized (core::normalize_action_fields), with a text and an owner.
core::Action add_action(Log& log, const core::ActionFields& fields);
core::Action edit_action(Log& log, const core::Action& action, const core::ActionFields& fields);
// Refused (naming the day it was done) when the action is done already. A note, when given,
// replaces the action's note.
core::Action mark_done(Log& log, const core::Action& action, core::Date done_on,
                       const std::optional<std::string>& note);
// Refused when the action is open.
core::Action reopen_action(Log& log, const core::Action& action);
void remove_action(Log& log, const core::Action& action);

} // namespace kades::store
