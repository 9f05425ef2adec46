// agreement list | show

#include "cli/commands.hpp"
#include "cli/list_options.hpp"
#include "core/agreement.hpp"
#include "core/i18n.hpp"
#include "core/text.hpp"
#include "render/agreement.hpp"
#include "store/agreement.hpp"

#include <memory>

namespace kades::cli {
using core::tr;
using render::Format;

namespace {

struct ListOptions {
    bool active = false;
    std::optional<std::string> expiring, village, partner, scope;
    WindowOptions window;
};

struct ShowOptions {
    std::string id;
};

store::AgreementFilter filter_of(const ListOptions& opt, core::Date today) {
    store::AgreementFilter filter;
    filter.active = opt.active;
    if (opt.expiring)
        filter.expiring = core::parse_count(*opt.expiring, "--expiring", 0);
    filter.village = opt.village;
    filter.partner = opt.partner;
    if (opt.scope)
        filter.scope = core::parse_agreement_scope(*opt.scope);
    filter.window = window_of(opt.window, today);
    return filter;
}

void run_list(Context& ctx, const ListOptions& opt) {
    auto options = ctx.render_options({Format::table, Format::markdown, Format::json, Format::csv});
    auto filter = filter_of(opt, ctx.today());
    auto& log = ctx.open_log(store::OpenMode::read);
    render::agreements(ctx.out(), store::list_agreements(log, filter, ctx.today()), options);
}

void run_show(Context& ctx, const ShowOptions& opt) {
    auto options = ctx.render_options({Format::table, Format::markdown, Format::json, Format::csv});
    auto& log = ctx.open_log(store::OpenMode::read);
    render::agreement_record(ctx.out(), store::resolve_agreement(log, opt.id, ctx.today()),
                             options);
}

} // namespace

void setup_agreement_read(CLI::App& agreement, Context& ctx) {
    auto list_opt = std::make_shared<ListOptions>();
    auto* list = agreement.add_subcommand("list", tr("list agreements by signing date"));
    list->add_flag("--active", list_opt->active, tr("only those in force today"));
    list->add_option("--expiring", list_opt->expiring,
                     tr("only active ones whose last day is within this many days"));
    list->add_option("--village", list_opt->village, tr("only those this village is a party of"));
    list->add_option("--partner", list_opt->partner, tr("only those of this partner (an id)"));
    list->add_option("--scope", list_opt->scope, tr("only this scope"));
    add_window_options(*list, list_opt->window);
    list->footer(tr("--from, --to and --month are on the signing date; --expiring lists the "
                    "soonest to expire first.\nExample: kades agreement list --expiring 60 "
                    "--village sidasari-cipari"));
    list->callback([&ctx, list_opt] { run_list(ctx, *list_opt); });

    auto show_opt = std::make_shared<ShowOptions>();
    auto* show =
        record_command(agreement, "show", tr("an agreement with its villages and partners"),
                       tr("the agreement's id (4 or more hex digits)"), show_opt->id);
    show->footer(tr("Example: kades agreement show 3f9a0c12"));
    show->callback([&ctx, show_opt] { run_show(ctx, *show_opt); });
}

} // namespace kades::cli
