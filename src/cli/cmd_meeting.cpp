// meeting add | edit: writing meetings. Reading (list, show) is in cmd_meeting_read.cpp, and
// the record-keeping (attend, held, cancel, remove) in cmd_meeting_record.cpp.

#include "cli/commands.hpp"
#include "cli/list_options.hpp"
#include "core/error.hpp"
#include "core/i18n.hpp"
#include "core/id.hpp"
#include "core/meeting.hpp"
#include "render/meeting.hpp"
#include "store/meeting.hpp"

#include <memory>

namespace kades::cli {
using core::tr;
using core::trf;
using render::Format;

void setup_meeting_read(CLI::App& meeting, Context& ctx);
void setup_meeting_record(CLI::App& meeting, Context& ctx);
// The record as JSON (-f json), its id alone (-q), or the confirmation.
void print_meeting(Context& ctx, const render::Options& options, const core::Meeting& m,
                   const std::string& message);

namespace {

struct FieldOptions {
    std::optional<std::string> title, date, time, kind, host, place, forum, agenda, notes;
    std::vector<std::string> attendees, drop_attendees, decisions;
    bool planned = false, held = false;
};

struct AddOptions {
    FieldOptions fields;
};

struct EditOptions {
    std::string id;
    FieldOptions fields;
};

// The options add and edit share; edit adds --title and --drop-attendee.
void add_field_options(CLI::App& cmd, FieldOptions& opt, bool for_edit) {
    if (for_edit)
        cmd.add_option("--title", opt.title, tr("the meeting's title"));
    auto* date = cmd.add_option("--date", opt.date, tr("the day of the meeting"));
    if (!for_edit)
        date->required();
    cmd.add_option("--time", opt.time, tr("the time it starts, HH:MM"));
    cmd.add_option("--kind", opt.kind,
                   tr("routine (the default on add), forum, training, workshop, other; or rutin, "
                      "pelatihan, lokakarya, lainnya"));
    cmd.add_option("--host", opt.host, tr("the hosting village (slug, code or unique name)"));
    cmd.add_option("--place", opt.place, tr("where it takes place"));
    cmd.add_option("--forum", opt.forum, tr("the forum that holds it (its id)"));
    cmd.add_option("--attendee", opt.attendees,
                   for_edit ? tr("add an attending village (repeatable)")
                            : tr("an attending village (repeatable)"))
        ->allow_extra_args(false);
    if (for_edit)
        cmd.add_option("--drop-attendee", opt.drop_attendees,
                       tr("remove an attending village (repeatable)"))
            ->allow_extra_args(false);
    cmd.add_option("--agenda", opt.agenda, tr("what is to be discussed"));
    cmd.add_option("--notes", opt.notes, tr("notes of the meeting"));
    cmd.add_option("--decision", opt.decisions,
                   for_edit ? tr("append a decision (repeatable)")
                            : tr("a decision taken (repeatable)"))
        ->allow_extra_args(false);
    auto* planned = cmd.add_flag("--planned", opt.planned, tr("record it as planned"));
    auto* held = cmd.add_flag("--held", opt.held, tr("record it as held (not after today)"));
    planned->excludes(held);
}

core::MeetingFields fields_of(const FieldOptions& opt, core::Date today) {
    core::MeetingFields f;
    f.title = opt.title;
    if (opt.date)
        f.date = core::parse_date(*opt.date, today);
    f.time = opt.time;
    if (opt.kind)
        f.kind = core::parse_meeting_kind(*opt.kind);
    f.host = opt.host;
    f.forum = opt.forum;
    f.place = opt.place;
    f.agenda = opt.agenda;
    f.notes = opt.notes;
    f.attendees = opt.attendees;
    f.drop_attendees = opt.drop_attendees;
    f.decisions = opt.decisions;
    if (opt.planned)
        f.status = core::MeetingStatus::planned;
    if (opt.held)
        f.status = core::MeetingStatus::held;
    return f;
}

void run_add(Context& ctx, const AddOptions& opt) {
    auto options = ctx.render_options({Format::table, Format::json});
    auto fields = fields_of(opt.fields, ctx.today());
    auto& log = ctx.open_log(store::OpenMode::write);
    auto m = store::add_meeting(log, fields, ctx.today());
    auto label = render::meeting_label(m, options.lang);
    print_meeting(ctx, options, m,
                  m.status == core::MeetingStatus::planned
                      ? trf("Added meeting {} as planned.", label)
                      : trf("Added meeting {} as held.", label));
}

bool nothing_given(const FieldOptions& o) {
    bool text = o.title || o.date || o.time || o.kind || o.host || o.place || o.forum || o.agenda ||
                o.notes;
    bool lists = !o.attendees.empty() || !o.drop_attendees.empty() || !o.decisions.empty();
    return !text && !lists && !o.planned && !o.held;
}

void run_edit(Context& ctx, const EditOptions& opt) {
    auto options = ctx.render_options({Format::table, Format::json});
    if (nothing_given(opt.fields))
        throw core::Usage(tr("nothing to change: give --title, --date, --time, --kind, --host, "
                             "--place, --forum, --attendee, --drop-attendee, --agenda, --notes, "
                             "--decision, --planned or --held"));
    auto fields = fields_of(opt.fields, ctx.today());
    auto& log = ctx.open_log(store::OpenMode::write);
    auto m = store::edit_meeting(log, store::resolve_meeting(log, opt.id), fields, ctx.today());
    print_meeting(ctx, options, m,
                  trf("Updated meeting {}.", render::meeting_label(m, options.lang)));
}

} // namespace

void print_meeting(Context& ctx, const render::Options& options, const core::Meeting& m,
                   const std::string& message) {
    if (options.format == Format::json)
        render::write_json(ctx.out(), render::meeting_json(m));
    else if (ctx.globals.quiet)
        ctx.out() << core::short_id(m.uuid) << '\n';
    else
        ctx.say(message);
}

void setup_meeting(CLI::App& app, Context& ctx) {
    auto* meeting = app.add_subcommand("meeting", tr("meetings of the network"));
    meeting->require_subcommand(1);
    meeting->footer(tr("Example: kades meeting add \"Rapat koordinasi\" --date 2026-12-04 --host "
                       "sidasari-cipari"));

    auto add_opt = std::make_shared<AddOptions>();
    auto* add = meeting->add_subcommand("add", tr("record a meeting, planned or held"));
    add->add_option("TITLE", add_opt->fields.title, tr("the meeting's title"))->required();
    add_field_options(*add, add_opt->fields, false);
    add->footer(tr("A date after today is planned unless --held; today or before is held unless "
                   "--planned.\nExample: kades meeting add \"Rapat koordinasi BUMDes\" --date "
                   "2026-12-04 --time 09:00 --host sidasari-cipari --attendee cipari-cipari "
                   "--attendee caruy-cipari"));
    add->callback([&ctx, add_opt] { run_add(ctx, *add_opt); });

    auto edit_opt = std::make_shared<EditOptions>();
    auto* edit = record_command(*meeting, "edit", tr("change a meeting's details"),
                                tr("the meeting's id (4 or more hex digits)"), edit_opt->id);
    add_field_options(*edit, edit_opt->fields, true);
    edit->footer(tr("An empty value clears --time, --host, --place, --forum, --agenda or "
                    "--notes. --decision appends; --attendee adds and --drop-attendee removes.\n"
                    "Example: kades meeting edit 3f9a --decision \"Pelatihan BUMDes Januari\" "
                    "--drop-attendee caruy-cipari"));
    edit->callback([&ctx, edit_opt] { run_edit(ctx, *edit_opt); });

    setup_meeting_read(*meeting, ctx);
    setup_meeting_record(*meeting, ctx);
}

} // namespace kades::cli
