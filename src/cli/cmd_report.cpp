// report monthly | period: the network's activity over a month or any period. The other
// reports register from their own files.

#include "cli/commands.hpp"
#include "core/error.hpp"
#include "core/i18n.hpp"
#include "core/lesson.hpp"
#include "render/report.hpp"
#include "report/lessons_report.hpp"
#include "report/monthly.hpp"
#include "report/network.hpp"
#include "report/village_report.hpp"
#include "store/village.hpp"

#include <memory>

namespace kades::cli {
using core::tr;
using render::Format;

namespace {

struct ScopeOptions {
    std::optional<std::string> forum, under;
};

struct MonthlyOptions {
    std::optional<std::string> month;
    ScopeOptions scope;
};

struct NetworkOptions {
    std::optional<std::string> from, to;
    ScopeOptions scope;
};

struct VillageOptions {
    std::string ref;
    std::optional<std::string> from, to;
    ScopeOptions scope;
};

struct LessonsOptions {
    std::optional<std::string> topic, kind, from, to;
    ScopeOptions scope;
};

struct PeriodOptions {
    std::string from, to;
    ScopeOptions scope;
};

void add_scope_options(CLI::App& cmd, ScopeOptions& opt) {
    cmd.add_option("--forum", opt.forum, tr("only the members of this forum (its id)"));
    cmd.add_option("--under", opt.under,
                   tr("only the villages under this province, kabupaten or kecamatan code"));
}

store::ScopeFilter scope_of(const ScopeOptions& opt) {
    return {opt.forum, opt.under};
}

void run_report(Context& ctx, const ScopeOptions& scope, const core::Period& period, bool monthly) {
    auto options = ctx.render_options(
        {Format::table, Format::markdown, Format::json, Format::csv, Format::whatsapp});
    auto& log = ctx.open_log(store::OpenMode::read);
    auto report = report::monthly_report(log, scope_of(scope), period, ctx.today(), monthly);
    render::monthly_report(ctx.out(), report, options);
}

std::optional<core::Period> optional_period(const Context& ctx,
                                            const std::optional<std::string>& from,
                                            const std::optional<std::string>& to) {
    auto date = [&ctx](const std::optional<std::string>& text) -> std::optional<core::Date> {
        if (!text)
            return std::nullopt;
        return core::parse_date(*text, ctx.today());
    };
    if (!from && !to)
        return std::nullopt;
    return core::make_period(date(from), date(to));
}

void setup_village_report(CLI::App& report, Context& ctx) {
    auto opt = std::make_shared<VillageOptions>();
    auto* village = report.add_subcommand("village", tr("one village's story over a period"));
    village->add_option("REF", opt->ref, tr("slug, code or unique name"))->required();
    village->add_option("--from", opt->from, tr("the first day (default: the whole log)"));
    village->add_option("--to", opt->to, tr("the last day (default: the whole log)"));
    add_scope_options(*village, opt->scope);
    village->footer(tr("Formats: table, markdown, json, csv (the figures), whatsapp.\nExample: "
                       "kades report village sidasari-cipari --from 2026-01-01 -f markdown"));
    village->callback([&ctx, opt] {
        auto options = ctx.render_options(
            {Format::table, Format::markdown, Format::json, Format::csv, Format::whatsapp});
        auto period = optional_period(ctx, opt->from, opt->to);
        auto& log = ctx.open_log(store::OpenMode::read);
        auto v = store::resolve_village(log, opt->ref);
        render::village_report(
            ctx.out(), report::village_report(log, v, period, scope_of(opt->scope)), options);
    });
}

void setup_network_report(CLI::App& report, Context& ctx) {
    auto opt = std::make_shared<NetworkOptions>();
    auto* network =
        report.add_subcommand("network", tr("who works with whom, and who is left out"));
    network->add_option("--from", opt->from, tr("the first day (default: the whole log)"));
    network->add_option("--to", opt->to, tr("the last day (default: the whole log)"));
    add_scope_options(*network, opt->scope);
    network->footer(tr("Formats: table, json, dot (Graphviz), mermaid.\nExample: kades report "
                       "network -f dot | dot -Tsvg > network.svg"));
    network->callback([&ctx, opt] {
        auto options =
            ctx.render_options({Format::table, Format::json, Format::dot, Format::mermaid});
        auto period = optional_period(ctx, opt->from, opt->to);
        auto& log = ctx.open_log(store::OpenMode::read);
        auto r = report::network_report(log, scope_of(opt->scope), period);
        render::network_report(ctx.out(), r, options);
    });
}

void setup_lessons_report(CLI::App& report, Context& ctx) {
    auto opt = std::make_shared<LessonsOptions>();
    auto* lessons = report.add_subcommand(
        "lessons", tr("the lessons-learned compendium, grouped by topic, for a new kades"));
    lessons->add_option("--topic", opt->topic, tr("only the lessons with this topic"));
    lessons->add_option("--kind", opt->kind, tr("only this kind: success, failure, insight"));
    lessons->add_option("--from", opt->from, tr("the first day (default: the whole log)"));
    lessons->add_option("--to", opt->to, tr("the last day (default: the whole log)"));
    add_scope_options(*lessons, opt->scope);
    lessons->footer(tr("Formats: table, markdown, json, csv (one row a lesson), whatsapp.\n"
                       "Example: kades report lessons --topic pertanian -f markdown > "
                       "pertanian.md"));
    lessons->callback([&ctx, opt] {
        auto options = ctx.render_options(
            {Format::table, Format::markdown, Format::json, Format::csv, Format::whatsapp});
        store::LessonSelection selection;
        if (opt->topic)
            selection.topic = core::normalize_topic(*opt->topic);
        if (opt->kind)
            selection.kind = core::lesson_kind_key(core::parse_lesson_kind(*opt->kind));
        auto period = optional_period(ctx, opt->from, opt->to);
        auto& log = ctx.open_log(store::OpenMode::read);
        auto r = report::lessons_report(log, scope_of(opt->scope), period, selection, ctx.today());
        render::lessons_report(ctx.out(), r, options);
    });
}

} // namespace

void setup_report(CLI::App& app, Context& ctx) {
    auto* report = app.add_subcommand("report", tr("reports of the network's work"));
    report->require_subcommand(1);
    report->footer(tr("Example: kades report monthly --month last -f markdown"));

    auto monthly_opt = std::make_shared<MonthlyOptions>();
    auto* monthly = report->add_subcommand("monthly", tr("the month's summary, to share"));
    monthly->add_option("--month", monthly_opt->month,
                        tr("the month: YYYY-MM, this, last (default: this month)"));
    add_scope_options(*monthly, monthly_opt->scope);
    monthly->footer(tr("Formats: table, markdown, json, csv (the meetings), whatsapp.\nExample: "
                       "kades report monthly --month 2026-11 -f whatsapp --lang id"));
    monthly->callback([&ctx, monthly_opt] {
        auto period = core::parse_month(monthly_opt->month.value_or("this"), ctx.today());
        run_report(ctx, monthly_opt->scope, period, true);
    });

    auto period_opt = std::make_shared<PeriodOptions>();
    auto* period = report->add_subcommand("period", tr("the same summary for any period"));
    period->add_option("--from", period_opt->from, tr("the first day"))->required();
    period->add_option("--to", period_opt->to, tr("the last day"))->required();
    add_scope_options(*period, period_opt->scope);
    period->footer(tr("Example: kades report period --from 2026-10-01 --to 2026-12-31 -f "
                      "markdown"));
    period->callback([&ctx, period_opt] {
        auto p = core::make_period(core::parse_date(period_opt->from, ctx.today()),
                                   core::parse_date(period_opt->to, ctx.today()));
        run_report(ctx, period_opt->scope, p, false);
    });

    setup_village_report(*report, ctx);
    setup_lessons_report(*report, ctx);
    setup_network_report(*report, ctx);
}

} // namespace kades::cli
