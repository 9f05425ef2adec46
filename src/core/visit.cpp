#include "core/visit.hpp"

#include "core/error.hpp"
#include "core/i18n.hpp"
#include "core/text.hpp"

#include <algorithm>
#include <array>

namespace kades::core {
namespace {

struct KindNames {
    VisitKind kind;
    const char* key;
    const char* alias; // Indonesian
    const char* label; // msgid, translated when shown
};

constexpr std::array<KindNames, 3> k_kinds{{
    {VisitKind::study, "study", "studi", N_("Study visit")},
    {VisitKind::exchange, "exchange", "pertukaran", N_("Worker exchange")},
    {VisitKind::other, "other", "lainnya", N_("Other")},
}};

struct StatusNames {
    VisitStatus status;
    const char* key;
    const char* alias;
    const char* label;
};

constexpr std::array<StatusNames, 3> k_statuses{{
    {VisitStatus::planned, "planned", "rencana", N_("Planned")},
    {VisitStatus::held, "held", "terlaksana", N_("Held")},
    {VisitStatus::cancelled, "cancelled", "batal", N_("Cancelled")},
}};

void check_visitors(const Visit& v) {
    if (v.visitors.empty())
        throw Invalid(tr("a visit needs a visiting village: give --visitor"));
    for (auto at = v.visitors.begin(); at != v.visitors.end(); ++at) {
        if (at->slug == v.host.slug)
            throw Invalid(trf("{} cannot visit itself: it hosts the visit", at->slug),
                          {tr("give the host with --host and the villages that visit it with "
                              "--visitor")});
        if (std::find(v.visitors.begin(), at, *at) != at)
            throw Invalid(trf("{} is given twice: give each village once", at->slug));
    }
}

void check_exchange(const Visit& v) {
    if (v.workers && *v.workers < 1)
        throw Invalid(
            trf("{} '{}' is not a whole number of at least {}", "--workers", *v.workers, 1));
    // A study visit first: its workers are refused as workers, whatever its visitors.
    if (v.kind == VisitKind::study) {
        std::vector<std::string> hints{tr("give --kind exchange for an exchange of workers")};
        if (v.workers)
            throw Invalid(
                trf("a study visit sends no workers: --workers {} is for an exchange", *v.workers),
                hints);
        if (!v.skill.empty()) {
            hints.push_back(tr("what a study visit learns goes in --program"));
            throw Invalid(trf("a study visit has no skill to learn: --skill '{}' is for an "
                              "exchange",
                              v.skill),
                          hints);
        }
        return;
    }
    // Workers are counted per visit: with one sending village, each village's workers sent
    // and received are known.
    if (v.workers && v.visitors.size() > 1)
        throw Invalid(trf("--workers {} with {} visiting villages: an exchange of workers has "
                          "one sending village",
                          *v.workers, v.visitors.size()),
                      {tr("record one exchange per sending village")});
}

void check_programs(const Visit& v) {
    for (auto at = v.programs.begin(); at != v.programs.end(); ++at) {
        auto same = [&](const std::string& p) { return iequals(p, *at); };
        if (std::find_if(v.programs.begin(), at, same) != at)
            throw Invalid(trf("the program '{}' is given twice: give each program once", *at));
    }
}

} // namespace

VisitKind parse_visit_kind(std::string_view text) {
    auto word = ascii_lower(trim(text));
    for (const auto& names : k_kinds) {
        if (word == names.key || word == names.alias)
            return names.kind;
    }
    throw Invalid(trf("visit kind '{}' is not known: use study, exchange or other (studi, "
                      "pertukaran, lainnya)",
                      text));
}

std::string visit_kind_key(VisitKind kind) {
    return k_kinds[static_cast<std::size_t>(kind)].key;
}

std::string visit_kind_label(VisitKind kind) {
    return tr(k_kinds[static_cast<std::size_t>(kind)].label);
}

VisitStatus parse_visit_status(std::string_view text) {
    auto word = ascii_lower(trim(text));
    for (const auto& names : k_statuses) {
        if (word == names.key || word == names.alias)
            return names.status;
    }
    throw Invalid(trf("visit status '{}' is not known: use planned, held or cancelled", text));
}

std::string visit_status_key(VisitStatus status) {
    return k_statuses[static_cast<std::size_t>(status)].key;
}

std::string visit_status_label(VisitStatus status) {
    return tr(k_statuses[static_cast<std::size_t>(status)].label);
}

VisitStatus visit_status_for(Date date, Date today, std::optional<VisitStatus> asked) {
    bool future = is_after(date, today);
    if (asked == VisitStatus::held && future)
        throw Refused(trf("a visit on {} cannot be held yet: today is {}", iso(date), iso(today)),
                      {tr("leave out --held to record it as planned")});
    if (asked)
        return *asked;
    return future ? VisitStatus::planned : VisitStatus::held;
}

void check_visit(const Visit& v) {
    check_visitors(v);
    if (v.until && is_after(v.date, *v.until))
        throw Invalid(trf("the visit ends on {} before it starts on {}: give --until on or after "
                          "--date",
                          iso(*v.until), iso(v.date)));
    check_exchange(v);
    check_programs(v);
}

void normalize_visit_fields(VisitFields& fields) {
    clean_optional(fields.host, "--host");
    clean_optional(fields.purpose, "--purpose");
    clean_optional(fields.findings, "--findings");
    clean_optional(fields.skill, "--skill");
    if (fields.host && fields.host->empty())
        throw Invalid(tr("a visit needs a host: give --host"));
    clean_list(fields.visitors, "--visitor");
    clean_list(fields.drop_visitors, "--drop-visitor");
    clean_list(fields.programs, "--program");
    clean_list(fields.drop_programs, "--drop-program");
}

} // namespace kades::core
