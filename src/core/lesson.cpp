#include "core/lesson.hpp"

#include "core/error.hpp"
#include "core/i18n.hpp"
#include "core/text.hpp"

#include <algorithm>
#include <array>

namespace kades::core {
namespace {

struct KindNames {
    LessonKind kind;
    const char* key;
    const char* alias; // Indonesian
    const char* label; // msgid, translated when shown
};

constexpr std::array<KindNames, 3> k_kinds{{
    {LessonKind::success, "success", "sukses", N_("Success")},
    {LessonKind::failure, "failure", "gagal", N_("Failure")},
    {LessonKind::insight, "insight", "wawasan", N_("Insight")},
}};

struct StatusNames {
    AdoptionStatus status;
    const char* key;
    const char* alias;
    const char* label;
};

constexpr std::array<StatusNames, 4> k_statuses{{
    {AdoptionStatus::planned, "planned", "direncanakan", N_("Planned")},
    {AdoptionStatus::trying, "trying", "dicoba", N_("Trying")},
    {AdoptionStatus::adopted, "adopted", "diadopsi", N_("Adopted")},
    {AdoptionStatus::abandoned, "abandoned", "ditinggalkan", N_("Abandoned")},
}};

// The first character of text a lesson cannot hold, or 0: the marks of search snippets
// (U+0002, U+0003), and line breaks in a one-line field (the title: a template line).
char refused_in(std::string_view text, bool lines) {
    for (char c : text) {
        if (c == k_mark_open || c == k_mark_close || (!lines && c == '\n'))
            return c;
    }
    return 0;
}

void clean(std::optional<std::string>& value, std::string_view field, bool lines) {
    if (!value)
        return;
    std::string text;
    for (char c : *value) { // CRLF line ends from a Windows editor are plain line breaks
        if (c != '\r')
            text += c;
    }
    value = clean_field(text, field);
    if (char c = refused_in(*value, lines); c == '\n')
        throw Invalid(trf("the {} holds a line break: give it on one line", field));
    else if (c != 0)
        throw Invalid(trf("the {} holds the control character U+{:04X}: remove it", field,
                          static_cast<unsigned>(c)));
}

// Each given topic normalized; "a, b" is two topics.
void clean_topics(std::vector<std::string>& topics) {
    std::vector<std::string> out;
    for (const auto& given : topics) {
        std::string_view rest = given;
        for (auto comma = rest.find(','); comma != std::string_view::npos; comma = rest.find(',')) {
            out.push_back(normalize_topic(rest.substr(0, comma)));
            rest.remove_prefix(comma + 1);
        }
        out.push_back(normalize_topic(rest));
    }
    topics = out;
}

void take(std::optional<std::string>& into, const std::optional<std::string>& from) {
    if (from)
        into = from;
}

} // namespace

std::string clean_lesson_text(std::string_view text, std::string_view field) {
    std::optional<std::string> value{std::string(text)};
    clean(value, field, true);
    return *value;
}

LessonKind parse_lesson_kind(std::string_view text) {
    auto word = ascii_lower(trim(text));
    for (const auto& names : k_kinds) {
        if (word == names.key || word == names.alias)
            return names.kind;
    }
    throw Invalid(trf("lesson kind '{}' is not known: use success, failure or insight (sukses, "
                      "gagal, wawasan)",
                      text));
}

std::string lesson_kind_key(LessonKind kind) {
    return k_kinds[static_cast<std::size_t>(kind)].key;
}

std::string lesson_kind_label(LessonKind kind) {
    return tr(k_kinds[static_cast<std::size_t>(kind)].label);
}

AdoptionStatus parse_adoption_status(std::string_view text) {
    auto word = ascii_lower(trim(text));
    for (const auto& names : k_statuses) {
        if (word == names.key || word == names.alias)
            return names.status;
    }
    throw Invalid(trf("adoption status '{}' is not known: use planned, trying, adopted or "
                      "abandoned (direncanakan, dicoba, diadopsi, ditinggalkan)",
                      text));
}

std::string adoption_status_key(AdoptionStatus status) {
    return k_statuses[static_cast<std::size_t>(status)].key;
}

std::string adoption_status_label(AdoptionStatus status) {
    return tr(k_statuses[static_cast<std::size_t>(status)].label);
}

std::string normalize_topic(std::string_view text) {
    auto clean = clean_field(text, "--topic");
    std::string topic;
    for (char c : clean) {
        bool blank = c == ' ' || c == '\t' || c == '\n' || c == '\r';
        if (!blank)
            topic += c;
        else if (!topic.empty() && topic.back() != ' ')
            topic += ' ';
    }
    if (topic.empty())
        throw Invalid(tr("a topic is empty: give its name, such as pertanian or \"pelayanan "
                         "publik\""));
    if (refused_in(topic, false))
        throw Invalid(trf("the topic '{}' holds a control character: remove it", topic));
    return ascii_lower(topic);
}

long active_adoptions(const Lesson& lesson) {
    return static_cast<long>(
        std::count_if(lesson.adoptions.begin(), lesson.adoptions.end(),
                      [](const Adoption& a) { return a.status != AdoptionStatus::abandoned; }));
}

void normalize_lesson_fields(LessonFields& f) {
    clean(f.title, "title", false);
    clean(f.village, "village", false);
    clean(f.meeting, "meeting", false);
    clean(f.visit, "visit", false);
    clean(f.context, "context", true);
    clean(f.outcome, "outcome", true);
    clean(f.lesson, "lesson", true);
    clean(f.recommendation, "recommendation", true);
    clean_topics(f.topics);
    clean_topics(f.drop_topics);
    if (f.all_topics)
        clean_topics(*f.all_topics);
}

LessonFields overlay(LessonFields base, const LessonFields& over) {
    take(base.title, over.title);
    take(base.village, over.village);
    if (over.date)
        base.date = over.date;
    if (over.kind)
        base.kind = over.kind;
    take(base.context, over.context);
    take(base.outcome, over.outcome);
    take(base.lesson, over.lesson);
    take(base.recommendation, over.recommendation);
    if (over.meeting) { // a lesson links one meeting or one visit: the option replaces both
        base.meeting = over.meeting;
        base.visit.reset();
    }
    if (over.visit) {
        base.visit = over.visit;
        if (!over.meeting)
            base.meeting.reset();
    }
    base.topics.insert(base.topics.end(), over.topics.begin(), over.topics.end());
    base.drop_topics.insert(base.drop_topics.end(), over.drop_topics.begin(),
                            over.drop_topics.end());
    if (over.all_topics)
        base.all_topics = over.all_topics;
    return base;
}

std::vector<MarkedText> split_marked(std::string_view snippet) {
    std::vector<MarkedText> runs;
    bool marked = false;
    std::string run;
    auto flush = [&] {
        if (!run.empty())
            runs.push_back({run, marked});
        run.clear();
    };
    for (char c : snippet) {
        if (c == k_mark_open || c == k_mark_close) {
            flush();
            marked = c == k_mark_open;
        } else {
            run += c;
        }
    }
    flush();
    return runs;
}

std::string unmarked(std::string_view snippet) {
    std::string out;
    for (char c : snippet) {
        if (c != k_mark_open && c != k_mark_close)
            out += c;
    }
    return out;
}

} // namespace kades::core
