// meeting attend | held | cancel | remove

#include "cli/commands.hpp"
#include "cli/list_options.hpp"
#include "core/i18n.hpp"
#include "core/meeting.hpp"
#include "render/meeting.hpp"
#include "store/meeting.hpp"

#include <memory>

namespace kades::cli {
using core::tr;
using core::trf;
using core::trnf;
using render::Format;

void print_meeting(Context& ctx, const render::Options& options, const core::Meeting& m,
                   const std::string& message);

namespace {

struct AttendOptions {
    std::string id;
    std::vector<std::string> refs;
};

struct IdOptions {
    std::string id, reason;
};

void run_attend(Context& ctx, const AttendOptions& opt) {
    auto options = ctx.render_options({Format::table, Format::json});
    auto& log = ctx.open_log(store::OpenMode::write);
    auto m = store::attend_meeting(log, store::resolve_meeting(log, opt.id), opt.refs);
    auto n = opt.refs.size();
    print_meeting(ctx, options, m,
                  trnf("Added {} attendee to meeting {}.", "Added {} attendees to meeting {}.", n,
                       n, render::meeting_label(m, options.lang)));
}

void run_held(Context& ctx, const IdOptions& opt) {
    auto options = ctx.render_options({Format::table, Format::json});
    auto& log = ctx.open_log(store::OpenMode::write);
    auto m = store::mark_held(log, store::resolve_meeting(log, opt.id), ctx.today());
    print_meeting(ctx, options, m,
                  trf("Meeting {} is marked held.", render::meeting_label(m, options.lang)));
}

void run_cancel(Context& ctx, const IdOptions& opt) {
    auto options = ctx.render_options({Format::table, Format::json});
    auto& log = ctx.open_log(store::OpenMode::write);
    auto m = store::cancel_meeting(log, store::resolve_meeting(log, opt.id), opt.reason);
    print_meeting(ctx, options, m,
                  trf("Cancelled meeting {}.", render::meeting_label(m, options.lang)));
}

void run_remove(Context& ctx, const IdOptions& opt) {
    auto options = ctx.render_options({Format::table});
    auto& log = ctx.open_log(store::OpenMode::write);
    auto m = store::resolve_meeting(log, opt.id);
    store::remove_meeting(log, m);
    ctx.say(trf("Removed meeting {} with its attendees and decisions.",
                render::meeting_label(m, options.lang)));
}

CLI::App* id_command(CLI::App& meeting, const char* name, const std::string& help, IdOptions& opt) {
    return record_command(meeting, name, help, tr("the meeting's id (4 or more hex digits)"),
                          opt.id);
}

} // namespace

void setup_meeting_record(CLI::App& meeting, Context& ctx) {
    auto attend_opt = std::make_shared<AttendOptions>();
    auto* attend = record_command(meeting, "attend", tr("add villages that attend a meeting"),
                                  tr("the meeting's id (4 or more hex digits)"), attend_opt->id);
    attend->add_option("REF", attend_opt->refs, tr("villages: slug, code or unique name"))
        ->required();
    attend->footer(tr("Example: kades meeting attend 3f9a sidasari-cipari cipari-cipari"));
    attend->callback([&ctx, attend_opt] { run_attend(ctx, *attend_opt); });

    auto held_opt = std::make_shared<IdOptions>();
    auto* held = id_command(meeting, "held",
                            tr("mark a planned or cancelled meeting held, once its day has come"),
                            *held_opt);
    held->footer(tr("Example: kades meeting held 3f9a"));
    held->callback([&ctx, held_opt] { run_held(ctx, *held_opt); });

    auto cancel_opt = std::make_shared<IdOptions>();
    auto* cancel = id_command(meeting, "cancel", tr("cancel a planned meeting"), *cancel_opt);
    cancel->add_option("--reason", cancel_opt->reason, tr("why it was cancelled"));
    cancel->footer(tr("Example: kades meeting cancel 3f9a --reason \"banjir\""));
    cancel->callback([&ctx, cancel_opt] { run_cancel(ctx, *cancel_opt); });

    auto remove_opt = std::make_shared<IdOptions>();
    auto* remove =
        id_command(meeting, "remove",
                   tr("delete a meeting with its attendees and decisions, unless actions follow "
                      "it up"),
                   *remove_opt);
    remove->footer(tr("Example: kades meeting remove 3f9a"));
    remove->callback([&ctx, remove_opt] { run_remove(ctx, *remove_opt); });
}

} // namespace kades::cli
