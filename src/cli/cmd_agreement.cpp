// agreement add | edit: writing agreements. Reading (list, show) is in cmd_agreement_read.cpp,
// and the record-keeping (end, remove) in cmd_agreement_record.cpp.

#include "cli/commands.hpp"
#include "cli/list_options.hpp"
#include "core/agreement.hpp"
#include "core/i18n.hpp"
#include "core/id.hpp"
#include "core/rupiah.hpp"
#include "core/text.hpp"
#include "render/agreement.hpp"
#include "store/agreement.hpp"

#include <memory>

namespace kades::cli {
using core::tr;
using core::trf;
using render::Format;

void setup_agreement_read(CLI::App& agreement, Context& ctx);
void setup_agreement_record(CLI::App& agreement, Context& ctx);
// The record as JSON (-f json), its id alone (-q), or the confirmation.
void print_agreement(Context& ctx, const render::Options& options, const core::Agreement& a,
                     const std::string& message);

namespace {

struct FieldOptions {
    std::optional<std::string> title, scope, signed_on, until, number, mad, funding, note, ended;
    std::vector<std::string> villages, drop_villages, partners, drop_partners;
};

struct EditOptions {
    std::string id;
    FieldOptions fields;
};

void add_party_options(CLI::App& cmd, FieldOptions& opt, bool for_edit) {
    auto* village = cmd.add_option("--village", opt.villages,
                                   for_edit ? tr("add a village as a party (repeatable)")
                                            : tr("a village party to it (repeatable)"));
    village->allow_extra_args(false);
    cmd.add_option("--partner", opt.partners,
                   for_edit ? tr("add a partner as a party, by id (repeatable)")
                            : tr("a partner party to it, by id (repeatable)"))
        ->allow_extra_args(false);
    if (!for_edit) {
        village->required();
        return;
    }
    cmd.add_option("--drop-village", opt.drop_villages, tr("remove a village (repeatable)"))
        ->allow_extra_args(false);
    cmd.add_option("--drop-partner", opt.drop_partners, tr("remove a partner (repeatable)"))
        ->allow_extra_args(false);
}

// The options add and edit share; edit adds --title, --ended and the --drop-... options.
void add_field_options(CLI::App& cmd, FieldOptions& opt, bool for_edit) {
    add_party_options(cmd, opt, for_edit);
    auto* scope = cmd.add_option("--scope", opt.scope,
                                 tr("business, community, services, development, empowerment; "
                                    "or usaha, kemasyarakatan, pelayanan, pembangunan, "
                                    "pemberdayaan"));
    auto* signed_on = cmd.add_option("--signed", opt.signed_on, tr("the day it was signed"));
    if (!for_edit) {
        scope->required();
        signed_on->required();
    }
    cmd.add_option("--until", opt.until, tr("its last day in force"));
    cmd.add_option("--number", opt.number,
                   tr("the number of the Peraturan Bersama Kepala Desa or of the contract"));
    cmd.add_option("--mad", opt.mad, tr("the day of the Musyawarah Antar Desa that agreed it"));
    cmd.add_option("--funding", opt.funding,
                   tr("funding in Rupiah: 25000000, 25.000.000, Rp 25.000.000, 25jt"));
    cmd.add_option("--note", opt.note, tr("a note"));
    if (for_edit) {
        cmd.add_option("--title", opt.title, tr("the agreement's title"));
        cmd.add_option("--ended", opt.ended,
                       tr("the day it was ended early (an empty value reinstates it)"));
    }
}

// An empty value clears an optional date (on edit); anything else is parsed.
std::optional<std::optional<core::Date>> optional_date(const std::optional<std::string>& text,
                                                       core::Date today) {
    if (!text)
        return std::nullopt;
    if (core::trim(*text).empty())
        return std::optional<core::Date>();
    return std::optional(core::parse_date(*text, today));
}

core::AgreementFields fields_of(const FieldOptions& opt, core::Date today) {
    core::AgreementFields f;
    f.title = opt.title;
    if (opt.scope)
        f.scope = core::parse_agreement_scope(*opt.scope);
    if (opt.signed_on)
        f.signed_on = core::parse_date(*opt.signed_on, today);
    f.until = optional_date(opt.until, today);
    f.mad = optional_date(opt.mad, today);
    f.ended = optional_date(opt.ended, today);
    if (opt.funding && core::trim(*opt.funding).empty())
        f.funding = std::optional<core::Rupiah>();
    else if (opt.funding)
        f.funding = std::optional(core::parse_rupiah(*opt.funding));
    f.number = opt.number;
    f.note = opt.note;
    f.villages = opt.villages;
    f.drop_villages = opt.drop_villages;
    f.partners = opt.partners;
    f.drop_partners = opt.drop_partners;
    return f;
}

void run_add(Context& ctx, const FieldOptions& opt) {
    auto options = ctx.render_options({Format::table, Format::json});
    auto fields = fields_of(opt, ctx.today());
    auto& log = ctx.open_log(store::OpenMode::write);
    auto a = store::add_agreement(log, fields, ctx.today());
    print_agreement(ctx, options, a, trf("Added agreement {}.", render::agreement_label(a)));
}

void run_edit(Context& ctx, const EditOptions& opt) {
    auto options = ctx.render_options({Format::table, Format::json});
    auto fields = fields_of(opt.fields, ctx.today());
    auto& log = ctx.open_log(store::OpenMode::write);
    auto a = store::edit_agreement(log, store::resolve_agreement(log, opt.id, ctx.today()), fields,
                                   ctx.today());
    print_agreement(ctx, options, a, trf("Updated agreement {}.", render::agreement_label(a)));
}

} // namespace

void print_agreement(Context& ctx, const render::Options& options, const core::Agreement& a,
                     const std::string& message) {
    if (options.format == Format::json)
        render::write_json(ctx.out(), render::agreement_json(a));
    else if (ctx.globals.quiet)
        ctx.out() << core::short_id(a.uuid) << '\n';
    else
        ctx.say(message);
}

void setup_agreement(CLI::App& app, Context& ctx) {
    auto* agreement = app.add_subcommand(
        "agreement", tr("agreements: written cooperation between villages and with partners"));
    agreement->require_subcommand(1);
    agreement->footer(tr("Example: kades agreement list --expiring 60"));

    auto add_opt = std::make_shared<FieldOptions>();
    auto* add = agreement->add_subcommand(
        "add", tr("record a cooperation agreement (Kerja Sama Desa) once it is signed"));
    add->add_option("TITLE", add_opt->title, tr("what the agreement is about"))->required();
    add_field_options(*add, *add_opt, false);
    add->footer(tr("Two villages, or a village and a partner. The status follows from the dates: "
                   "active, expired after --until, ended by `agreement end`.\nExample: kades "
                   "agreement add \"Bank sampah bersama\" --village sidasari-cipari --village "
                   "caruy-cipari --partner 3f9a --scope pemberdayaan --signed 2026-01-15 --until "
                   "2027-01-14 --funding \"Rp 25.000.000\""));
    add->callback([&ctx, add_opt] { run_add(ctx, *add_opt); });

    auto edit_opt = std::make_shared<EditOptions>();
    auto* edit = record_command(*agreement, "edit", tr("change an agreement's details"),
                                tr("the agreement's id (4 or more hex digits)"), edit_opt->id);
    add_field_options(*edit, edit_opt->fields, true);
    edit->footer(tr("An empty value clears --until, --number, --mad, --funding, --note or "
                    "--ended. --village and --partner add a party, --drop-village and "
                    "--drop-partner remove one.\nExample: kades agreement edit 3f9a --until "
                    "2027-06-30 --funding 30jt"));
    edit->callback([&ctx, edit_opt] { run_edit(ctx, *edit_opt); });

    setup_agreement_read(*agreement, ctx);
    setup_agreement_record(*agreement, ctx);
}

} // namespace kades::cli
