// forum add | list | show | join | leave | edit | remove

#include "cli/commands.hpp"
#include "cli/list_options.hpp"
#include "core/error.hpp"
#include "core/forum.hpp"
#include "core/i18n.hpp"
#include "core/id.hpp"
#include "core/text.hpp"
#include "render/forum.hpp"
#include "store/forum.hpp"
#include "store/village.hpp"

#include <memory>

namespace kades::cli {
using core::tr;
using core::trf;
using core::trnf;
using render::Format;

namespace {

struct FieldOptions {
    std::optional<std::string> name, purpose, founded;
};

struct AddOptions {
    FieldOptions fields;
    std::vector<std::string> members;
};

struct ListOptions {
    std::optional<std::string> village;
    WindowOptions window;
};

struct IdOptions {
    std::string id;
    std::vector<std::string> refs; // join and leave
    FieldOptions fields;           // edit
};

core::ForumFields forum_fields(const FieldOptions& opt, core::Date today) {
    core::ForumFields f;
    f.name = opt.name;
    f.purpose = opt.purpose;
    if (opt.founded) // an empty date clears it
        f.founded = core::trim(*opt.founded).empty()
                        ? std::optional<core::Date>()
                        : std::optional(core::parse_date(*opt.founded, today));
    core::normalize_forum_fields(f, today);
    return f;
}

std::string slugs(const std::vector<core::Village>& villages) {
    std::string out;
    for (const auto& v : villages)
        out += (out.empty() ? "" : ", ") + v.slug;
    return out;
}

unsigned long count_of(const core::Forum& f) {
    return static_cast<unsigned long>(f.members.size());
}

// -f json prints the record, -q the id (when `id_when_quiet`), else the confirmation.
void print_forum(Context& ctx, const render::Options& options, const core::Forum& f,
                 const std::string& message, bool id_when_quiet) {
    if (options.format == Format::json)
        render::write_json(ctx.out(), render::forum_json(f));
    else if (ctx.globals.quiet && id_when_quiet)
        ctx.out() << core::short_id(f.uuid) << '\n';
    else
        ctx.say(message);
}

void run_add(Context& ctx, const AddOptions& opt) {
    auto options = ctx.render_options({Format::table, Format::json});
    auto fields = forum_fields(opt.fields, ctx.today());
    auto& log = ctx.open_log(store::OpenMode::write);
    auto members = store::resolve_members(log, opt.members);
    auto f = store::add_forum(log, fields, members);
    print_forum(ctx, options, f,
                trnf("Added forum {} as {} with {} member.",
                     "Added forum {} as {} with {} members.", count_of(f), f.name,
                     core::short_id(f.uuid), f.members.size()),
                true);
}

void run_list(Context& ctx, const ListOptions& opt) {
    auto options = ctx.render_options({Format::table, Format::markdown, Format::json, Format::csv});
    store::ForumFilter filter{std::nullopt, window_of(opt.window, ctx.today())};
    auto& log = ctx.open_log(store::OpenMode::read);
    if (opt.village)
        filter.village = store::resolve_village(log, *opt.village).uuid;
    render::forums(ctx.out(), store::list_forums(log, filter), options);
}

void run_show(Context& ctx, const IdOptions& opt) {
    auto options = ctx.render_options({Format::table, Format::markdown, Format::json, Format::csv});
    auto& log = ctx.open_log(store::OpenMode::read);
    render::forum(ctx.out(), store::find_forum(log, opt.id), options);
}

void run_join(Context& ctx, const IdOptions& opt) {
    auto options = ctx.render_options({Format::table, Format::json});
    auto& log = ctx.open_log(store::OpenMode::write);
    auto forum = store::find_forum(log, opt.id);
    auto villages = store::resolve_members(log, opt.refs);
    auto f = store::join_forum(log, forum, villages);
    print_forum(ctx, options, f,
                trnf("{} joined {}; it has {} member.", "{} joined {}; it has {} members.",
                     count_of(f), slugs(villages), f.name, f.members.size()),
                false);
}

void run_leave(Context& ctx, const IdOptions& opt) {
    auto options = ctx.render_options({Format::table, Format::json});
    auto& log = ctx.open_log(store::OpenMode::write);
    auto forum = store::find_forum(log, opt.id);
    auto villages = store::resolve_members(log, opt.refs);
    auto f = store::leave_forum(log, forum, villages);
    print_forum(ctx, options, f,
                trnf("{} left {}; it has {} member.", "{} left {}; it has {} members.", count_of(f),
                     slugs(villages), f.name, f.members.size()),
                false);
}

void run_edit(Context& ctx, const IdOptions& opt) {
    auto options = ctx.render_options({Format::table, Format::json});
    const auto& o = opt.fields;
    if (!o.name && !o.purpose && !o.founded)
        throw core::Usage(tr("nothing to change: give --name, --purpose or --founded"));
    auto fields = forum_fields(o, ctx.today());
    auto& log = ctx.open_log(store::OpenMode::write);
    auto f = store::edit_forum(log, store::find_forum(log, opt.id), fields);
    print_forum(ctx, options, f, trf("Updated forum {} ({}).", f.name, core::short_id(f.uuid)),
                true);
}

void run_remove(Context& ctx, const IdOptions& opt) {
    ctx.render_options({Format::table});
    auto& log = ctx.open_log(store::OpenMode::write);
    auto forum = store::find_forum(log, opt.id);
    store::remove_forum(log, forum);
    ctx.say(trf("Removed forum {} ({}).", forum.name, core::short_id(forum.uuid)));
}

void add_field_options(CLI::App& cmd, FieldOptions& opt) {
    cmd.add_option("--purpose", opt.purpose, tr("what the forum is for"));
    cmd.add_option("--founded", opt.founded, tr("when it was founded (a date)"));
}

CLI::App* id_command(CLI::App& forum, const char* name, const std::string& help,
                     const std::string& footer, IdOptions& opt) {
    return record_command(forum, name, help, tr("the forum's id (4 or more hex digits)"), opt.id)
        ->footer(footer);
}

void setup_forum_changes(CLI::App& forum, Context& ctx) {
    auto join_opt = std::make_shared<IdOptions>();
    auto* join =
        id_command(forum, "join", tr("add member villages to a forum"),
                   tr("Example: kades forum join 3f9a sidasari-cipari cipari-cipari"), *join_opt);
    join->add_option("REF", join_opt->refs, tr("villages: slug, code or unique name"))->required();
    join->callback([&ctx, join_opt] { run_join(ctx, *join_opt); });

    auto leave_opt = std::make_shared<IdOptions>();
    auto* leave = id_command(forum, "leave", tr("take member villages out of a forum"),
                             tr("Example: kades forum leave 3f9a cipari-cipari"), *leave_opt);
    leave->add_option("REF", leave_opt->refs, tr("villages: slug, code or unique name"))
        ->required();
    leave->callback([&ctx, leave_opt] { run_leave(ctx, *leave_opt); });

    auto edit_opt = std::make_shared<IdOptions>();
    auto* edit =
        id_command(forum, "edit", tr("change a forum's name, purpose or founding date"),
                   tr("Example: kades forum edit 3f9a --purpose \"BUMDes bersama\""), *edit_opt);
    edit->add_option("--name", edit_opt->fields.name, tr("the forum's name"));
    add_field_options(*edit, edit_opt->fields);
    edit->callback([&ctx, edit_opt] { run_edit(ctx, *edit_opt); });

    auto remove_opt = std::make_shared<IdOptions>();
    auto* remove = id_command(forum, "remove", tr("delete a forum that no meeting refers to"),
                              tr("Example: kades forum remove 3f9a"), *remove_opt);
    remove->callback([&ctx, remove_opt] { run_remove(ctx, *remove_opt); });
}

} // namespace

void setup_forum(CLI::App& app, Context& ctx) {
    auto* forum = app.add_subcommand("forum", tr("forums: standing groups of villages"));
    forum->require_subcommand(1);
    forum->footer(tr("Example: kades forum list --village sidasari-cipari"));

    auto add_opt = std::make_shared<AddOptions>();
    auto* add = forum->add_subcommand("add", tr("start a forum of villages"));
    add->add_option("NAME", add_opt->fields.name, tr("the forum's name"))->required();
    add_field_options(*add, add_opt->fields);
    add->add_option("--member", add_opt->members, tr("a member village (repeatable)"));
    add->footer(tr("Example: kades forum add \"Forum Kades Cipari\" --founded 2024-03-01 --member "
                   "sidasari-cipari --member cipari-cipari"));
    add->callback([&ctx, add_opt] { run_add(ctx, *add_opt); });

    auto list_opt = std::make_shared<ListOptions>();
    auto* list = forum->add_subcommand("list", tr("list the forums"));
    list->add_option("--village", list_opt->village, tr("only forums this village is a member of"));
    add_window_options(*list, list_opt->window);
    list->footer(tr("Example: kades forum list --village sidasari-cipari -f json"));
    list->callback([&ctx, list_opt] { run_list(ctx, *list_opt); });

    auto show_opt = std::make_shared<IdOptions>();
    auto* show = id_command(*forum, "show", tr("a forum with its members"),
                            tr("Example: kades forum show 3f9a0c12"), *show_opt);
    show->callback([&ctx, show_opt] { run_show(ctx, *show_opt); });

    setup_forum_changes(*forum, ctx);
}

} // namespace kades::cli
