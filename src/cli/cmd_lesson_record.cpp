// lesson adopt | unadopt | remove

#include "cli/commands.hpp"
#include "cli/list_options.hpp"
#include "core/i18n.hpp"
#include "core/id.hpp"
#include "core/lesson.hpp"
#include "render/lesson.hpp"
#include "store/lesson.hpp"

#include <memory>

namespace kades::cli {
using core::tr;
using core::trf;
using render::Format;

void print_lesson(Context& ctx, const render::Options& options, const core::Lesson& l,
                  const std::string& message);

namespace {

struct AdoptOptions {
    std::string id, village;
    std::optional<std::string> status, date, result;
};

struct IdOptions {
    std::string id;
};

std::string adopted_message(const store::Adopted& done) {
    const auto& a = done.adoption;
    auto label = render::lesson_label(done.lesson);
    auto status = core::adoption_status_label(a.status);
    if (!done.before)
        return trf("{} takes up lesson {}: {}.", a.village.name, label, status);
    if (done.before->status != a.status)
        return trf("{}'s adoption of lesson {} moves on from {} to {}.", a.village.name, label,
                   core::adoption_status_label(done.before->status), status);
    return trf("Updated {}'s adoption of lesson {} ({}).", a.village.name, label, status);
}

void run_adopt(Context& ctx, const AdoptOptions& opt) {
    auto options = ctx.render_options({Format::table, Format::json});
    store::AdoptionFields fields;
    fields.village = opt.village;
    if (opt.status)
        fields.status = core::parse_adoption_status(*opt.status);
    if (opt.date)
        fields.date = core::parse_date(*opt.date, ctx.today());
    fields.result = opt.result;
    auto& log = ctx.open_log(store::OpenMode::write);
    auto done = store::adopt_lesson(log, store::resolve_lesson(log, opt.id), fields, ctx.today());
    if (options.format != Format::json && ctx.globals.quiet)
        ctx.out() << core::short_id(done.adoption.uuid) << '\n';
    else
        print_lesson(ctx, options, done.lesson, adopted_message(done));
}

void run_unadopt(Context& ctx, const AdoptOptions& opt) {
    auto options = ctx.render_options({Format::table, Format::json});
    auto& log = ctx.open_log(store::OpenMode::write);
    auto done = store::remove_adoption(log, store::resolve_lesson(log, opt.id), opt.village);
    print_lesson(ctx, options, done.lesson,
                 trf("Removed {}'s adoption of lesson {}.", done.removed.village.name,
                     render::lesson_label(done.lesson)));
}

void run_remove(Context& ctx, const IdOptions& opt) {
    ctx.render_options({Format::table});
    auto& log = ctx.open_log(store::OpenMode::write);
    auto l = store::resolve_lesson(log, opt.id);
    store::remove_lesson(log, l);
    ctx.say(trf("Removed lesson {} with its topics.", render::lesson_label(l)));
}

} // namespace

void setup_lesson_record(CLI::App& lesson, Context& ctx) {
    auto adopt_opt = std::make_shared<AdoptOptions>();
    auto* adopt = record_command(lesson, "adopt",
                                 tr("another village takes a lesson up, or its adoption moves on"),
                                 tr("the lesson's id (4 or more hex digits)"), adopt_opt->id);
    adopt
        ->add_option("--village", adopt_opt->village,
                     tr("the village taking it up (slug, code or unique name)"))
        ->required();
    adopt->add_option("--status", adopt_opt->status,
                      tr("planned (the default at first), trying, adopted, abandoned; or "
                         "direncanakan, dicoba, diadopsi, ditinggalkan"));
    adopt->add_option("--date", adopt_opt->date,
                      tr("when the status was reached (default: today; kept when the status "
                         "stays)"));
    adopt->add_option("--result", adopt_opt->result, tr("what came of it, with figures"));
    adopt->footer(tr("Adopting again with the same village updates its adoption: the status "
                     "moves on.\nExample: kades lesson adopt 3f9a --village caruy-cipari "
                     "--status dicoba --result \"40 nasabah bulan pertama\""));
    adopt->callback([&ctx, adopt_opt] { run_adopt(ctx, *adopt_opt); });

    auto unadopt_opt = std::make_shared<AdoptOptions>();
    auto* unadopt =
        record_command(lesson, "unadopt",
                       tr("remove an adoption recorded by mistake (a village that gave up is "
                          "--status abandoned)"),
                       tr("the lesson's id (4 or more hex digits)"), unadopt_opt->id);
    unadopt->add_option("--village", unadopt_opt->village, tr("the village whose adoption goes"))
        ->required();
    unadopt->footer(tr("Example: kades lesson unadopt 3f9a --village caruy-cipari"));
    unadopt->callback([&ctx, unadopt_opt] { run_unadopt(ctx, *unadopt_opt); });

    auto remove_opt = std::make_shared<IdOptions>();
    auto* remove = record_command(
        lesson, "remove", tr("delete a lesson with its topics, unless villages have taken it up"),
        tr("the lesson's id (4 or more hex digits)"), remove_opt->id);
    remove->footer(tr("Example: kades lesson remove 3f9a"));
    remove->callback([&ctx, remove_opt] { run_remove(ctx, *remove_opt); });
}

} // namespace kades::cli
