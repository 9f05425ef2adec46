// `village show`: one village whole.

#include "core/i18n.hpp"
#include "core/region.hpp"
#include "render/record.hpp"
#include "render/rupiah.hpp"
#include "render/table.hpp"
#include "render/village.hpp"

#include <fmt/format.h>

namespace kades::render {
using core::tr;

namespace {

std::string score_text(const core::IndexScore& score) {
    return score.kind == core::IndexKind::idm ? fmt::format("{:.4f}", score.score)
                                              : fmt::format("{:.2f}", score.score);
}

Json profile_json(const core::VillageProfile& p) {
    Json j = village_json(p.village);
    Json heads = Json::array();
    for (const auto& h : p.heads)
        heads.push_back(
            {{"name", h.name}, {"since", h.since ? Json(core::iso(*h.since)) : Json(nullptr)}});
    j["heads"] = heads;
    Json index = Json::array();
    for (const auto& e : p.index)
        index.push_back({{"year", e.year},
                         {"index", core::index_kind_key(e.score.kind)},
                         {"score", e.score.score},
                         {"status", core::dev_status_key(e.score.status)}});
    j["index"] = index;
    const auto& c = p.counts;
    j["counts"] = {{"meetings_attended", c.meetings_attended},
                   {"meetings_hosted", c.meetings_hosted},
                   {"visits_hosted", c.visits_hosted},
                   {"visits_made", c.visits_made},
                   {"workers_sent", c.workers_sent},
                   {"workers_received", c.workers_received},
                   {"lessons_shared", c.lessons_shared},
                   {"lessons_adopted", c.lessons_adopted},
                   {"actions_open", c.actions_open},
                   {"agreements", c.agreements},
                   {"funding", c.funding}};
    return j;
}

std::string since_text(const std::optional<core::Date>& since, core::Lang lang) {
    return since ? core::long_date(*since, lang) : tr("unknown");
}

std::vector<Field> identity_fields(const core::Village& v, core::Lang lang) {
    auto kind = core::village_kind(v.code);
    std::string head = v.head;
    if (!head.empty() && v.head_since)
        head += " (" +
                fmt::format(fmt::runtime(tr("since {}")), core::long_date(*v.head_since, lang)) +
                ")";
    std::string tags;
    for (const auto& t : v.tags)
        tags += (tags.empty() ? "" : ", ") + t;
    return {{tr("Slug"), v.slug},
            {tr("Code"), kind.empty() ? v.code : v.code + " (" + kind + ")"},
            {tr("District"), v.district},
            {tr("Regency"), v.regency},
            {tr("Province"), v.province},
            {tr("Head"), head},
            {tr("Phone"), v.phone},
            {tr("Email"), v.email},
            {tr("Tags"), tags},
            {tr("Note"), v.note},
            {tr("Archived"), v.archived ? tr("yes") : ""}};
}

Section heads_section(const core::VillageProfile& p, core::Lang lang) {
    Section s{tr("Heads"),
              {},
              Table{{{"name", tr("Name")}, {"since", tr("Since")}}, {}},
              tr("none recorded")};
    for (const auto& h : p.heads)
        s.table->rows.push_back({h.name, since_text(h.since, lang)});
    return s;
}

Section index_section(const core::VillageProfile& p, core::Lang lang) {
    Section s{tr("Development index"),
              {},
              Table{{{"year", tr("Year"), Align::right, true},
                     {"index", tr("Index")},
                     {"score", tr("Score"), Align::right, true},
                     {"status", tr("Status")}},
                    {}},
              tr("none recorded")};
    for (const auto& e : p.index)
        s.table->rows.push_back(
            {std::to_string(e.year), e.score.kind == core::IndexKind::idm ? "IDM" : "ID",
             score_text(e.score), core::dev_status_label(e.score.status, lang)});
    return s;
}

Section counts_section(const core::VillageCounts& c, core::Lang lang) {
    auto n = [](long value) { return std::to_string(value); };
    return Section{tr("Activity"),
                   {{tr("Meetings attended"), n(c.meetings_attended)},
                    {tr("Meetings hosted"), n(c.meetings_hosted)},
                    {tr("Visits hosted"), n(c.visits_hosted)},
                    {tr("Visits made"), n(c.visits_made)},
                    {tr("Workers sent"), n(c.workers_sent)},
                    {tr("Workers received"), n(c.workers_received)},
                    {tr("Lessons shared"), n(c.lessons_shared)},
                    {tr("Lessons adopted"), n(c.lessons_adopted)},
                    {tr("Open actions"), n(c.actions_open)},
                    {tr("Active agreements"), n(c.agreements)},
                    {tr("Funding of active agreements"), rupiah(c.funding, lang)}},
                   std::nullopt,
                   ""};
}

} // namespace

void village_profile(std::ostream& out, const core::VillageProfile& p, const Options& options) {
    if (options.format == Format::json) {
        write_json(out, profile_json(p));
        return;
    }
    if (options.format == Format::csv) {
        villages(out, {p.village}, options);
        return;
    }
    Record record{village_label(p.village),
                  identity_fields(p.village, options.lang),
                  {heads_section(p, options.lang), index_section(p, options.lang),
                   counts_section(p.counts, options.lang)}};
    write_record(out, record, options);
}

} // namespace kades::render
