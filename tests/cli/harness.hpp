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

std::string wilayah_dir();      // the full national data shipped in data/wilayah
std::string test_wilayah_dir(); // the test extract in tests/data/wilayah

} // namespace kades::test
