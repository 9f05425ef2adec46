#pragma once
// Sections that several `show` records share.

#include "core/record.hpp"
#include "render/record.hpp"

#include <string>
#include <vector>

namespace kades::render {

// The villages taking part (attendees, visitors, members): name and slug.
Section villages_section(const std::string& title, const std::vector<core::VillageRef>& villages);
// Numbered lines (decisions, programs) under `heading`.
Section numbered_section(const std::string& title, const std::string& heading,
                         const std::vector<std::string>& items);
// The actions that came from a meeting or visit.
Section follow_ups_section(const std::vector<core::FollowUp>& actions, core::Lang lang);

} // namespace kades::render
