// region import [DIR], region list: the Kemendagri reference data.

#include "cli/commands.hpp"
#include "core/error.hpp"
#include "core/i18n.hpp"
#include "core/region.hpp"
#include "core/text.hpp"
#include "render/region.hpp"
#include "store/region.hpp"

#include <memory>

namespace kades::cli {
using core::tr;
using core::trf;
using core::trnf;
using render::Format;

namespace {

struct ImportOptions {
    std::string dir;
};

struct ListOptions {
    std::string under, level, name, limit;
};

void run_import(Context& ctx, const ImportOptions& opt) {
    ctx.render_options({Format::table});
    auto dir =
        opt.dir.empty() ? ctx.share_dir() / "kades" / "wilayah" : std::filesystem::path(opt.dir);
    auto& log = ctx.open_log(store::OpenMode::write);
    auto result = store::import_regions(log, dir);
    ctx.say(trf("Loaded {} provinces, {} regencies, {} districts and {} villages: {} new, {} "
                "renamed.",
                result.provinces, result.regencies, result.districts, result.villages, result.added,
                result.renamed));
    if (result.network_renamed > 0)
        ctx.say(trnf("{} village of the network took its new name.",
                     "{} villages of the network took their new names.",
                     static_cast<unsigned long>(result.network_renamed), result.network_renamed));
}

store::RegionFilter filter_of(const ListOptions& opt) {
    store::RegionFilter filter;
    if (!opt.under.empty()) {
        auto code = core::parse_region_code(opt.under);
        if (!code)
            throw core::Invalid(trf("'{}' is not a region code: give one like 33, 33.01 or "
                                    "33.01.18",
                                    opt.under));
        filter.under = code->dotted;
    }
    if (!opt.level.empty())
        filter.level = core::parse_region_level(opt.level);
    if (!opt.name.empty())
        filter.name = opt.name;
    if (!opt.limit.empty())
        filter.limit = core::parse_count(opt.limit, "--limit", 1);
    return filter;
}

void run_list(Context& ctx, const ListOptions& opt) {
    auto options = ctx.render_options({Format::table, Format::markdown, Format::json, Format::csv});
    auto filter = filter_of(opt);
    auto& log = ctx.open_log(store::OpenMode::read);
    auto regions = store::list_regions(log, filter);
    if (regions.empty() && store::count_regions(log) == 0)
        throw core::NotFound(tr("no regions in the log"),
                             {tr("load them with `kades region import`")});
    render::regions(ctx.out(), regions, options);
}

} // namespace

void setup_region(CLI::App& app, Context& ctx) {
    auto* region =
        app.add_subcommand("region", tr("Indonesia's administrative regions (reference data)"));
    region->require_subcommand(1);
    region->footer(tr("Example: kades region list --level village --name sidasari"));

    auto import_opt = std::make_shared<ImportOptions>();
    auto* import =
        region->add_subcommand("import", tr("load the Kemendagri regions from CSV files"));
    import->add_option("DIR", import_opt->dir,
                       tr("folder with provinces.csv, regencies.csv, districts.csv, villages.csv "
                          "(default: the copy shipped with kades)"));
    import->footer(tr("Example: kades region import"));
    import->callback([&ctx, import_opt] { run_import(ctx, *import_opt);
});

auto list_opt = std::make_shared<ListOptions>();
auto* list = region->add_subcommand("list", tr("browse regions and find their codes"));
list->add_option("--under", list_opt->under, tr("only the regions under this code"));
list->add_option("--level", list_opt->level, tr("province, regency, district or village"));
list->add_option("--name", list_opt->name, tr("names containing this text"));
list->add_option("--limit", list_opt->limit, tr("at most this many rows"));
list->footer(tr("Example: kades region list --level village --name sidasari"));
list->callback([&ctx, list_opt] { run_list(ctx, *list_opt); });
} // namespace kades::cli

} // namespace kades::cli
