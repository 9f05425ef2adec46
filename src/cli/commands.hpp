#pragma once
// One setup function per command file: each registers its subcommands, options and
// callbacks on the app. The callbacks parse, call the store or report, and render.

#include "cli/context.hpp"

#include <CLI/CLI.hpp>

namespace kades::cli {

void setup_region(CLI::App& app, Context& ctx);
void setup_village(CLI::App& app, Context& ctx);
void setup_forum(CLI::App& app, Context& ctx);
void setup_meeting(CLI::App& app, Context& ctx);
void setup_action(CLI::App& app, Context& ctx);
void setup_visit(CLI::App& app, Context& ctx);
void setup_lesson(CLI::App& app, Context& ctx);
void setup_partner(CLI::App& app, Context& ctx);
void setup_agreement(CLI::App& app, Context& ctx);
void setup_report(CLI::App& app, Context& ctx);
void setup_db(CLI::App& app, Context& ctx);
void setup_share(CLI::App& app, Context& ctx);

} // namespace kades::cli
