// action add | list | show | done | reopen | edit | remove

#include "cli/commands.hpp"
#include "cli/list_options.hpp"
#include "core/action.hpp"
#include "core/error.hpp"
#include "core/i18n.hpp"
#include "core/id.hpp"
#include "core/text.hpp"
#include "render/action.hpp"
#include "store/action.hpp"
#include "store/record_id.hpp"
#include "store/village.hpp"

#include <memory>

namespace kades::cli {
using core::tr;
using core::trf;
using render::Format;

namespace {

struct FieldOptions {
    std::optional<std::string> text, owner, due, meeting, visit, note;
};

struct ListOptions {
    bool open = false, overdue = false, done = false;
    std::optional<std::string> owner, village, meeting, visit; // --village: --owner
    WindowOptions window;
};

struct IdOptions {
    std::string id;
    FieldOptions fields;                  // edit; done takes the note
    std::optional<std::string> done_date; // done
};

// The fields that need no log: text, note and the due date (an empty one clears it).
core::ActionFields parse_fields(const FieldOptions& opt, core::Date today) {
    core::ActionFields f;
    f.text = opt.text;
    f.note = opt.note;
    if (opt.due)
        f.due = core::trim(*opt.due).empty() ? std::optional<core::Date>()
                                             : std::optional(core::parse_date(*opt.due, today));
    core::normalize_action_fields(f);
    return f;
}

// A meeting or visit named as the user named it; an empty one unlinks it.
std::optional<std::string> source_uuid(store::Log& log, store::RecordKind kind,
                                       const std::optional<std::string>& id) {
    if (!id)
        return std::nullopt;
    return core::trim(*id).empty() ? std::string() : store::resolve_uuid(log, kind, *id);
}

// The owner, meeting and visit, named as the user named them.
void resolve_refs(store::Log& log, const FieldOptions& opt, core::ActionFields& f) {
    if (opt.owner)
        f.owner = store::resolve_village(log, *opt.owner).uuid;
    f.meeting = source_uuid(log, store::RecordKind::meeting, opt.meeting);
    f.visit = source_uuid(log, store::RecordKind::visit, opt.visit);
}

// -f json prints the record, -q the id (when `id_when_quiet`), else the confirmation.
void print_action(Context& ctx, const render::Options& options, const core::Action& a,
                  const std::string& message, bool id_when_quiet) {
    if (options.format == Format::json)
        render::write_json(ctx.out(), render::action_json(a, ctx.today()));
    else if (ctx.globals.quiet && id_when_quiet)
        ctx.out() << core::short_id(a.uuid) << '\n';
    else
        ctx.say(message);
}

void run_add(Context& ctx, const FieldOptions& opt) {
    auto options = ctx.render_options({Format::table, Format::json});
    auto fields = parse_fields(opt, ctx.today());
    auto& log = ctx.open_log(store::OpenMode::write);
    resolve_refs(log, opt, fields);
    auto a = store::add_action(log, fields);
    auto id = core::short_id(a.uuid);
    print_action(ctx, options, a,
                 a.due ? trf("Added action {} for {}, due {}.", id, a.owner.name,
                             core::long_date(*a.due, core::language()))
                       : trf("Added action {} for {}.", id, a.owner.name),
                 true);
}

void run_list(Context& ctx, const ListOptions& opt) {
    auto options = ctx.render_options({Format::table, Format::markdown, Format::json, Format::csv});
    store::ActionFilter filter;
    filter.open = opt.open;
    filter.done = opt.done;
    filter.overdue = opt.overdue;
    filter.window = window_of(opt.window, ctx.today());
    filter.today = ctx.today();
    if (opt.owner && opt.village)
        throw core::Usage(tr("--village is another name for --owner: give one of them"));
    auto owner = opt.owner ? opt.owner : opt.village;
    auto& log = ctx.open_log(store::OpenMode::read);
    if (owner)
        filter.owner = store::resolve_village(log, *owner).uuid;
    filter.meeting = source_uuid(log, store::RecordKind::meeting, opt.meeting);
    filter.visit = source_uuid(log, store::RecordKind::visit, opt.visit);
    render::actions(ctx.out(), store::list_actions(log, filter), ctx.today(), options);
}

void run_show(Context& ctx, const IdOptions& opt) {
    auto options = ctx.render_options({Format::table, Format::markdown, Format::json, Format::csv});
    auto& log = ctx.open_log(store::OpenMode::read);
    render::action(ctx.out(), store::find_action(log, opt.id), ctx.today(), options);
}

void run_done(Context& ctx, const IdOptions& opt) {
    auto options = ctx.render_options({Format::table, Format::json});
    auto today = ctx.today();
    auto date = opt.done_date ? core::parse_date(*opt.done_date, today) : today;
    core::check_done_date(date, today);
    auto note = parse_fields(opt.fields, today).note;
    auto& log = ctx.open_log(store::OpenMode::write);
    auto a = store::mark_done(log, store::find_action(log, opt.id), date, note);
    print_action(ctx, options, a,
                 trf("Action {} done on {}.", core::short_id(a.uuid),
                     core::long_date(date, core::language())),
                 false);
}

void run_reopen(Context& ctx, const IdOptions& opt) {
    auto options = ctx.render_options({Format::table, Format::json});
    auto& log = ctx.open_log(store::OpenMode::write);
    auto a = store::reopen_action(log, store::find_action(log, opt.id));
    print_action(ctx, options, a, trf("Reopened action {}.", core::short_id(a.uuid)), false);
}

void run_edit(Context& ctx, const IdOptions& opt) {
    auto options = ctx.render_options({Format::table, Format::json});
    const auto& o = opt.fields;
    if (!o.text && !o.owner && !o.due && !o.meeting && !o.visit && !o.note)
        throw core::Usage(
            tr("nothing to change: give --text, --owner, --due, --meeting, --visit or --note"));
    auto fields = parse_fields(o, ctx.today());
    auto& log = ctx.open_log(store::OpenMode::write);
    auto action = store::find_action(log, opt.id);
    resolve_refs(log, o, fields);
    auto a = store::edit_action(log, action, fields);
    print_action(ctx, options, a, trf("Updated action {}.", core::short_id(a.uuid)), true);
}

void run_remove(Context& ctx, const IdOptions& opt) {
    ctx.render_options({Format::table});
    auto& log = ctx.open_log(store::OpenMode::write);
    auto action = store::find_action(log, opt.id);
    store::remove_action(log, action);
    ctx.say(trf("Removed action {}.", core::short_id(action.uuid)));
}

// --due, --meeting, --visit and --note, which add and edit share.
void add_field_options(CLI::App& cmd, FieldOptions& opt) {
    cmd.add_option("--due", opt.due, tr("when it is due (a date)"));
    cmd.add_option("--meeting", opt.meeting, tr("the id of the meeting it came from"));
    cmd.add_option("--visit", opt.visit, tr("the id of the visit it came from"));
    cmd.add_option("--note", opt.note, tr("a free note"));
}

CLI::App* id_command(CLI::App& action, const char* name, const std::string& help,
                     const std::string& footer, IdOptions& opt) {
    return record_command(action, name, help, tr("the action's id (4 or more hex digits)"), opt.id)
        ->footer(footer);
}

void setup_action_read(CLI::App& action, Context& ctx) {
    auto list_opt = std::make_shared<ListOptions>();
    auto* list = action.add_subcommand("list", tr("list the follow-up actions"));
    list->add_flag("--open", list_opt->open, tr("only open actions"));
    list->add_flag("--overdue", list_opt->overdue, tr("only open actions past their due date"));
    list->add_flag("--done", list_opt->done, tr("only done actions"));
    list->add_option("--owner", list_opt->owner, tr("only this village's actions"));
    list->add_option("--village", list_opt->village, tr("the same as --owner"));
    list->add_option("--meeting", list_opt->meeting, tr("only the actions of this meeting"));
    list->add_option("--visit", list_opt->visit, tr("only the actions of this visit"));
    add_window_options(*list, list_opt->window);
    list->footer(tr("Example: kades action list --overdue --owner sidasari-cipari"));
    list->callback([&ctx, list_opt] { run_list(ctx, *list_opt); });

    auto show_opt = std::make_shared<IdOptions>();
    auto* show = id_command(action, "show", tr("an action in full"),
                            tr("Example: kades action show 3f9a0c12"), *show_opt);
    show->callback([&ctx, show_opt] { run_show(ctx, *show_opt); });
}

void setup_action_changes(CLI::App& action, Context& ctx) {
    auto done_opt = std::make_shared<IdOptions>();
    auto* done =
        id_command(action, "done", tr("mark an action done"),
                   tr("Example: kades action done 3f9a --note \"BUMDes registered\""), *done_opt);
    done->add_option("--note", done_opt->fields.note, tr("how it was done"));
    done->add_option("--date", done_opt->done_date, tr("the day it was done (default: today)"));
    done->callback([&ctx, done_opt] { run_done(ctx, *done_opt); });

    auto reopen_opt = std::make_shared<IdOptions>();
    auto* reopen = id_command(action, "reopen", tr("open a done action again"),
                              tr("Example: kades action reopen 3f9a"), *reopen_opt);
    reopen->callback([&ctx, reopen_opt] { run_reopen(ctx, *reopen_opt); });

    auto edit_opt = std::make_shared<IdOptions>();
    auto* edit = id_command(action, "edit",
                            tr("change an action's text, owner, due date, meeting, visit or note"),
                            tr("Example: kades action edit 3f9a --due 2026-12-15"), *edit_opt);
    edit->add_option("--text", edit_opt->fields.text, tr("what is to be done"));
    edit->add_option("--owner", edit_opt->fields.owner, tr("the village that does it"));
    add_field_options(*edit, edit_opt->fields);
    edit->callback([&ctx, edit_opt] { run_edit(ctx, *edit_opt); });

    auto remove_opt = std::make_shared<IdOptions>();
    auto* remove = id_command(action, "remove", tr("delete an action"),
                              tr("Example: kades action remove 3f9a"), *remove_opt);
    remove->callback([&ctx, remove_opt] { run_remove(ctx, *remove_opt); });
}

} // namespace

void setup_action(CLI::App& app, Context& ctx) {
    auto* action = app.add_subcommand("action", tr("follow-up actions (tindak lanjut)"));
    action->require_subcommand(1);
    action->footer(tr("Example: kades action list --open"));

    auto add_opt = std::make_shared<FieldOptions>();
    auto* add = action->add_subcommand("add", tr("record a follow-up action"));
    add->add_option("TEXT", add_opt->text, tr("what is to be done"))->required();
    add->add_option("--owner", add_opt->owner, tr("the village that does it"))->required();
    add_field_options(*add, *add_opt);
    add->footer(tr("Example: kades action add \"Register the joint BUMDes\" --owner "
                   "sidasari-cipari --due +2w --meeting 3f9a"));
    add->callback([&ctx, add_opt] { run_add(ctx, *add_opt); });

    setup_action_read(*action, ctx);
    setup_action_changes(*action, ctx);
}

} // namespace kades::cli
