// agreement end | remove

#include "cli/commands.hpp"
#include "cli/list_options.hpp"
#include "core/agreement.hpp"
#include "core/i18n.hpp"
#include "render/agreement.hpp"
#include "store/agreement.hpp"

#include <memory>

namespace kades::cli {
using core::tr;
using core::trf;
using render::Format;

void print_agreement(Context& ctx, const render::Options& options, const core::Agreement& a,
                     const std::string& message);

namespace {

struct IdOptions {
    std::string id;
    std::optional<std::string> date;
};

void run_end(Context& ctx, const IdOptions& opt) {
    auto options = ctx.render_options({Format::table, Format::json});
    auto date = opt.date ? core::parse_date(*opt.date, ctx.today()) : ctx.today();
    auto& log = ctx.open_log(store::OpenMode::write);
    auto a = store::end_agreement(log, store::resolve_agreement(log, opt.id, ctx.today()), date,
                                  ctx.today());
    print_agreement(ctx, options, a,
                    trf("Agreement {} ended on {}.", render::agreement_label(a),
                        core::long_date(date, options.lang)));
}

void run_remove(Context& ctx, const IdOptions& opt) {
    ctx.render_options({Format::table});
    auto& log = ctx.open_log(store::OpenMode::write);
    auto a = store::resolve_agreement(log, opt.id, ctx.today());
    store::remove_agreement(log, a);
    ctx.say(trf("Removed agreement {}.", render::agreement_label(a)));
}

CLI::App* id_command(CLI::App& agreement, const char* name, const std::string& help,
                     IdOptions& opt) {
    return record_command(agreement, name, help, tr("the agreement's id (4 or more hex digits)"),
                          opt.id);
}

} // namespace

void setup_agreement_record(CLI::App& agreement, Context& ctx) {
    auto end_opt = std::make_shared<IdOptions>();
    auto* end = id_command(agreement, "end", tr("end an agreement early"), *end_opt);
    end->add_option("--date", end_opt->date,
                    tr("the day it ended (default: today; not before it was signed)"));
    end->footer(tr("Its status becomes ended; an agreement that runs to its --until needs no "
                   "end: it expires.\nExample: kades agreement end 3f9a --date 2026-11-20"));
    end->callback([&ctx, end_opt] { run_end(ctx, *end_opt); });

    auto remove_opt = std::make_shared<IdOptions>();
    auto* remove =
        id_command(agreement, "remove", tr("delete an agreement recorded by mistake"), *remove_opt);
    remove->footer(tr("To keep its history, end it instead.\nExample: kades agreement remove "
                      "3f9a"));
    remove->callback([&ctx, remove_opt] { run_remove(ctx, *remove_opt); });
}

} // namespace kades::cli
