#include "core/action.hpp"

#include "core/error.hpp"
#include "core/text.hpp"

namespace kades::core {

std::string action_status_key(ActionStatus status) {
    return status == ActionStatus::done ? "done" : "open";
}

ActionStatus parse_action_status(std::string_view key) {
    if (key == "open")
        return ActionStatus::open;
    if (key == "done")
        return ActionStatus::done;
    throw Invalid(trf("'{}' is not an action status: use open or done", key));
}

bool is_overdue(const Action& action, Date today) {
    return action.status == ActionStatus::open && action.due && *action.due < today;
}

void normalize_action_fields(ActionFields& fields) {
    if (fields.text) {
        fields.text = clean_field(*fields.text, "text");
        if (fields.text->empty())
            throw Invalid(tr("the action's text is empty: say what is to be done"));
    }
    if (fields.note)
        fields.note = clean_field(*fields.note, "note");
}

void check_done_date(Date done_on, Date today) {
    if (done_on > today)
        throw Invalid(trf("the date {} is after today ({}): mark an action done once it is done",
                          iso(done_on), iso(today)));
}

} // namespace kades::core
