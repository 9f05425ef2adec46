// village head | index | archive | remove

#include "cli/commands.hpp"
#include "core/devindex.hpp"
#include "core/error.hpp"
#include "core/i18n.hpp"
#include "core/text.hpp"
#include "store/village.hpp"

#include <memory>

namespace kades::cli {
using core::tr;
using core::trf;
using render::Format;

namespace {

struct HeadOptions {
    std::string ref, name, since;
};

struct IndexOptions {
    std::string ref, year, score, index = "idm";
    std::optional<std::string> status;
};

struct RefOptions {
    std::string ref;
    bool undo = false;
};

void run_head(Context& ctx, const HeadOptions& opt) {
    ctx.render_options({Format::table});
    auto since = core::parse_date(opt.since, ctx.today());
    auto& log = ctx.open_log(store::OpenMode::write);
    auto village = store::resolve_village(log, opt.ref);
    store::add_head(log, village, opt.name, since);
    ctx.say(trf("{} has been the head of {} since {}.", core::trim(opt.name), village.name,
                core::long_date(since, core::language())));
}

void run_index(Context& ctx, const IndexOptions& opt) {
    ctx.render_options({Format::table});
    int year = core::parse_year(opt.year);
    if (year > static_cast<int>(ctx.today().year()))
        throw core::Invalid(
            trf("the year {} has not come yet: give this year or an earlier one", year));
    auto kind = core::parse_index_kind(opt.index);
    std::optional<core::DevStatus> status;
    if (opt.status)
        status = core::parse_dev_status(*opt.status);
    auto score = core::make_index_score(kind, core::parse_decimal(opt.score, "--score"), status);
    auto& log = ctx.open_log(store::OpenMode::write);
    auto village = store::resolve_village(log, opt.ref);
    bool replaced = store::set_index(log, village, year, score);
    auto label = core::dev_status_label(score.status, core::language());
    auto index = kind == core::IndexKind::idm ? "IDM" : "ID";
    ctx.say(replaced ? trf("Replaced the {} score of {} for {}: {} ({}).", index, village.name,
                           year, score.score, label)
                     : trf("Recorded the {} score of {} for {}: {} ({}).", index, village.name,
                           year, score.score, label));
}

void run_archive(Context& ctx, const RefOptions& opt) {
    ctx.render_options({Format::table});
    auto& log = ctx.open_log(store::OpenMode::write);
    auto village = store::resolve_village(log, opt.ref);
    store::set_archived(log, village, !opt.undo);
    ctx.say(opt.undo
                ? trf("{} is back in the network.", village.slug)
                : trf("Archived {}: it stays in the log, out of lists and reports.", village.slug));
}

void run_remove(Context& ctx, const RefOptions& opt) {
    ctx.render_options({Format::table});
    auto& log = ctx.open_log(store::OpenMode::write);
    auto village = store::resolve_village(log, opt.ref);
    store::remove_village(log, village);
    ctx.say(trf("Removed {} from the log.", village.slug));
}

CLI::App* ref_command(CLI::App& village, const char* name, const std::string& help,
                      std::shared_ptr<RefOptions> opt) {
    auto* cmd = village.add_subcommand(name, help);
    cmd->add_option("REF", opt->ref, tr("slug, code or unique name"))->required();
    return cmd;
}

} // namespace

void setup_village_record(CLI::App& village, Context& ctx) {
    auto head_opt = std::make_shared<HeadOptions>();
    auto* head = village.add_subcommand("head", tr("record a new head after an election"));
    head->add_option("REF", head_opt->ref, tr("slug, code or unique name"))->required();
    head->add_option("NAME", head_opt->name, tr("the new head's name"))->required();
    head->add_option("--since", head_opt->since, tr("the date of taking office"))->required();
    head->footer(
        tr("Example: kades village head sidasari-cipari \"Siti Aminah\" --since 2026-01-15"));
    head->callback([&ctx, head_opt] { run_head(ctx, *head_opt); });

    auto index_opt = std::make_shared<IndexOptions>();
    auto* index = village.add_subcommand("index", tr("record a development index score of a year"));
    index->add_option("REF", index_opt->ref, tr("slug, code or unique name"))->required();
    index->add_option("--year", index_opt->year, tr("the year scored"))->required();
    index->add_option("--score", index_opt->score, tr("IDM 0..1 or Indeks Desa 0..100"))
        ->required();
    index->add_option("--index", index_opt->index, tr("idm (default) or id"));
    index->add_option("--status", index_opt->status,
                      tr("sangat-tertinggal, tertinggal, berkembang, maju, mandiri (for id)"));
    index->footer(tr("Example: kades village index sidasari-cipari --year 2024 --score 0.7215"));
    index->callback([&ctx, index_opt] { run_index(ctx, *index_opt); });

    auto archive_opt = std::make_shared<RefOptions>();
    auto* archive = ref_command(village, "archive",
                                tr("take a village out of lists and reports, "
                                   "keeping its history"),
                                archive_opt);
    archive->add_flag("--undo", archive_opt->undo, tr("bring an archived village back"));
    archive->footer(tr("Example: kades village archive sidasari-cipari"));
    archive->callback([&ctx, archive_opt] { run_archive(ctx, *archive_opt); });

    auto remove_opt = std::make_shared<RefOptions>();
    auto* remove = ref_command(village, "remove",
                               tr("delete a village that no other record refers to"), remove_opt);
    remove->footer(tr("Example: kades village remove sidasari-cipari"));
    remove->callback([&ctx, remove_opt] { run_remove(ctx, *remove_opt); });
}

} // namespace kades::cli
