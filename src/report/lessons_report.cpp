#include "report/lessons_report.hpp"

#include "report/network.hpp"

#include <map>
#include <set>

namespace kades::report {
namespace {

void count_kind(core::TopicSummary& s, const std::string& kind) {
    ++s.lessons;
    if (kind == "success")
        ++s.success;
    else if (kind == "failure")
        ++s.failure;
    else
        ++s.insight;
}

} // namespace

std::vector<core::TopicGroup> group_by_topic(const std::vector<core::ReportLesson>& lessons,
                                             const std::string& topic) {
    std::map<std::string, core::TopicGroup> by_topic; // by name
    core::TopicGroup untopical;
    for (std::size_t i = 0; i < lessons.size(); ++i) {
        const auto& l = lessons[i];
        if (!topic.empty()) {
            auto& g = by_topic[topic];
            g.lessons.push_back(i);
            count_kind(g.summary, l.kind);
            continue;
        }
        if (l.topics.empty()) {
            untopical.lessons.push_back(i);
            count_kind(untopical.summary, l.kind);
            continue;
        }
        for (std::size_t t = 0; t < l.topics.size(); ++t) {
            auto& g = by_topic[l.topics[t]];
            (t == 0 ? g.lessons : g.see_also).push_back(i);
            count_kind(g.summary, l.kind);
        }
    }
    std::vector<core::TopicGroup> groups;
    for (auto& [name, g] : by_topic) {
        g.summary.topic = name;
        groups.push_back(std::move(g));
    }
    if (!untopical.lessons.empty())
        groups.push_back(std::move(untopical));
    return groups;
}

core::LessonsReport lessons_report(store::Log& log, const store::ScopeFilter& scope,
                                   const std::optional<core::Period>& period,
                                   const store::LessonSelection& selection, core::Date today) {
    core::LessonsReport r;
    r.today = today;
    r.all_time = !period;
    r.period = period.value_or(all_time());
    r.scope = store::prepare_scope(log, scope);
    r.topic = selection.topic;
    r.kind = selection.kind;
    if (!selection.topic.empty())
        store::require_topic(log, selection.topic);
    r.lessons = store::report_lessons(log, r.period, selection);
    r.groups = group_by_topic(r.lessons, r.topic);
    std::set<std::string> villages;
    for (const auto& l : r.lessons) {
        villages.insert(l.village.slug);
        if (l.kind == "success")
            ++r.success;
        else if (l.kind == "failure")
            ++r.failure;
        else
            ++r.insight;
        for (const auto& a : l.adopters) {
            ++r.adoptions;
            if (a.status == "adopted")
                ++r.adopted;
        }
    }
    r.villages = static_cast<long>(villages.size());
    return r;
}

} // namespace kades::report
