// partner add | list | show | edit | remove

#include "cli/commands.hpp"
#include "cli/list_options.hpp"
#include "core/error.hpp"
#include "core/i18n.hpp"
#include "core/id.hpp"
#include "core/partner.hpp"
#include "core/text.hpp"
#include "render/partner.hpp"
#include "store/partner.hpp"

#include <memory>

namespace kades::cli {
using core::tr;
using core::trf;
using render::Format;

namespace {

struct FieldOptions {
    std::optional<std::string> name, type, contact, note;
};

struct ListOptions {
    std::optional<std::string> type, village, limit;
};

struct IdOptions {
    std::string id;
    FieldOptions fields; // edit
};

core::PartnerFields fields_of(const FieldOptions& opt) {
    core::PartnerFields f;
    f.name = opt.name;
    if (opt.type)
        f.type = core::parse_partner_type(*opt.type);
    f.contact = opt.contact;
    f.note = opt.note;
    core::normalize_partner_fields(f);
    return f;
}

// -f json prints the record, -q the id, else the confirmation.
void print_partner(Context& ctx, const render::Options& options, const core::Partner& p,
                   const std::string& message) {
    if (options.format == Format::json)
        render::write_json(ctx.out(), render::partner_json(p));
    else if (ctx.globals.quiet)
        ctx.out() << core::short_id(p.uuid) << '\n';
    else
        ctx.say(message);
}

void run_add(Context& ctx, const FieldOptions& opt) {
    auto options = ctx.render_options({Format::table, Format::json});
    auto fields = fields_of(opt);
    auto& log = ctx.open_log(store::OpenMode::write);
    auto p = store::add_partner(log, fields, ctx.today());
    print_partner(ctx, options, p,
                  trf("Added partner {} ({}, {}).", p.name, core::short_id(p.uuid),
                      core::partner_type_label(p.type)));
}

void run_list(Context& ctx, const ListOptions& opt) {
    auto options = ctx.render_options({Format::table, Format::markdown, Format::json, Format::csv});
    store::PartnerFilter filter;
    if (opt.type)
        filter.type = core::parse_partner_type(*opt.type);
    filter.village = opt.village;
    if (opt.limit)
        filter.limit = core::parse_count(*opt.limit, "--limit", 1);
    auto& log = ctx.open_log(store::OpenMode::read);
    render::partners(ctx.out(), store::list_partners(log, filter, ctx.today()), options);
}

void run_show(Context& ctx, const IdOptions& opt) {
    auto options = ctx.render_options({Format::table, Format::markdown, Format::json, Format::csv});
    auto& log = ctx.open_log(store::OpenMode::read);
    render::partner_record(ctx.out(), store::resolve_partner(log, opt.id, ctx.today()), options);
}

void run_edit(Context& ctx, const IdOptions& opt) {
    auto options = ctx.render_options({Format::table, Format::json});
    const auto& o = opt.fields;
    if (!o.name && !o.type && !o.contact && !o.note)
        throw core::Usage(tr("nothing to change: give --name, --type, --contact or --note"));
    auto fields = fields_of(o);
    auto& log = ctx.open_log(store::OpenMode::write);
    auto p = store::edit_partner(log, store::resolve_partner(log, opt.id, ctx.today()), fields,
                                 ctx.today());
    print_partner(ctx, options, p, trf("Updated partner {}.", render::partner_label(p)));
}

void run_remove(Context& ctx, const IdOptions& opt) {
    ctx.render_options({Format::table});
    auto& log = ctx.open_log(store::OpenMode::write);
    auto p = store::resolve_partner(log, opt.id, ctx.today());
    store::remove_partner(log, p);
    ctx.say(trf("Removed partner {}.", render::partner_label(p)));
}

void add_field_options(CLI::App& cmd, FieldOptions& opt) {
    cmd.add_option("--contact", opt.contact,
                   tr("how to reach it: a person, a phone number, an address"));
    cmd.add_option("--note", opt.note, tr("a note"));
}

CLI::App* id_command(CLI::App& partner, const char* name, const std::string& help,
                     const std::string& footer, IdOptions& opt) {
    return record_command(partner, name, help, tr("the partner's id (4 or more hex digits)"),
                          opt.id)
        ->footer(footer);
}

void setup_partner_changes(CLI::App& partner, Context& ctx) {
    auto edit_opt = std::make_shared<IdOptions>();
    auto* edit = id_command(partner, "edit", tr("change a partner's name, type, contact or note"),
                            tr("An empty value clears --contact or --note.\nExample: kades "
                               "partner edit 3f9a --contact \"Bu Rina, 0812 2700 1234\""),
                            *edit_opt);
    edit->add_option("--name", edit_opt->fields.name, tr("the partner's name"));
    edit->add_option("--type", edit_opt->fields.type,
                     tr("ngo, company, government, university, other"));
    add_field_options(*edit, edit_opt->fields);
    edit->callback([&ctx, edit_opt] { run_edit(ctx, *edit_opt); });

    auto remove_opt = std::make_shared<IdOptions>();
    auto* remove = id_command(partner, "remove", tr("delete a partner that no agreement names"),
                              tr("Example: kades partner remove 3f9a"), *remove_opt);
    remove->callback([&ctx, remove_opt] { run_remove(ctx, *remove_opt); });
}

} // namespace

void setup_partner(CLI::App& app, Context& ctx) {
    auto* partner = app.add_subcommand(
        "partner", tr("partners: NGOs, companies' CSR programs, government offices, universities"));
    partner->require_subcommand(1);
    partner->footer(tr("Example: kades partner list --type ngo"));

    auto add_opt = std::make_shared<FieldOptions>();
    auto* add = partner->add_subcommand("add", tr("record a partner the network works with"));
    add->add_option("NAME", add_opt->name, tr("the partner's name"))->required();
    add->add_option("--type", add_opt->type,
                    tr("ngo, company, government, university, other; or lsm, perusahaan, "
                       "pemerintah, universitas, lainnya"))
        ->required();
    add_field_options(*add, *add_opt);
    add->footer(tr("Example: kades partner add \"Yayasan Bumi Lestari\" --type lsm --contact "
                   "\"Bu Rina, 0812 2700 1234\""));
    add->callback([&ctx, add_opt] { run_add(ctx, *add_opt); });

    auto list_opt = std::make_shared<ListOptions>();
    auto* list = partner->add_subcommand("list", tr("list the partners by name"));
    list->add_option("--type", list_opt->type, tr("only partners of this type"));
    list->add_option("--village", list_opt->village,
                     tr("only partners of this village's agreements"));
    list->add_option("--limit", list_opt->limit, tr("at most this many rows"));
    list->footer(tr("Example: kades partner list --village sidasari-cipari"));
    list->callback([&ctx, list_opt] { run_list(ctx, *list_opt); });

    auto show_opt = std::make_shared<IdOptions>();
    auto* show = id_command(*partner, "show", tr("a partner with its agreements and villages"),
                            tr("Example: kades partner show 3f9a0c12"), *show_opt);
    show->callback([&ctx, show_opt] { run_show(ctx, *show_opt); });

    setup_partner_changes(*partner, ctx);
}

} // namespace kades::cli
