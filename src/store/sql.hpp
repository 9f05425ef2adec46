#pragma once
// Store-internal helpers for binding and reading values. Absent text is NULL in the log
// and an empty string in the domain types.

#include "core/date.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

#include <optional>
#include <string>
#include <string_view>

namespace kades::store {

inline void bind_text(SQLite::Statement& stmt, int index, const std::string& value) {
    if (value.empty())
        stmt.bind(index);
    else
        stmt.bind(index, value);
}

inline void bind_opt(SQLite::Statement& stmt, int index, const std::optional<std::string>& value) {
    if (value)
        stmt.bind(index, *value);
    else
        stmt.bind(index);
}

inline void bind_date(SQLite::Statement& stmt, int index, const std::optional<core::Date>& date) {
    if (date)
        stmt.bind(index, core::iso(*date));
    else
        stmt.bind(index);
}

inline std::string text_of(const SQLite::Column& column) {
    return column.isNull() ? std::string() : column.getString();
}

inline std::optional<core::Date> date_of(const SQLite::Column& column) {
    return column.isNull() ? std::nullopt : core::parse_iso_date(column.getString());
}

// The text as a LIKE pattern matching itself anywhere, with ESCAPE '\'.
inline std::string like_contains(std::string_view text) {
    std::string pattern = "%";
    for (char c : text) {
        if (c == '%' || c == '_' || c == '\\')
            pattern += '\\';
        pattern += c;
    }
    return pattern + "%";
}

} // namespace kades::store

namespace kades::store {

// Binds a period's ends (ISO dates) to two parameters, NULL when there is no period; the SQL
// reads `(?a IS NULL OR date >= ?a) AND (?b IS NULL OR date <= ?b)`.
inline void bind_period(SQLite::Statement& stmt, int from_index, int to_index,
                        const std::optional<core::Period>& period) {
    if (period) {
        stmt.bind(from_index, core::iso(period->from));
        stmt.bind(to_index, core::iso(period->to));
    } else {
        stmt.bind(from_index);
        stmt.bind(to_index);
    }
}

} // namespace kades::store
