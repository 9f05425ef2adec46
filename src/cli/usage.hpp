#pragma once
#include <CLI/CLI.hpp>

namespace kades::cli {

// Prints the one-line error for a command line CLI11 refused (naming the unknown command
// or option, with the ones it resembles) and returns exit code 2.
int usage_error(const CLI::App& app, const CLI::ParseError& error, int argc, char** argv);

} // namespace kades::cli
