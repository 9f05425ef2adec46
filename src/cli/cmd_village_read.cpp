// village list | show

#include "cli/commands.hpp"
#include "core/error.hpp"
#include "core/i18n.hpp"
#include "core/region.hpp"
#include "core/text.hpp"
#include "core/village.hpp"
#include "render/village.hpp"
#include "report/village_profile.hpp"
#include "store/village.hpp"

#include <memory>

namespace kades::cli {
using core::tr;
using core::trf;
using render::Format;

namespace {

struct ListOptions {
    std::optional<std::string> district, regency, province, tag, under;
    std::string limit;
    bool archived = false;
};

struct ShowOptions {
    std::string ref;
};

store::VillageFilter filter_of(const ListOptions& opt) {
    store::VillageFilter filter{opt.district, opt.regency,  opt.province, std::nullopt,
                                std::nullopt, opt.archived, std::nullopt};
    if (opt.tag)
        filter.tag = core::normalize_tag(*opt.tag);
    if (opt.under) {
        auto code = core::parse_region_code(*opt.under);
        if (!code)
            throw core::Invalid(
                trf("'{}' is not a region code: give one like 33, 33.01 or 33.01.18", *opt.under));
        filter.under = code->dotted;
    }
    if (!opt.limit.empty())
        filter.limit = core::parse_count(opt.limit, "--limit", 1);
    return filter;
}

void run_list(Context& ctx, const ListOptions& opt) {
    auto options = ctx.render_options({Format::table, Format::markdown, Format::json, Format::csv});
    auto filter = filter_of(opt);
    auto& log = ctx.open_log(store::OpenMode::read);
    render::villages(ctx.out(), store::list_villages(log, filter), options);
}

void run_show(Context& ctx, const ShowOptions& opt) {
    auto options = ctx.render_options({Format::table, Format::markdown, Format::json, Format::csv});
    auto& log = ctx.open_log(store::OpenMode::read);
    auto village = store::resolve_village(log, opt.ref);
    render::village_profile(ctx.out(), report::village_profile(log, village, ctx.today()), options);
}

} // namespace

void setup_village_read(CLI::App& village, Context& ctx) {
    auto list_opt = std::make_shared<ListOptions>();
    auto* list = village.add_subcommand("list", tr("list the villages of the network"));
    list->add_option("--district", list_opt->district, tr("only this kecamatan"));
    list->add_option("--regency", list_opt->regency, tr("only this kabupaten or kota"));
    list->add_option("--province", list_opt->province, tr("only this province"));
    list->add_option("--under", list_opt->under, tr("only villages under this region code"));
    list->add_option("--tag", list_opt->tag, tr("only villages with this tag"));
    list->add_flag("--archived", list_opt->archived, tr("include archived villages"));
    list->add_option("--limit", list_opt->limit, tr("at most this many rows"));
    list->footer(tr("Example: kades village list --district Cipari -f csv"));
    list->callback([&ctx, list_opt] { run_list(ctx, *list_opt); });

    auto show_opt = std::make_shared<ShowOptions>();
    auto* show = village.add_subcommand("show", tr("a village's profile"));
    show->add_option("REF", show_opt->ref, tr("slug, code or unique name"))->required();
    show->footer(tr("Example: kades village show sidasari-cipari"));
    show->callback([&ctx, show_opt] { run_show(ctx, *show_opt); });
}

} // namespace kades::cli
