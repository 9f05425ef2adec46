#include "cli/list_options.hpp"

#include "core/error.hpp"
#include "core/i18n.hpp"
#include "core/text.hpp"

namespace kades::cli {
using core::tr;

void add_window_options(CLI::App& cmd, WindowOptions& opt) {
    cmd.add_option("--from", opt.from, tr("from this date on"));
    cmd.add_option("--to", opt.to, tr("up to this date"));
    cmd.add_option("--month", opt.month, tr("one month: YYYY-MM, this, last"));
    cmd.add_option("--limit", opt.limit, tr("at most this many rows"));
}

core::ListWindow window_of(const WindowOptions& opt, core::Date today) {
    core::ListWindow window;
    if (opt.month && (opt.from || opt.to))
        throw core::Usage(tr("give either --month or --from/--to"));
    if (opt.month)
        window.period = core::parse_month(*opt.month, today);
    else if (opt.from || opt.to)
        window.period = core::make_period(
            opt.from ? std::optional(core::parse_date(*opt.from, today)) : std::nullopt,
            opt.to ? std::optional(core::parse_date(*opt.to, today)) : std::nullopt);
    if (opt.limit)
        window.limit = core::parse_count(*opt.limit, "--limit", 1);
    return window;
}

CLI::App* record_command(CLI::App& parent, const char* name, const std::string& help,
                         const std::string& id_help, std::string& id) {
    auto* cmd = parent.add_subcommand(name, help);
    cmd->add_option("ID", id, id_help)->required();
    return cmd;
}

} // namespace kades::cli
