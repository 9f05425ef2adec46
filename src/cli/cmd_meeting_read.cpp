// meeting list | show

#include "cli/commands.hpp"
#include "cli/list_options.hpp"
#include "core/i18n.hpp"
#include "core/meeting.hpp"
#include "render/meeting.hpp"
#include "store/meeting.hpp"

#include <memory>

namespace kades::cli {
using core::tr;
using render::Format;

namespace {

struct ListOptions {
    std::optional<std::string> status, kind, forum, village;
    WindowOptions window;
};

struct ShowOptions {
    std::string id;
};

store::MeetingFilter filter_of(const ListOptions& opt, core::Date today) {
    store::MeetingFilter filter;
    if (opt.status)
        filter.status = core::parse_meeting_status(*opt.status);
    if (opt.kind)
        filter.kind = core::parse_meeting_kind(*opt.kind);
    filter.forum = opt.forum;
    filter.village = opt.village;
    filter.window = window_of(opt.window, today);
    return filter;
}

void run_list(Context& ctx, const ListOptions& opt) {
    auto options = ctx.render_options({Format::table, Format::markdown, Format::json, Format::csv});
    auto filter = filter_of(opt, ctx.today());
    auto& log = ctx.open_log(store::OpenMode::read);
    render::meetings(ctx.out(), store::list_meetings(log, filter), options);
}

void run_show(Context& ctx, const ShowOptions& opt) {
    auto options = ctx.render_options({Format::table, Format::markdown, Format::json, Format::csv});
    auto& log = ctx.open_log(store::OpenMode::read);
    render::meeting_record(ctx.out(), store::resolve_meeting(log, opt.id), options);
}

} // namespace

void setup_meeting_read(CLI::App& meeting, Context& ctx) {
    auto list_opt = std::make_shared<ListOptions>();
    auto* list = meeting.add_subcommand("list", tr("list meetings by date"));
    list->add_option("--status", list_opt->status, tr("only planned, held or cancelled meetings"));
    list->add_option("--kind", list_opt->kind,
                     tr("only this kind: routine, forum, training, workshop, other"));
    list->add_option("--forum", list_opt->forum, tr("only the meetings of this forum (its id)"));
    list->add_option("--village", list_opt->village,
                     tr("only meetings this village hosted or attended"));
    add_window_options(*list, list_opt->window);
    list->footer(tr("Example: kades meeting list --month this --village sidasari-cipari"));
    list->callback([&ctx, list_opt] { run_list(ctx, *list_opt); });

    auto show_opt = std::make_shared<ShowOptions>();
    auto* show = record_command(meeting, "show",
                                tr("a meeting with its attendees, decisions and "
                                   "actions"),
                                tr("the meeting's id (4 or more hex digits)"), show_opt->id);
    show->footer(tr("Example: kades meeting show 3f9a0c12"));
    show->callback([&ctx, show_opt] { run_show(ctx, *show_opt); });
}

} // namespace kades::cli
