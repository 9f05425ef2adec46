#include "core/date.hpp"

#include "core/error.hpp"
#include "core/text.hpp"

#include <fmt/format.h>

#include <array>
#include <cstdlib>
#include <ctime>
#include <utility>

namespace kades::core {
namespace {

using std::chrono::days;
using std::chrono::sys_days;

constexpr int k_min_year = 1;
constexpr int k_max_year = 9999;

bool all_digits(std::string_view text) {
    for (char c : text) {
        if (c < '0' || c > '9')
            return false;
    }
    return !text.empty();
}

// Only called on short runs of digits already checked by all_digits.
long long to_number(std::string_view digits) {
    long long value = 0;
    for (char c : digits)
        value = value * 10 + (c - '0');
    return value;
}

bool in_year_range(long long year) {
    return year >= k_min_year && year <= k_max_year;
}

std::optional<Date> checked(Date date) {
    if (!date.ok() || !in_year_range(int(date.year())))
        return std::nullopt;
    return date;
}

// Whether text has the YYYY-MM-DD shape, whatever the numbers.
bool iso_shaped(std::string_view text) {
    return text.size() == 10 && text[4] == '-' && text[7] == '-' && all_digits(text.substr(0, 4)) &&
           all_digits(text.substr(5, 2)) && all_digits(text.substr(8, 2));
}

// A month step keeps the day of the month where it exists and clamps to the last day
// otherwise (Jan 31 + 1m = Feb 28/29); nullopt outside the years 1..9999.
std::optional<Date> add_months(Date date, long long months) {
    long long total = int(date.year()) * 12LL + (unsigned(date.month()) - 1) + months;
    if (total < 0 || !in_year_range(total / 12))
        return std::nullopt;
    std::chrono::year_month month{std::chrono::year{int(total / 12)},
                                  std::chrono::month{unsigned(total % 12) + 1}};
    Date result = month / date.day();
    if (!result.ok())
        result = Date{month / std::chrono::last};
    return result;
}

std::optional<Date> add_days(Date date, long long count) {
    return checked(Date{sys_days{date} + days{count}});
}

// +3d, -2w, +1m, +1y. nullopt when text has another shape; throws when the shape is right
// but the result falls outside the calendar kades keeps.
std::optional<Date> relative_date(std::string_view word, Date today, std::string_view text) {
    if (word.size() < 3 || (word.front() != '+' && word.front() != '-'))
        return std::nullopt;
    std::string_view digits = word.substr(1, word.size() - 2);
    if (!all_digits(digits) || digits.size() > 6)
        return std::nullopt;
    long long count = to_number(digits) * (word.front() == '-' ? -1 : 1);
    std::optional<Date> result;
    switch (word.back()) {
    case 'd':
        result = add_days(today, count);
        break;
    case 'w':
        result = add_days(today, count * 7);
        break;
    case 'm':
        result = add_months(today, count);
        break;
    case 'y':
        result = add_months(today, count * 12);
        break;
    default:
        return std::nullopt;
    }
    if (!result)
        throw Invalid(trf("'{}' is too far from today: use a date from year 1 to 9999", text));
    return result;
}

std::optional<Date> word_date(std::string_view word, Date today) {
    if (word == "today" || word == "hari-ini")
        return today;
    if (word == "yesterday" || word == "kemarin")
        return add_days(today, -1);
    if (word == "tomorrow" || word == "besok")
        return add_days(today, 1);
    return std::nullopt;
}

// The next such weekday strictly after today: 1 to 7 days ahead.
std::optional<Date> weekday_date(std::string_view word, Date today) {
    // c_encoding: 0 is Sunday.
    static constexpr std::array<std::pair<std::string_view, unsigned>, 23> k_weekdays{{
        {"sunday", 0}, {"sun", 0},     {"minggu", 0},      {"monday", 1}, {"mon", 1},
        {"senin", 1},  {"tuesday", 2}, {"tue", 2},         {"selasa", 2}, {"wednesday", 3},
        {"wed", 3},    {"rabu", 3},    {"thursday", 4},    {"thu", 4},    {"kamis", 4},
        {"friday", 5}, {"fri", 5},     {"jumat", 5},       {"jum'at", 5}, {"saturday", 6},
        {"sat", 6},    {"sabtu", 6},   {"jum\u2019at", 5},
    }};
    for (const auto& [name, number] : k_weekdays) {
        if (word != name)
            continue;
        days ahead = std::chrono::weekday{number} - std::chrono::weekday{sys_days{today}};
        return add_days(today, ahead.count() == 0 ? 7 : ahead.count());
    }
    return std::nullopt;
}

constexpr std::array<const char*, 12> k_months_en{"January",   "February", "March",    "April",
                                                  "May",       "June",     "July",     "August",
                                                  "September", "October",  "November", "December"};
constexpr std::array<const char*, 12> k_months_id{"Januari",   "Februari", "Maret",    "April",
                                                  "Mei",       "Juni",     "Juli",     "Agustus",
                                                  "September", "Oktober",  "November", "Desember"};
constexpr std::array<const char*, 12> k_short_en{"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                 "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
constexpr std::array<const char*, 12> k_short_id{"Jan", "Feb", "Mar", "Apr", "Mei", "Jun",
                                                 "Jul", "Agu", "Sep", "Okt", "Nov", "Des"};

Period whole_month(std::chrono::year_month month) {
    return Period{Date{month / 1}, Date{month / std::chrono::last}};
}

} // namespace

std::optional<Date> parse_iso_date(std::string_view text) {
    if (!iso_shaped(text))
        return std::nullopt;
    Date date{std::chrono::year{int(to_number(text.substr(0, 4)))},
              std::chrono::month{unsigned(to_number(text.substr(5, 2)))},
              std::chrono::day{unsigned(to_number(text.substr(8, 2)))}};
    return checked(date);
}

Date parse_date(std::string_view text, Date today) {
    const std::string word = ascii_lower(trim(text));
    if (auto date = parse_iso_date(word))
        return *date;
    if (iso_shaped(word))
        throw Invalid(trf("'{}' is not a day of the calendar: check the month and the day", text));
    if (auto date = word_date(word, today))
        return *date;
    if (auto date = weekday_date(word, today))
        return *date;
    if (auto date = relative_date(word, today, text))
        return *date;
    throw Invalid(trf("'{}' is not a date: use YYYY-MM-DD, today, yesterday, tomorrow, +3d, "
                      "-2w, +1m or a weekday",
                      text));
}

Period parse_month(std::string_view text, Date today) {
    const std::string word = ascii_lower(trim(text));
    const std::chrono::year_month current{today.year(), today.month()};
    if (word == "this" || word == "ini")
        return whole_month(current);
    if (word == "last" || word == "lalu")
        return whole_month(current - std::chrono::months{1});
    if (word.size() == 7 && word[4] == '-' && all_digits(word.substr(0, 4)) &&
        all_digits(word.substr(5, 2))) {
        long long year = to_number(word.substr(0, 4));
        long long month = to_number(word.substr(5, 2));
        if (in_year_range(year) && month >= 1 && month <= 12)
            return whole_month(std::chrono::year{int(year)} / std::chrono::month{unsigned(month)});
    }
    throw Invalid(trf("'{}' is not a month: use YYYY-MM, this, last, ini or lalu", text));
}

Period make_period(std::optional<Date> from, std::optional<Date> to) {
    using std::chrono::year;
    Period period{from.value_or(year{k_min_year} / 1 / 1), to.value_or(year{k_max_year} / 12 / 31)};
    if (sys_days{period.from} > sys_days{period.to})
        throw Invalid(trf("the period starts on {} after it ends on {}: give the earlier date "
                          "first",
                          iso(period.from), iso(period.to)));
    return period;
}

int parse_year(std::string_view text) {
    std::string word = trim(text);
    if (word.size() == 4 && all_digits(word)) {
        long long year = to_number(word);
        if (year >= 1900 && year <= 2100)
            return int(year);
    }
    throw Invalid(trf("'{}' is not a year: use four digits from 1900 to 2100", text));
}

std::string iso(Date date) {
    return fmt::format("{:04}-{:02}-{:02}", int(date.year()), unsigned(date.month()),
                       unsigned(date.day()));
}

std::string month_name(unsigned month, Lang lang) {
    if (month < 1 || month > 12)
        return {};
    return (lang == Lang::id ? k_months_id : k_months_en)[month - 1];
}

std::string long_date(Date date, Lang lang) {
    return fmt::format("{} {} {}", unsigned(date.day()), month_name(unsigned(date.month()), lang),
                       int(date.year()));
}

std::string short_date(Date date, Lang lang) {
    unsigned month = unsigned(date.month());
    const char* name =
        month >= 1 && month <= 12 ? (lang == Lang::id ? k_short_id : k_short_en)[month - 1] : "";
    return fmt::format("{} {} {}", unsigned(date.day()), name, int(date.year()));
}

Date today_from_env() {
    const char* env = std::getenv("KADES_TODAY");
    if (env != nullptr && *env != '\0') {
        if (auto date = parse_iso_date(env))
            return *date;
        throw Invalid(trf("KADES_TODAY '{}' is not a date: use YYYY-MM-DD", env));
    }
    std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    return Date{std::chrono::year{local.tm_year + 1900},
                std::chrono::month{unsigned(local.tm_mon + 1)},
                std::chrono::day{unsigned(local.tm_mday)}};
}

bool is_after(Date a, Date b) {
    return std::chrono::sys_days{a} > std::chrono::sys_days{b};
}

} // namespace kades::core
