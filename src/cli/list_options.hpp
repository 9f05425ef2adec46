#pragma once
// Options the commands share: the period of a list (--from/--to or --month, --limit), and the
// ID positional of a command on one record.

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

// A subcommand of `parent` on one record: its required ID positional (an id prefix of 4 or
// more hex digits), described by `id_help` ("the meeting's id (4 or more hex digits)").
CLI::App* record_command(CLI::App& parent, const char* name, const std::string& help,
                         const std::string& id_help, std::string& id);

} // namespace kades::cli
