#pragma once
// What records of every kind share: how they name a village, and how a list is narrowed.

#include "core/date.hpp"

#include <optional>
#include <string>

namespace kades::core {

// A village as another record points at it: by slug (the JSON id) with its name to show.
struct VillageRef {
    std::string slug;
    std::string name;
    bool operator==(const VillageRef&) const = default;
};

// An action as the meeting or visit it came from lists it.
struct FollowUp {
    std::string uuid;
    std::string text;
    VillageRef owner;
    std::optional<Date> due;
    bool done = false;
};

// The common narrowing of list commands: a period over the records' dates, and a limit.
struct ListWindow {
    std::optional<Period> period;
    std::optional<long> limit;
};

} // namespace kades::core
