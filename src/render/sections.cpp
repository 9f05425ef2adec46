#include "render/sections.hpp"

#include "core/i18n.hpp"
#include "core/id.hpp"

namespace kades::render {
using core::tr;

Section villages_section(const std::string& title, const std::vector<core::VillageRef>& villages) {
    Section s{
        title, {}, Table{{{"name", tr("Village")}, {"id", tr("Slug")}}, {}}, tr("none recorded")};
    for (const auto& v : villages)
        s.table->rows.push_back({v.name, v.slug});
    return s;
}

Section numbered_section(const std::string& title, const std::string& heading,
                         const std::vector<std::string>& items) {
    Section s{title,
              {},
              Table{{{"position", "#", Align::right, true}, {"text", heading}}, {}},
              tr("none recorded")};
    for (std::size_t i = 0; i < items.size(); ++i)
        s.table->rows.push_back({std::to_string(i + 1), items[i]});
    return s;
}

Section follow_ups_section(const std::vector<core::FollowUp>& actions, core::Lang lang) {
    Section s{tr("Actions"),
              {},
              Table{{{"id", tr("ID")},
                     {"text", tr("Action")},
                     {"owner", tr("Owner")},
                     {"due", tr("Due")},
                     {"status", tr("Status")}},
                    {}},
              tr("none recorded")};
    for (const auto& a : actions)
        s.table->rows.push_back({core::short_id(a.uuid), a.text, a.owner.name,
                                 a.due ? core::short_date(*a.due, lang) : "",
                                 a.done ? tr("done") : tr("open")});
    return s;
}

} // namespace kades::render
