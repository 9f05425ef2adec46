// visit add | edit: writing visits. Reading (list, show) is in cmd_visit_read.cpp, and the
// record-keeping (held, cancel, remove) in cmd_visit_record.cpp.

#include "cli/commands.hpp"
#include "cli/list_options.hpp"
#include "core/error.hpp"
#include "core/i18n.hpp"
#include "core/id.hpp"
#include "core/text.hpp"
#include "core/visit.hpp"
#include "render/visit.hpp"
#include "store/visit.hpp"

#include <memory>

namespace kades::cli {
using core::tr;
using core::trf;
using render::Format;

void setup_visit_read(CLI::App& visit, Context& ctx);
void setup_visit_record(CLI::App& visit, Context& ctx);
// The record as JSON (-f json), its id alone (-q), or the confirmation.
void print_visit(Context& ctx, const render::Options& options, const core::Visit& v,
                 const std::string& message);

namespace {

struct FieldOptions {
    std::optional<std::string> host, date, until, kind, purpose, findings, workers, skill;
    std::vector<std::string> visitors, drop_visitors, programs, drop_programs;
    bool planned = false, held = false;
};

struct EditOptions {
    std::string id;
    FieldOptions fields;
};

void add_village_options(CLI::App& cmd, FieldOptions& opt, bool for_edit) {
    auto* host =
        cmd.add_option("--host", opt.host, tr("the village visited (slug, code or unique name)"));
    auto* visitor = cmd.add_option("--visitor", opt.visitors,
                                   for_edit ? tr("add a visiting village (repeatable)")
                                            : tr("a visiting village (repeatable)"));
    visitor->allow_extra_args(false);
    if (for_edit) {
        cmd.add_option("--drop-visitor", opt.drop_visitors,
                       tr("remove a visiting village (repeatable)"))
            ->allow_extra_args(false);
        return;
    }
    host->required();
    visitor->required();
}

// The options add and edit share; edit adds --drop-visitor and --drop-program.
void add_field_options(CLI::App& cmd, FieldOptions& opt, bool for_edit) {
    add_village_options(cmd, opt, for_edit);
    auto* date = cmd.add_option("--date", opt.date, tr("the day the visit starts"));
    if (!for_edit)
        date->required();
    cmd.add_option("--until", opt.until, tr("its last day, for a visit of several days"));
    cmd.add_option("--kind", opt.kind,
                   tr("study (the default on add), exchange, other; or studi, pertukaran, "
                      "lainnya"));
    cmd.add_option("--purpose", opt.purpose, tr("what the visit is for"));
    cmd.add_option("--program", opt.programs,
                   for_edit ? tr("append a program seen (repeatable)")
                            : tr("a program of the host seen or learned (repeatable)"))
        ->allow_extra_args(false);
    if (for_edit)
        cmd.add_option("--drop-program", opt.drop_programs,
                       tr("remove a program, named by its text (repeatable)"))
            ->allow_extra_args(false);
    cmd.add_option("--findings", opt.findings, tr("what was found or learned"));
    cmd.add_option("--workers", opt.workers, tr("an exchange's number of workers, 1 or more"));
    cmd.add_option("--skill", opt.skill, tr("the skill an exchange's workers learn"));
    auto* planned = cmd.add_flag("--planned", opt.planned, tr("record it as planned"));
    auto* held = cmd.add_flag("--held", opt.held, tr("record it as held (not after today)"));
    planned->excludes(held);
}

// An empty --until or --workers clears it (on edit); anything else is parsed.
void parse_optional_values(const FieldOptions& opt, core::Date today, core::VisitFields& f) {
    if (opt.until && core::trim(*opt.until).empty())
        f.until = std::optional<core::Date>();
    else if (opt.until)
        f.until = core::parse_date(*opt.until, today);
    if (opt.workers && core::trim(*opt.workers).empty())
        f.workers = std::optional<long>();
    else if (opt.workers)
        f.workers = core::parse_count(*opt.workers, "--workers", 1);
}

core::VisitFields fields_of(const FieldOptions& opt, core::Date today) {
    core::VisitFields f;
    f.host = opt.host;
    f.visitors = opt.visitors;
    f.drop_visitors = opt.drop_visitors;
    if (opt.date)
        f.date = core::parse_date(*opt.date, today);
    if (opt.kind)
        f.kind = core::parse_visit_kind(*opt.kind);
    f.purpose = opt.purpose;
    f.findings = opt.findings;
    f.skill = opt.skill;
    f.programs = opt.programs;
    f.drop_programs = opt.drop_programs;
    parse_optional_values(opt, today, f);
    if (opt.planned)
        f.status = core::VisitStatus::planned;
    if (opt.held)
        f.status = core::VisitStatus::held;
    return f;
}

void run_add(Context& ctx, const FieldOptions& opt) {
    auto options = ctx.render_options({Format::table, Format::json});
    auto fields = fields_of(opt, ctx.today());
    auto& log = ctx.open_log(store::OpenMode::write);
    auto v = store::add_visit(log, fields, ctx.today());
    auto label = render::visit_label(v, options.lang);
    print_visit(ctx, options, v,
                v.status == core::VisitStatus::planned ? trf("Added visit {} as planned.", label)
                                                       : trf("Added visit {} as held.", label));
}

void run_edit(Context& ctx, const EditOptions& opt) {
    auto options = ctx.render_options({Format::table, Format::json});
    auto fields = fields_of(opt.fields, ctx.today());
    auto& log = ctx.open_log(store::OpenMode::write);
    auto v = store::edit_visit(log, store::resolve_visit(log, opt.id), fields, ctx.today());
    print_visit(ctx, options, v, trf("Updated visit {}.", render::visit_label(v, options.lang)));
}

} // namespace

void print_visit(Context& ctx, const render::Options& options, const core::Visit& v,
                 const std::string& message) {
    if (options.format == Format::json)
        render::write_json(ctx.out(), render::visit_json(v));
    else if (ctx.globals.quiet)
        ctx.out() << core::short_id(v.uuid) << '\n';
    else
        ctx.say(message);
}

void setup_visit(CLI::App& app, Context& ctx) {
    auto* visit = app.add_subcommand("visit", tr("work visits and worker exchanges"));
    visit->require_subcommand(1);
    visit->footer(tr("Example: kades visit add --host sidasari-cipari --visitor caruy-cipari "
                     "--date 2026-11-13 --program \"Bank sampah\""));

    auto add_opt = std::make_shared<FieldOptions>();
    auto* add = visit->add_subcommand("add", tr("record a visit or an exchange, planned or held"));
    add_field_options(*add, *add_opt, false);
    add->footer(tr("A date after today is planned unless --held; today or before is held unless "
                   "--planned. --workers and --skill are for --kind exchange.\nExample: kades "
                   "visit add --host sidasari-cipari --visitor caruy-cipari --visitor "
                   "serang-cipari --date 2026-11-13 --program \"Bank sampah\" --program "
                   "\"Pertanian organik\""));
    add->callback([&ctx, add_opt] { run_add(ctx, *add_opt); });

    auto edit_opt = std::make_shared<EditOptions>();
    auto* edit = record_command(*visit, "edit", tr("change a visit's details"),
                                tr("the visit's id (4 or more hex digits)"), edit_opt->id);
    add_field_options(*edit, edit_opt->fields, true);
    edit->footer(tr("An empty value clears --until, --purpose, --findings, --workers or --skill. "
                    "--visitor adds and --drop-visitor removes a visiting village; --program "
                    "appends and --drop-program removes a program.\nExample: kades visit edit "
                    "3f9a --findings \"Bank sampah dikelola BUMDes\" --program \"Kompos\""));
    edit->callback([&ctx, edit_opt] { run_edit(ctx, *edit_opt); });

    setup_visit_read(*visit, ctx);
    setup_visit_record(*visit, ctx);
}

} // namespace kades::cli
