#pragma once
#include "core/action.hpp"
#include "render/json.hpp"
#include "render/options.hpp"

#include <ostream>
#include <string>
#include <vector>

namespace kades::render {

// JSON of an action (spec: id, uuid, text, owner, due, status, done_on, meeting, visit; and
// note and overdue). `today` decides what is overdue.
Json action_json(const core::Action& action, core::Date today);

// An action list in table, markdown, json or csv.
void actions(std::ostream& out, const std::vector<core::Action>& actions, core::Date today,
             const Options& options);

// `action show`: one action whole (csv: the list's one row).
void action(std::ostream& out, const core::Action& action, core::Date today,
            const Options& options);

// "open", "overdue" or "done", translated.
std::string action_status_label(const core::Action& action, core::Date today);

} // namespace kades::render
