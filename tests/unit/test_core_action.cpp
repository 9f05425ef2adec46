// Tests of src/core/action.cpp: statuses, overdue, the rules of an action's fields.

#include "core/action.hpp"
#include "core/error.hpp"

#include <doctest/doctest.h>

using namespace kades::core;
using namespace std::chrono;

namespace {

Date ymd(int y, unsigned m, unsigned d) {
    return Date{year{y}, month{m}, day{d}};
}

const Date k_today = ymd(2026, 11, 27);

Action action(std::optional<Date> due, ActionStatus status = ActionStatus::open) {
    Action a;
    a.text = "Register the joint BUMDes";
    a.due = due;
    a.status = status;
    return a;
}

} // namespace

TEST_CASE("core::action_status_key and parse_action_status") {
    CHECK(action_status_key(ActionStatus::open) == "open");
    CHECK(action_status_key(ActionStatus::done) == "done");
    CHECK(parse_action_status("open") == ActionStatus::open);
    CHECK(parse_action_status("done") == ActionStatus::done);
    CHECK_THROWS_WITH_AS(parse_action_status("closed"), doctest::Contains("'closed'"), Invalid);
}

TEST_CASE("core::is_overdue: open and due before today") {
    CHECK(is_overdue(action(ymd(2026, 11, 26)), k_today));
    CHECK(is_overdue(action(ymd(2025, 1, 1)), k_today));
    CHECK_FALSE(is_overdue(action(k_today), k_today)); // due today: still in time
    CHECK_FALSE(is_overdue(action(ymd(2026, 12, 1)), k_today));
    CHECK_FALSE(is_overdue(action(std::nullopt), k_today));
    CHECK_FALSE(is_overdue(action(ymd(2026, 11, 1), ActionStatus::done), k_today));
}

TEST_CASE("core::normalize_action_fields: trims, an empty text is refused, an empty note clears") {
    ActionFields f;
    f.text = "  Survey the irrigation  ";
    f.note = "   ";
    f.due = ymd(2020, 1, 1); // in the past: back-filling is allowed
    normalize_action_fields(f);
    CHECK(*f.text == "Survey the irrigation");
    CHECK(*f.note == "");
    CHECK(f.due == std::optional(std::optional(ymd(2020, 1, 1))));

    ActionFields blank;
    blank.text = " \t ";
    CHECK_THROWS_WITH_AS(normalize_action_fields(blank), doctest::Contains("text is empty"),
                         Invalid);
    ActionFields bad;
    bad.text = "ok";
    bad.note = "\xff";
    CHECK_THROWS_AS(normalize_action_fields(bad), Invalid);

    ActionFields none;
    CHECK_NOTHROW(normalize_action_fields(none));
    CHECK_FALSE(none.text);
}

TEST_CASE("core::check_done_date: today or before, after today is refused naming it") {
    CHECK_NOTHROW(check_done_date(k_today, k_today));
    CHECK_NOTHROW(check_done_date(ymd(2026, 1, 5), k_today));
    CHECK_THROWS_WITH_AS(check_done_date(ymd(2026, 11, 28), k_today),
                         doctest::Contains("2026-11-28"), Invalid);
}
