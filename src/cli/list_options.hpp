#pragma once
// Options every list command shares: the period (--from/--to or --month) and --limit.

#include "core/record.hpp"

#include <CLI/CLI.hpp>

#include <optional>
#include <string>

namespace kades::cli {

struct WindowOptions {
    std::optional<std::string> from, to, month, limit;
};

// Registers --from, --to, --month and --limit on a list command.
void add_window_options(CLI::App& cmd, WindowOptions& opt);
// The period and limit asked for; --month with --from/--to is a usage error, a reversed
// period or a bad date is Invalid.
core::ListWindow window_of(const WindowOptions& opt, core::Date today);

} // namespace kades::cli
