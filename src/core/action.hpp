#pragma once
// A follow-up action (tindak lanjut): a task a village took on, at a meeting or on its own,
// with a due date, done or still open.

#include "core/date.hpp"
#include "core/i18n.hpp"
#include "core/record.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace kades::core {

enum class ActionStatus { open, done };

std::string action_status_key(ActionStatus status);     // open | done: the JSON value
ActionStatus parse_action_status(std::string_view key); // open | done; throws Invalid

// The meeting or visit an action came from, as the action shows it.
struct ActionSource {
    std::string uuid;
    std::string title; // a meeting's title, a visit's purpose
    std::optional<Date> date;
};

struct Action {
    std::string uuid;
    std::string text;
    VillageRef owner;
    std::optional<Date> due;
    ActionStatus status = ActionStatus::open;
    std::optional<Date> done_on; // set while done
    std::string note;
    std::optional<ActionSource> meeting;
    std::optional<ActionSource> visit;
};

// Open and due before today. An action due today is not overdue yet.
bool is_overdue(const Action& action, Date today);

// What `action add` and `action edit` may set; unset members are left as they are. The owner
// and the meeting are given resolved (UUIDs): an empty meeting unlinks it, an empty note clears
// it, and `due` holding nullopt clears the due date.
struct ActionFields {
    std::optional<std::string> text, note;
    std::optional<std::string> owner;   // village uuid
    std::optional<std::string> meeting; // meeting uuid
    std::optional<std::string> visit;   // visit uuid
    std::optional<std::optional<Date>> due;
};

// Trims and checks the text and the note. Throws Invalid for an empty text or invalid UTF-8.
// A due date may lie in the past: back-filling an action makes it overdue.
void normalize_action_fields(ActionFields& fields);

// The day an action is marked done: not after today. Throws Invalid naming it.
void check_done_date(Date done_on, Date today);

} // namespace kades::core
