#pragma once
// What every command gets: the global options, resolved once, and the one output buffer.
// Output is buffered and written only when the command succeeds, so that a failed command
// prints nothing on stdout.

#include "core/date.hpp"
#include "render/options.hpp"
#include "store/log.hpp"

#include <filesystem>
#include <initializer_list>
#include <optional>
#include <sstream>
#include <string>

namespace kades::cli {

struct Globals {
    std::string db;     // --db / KADES_DB
    std::string format; // -f / KADES_FORMAT
    std::string lang;   // --lang / KADES_LANG
    std::string color = "auto";
    bool quiet = false;
};

class Context {
  public:
    Globals globals;

    // The render options for a command offering these formats; another format is a usage
    // error naming the ones it has.
    render::Options render_options(std::initializer_list<render::Format> offered) const;
    render::Format format() const;

    // The command's one log and transaction, opened on first use. A writer asked for after a
    // reader ends the read. The command never commits: run() does, once, after the command
    // has produced all its output, so a command that fails anywhere changes nothing.
    store::Log& open_log(store::OpenMode mode);
    // Ends a read early (the log is not held while an editor runs).
    void close_log();
    // Commits the command's transaction, if it opened the log.
    void commit();
    std::filesystem::path log_path() const;
    std::filesystem::path share_dir() const; // data and catalogs: <exe>/../share
    core::Date today() const;

    std::ostringstream& out() { return m_out; }
    // A confirmation for a person; -q leaves it out.
    void say(const std::string& line);
    std::string output() const { return m_out.str(); }

  private:
    std::ostringstream m_out;
    std::optional<store::Log> m_log;
    store::OpenMode m_mode = store::OpenMode::read;
    mutable std::optional<core::Date> m_today;
};

} // namespace kades::cli
