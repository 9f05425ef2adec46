// visit list | show

#include "cli/commands.hpp"
#include "cli/list_options.hpp"
#include "core/i18n.hpp"
#include "core/visit.hpp"
#include "render/visit.hpp"
#include "store/visit.hpp"

#include <memory>

namespace kades::cli {
using core::tr;
using render::Format;

namespace {

struct ListOptions {
    std::optional<std::string> status, kind, village;
    WindowOptions window;
};

struct ShowOptions {
    std::string id;
};

store::VisitFilter filter_of(const ListOptions& opt, core::Date today) {
    store::VisitFilter filter;
    if (opt.status)
        filter.status = core::parse_visit_status(*opt.status);
    if (opt.kind)
        filter.kind = core::parse_visit_kind(*opt.kind);
    filter.village = opt.village;
    filter.window = window_of(opt.window, today);
    return filter;
}

void run_list(Context& ctx, const ListOptions& opt) {
    auto options = ctx.render_options({Format::table, Format::markdown, Format::json, Format::csv});
    auto filter = filter_of(opt, ctx.today());
    auto& log = ctx.open_log(store::OpenMode::read);
    render::visits(ctx.out(), store::list_visits(log, filter), options);
}

void run_show(Context& ctx, const ShowOptions& opt) {
    auto options = ctx.render_options({Format::table, Format::markdown, Format::json, Format::csv});
    auto& log = ctx.open_log(store::OpenMode::read);
    render::visit_record(ctx.out(), store::resolve_visit(log, opt.id), options);
}

} // namespace

void setup_visit_read(CLI::App& visit, Context& ctx) {
    auto list_opt = std::make_shared<ListOptions>();
    auto* list = visit.add_subcommand("list", tr("list visits by date"));
    list->add_option("--status", list_opt->status, tr("only planned, held or cancelled visits"));
    list->add_option("--kind", list_opt->kind, tr("only this kind: study, exchange, other"));
    list->add_option("--village", list_opt->village, tr("only visits this village hosted or made"));
    add_window_options(*list, list_opt->window);
    list->footer(tr("A visit of several days is listed when any of its days is in the period.\n"
                    "Example: kades visit list --village caruy-cipari --month this"));
    list->callback([&ctx, list_opt] { run_list(ctx, *list_opt); });

    auto show_opt = std::make_shared<ShowOptions>();
    auto* show =
        record_command(visit, "show", tr("a visit with its visitors, programs and actions"),
                       tr("the visit's id (4 or more hex digits)"), show_opt->id);
    show->footer(tr("Example: kades visit show 3f9a0c12"));
    show->callback([&ctx, show_opt] { run_show(ctx, *show_opt); });
}

} // namespace kades::cli
