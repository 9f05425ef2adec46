#pragma once
// Calendar dates and the date grammar of spec section 1. Built on std::chrono's calendar
// types; "today" is always passed in, never read here, so every rule is testable.

#include "core/i18n.hpp"

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace kades::core {

using Date = std::chrono::year_month_day;

struct Period {
    Date from;
    Date to; // inclusive
};

// Strict YYYY-MM-DD of a real calendar day; nullopt otherwise (2026-02-30, 2026-2-3, "").
std::optional<Date> parse_iso_date(std::string_view text);

// The user's date grammar: YYYY-MM-DD; today/yesterday/tomorrow; hari-ini/kemarin/besok;
// +3d/-2w/+1m/+1y (relative to today; a month step clamps to the month's last day);
// a weekday name (monday..sunday, senin..minggu, case-insensitive) meaning the next such
// day after today. Throws Invalid naming the value and the accepted forms.
Date parse_date(std::string_view text, Date today);

// --month: YYYY-MM, this/ini, last/lalu. Throws Invalid.
Period parse_month(std::string_view text, Date today);

// A period from optional ends; a reversed period throws Invalid naming both dates.
Period make_period(std::optional<Date> from, std::optional<Date> to);

// A year given on the command line (--year): four digits. Throws Invalid.
int parse_year(std::string_view text);

// Whether a is a later day than b.
bool is_after(Date a, Date b);

std::string iso(Date date); // 2026-11-06
std::string long_date(Date date,
                      Lang lang); // 6 November 2026 (id and en alike: Nov/Agustus per lang)
std::string short_date(Date date, Lang lang);      // 6 Nov 2026; id: 6 Agu 2026
std::string month_name(unsigned month, Lang lang); // 1..12 -> Januari / January

// Today: KADES_TODAY (YYYY-MM-DD) when set, else the local calendar day. A malformed
// KADES_TODAY throws Invalid naming it.
Date today_from_env();

} // namespace kades::core
