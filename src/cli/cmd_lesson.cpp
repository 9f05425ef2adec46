// lesson add | edit: writing lessons, from options, a template file or the editor. The
// template and the editor are in cmd_lesson_template.cpp; reading (list, show, search) is in
// cmd_lesson_read.cpp, and adoption and removal in cmd_lesson_record.cpp.

#include "cli/commands.hpp"
#include "cli/list_options.hpp"
#include "core/error.hpp"
#include "core/i18n.hpp"
#include "core/id.hpp"
#include "core/lesson_template.hpp"
#include "render/lesson.hpp"
#include "store/lesson.hpp"

#include <functional>
#include <memory>

namespace kades::cli {
using core::tr;
using core::trf;
using render::Format;

void setup_lesson_read(CLI::App& lesson, Context& ctx);
void setup_lesson_record(CLI::App& lesson, Context& ctx);
// The record as JSON (-f json), its id alone (-q), or the confirmation.
void print_lesson(Context& ctx, const render::Options& options, const core::Lesson& l,
                  const std::string& message);
// From cmd_lesson_template.cpp.
std::string read_template(const std::string& name);
core::LessonDraft lesson_draft(const core::Lesson& lesson);
void edit_template(const core::LessonDraft& draft, core::Date today, const std::string& retry,
                   const std::function<void(const core::LessonFields&)>& use);

namespace {

struct LessonOptions {
    std::optional<std::string> title, village, kind, date, context, outcome, lesson, recommendation,
        meeting, visit, from_file;
    std::vector<std::string> topics, drop_topics;
    bool edit = false;
};

// The options add and edit share; edit adds --title and --drop-topic.
void add_lesson_options(CLI::App& cmd, LessonOptions& opt, bool for_edit) {
    if (for_edit)
        cmd.add_option("--title", opt.title, tr("the lesson's title"));
    cmd.add_option("--village", opt.village,
                   tr("the village the lesson comes from (slug, code or unique name)"));
    cmd.add_option("--kind", opt.kind,
                   tr("success, failure or insight (the default on add); or sukses, gagal, "
                      "wawasan"));
    cmd.add_option("--topic", opt.topics,
                   for_edit ? tr("add a topic (repeatable; \"a, b\" is two)")
                            : tr("a topic, such as pertanian or \"pelayanan publik\" "
                                 "(repeatable; \"a, b\" is two)"))
        ->allow_extra_args(false);
    if (for_edit)
        cmd.add_option("--drop-topic", opt.drop_topics, tr("remove a topic (repeatable)"))
            ->allow_extra_args(false);
    cmd.add_option("--date", opt.date, tr("when it was learned (default on add: today)"));
    cmd.add_option("--context", opt.context, tr("the situation, and what was planned"));
    cmd.add_option("--outcome", opt.outcome, tr("what happened, with figures"));
    cmd.add_option("--lesson", opt.lesson, tr("the one sentence another village can take away"));
    cmd.add_option("--recommendation", opt.recommendation, tr("what another village should do"));
    auto* meeting =
        cmd.add_option("--meeting", opt.meeting, tr("the meeting where it was shared (its id)"));
    auto* visit =
        cmd.add_option("--visit", opt.visit, tr("the visit where it was shared (its id)"));
    meeting->excludes(visit);
    auto* edit = cmd.add_flag("--edit", opt.edit,
                              for_edit ? tr("edit the whole lesson in $VISUAL or $EDITOR")
                                       : tr("write the lesson in $VISUAL or $EDITOR"));
    auto* file = cmd.add_option("--from-file", opt.from_file,
                                tr("read the lesson template from a file (- for stdin)"));
    edit->excludes(file);
}

core::LessonFields fields_of(const LessonOptions& opt, core::Date today) {
    core::LessonFields f;
    f.title = opt.title;
    f.village = opt.village;
    if (opt.date)
        f.date = core::parse_date(*opt.date, today);
    if (opt.kind)
        f.kind = core::parse_lesson_kind(*opt.kind);
    f.context = opt.context;
    f.outcome = opt.outcome;
    f.lesson = opt.lesson;
    f.recommendation = opt.recommendation;
    f.meeting = opt.meeting;
    f.visit = opt.visit;
    f.topics = opt.topics;
    f.drop_topics = opt.drop_topics;
    return f;
}

// The template pre-filled: `base` (an existing lesson, or nothing on add) with the options
// given laid over it, as typed (the date as it will be read, today unless given).
core::LessonDraft draft_of(core::LessonDraft base, const LessonOptions& o, core::Date today) {
    for (auto [from, into] : {std::pair{&o.title, &base.title},
                              {&o.village, &base.village},
                              {&o.kind, &base.kind},
                              {&o.context, &base.context},
                              {&o.outcome, &base.outcome},
                              {&o.lesson, &base.lesson},
                              {&o.recommendation, &base.recommendation}}) {
        if (*from)
            *into = **from;
    }
    if (o.date)
        base.date = core::iso(core::parse_date(*o.date, today));
    else if (base.date.empty())
        base.date = core::iso(today);
    if (o.meeting || o.visit) { // one link: the option replaces the other
        base.meeting = o.meeting.value_or("");
        base.visit = o.visit.value_or("");
    }
    for (const auto& topic : o.drop_topics)
        std::erase(base.topics, core::normalize_topic(topic));
    base.topics.insert(base.topics.end(), o.topics.begin(), o.topics.end());
    return base;
}

struct EditOptions {
    std::string id;
    LessonOptions fields;
};

void run_add(Context& ctx, const LessonOptions& opt) {
    auto options = ctx.render_options({Format::table, Format::json});
    auto today = ctx.today();
    auto given = fields_of(opt, today);
    auto add = [&](const core::LessonFields& fields) {
        core::require_title(fields);
        auto& log = ctx.open_log(store::OpenMode::write);
        auto l = store::add_lesson(log, fields, today);
        print_lesson(ctx, options, l, trf("Added lesson {}.", render::lesson_label(l)));
    };
    if (opt.edit)
        edit_template(draft_of({}, opt, today), today, "kades lesson add --from-file {}", add);
    else if (opt.from_file)
        add(core::overlay(core::parse_lesson_template(read_template(*opt.from_file), today),
                          given));
    else
        add(given);
}

bool nothing_given(const LessonOptions& o) {
    bool text = o.title || o.village || o.kind || o.date || o.context || o.outcome || o.lesson ||
                o.recommendation || o.meeting || o.visit || o.from_file;
    return !text && o.topics.empty() && o.drop_topics.empty() && !o.edit;
}

// The lesson in the editor, pre-filled with it and the options given. The log is not held
// open while the editor runs; the edit is written in a transaction of its own after.
void edit_in_editor(Context& ctx, const EditOptions& opt, const render::Options& options) {
    core::Lesson before;
    {
        auto& log = ctx.open_log(store::OpenMode::read);
        before = store::resolve_lesson(log, opt.id);
        ctx.close_log();
    }
    auto retry = "kades lesson edit " + core::short_id(before.uuid) + " --from-file {}";
    edit_template(draft_of(lesson_draft(before), opt.fields, ctx.today()), ctx.today(), retry,
                  [&](const core::LessonFields& fields) {
                      auto& log = ctx.open_log(store::OpenMode::write);
                      auto current = store::resolve_lesson(log, before.uuid);
                      auto l = store::edit_lesson(log, current, fields);
                      print_lesson(ctx, options, l,
                                   trf("Updated lesson {}.", render::lesson_label(l)));
                  });
}

void run_edit(Context& ctx, const EditOptions& opt) {
    auto options = ctx.render_options({Format::table, Format::json});
    if (nothing_given(opt.fields))
        throw core::Usage(tr("nothing to change: give --title, --village, --kind, --topic, "
                             "--drop-topic, --date, --context, --outcome, --lesson, "
                             "--recommendation, --meeting, --visit, --edit or --from-file"));
    if (opt.fields.edit)
        return edit_in_editor(ctx, opt, options);
    auto today = ctx.today();
    auto fields = fields_of(opt.fields, today);
    if (opt.fields.from_file)
        fields = core::overlay(
            core::parse_lesson_template(read_template(*opt.fields.from_file), today), fields);
    auto& log = ctx.open_log(store::OpenMode::write);
    auto l = store::edit_lesson(log, store::resolve_lesson(log, opt.id), fields);
    print_lesson(ctx, options, l, trf("Updated lesson {}.", render::lesson_label(l)));
}

} // namespace

void print_lesson(Context& ctx, const render::Options& options, const core::Lesson& l,
                  const std::string& message) {
    if (options.format == Format::json)
        render::write_json(ctx.out(), render::lesson_json(l));
    else if (ctx.globals.quiet)
        ctx.out() << core::short_id(l.uuid) << '\n';
    else
        ctx.say(message);
}

void setup_lesson(CLI::App& app, Context& ctx) {
    auto* lesson = app.add_subcommand("lesson", tr("lessons learned, and their adoption"));
    lesson->require_subcommand(1);
    lesson->footer(tr("Example: kades lesson search \"bank sampah\""));

    auto add_opt = std::make_shared<LessonOptions>();
    auto* add = lesson->add_subcommand(
        "add", tr("record a lesson learned: a success, a failure or an insight"));
    add->add_option("TITLE", add_opt->title, tr("what the lesson is about"));
    add_lesson_options(*add, *add_opt, false);
    add->footer(tr("Title and village are required, from the options or the template. The kind "
                   "is insight and the date today unless given. Options override the template "
                   "of --from-file; --topic adds to its topics.\nExample: kades lesson add \"Bank "
                   "sampah dikelola BUMDes\" --village sidasari-cipari --kind sukses --topic "
                   "sampah --topic BUMDes --lesson \"Sampah jadi tabungan bila BUMDes "
                   "mengelolanya\"\nExample: kades lesson add --from-file - < pelajaran.md"));
    add->callback([&ctx, add_opt] { run_add(ctx, *add_opt); });

    auto edit_opt = std::make_shared<EditOptions>();
    auto* edit = record_command(*lesson, "edit", tr("change a lesson"),
                                tr("the lesson's id (4 or more hex digits)"), edit_opt->id);
    add_lesson_options(*edit, edit_opt->fields, true);
    edit->footer(tr("An empty value clears --context, --outcome, --lesson or --recommendation, "
                    "and unlinks --meeting or --visit. --topic adds and --drop-topic removes a "
                    "topic. --edit opens the whole lesson in the editor.\nExample: kades lesson "
                    "edit 3f9a --kind gagal --drop-topic pertanian"));
    edit->callback([&ctx, edit_opt] { run_edit(ctx, *edit_opt); });

    setup_lesson_read(*lesson, ctx);
    setup_lesson_record(*lesson, ctx);
}

} // namespace kades::cli
