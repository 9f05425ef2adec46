#pragma once
// What the report unit tests share: dates written short, and an in-memory log holding the
// rows of a constructed period.

#include "core/date.hpp"
#include "store/log_impl.hpp"

namespace kades::test {

inline core::Date d(int y, unsigned m, unsigned day) {
    return core::Date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{day}};
}

// A new in-memory log (every migration run) with the rows of `sql` inserted.
inline store::Log log_with(const char* sql) {
    auto log = store::Log::open_memory();
    store::db_of(log).exec(sql);
    return log;
}

} // namespace kades::test
