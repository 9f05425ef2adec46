// lesson list | show | search

#include "cli/commands.hpp"
#include "cli/list_options.hpp"
#include "core/i18n.hpp"
#include "core/lesson.hpp"
#include "render/lesson.hpp"
#include "store/lesson.hpp"

#include <memory>

namespace kades::cli {
using core::tr;
using render::Format;

namespace {

constexpr long k_search_limit = 20; // results a search shows unless --limit says otherwise

struct FilterOptions {
    std::optional<std::string> topic, kind, village;
    WindowOptions window;
};

struct SearchOptions {
    std::string query;
    FilterOptions filter;
};

struct ShowOptions {
    std::string id;
};

void add_filter_options(CLI::App& cmd, FilterOptions& opt) {
    cmd.add_option("--topic", opt.topic, tr("only lessons with this topic"));
    cmd.add_option("--kind", opt.kind, tr("only this kind: success, failure, insight"));
    cmd.add_option("--village", opt.village, tr("only lessons this village shared or took up"));
    add_window_options(cmd, opt.window);
}

store::LessonFilter filter_of(const FilterOptions& opt, core::Date today) {
    store::LessonFilter filter;
    filter.topic = opt.topic;
    if (opt.kind)
        filter.kind = core::parse_lesson_kind(*opt.kind);
    filter.village = opt.village;
    filter.window = window_of(opt.window, today);
    return filter;
}

void run_list(Context& ctx, const FilterOptions& opt) {
    auto options = ctx.render_options({Format::table, Format::markdown, Format::json, Format::csv});
    auto filter = filter_of(opt, ctx.today());
    auto& log = ctx.open_log(store::OpenMode::read);
    render::lessons(ctx.out(), store::list_lessons(log, filter), options);
}

void run_show(Context& ctx, const ShowOptions& opt) {
    auto options = ctx.render_options({Format::table, Format::markdown, Format::json, Format::csv});
    auto& log = ctx.open_log(store::OpenMode::read);
    render::lesson_record(ctx.out(), store::resolve_lesson(log, opt.id), options);
}

void run_search(Context& ctx, const SearchOptions& opt) {
    auto options = ctx.render_options({Format::table, Format::markdown, Format::json, Format::csv});
    auto filter = filter_of(opt.filter, ctx.today());
    if (!filter.window.limit)
        filter.window.limit = k_search_limit;
    auto& log = ctx.open_log(store::OpenMode::read);
    render::lesson_hits(ctx.out(), store::search_lessons(log, opt.query, filter), options);
}

} // namespace

void setup_lesson_read(CLI::App& lesson, Context& ctx) {
    auto list_opt = std::make_shared<FilterOptions>();
    auto* list = lesson.add_subcommand("list", tr("list lessons by date"));
    add_filter_options(*list, *list_opt);
    list->footer(tr("Example: kades lesson list --topic sampah --kind success"));
    list->callback([&ctx, list_opt] { run_list(ctx, *list_opt); });

    auto show_opt = std::make_shared<ShowOptions>();
    auto* show = record_command(lesson, "show", tr("a lesson whole, with its adoptions"),
                                tr("the lesson's id (4 or more hex digits)"), show_opt->id);
    show->footer(tr("Example: kades lesson show 3f9a0c12"));
    show->callback([&ctx, show_opt] { run_show(ctx, *show_opt); });

    auto search_opt = std::make_shared<SearchOptions>();
    auto* search = lesson.add_subcommand(
        "search", tr("find lessons by their words, best first, the matching words marked"));
    search->add_option("QUERY", search_opt->query, tr("the words to find"))->required();
    add_filter_options(*search, search_opt->filter);
    search->footer(
        tr("Indonesian words are found by their stem: tani finds pertanian, petani and bertani. "
           "Words must all match; \"a phrase\" in quotes, OR, NOT (in capitals) and a prefix* "
           "work; title: or topics: looks in one field. At most 20 results unless --limit.\n"
           "Example: kades lesson search 'tani OR \"bank sampah\"' --kind sukses"));
    search->callback([&ctx, search_opt] { run_search(ctx, *search_opt); });
}

} // namespace kades::cli
