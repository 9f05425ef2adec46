// visit held | cancel | remove

#include "cli/commands.hpp"
#include "cli/list_options.hpp"
#include "core/i18n.hpp"
#include "core/visit.hpp"
#include "render/visit.hpp"
#include "store/visit.hpp"

#include <memory>

namespace kades::cli {
using core::tr;
using core::trf;
using render::Format;

void print_visit(Context& ctx, const render::Options& options, const core::Visit& v,
                 const std::string& message);

namespace {

struct IdOptions {
    std::string id, reason;
};

void run_held(Context& ctx, const IdOptions& opt) {
    auto options = ctx.render_options({Format::table, Format::json});
    auto& log = ctx.open_log(store::OpenMode::write);
    auto v = store::mark_visit_held(log, store::resolve_visit(log, opt.id), ctx.today());
    print_visit(ctx, options, v,
                trf("Visit {} is marked held.", render::visit_label(v, options.lang)));
}

void run_cancel(Context& ctx, const IdOptions& opt) {
    auto options = ctx.render_options({Format::table, Format::json});
    auto& log = ctx.open_log(store::OpenMode::write);
    auto v = store::cancel_visit(log, store::resolve_visit(log, opt.id), opt.reason);
    print_visit(ctx, options, v, trf("Cancelled visit {}.", render::visit_label(v, options.lang)));
}

void run_remove(Context& ctx, const IdOptions& opt) {
    auto options = ctx.render_options({Format::table});
    auto& log = ctx.open_log(store::OpenMode::write);
    auto v = store::resolve_visit(log, opt.id);
    store::remove_visit(log, v);
    ctx.say(trf("Removed visit {} with its visitors and programs.",
                render::visit_label(v, options.lang)));
}

CLI::App* id_command(CLI::App& visit, const char* name, const std::string& help, IdOptions& opt) {
    return record_command(visit, name, help, tr("the visit's id (4 or more hex digits)"), opt.id);
}

} // namespace

void setup_visit_record(CLI::App& visit, Context& ctx) {
    auto held_opt = std::make_shared<IdOptions>();
    auto* held =
        id_command(visit, "held",
                   tr("mark a planned or cancelled visit held, once its day has come"), *held_opt);
    held->footer(tr("Example: kades visit held 3f9a"));
    held->callback([&ctx, held_opt] { run_held(ctx, *held_opt); });

    auto cancel_opt = std::make_shared<IdOptions>();
    auto* cancel = id_command(visit, "cancel", tr("cancel a planned visit"), *cancel_opt);
    cancel->add_option("--reason", cancel_opt->reason, tr("why it was cancelled"));
    cancel->footer(tr("Example: kades visit cancel 3f9a --reason \"jalan longsor\""));
    cancel->callback([&ctx, cancel_opt] { run_cancel(ctx, *cancel_opt); });

    auto remove_opt = std::make_shared<IdOptions>();
    auto* remove =
        id_command(visit, "remove",
                   tr("delete a visit with its visitors and programs, unless actions follow it up"),
                   *remove_opt);
    remove->footer(tr("Example: kades visit remove 3f9a"));
    remove->callback([&ctx, remove_opt] { run_remove(ctx, *remove_opt); });
}

} // namespace kades::cli
