// export | import | sync: sharing the log between copies (spec section `sharing`).

#include "cli/commands.hpp"
#include "core/date.hpp"
#include "core/error.hpp"
#include "core/i18n.hpp"
#include "core/text.hpp"
#include "render/sync.hpp"
#include "store/sync.hpp"

#include <iostream>
#include <memory>

namespace kades::cli {
using core::tr;
using core::trf;
using render::Format;

namespace {

struct ExportOptions {
    std::string since, redact;
};

struct SyncOptions {
    std::string dir, name;
    bool status = false, conflicts = false;
};

void run_export(Context& ctx, const ExportOptions& opt) {
    // Export is JSON whatever the default format: only -f json (or none) is offered.
    if (!ctx.globals.format.empty())
        ctx.render_options({Format::json});
    store::ExportOptions options;
    if (!opt.since.empty())
        options.since = core::iso(core::parse_date(opt.since, ctx.today()));
    if (!opt.redact.empty() && opt.redact != "contacts")
        throw core::Usage(trf("--redact '{}' is not known: use --redact contacts", opt.redact));
    options.redact_contacts = !opt.redact.empty();
    auto& log = ctx.open_log(store::OpenMode::read);
    // Streamed: a national log is not held in memory. A reader changes nothing if it fails.
    store::export_log(log, std::cout, options);
}

void run_import(Context& ctx, const std::string& file) {
    auto options = ctx.render_options({Format::table, Format::json});
    auto& log = ctx.open_log(store::OpenMode::write);
    auto result = store::import_file(log, file);
    if (!ctx.globals.quiet || options.format == Format::json)
        render::import_result(ctx.out(), result, file, options);
}

void run_sync(Context& ctx, const SyncOptions& opt) {
    auto options = ctx.render_options({Format::table, Format::json});
    if (opt.status && opt.conflicts)
        throw core::Usage(tr("give --status or --conflicts, not both"));
    if (opt.dir.empty() && !opt.status && !opt.conflicts && opt.name.empty())
        throw core::Usage(tr("give the sync folder: kades sync DIR (or --status, --conflicts)"));
    if (opt.status || opt.conflicts) {
        auto& log = ctx.open_log(opt.name.empty() ? store::OpenMode::read : store::OpenMode::write);
        if (!opt.name.empty())
            store::set_replica_name(log, core::trim(opt.name));
        if (opt.status)
            render::sync_status(ctx.out(), store::sync_status(log), options);
        else
            render::sync_conflicts(ctx.out(), store::sync_conflicts(log), options);
        return;
    }
    auto& log = ctx.open_log(store::OpenMode::write);
    if (!opt.name.empty()) {
        if (core::trim(opt.name).empty())
            throw core::Invalid(tr("--name is empty: give this copy a name others will know"));
        store::set_replica_name(log, core::trim(opt.name));
    }
    if (opt.dir.empty()) {
        ctx.say(trf("This copy is now named {}.", core::trim(opt.name)));
        return;
    }
    auto result = store::sync_folder(log, opt.dir);
    std::ostringstream quiet;
    render::sync_result(ctx.globals.quiet && options.format != Format::json ? quiet : ctx.out(),
                        std::cerr, result, opt.dir, options);
}

} // namespace

void setup_share(CLI::App& app, Context& ctx) {
    auto eopt = std::make_shared<ExportOptions>();
    auto* exp = app.add_subcommand("export", tr("the whole log (or its changes since a date) as "
                                                "one JSON document, to share or keep"));
    exp->add_option("--since", eopt->since, tr("only the changes from this date on"));
    exp->add_option("--redact", eopt->redact,
                    tr("leave out personal data: contacts (phone numbers, e-mail addresses)"));
    exp->footer(tr("Example: kades export --redact contacts > cipari-2026-11.json"));
    exp->callback([&ctx, eopt] { run_export(ctx, *eopt); });

    auto file = std::make_shared<std::string>();
    auto* imp = app.add_subcommand("import", tr("merge an export into this log (idempotent; the "
                                                "newer change wins, field by field)"));
    imp->add_option("FILE", *file, tr("an export from kades export"))->required();
    imp->footer(tr("Example: kades import cipari-2026-11.json"));
    imp->callback([&ctx, file] { run_import(ctx, *file); });

    auto sopt = std::make_shared<SyncOptions>();
    auto* sync = app.add_subcommand("sync", tr("share through a folder (Syncthing, a USB stick, a "
                                               "git repository): write this copy's changes, "
                                               "apply the others'"));
    sync->add_option("DIR", sopt->dir, tr("the shared folder (created if missing)"));
    sync->add_flag("--status", sopt->status,
                   tr("this copy's id and name, and when each other copy was last heard from"));
    sync->add_flag("--conflicts", sopt->conflicts,
                   tr("the values a newer edit overwrote, and which copy wrote each"));
    sync->add_option("--name", sopt->name, tr("name this copy, as the others will see it"));
    sync->footer(tr("Example: kades sync ~/Sync/kades-cipari"));
    sync->callback([&ctx, sopt] { run_sync(ctx, *sopt); });
}

} // namespace kades::cli
