#include "core/i18n.hpp"
#include "render/report.hpp"

#include <fmt/format.h>

#include <cmath>

namespace kades::render {
using core::tr;

std::string percent_text(const std::optional<double>& rate) {
    if (!rate)
        return "—";
    return fmt::format("{}%", static_cast<long>(std::lround(*rate * 100.0)));
}

std::string rupiah_text(long long amount) {
    auto digits = std::to_string(amount < 0 ? -amount : amount);
    std::string grouped;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0)
            grouped += '.';
        grouped += digits[i];
    }
    return (amount < 0 ? "-Rp " : "Rp ") + grouped;
}

std::string lesson_kind_label(const std::string& key) {
    if (key == "success")
        return tr("success");
    if (key == "failure")
        return tr("failure");
    return tr("insight");
}

std::string adoption_status_label(const std::string& key) {
    if (key == "planned")
        return tr("planned");
    if (key == "trying")
        return tr("trying");
    if (key == "adopted")
        return tr("adopted");
    return tr("abandoned");
}

std::string visit_kind_label(const std::string& key) {
    if (key == "study")
        return tr("study visit");
    if (key == "exchange")
        return tr("worker exchange");
    return tr("visit");
}

std::string day_month(core::Date date, core::Lang lang) {
    auto text = core::short_date(date, lang); // "6 Nov 2026"
    auto space = text.rfind(' ');
    return space == std::string::npos ? text : text.substr(0, space);
}

std::string period_text(const core::Period& p, core::Lang lang) {
    if (p.from.year() == p.to.year() && p.from.month() == p.to.month())
        return fmt::format("{}–{}", static_cast<unsigned>(p.from.day()),
                           core::long_date(p.to, lang));
    return core::long_date(p.from, lang) + " – " + core::long_date(p.to, lang);
}

std::string topic_label(const std::string& topic) {
    if (topic.empty())
        return tr("Lessons without a topic");
    auto out = topic;
    if (out[0] >= 'a' && out[0] <= 'z')
        out[0] = static_cast<char>(out[0] - 'a' + 'A');
    return out;
}

std::string scope_suffix(const core::ReportScope& scope) {
    std::string out;
    if (!scope.forum_name.empty())
        out += " · " + scope.forum_name;
    if (!scope.under.empty())
        out += " · " + (scope.under_name.empty() ? scope.under : scope.under_name);
    return out;
}

} // namespace kades::render
