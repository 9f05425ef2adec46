// The lesson template on the command line: read from a file or stdin (--from-file), or
// written in the user's editor (--edit), as git writes a commit message.

#include "cli/context.hpp"
#include "core/error.hpp"
#include "core/i18n.hpp"
#include "core/id.hpp"
#include "core/lesson_template.hpp"

#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <iterator>
#include <sstream>

extern char** environ;

namespace kades::cli {
namespace fs = std::filesystem;
using core::tr;
using core::trf;

namespace {

std::string env(const char* name) {
    const char* value = std::getenv(name);
    return value ? value : "";
}

// $VISUAL, else $EDITOR, as git picks them; neither is a refusal.
std::string editor() {
    for (const char* name : {"VISUAL", "EDITOR"}) {
        if (auto value = env(name); !value.empty())
            return value;
    }
    throw core::Refused(tr("--edit needs an editor: set VISUAL or EDITOR"),
                        {tr("for example `export EDITOR=nano`, or give the lesson with "
                            "--from-file FILE")});
}

// A new file of our own (mode 0600) holding the text.
fs::path write_temp(const std::string& text) {
    auto pattern = (fs::temp_directory_path() / "kades-lesson-XXXXXX.md").string();
    int fd = ::mkstemps(pattern.data(), 3);
    if (fd < 0)
        throw core::Error(
            core::k_exit_failed,
            trf("cannot write a temporary file for the editor: {}", std::strerror(errno)));
    ::close(fd);
    std::ofstream(pattern, std::ios::binary) << text;
    return pattern;
}

// Runs the editor on the file through the shell, as git does, so that an EDITOR of
// "code --wait" or with quotes works: sh -c 'EDITOR "$1"' sh FILE.
void run_editor(const std::string& command, const fs::path& file) {
    std::string script = command + " \"$1\"";
    std::string path = file.string();
    std::vector<char*> argv{const_cast<char*>("sh"),
                            const_cast<char*>("-c"),
                            script.data(),
                            const_cast<char*>("sh"),
                            path.data(),
                            nullptr};
    pid_t pid = 0;
    if (::posix_spawnp(&pid, "sh", nullptr, nullptr, argv.data(), environ) != 0)
        throw core::Error(core::k_exit_failed, trf("cannot run the editor '{}'", command));
    int status = 0;
    ::waitpid(pid, &status, 0);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
        throw core::Error(core::k_exit_failed,
                          trf("the editor '{}' failed (exit {}): nothing was recorded", command,
                              WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status)));
}

std::string slurp(std::istream& in) {
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// The error with one more hint line: where the user's text is kept, and how to use it.
core::Error with_kept_file(const core::Error& e, const std::string& retry, const fs::path& file) {
    auto command = retry;
    command.replace(command.find("{}"), 2, file.string());
    auto hints = e.hints();
    hints.push_back(trf("your text is kept in {}: `{}`", file.string(), command));
    return core::Error(e.exit_code(), e.what(), hints);
}

} // namespace

std::string read_template(const std::string& name) {
    if (name == "-")
        return slurp(std::cin);
    std::ifstream in(name, std::ios::binary);
    if (!in || fs::is_directory(name))
        throw core::Invalid(trf("cannot read the lesson template {}: {}", name,
                                fs::is_directory(name) ? "is a folder" : std::strerror(errno)));
    return slurp(in);
}

core::LessonDraft lesson_draft(const core::Lesson& l) {
    core::LessonDraft d;
    d.title = l.title;
    d.village = l.village.slug;
    d.kind = core::lesson_kind_key(l.kind);
    d.date = core::iso(l.date);
    d.topics = l.topics;
    d.meeting = l.meeting ? core::short_id(l.meeting->uuid) : "";
    d.visit = l.visit ? core::short_id(l.visit->uuid) : "";
    d.context = l.context;
    d.outcome = l.outcome;
    d.lesson = l.lesson;
    d.recommendation = l.recommendation;
    return d;
}

// Writes the draft to a temporary file, runs the editor on it and calls `use` with what was
// saved. An empty title aborts, and the file goes; when the text cannot be used (a bad
// header, an unknown village, ...), the file is kept and named in a hint with `retry`
// ("kades lesson add --from-file {}"), so that nothing typed is lost.
void edit_template(const core::LessonDraft& draft, core::Date today, const std::string& retry,
                   const std::function<void(const core::LessonFields&)>& use) {
    auto command = editor();
    auto file = write_temp(core::write_lesson_template(draft, core::language()));
    std::error_code ec;
    try {
        run_editor(command, file);
        auto fields = core::parse_lesson_template(read_template(file.string()), today);
        if (!fields.title || fields.title->empty()) {
            fs::remove(file, ec);
            core::require_title(fields);
        }
        use(fields);
    } catch (const core::Error& e) {
        if (!fs::exists(file))
            throw;
        throw with_kept_file(e, retry, file);
    }
    fs::remove(file, ec);
}

} // namespace kades::cli
