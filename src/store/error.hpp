#pragma once

namespace kades::store {

// Called inside a catch block: rethrows an SQLite error as the core error that says what it
// means to the user (a busy or corrupt log is exit 3, a constraint a conflict); any other
// exception is rethrown unchanged.
[[noreturn]] void rethrow_translated();

} // namespace kades::store
