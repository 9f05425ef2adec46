#pragma once

namespace kades::cli {

// Builds the command line, runs the command, prints its output or its one error line,
// and returns the exit code of the contract (0, 1, 2, 3).
int run(int argc, char** argv);

} // namespace kades::cli
