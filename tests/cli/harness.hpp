#pragma once
// Runs the built kades binary as a user would: a fresh temp folder for HOME and the log,
// a fixed today, no locale or colour from the developer's shell.

#include <nlohmann/json.hpp>

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace kades::test {

struct Result {
    int code = -1;
    std::string out;
    std::string err;
    nlohmann::json json() const; // parses out; fails the test when it is not JSON
};

class Sandbox {
  public:
    Sandbox();
    ~Sandbox();
    Sandbox(const Sandbox&) = delete;
    Sandbox& operator=(const Sandbox&) = delete;

    // Runs kades with args; KADES_DB points at db() unless env sets it (set to "" to unset).
    Result run(const std::vector<std::string>& args,
               const std::map<std::string, std::string>& env = {},
               const std::string& input = "") const;
    // As run, and fails the test unless it exits 0.
    Result ok(const std::vector<std::string>& args,
              const std::map<std::string, std::string>& env = {}) const;

    const std::filesystem::path& dir() const { return m_dir; }
    std::filesystem::path db() const { return m_dir / "log" / "kades.db"; }
    // Loads the test extract of the regions (Kabupaten Cilacap and a few more).
    void load_regions() const;
    // A hash of the log's content, to show a failed command changed nothing.
    std::string snapshot() const;

  private:
    std::filesystem::path m_dir;
};

// A refused command: its exit code, nothing on stdout, `kades: error: ` first on stderr with the
// bad value (`names`) on that line, hint lines indented by two spaces, no raw escape byte.
void check_refusal(const Result& r, int code, const std::string& names);
// Runs args and checks the refusal as above, and that the log is the same before and after.
Result refused(const Sandbox& s, const std::vector<std::string>& args, int code,
               const std::string& names, const std::map<std::string, std::string>& env = {});
// "kades a b c", for messages.
std::string joined(const std::vector<std::string>& args);
bool has(const std::string& text, const std::string& needle);

// What a shell command prints on stdout; fails the test unless it exits 0.
std::string shell_output(const std::string& command);
// Records examples/case-study.sh (the Cipari network's November 2026) in the sandbox's log,
// with KADES_TODAY=2026-11-27.
void record_case_study(const Sandbox& s);
// Runs SQL with the sqlite3 shell on the sandbox's log (rows the commands cannot make, or a
// look at the log from outside kades); returns what it prints.
std::string sql(const Sandbox& s, const std::string& statements);

// The HTML a real CommonMark parser (cmark-gfm, with GFM tables) makes of a Markdown text.
std::string commonmark_html(const Sandbox& s, const std::string& markdown);

std::string wilayah_dir();      // the full national data shipped in data/wilayah
std::string test_wilayah_dir(); // the test extract in tests/data/wilayah

} // namespace kades::test
