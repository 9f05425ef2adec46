// db path | init | migrate | check | stats | backup: the log file itself.

#include "cli/commands.hpp"
#include "core/error.hpp"
#include "core/i18n.hpp"
#include "render/table.hpp"
#include "store/admin.hpp"

#include <filesystem>
#include <memory>

namespace kades::cli {
using core::tr;
using core::trf;
using core::trnf;
using render::Format;

namespace {

void run_path(Context& ctx) {
    ctx.out() << ctx.log_path().string() << '\n';
}

void run_init(Context& ctx) {
    bool existed = std::filesystem::exists(ctx.log_path());
    auto& log = ctx.open_log(store::OpenMode::write);
    ctx.say(existed ? trf("The log {} is ready (schema {}).", log.path().string(),
                          store::schema_version())
                    : trf("Started a new log at {}.", log.path().string()));
}

void run_migrate(Context& ctx) {
    auto& log = ctx.open_log(store::OpenMode::write);
    ctx.say(log.version() == store::schema_version()
                ? trf("The log is up to date (schema {}).", store::schema_version())
                : trf("Migrated the log from schema {} to {}.", log.version(),
                      store::schema_version()));
}

void run_check(Context& ctx) {
    auto& log = ctx.open_log(store::OpenMode::read);
    auto problems = store::check_log(log);
    if (!problems.empty())
        throw core::LogUnavailable(trnf("the log {} has {} problem", "the log {} has {} problems",
                                        static_cast<unsigned long>(problems.size()),
                                        log.path().string(), problems.size()),
                                   problems);
    ctx.say(trf("The log {} is sound.", log.path().string()));
}

void run_stats(Context& ctx) {
    auto options = ctx.render_options({Format::table, Format::markdown, Format::csv});
    auto& log = ctx.open_log(store::OpenMode::read);
    render::Table table{{{"table", tr("Table")}, {"rows", tr("Rows"), render::Align::right, true}},
                        {}};
    for (const auto& [name, rows] : store::table_counts(log))
        table.rows.push_back({name, std::to_string(rows)});
    table.rows.push_back(
        {tr("file size (bytes)"), std::to_string(std::filesystem::file_size(log.path()))});
    render::write_table(ctx.out(), table, options);
}

void run_backup(Context& ctx, const std::string& file) {
    auto& log = ctx.open_log(store::OpenMode::read);
    store::backup_log(log, file);
    ctx.say(trf("Backed up the log to {}.", file));
}

} // namespace

void setup_db(CLI::App& app, Context& ctx) {
    auto* db =
        app.add_subcommand("db", tr("the log file: path, init, migrate, check, stats, backup"));
    db->require_subcommand(1);
    db->footer(tr("Example: kades db check"));
    auto simple = [&](const char* name, const std::string& help, void (*run)(Context&)) {
        auto* cmd = db->add_subcommand(name, help);
        cmd->footer(fmt::format(fmt::runtime(tr("Example: kades db {}")), name));
        cmd->callback([&ctx, run] { run(ctx); });
    };
    simple("path", tr("print where the log is"), run_path);
    simple("init", tr("start a log (or bring it up to date)"), run_init);
    simple("migrate", tr("bring an older log up to this kades's schema"), run_migrate);
    simple("check", tr("check integrity and foreign keys"), run_check);
    simple("stats", tr("rows per table and file size"), run_stats);
    auto file = std::make_shared<std::string>();
    auto* backup = db->add_subcommand("backup", tr("copy the log, consistently, while in use"));
    backup->add_option("FILE", *file, tr("the new file"))->required();
    backup->footer(tr("Example: kades db backup /media/usb/kades-2026-11.db"));
    backup->callback([&ctx, file] { run_backup(ctx, *file); });
}

} // namespace kades::cli
