#include "render/lesson.hpp"

#include "core/i18n.hpp"
#include "core/id.hpp"
#include "core/text.hpp"
#include "render/json.hpp"
#include "render/record.hpp"
#include "render/table.hpp"
#include "render/text.hpp"

#include <fmt/format.h>

#include <sstream>

namespace kades::render {
using core::tr;

namespace {

Json source_id(const std::optional<core::LessonSource>& source) {
    return source ? Json(core::short_id(source->uuid)) : Json(nullptr);
}

Table lesson_table(const std::vector<core::Lesson>& lessons, core::Lang lang) {
    Table table;
    table.columns = {{"id", tr("ID")},
                     {"date", tr("Date")},
                     {"kind", tr("Kind")},
                     {"village", tr("Village")},
                     {"title", tr("Title")},
                     {"topics", tr("Topics")},
                     {"adopted", tr("Adopted"), Align::right, true}};
    for (const auto& l : lessons)
        table.rows.push_back({core::short_id(l.uuid), core::short_date(l.date, lang),
                              core::lesson_kind_label(l.kind), l.village.name, l.title,
                              join(l.topics, ", "), std::to_string(core::active_adoptions(l))});
    return without_empty_columns(table);
}

std::string adoptions_text(const core::Lesson& l) {
    std::string out;
    for (const auto& a : l.adoptions)
        out +=
            (out.empty() ? "" : ";") + a.village.slug + ":" + core::adoption_status_key(a.status);
    return out;
}

// CSV carries every field of the JSON, in its order: topics joined by ';', adoptions as
// village:status joined by ';'.
Table lesson_csv(const std::vector<core::Lesson>& lessons) {
    Table table;
    for (const char* key : {"id", "uuid", "title", "village", "date", "kind", "topics", "context",
                            "outcome", "lesson", "recommendation", "meeting", "visit", "adoptions"})
        table.columns.push_back(Column{key, key});
    for (const auto& l : lessons)
        table.rows.push_back({core::short_id(l.uuid), l.uuid, l.title, l.village.slug,
                              core::iso(l.date), core::lesson_kind_key(l.kind), join(l.topics, ";"),
                              l.context, l.outcome, l.lesson, l.recommendation,
                              l.meeting ? core::short_id(l.meeting->uuid) : "",
                              l.visit ? core::short_id(l.visit->uuid) : "", adoptions_text(l)});
    return table;
}

std::string source_text(const std::optional<core::LessonSource>& s, core::Lang lang) {
    if (!s)
        return "";
    if (s->title.empty())
        return fmt::format("{} ({})", core::short_id(s->uuid), core::short_date(s->date, lang));
    return fmt::format("{} \u201c{}\u201d ({})", core::short_id(s->uuid), s->title,
                       core::short_date(s->date, lang));
}

std::vector<Field> lesson_fields(const core::Lesson& l, core::Lang lang) {
    return {{tr("ID"), core::short_id(l.uuid)},
            {tr("Village"), fmt::format("{} ({})", l.village.name, l.village.slug)},
            {tr("Date"), core::long_date(l.date, lang)},
            {tr("Kind"), core::lesson_kind_label(l.kind)},
            {tr("Topics"), join(l.topics, ", ")},
            {tr("Meeting"), source_text(l.meeting, lang)},
            {tr("Visit"), source_text(l.visit, lang)}};
}

Table adoptions_table(const core::Lesson& l, core::Lang lang) {
    Table table{{{"id", tr("ID")},
                 {"village", tr("Village")},
                 {"status", tr("Status")},
                 {"date", tr("Date")},
                 {"result", tr("Result")}},
                {}};
    for (const auto& a : l.adoptions)
        table.rows.push_back({core::short_id(a.uuid), a.village.name,
                              core::adoption_status_label(a.status), core::short_date(a.date, lang),
                              a.result});
    return without_empty_columns(table);
}

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);)
        lines.push_back(line);
    return lines;
}

// A heading and its text (paragraphs kept), or its empty text, in table or markdown form.
void write_block(std::ostream& out, const std::string& heading, const std::string& text,
                 const Options& options) {
    const bool md = options.format == Format::markdown;
    if (md)
        out << "\n## " << md_escape(heading) << "\n\n";
    else
        out << '\n' << bold(sanitize(heading), options.color) << '\n';
    for (const auto& line : lines_of(text)) {
        if (md) // leading blanks would make an indented code block
            out << md_escape(core::trim(line)) << '\n';
        else
            out << (line.empty() ? "" : "  " + sanitize(line)) << '\n';
    }
}

void write_adoptions(std::ostream& out, const core::Lesson& l, const Options& options) {
    if (l.adoptions.empty()) {
        write_block(out, tr("Adoptions"), tr("no village has taken it up yet"), options);
        return;
    }
    const bool md = options.format == Format::markdown;
    out << (md ? "\n## " + md_escape(tr("Adoptions")) + "\n\n"
               : '\n' + bold(sanitize(tr("Adoptions")), options.color) + '\n');
    Options inner = options;
    if (!md && inner.width > 2)
        inner.width -= 2;
    std::ostringstream table;
    write_table(table, adoptions_table(l, options.lang), inner);
    for (const auto& line : lines_of(table.str()))
        out << (md ? "" : "  ") << line << '\n';
}

} // namespace

std::string lesson_label(const core::Lesson& l) {
    return fmt::format("{} \u201c{}\u201d ({})", core::short_id(l.uuid), l.title, l.village.name);
}

Json lesson_json(const core::Lesson& l) {
    Json adoptions = Json::array();
    for (const auto& a : l.adoptions)
        adoptions.push_back(Json{{"id", core::short_id(a.uuid)},
                                 {"village", a.village.slug},
                                 {"status", core::adoption_status_key(a.status)},
                                 {"date", core::iso(a.date)},
                                 {"result", text_or_null(a.result)}});
    return Json{{"id", core::short_id(l.uuid)},
                {"uuid", l.uuid},
                {"title", l.title},
                {"village", l.village.slug},
                {"date", core::iso(l.date)},
                {"kind", core::lesson_kind_key(l.kind)},
                {"topics", l.topics},
                {"context", text_or_null(l.context)},
                {"outcome", text_or_null(l.outcome)},
                {"lesson", text_or_null(l.lesson)},
                {"recommendation", text_or_null(l.recommendation)},
                {"meeting", source_id(l.meeting)},
                {"visit", source_id(l.visit)},
                {"adoptions", adoptions}};
}

void lessons(std::ostream& out, const std::vector<core::Lesson>& list, const Options& options) {
    if (options.format == Format::json) {
        Json array = Json::array();
        for (const auto& l : list)
            array.push_back(lesson_json(l));
        write_json(out, array);
        return;
    }
    write_table(out,
                options.format == Format::csv ? lesson_csv(list) : lesson_table(list, options.lang),
                options);
}

void lesson_record(std::ostream& out, const core::Lesson& l, const Options& options) {
    if (options.format == Format::json) {
        write_json(out, lesson_json(l));
        return;
    }
    if (options.format == Format::csv) {
        lessons(out, {l}, options);
        return;
    }
    write_record(out, Record{l.title, lesson_fields(l, options.lang), {}}, options);
    const std::pair<const char*, const std::string*> blocks[] = {
        {N_("Context"), &l.context},
        {N_("Outcome"), &l.outcome},
        {N_("Lesson"), &l.lesson},
        {N_("Recommendation"), &l.recommendation}};
    for (const auto& [heading, text] : blocks) {
        if (!text->empty())
            write_block(out, tr(heading), *text, options);
    }
    write_adoptions(out, l, options);
}

} // namespace kades::render
