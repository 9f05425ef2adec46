#include "cli/context.hpp"

#include "core/error.hpp"
#include "core/i18n.hpp"
#include "render/text.hpp"

#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>

namespace kades::cli {
namespace fs = std::filesystem;
using core::tr;
using core::trf;

namespace {

std::string env(const char* name) {
    const char* value = std::getenv(name);
    return value ? value : "";
}

bool color_wanted(const std::string& when) {
    if (when == "always")
        return true;
    if (when == "never")
        return false;
    if (when != "auto")
        throw core::Usage(trf("--color '{}' is not one of auto, always, never", when));
    return std::getenv("NO_COLOR") == nullptr && ::isatty(STDOUT_FILENO);
}

std::size_t terminal_width() {
    winsize size{};
    if (::ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0)
        return size.ws_col;
    auto columns = env("COLUMNS");
    return columns.empty() ? 80
                           : static_cast<std::size_t>(std::max(20, std::atoi(columns.c_str())));
}

} // namespace

render::Format Context::format() const {
    return render::parse_format(globals.format.empty() ? "table" : globals.format);
}

render::Options Context::render_options(std::initializer_list<render::Format> offered) const {
    render::Options options;
    options.format = format();
    if (std::find(offered.begin(), offered.end(), options.format) == offered.end()) {
        std::string names;
        for (auto f : offered)
            names += (names.empty() ? "" : ", ") + render::format_key(f);
        throw core::Usage(trf("this command has no format '{}': use {}",
                              render::format_key(options.format), names));
    }
    options.lang = core::language();
    options.color = color_wanted(globals.color);
    options.truncate = ::isatty(STDOUT_FILENO);
    options.width = options.truncate ? terminal_width() : 0;
    return options;
}

fs::path Context::log_path() const {
    if (!globals.db.empty())
        return globals.db;
    if (auto xdg = env("XDG_DATA_HOME"); !xdg.empty())
        return fs::path(xdg) / "kades" / "kades.db";
    auto home = env("HOME");
    if (home.empty())
        throw core::LogUnavailable(tr("neither HOME nor XDG_DATA_HOME is set: give the log with "
                                      "--db PATH or KADES_DB"));
    return fs::path(home) / ".local" / "share" / "kades" / "kades.db";
}

store::Log& Context::open_log(store::OpenMode mode) {
    if (m_log && (m_mode == mode || mode == store::OpenMode::read))
        return *m_log;
    m_log.reset();
    m_log.emplace(store::Log::open(log_path(), mode));
    m_mode = mode;
    return *m_log;
}

void Context::close_log() {
    m_log.reset();
}

void Context::commit() {
    if (m_log)
        m_log->commit();
    m_log.reset();
}

fs::path Context::share_dir() const {
    if (auto dir = env("KADES_SHARE_DIR"); !dir.empty())
        return dir;
    std::error_code ec;
    auto exe = fs::read_symlink("/proc/self/exe", ec);
    return ec ? fs::path(KADES_INSTALL_SHARE) : exe.parent_path().parent_path() / "share";
}

core::Date Context::today() const {
    if (!m_today)
        m_today = core::today_from_env();
    return *m_today;
}

void Context::say(const std::string& line) {
    if (!globals.quiet)
        m_out << render::sanitize(line) << '\n';
}

} // namespace kades::cli
