#include "cli/harness.hpp"

#include <doctest/doctest.h>

#include <fcntl.h>
#include <poll.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>

namespace kades::test {
namespace fs = std::filesystem;

nlohmann::json Result::json() const {
    auto parsed = nlohmann::json::parse(out, nullptr, false);
    INFO("stdout: " << out << "\nstderr: " << err);
    REQUIRE_FALSE(parsed.is_discarded());
    return parsed;
}

Sandbox::Sandbox() {
    std::random_device device;
    m_dir = fs::temp_directory_path() / ("kades-e2e-" + std::to_string(device()));
    fs::create_directories(m_dir / "home");
}

Sandbox::~Sandbox() {
    std::error_code ec;
    fs::remove_all(m_dir, ec);
}

namespace {

std::vector<std::string> environment(const fs::path& home, const fs::path& db,
                                     const std::map<std::string, std::string>& extra) {
    std::map<std::string, std::string> env{{"PATH", "/usr/bin:/bin"},
                                           {"HOME", home.string()},
                                           {"KADES_DB", db.string()},
                                           {"KADES_TODAY", "2026-11-27"},
                                           {"LANG", "C.UTF-8"}};
    for (const auto& [key, value] : extra)
        env[key] = value;
    std::vector<std::string> list;
    for (const auto& [key, value] : env)
        if (!value.empty())
            list.push_back(key + "=" + value);
    return list;
}

// Reads the child's stdout and stderr together, so that neither pipe fills and blocks it.
void drain(int out_fd, int err_fd, std::string& out, std::string& err) {
    std::array<pollfd, 2> fds{pollfd{out_fd, POLLIN, 0}, pollfd{err_fd, POLLIN, 0}};
    std::array<std::string*, 2> sinks{&out, &err};
    int open = 2;
    char buffer[65536];
    while (open > 0 && ::poll(fds.data(), fds.size(), 60000) > 0) {
        for (std::size_t i = 0; i < fds.size(); ++i) {
            if (fds[i].fd < 0 || fds[i].revents == 0)
                continue;
            auto n = ::read(fds[i].fd, buffer, sizeof buffer);
            if (n > 0) {
                sinks[i]->append(buffer, static_cast<std::size_t>(n));
            } else {
                ::close(fds[i].fd);
                fds[i].fd = -1;
                --open;
            }
        }
    }
}

} // namespace

Result Sandbox::run(const std::vector<std::string>& args,
                    const std::map<std::string, std::string>& env, const std::string& input) const {
    auto env_list = environment(m_dir / "home", db(), env);
    std::vector<char*> envp;
    for (auto& e : env_list)
        envp.push_back(e.data());
    envp.push_back(nullptr);
    std::vector<std::string> argv_store{KADES_BIN};
    argv_store.insert(argv_store.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& a : argv_store)
        argv.push_back(a.data());
    argv.push_back(nullptr);

    int in_pipe[2], out_pipe[2], err_pipe[2];
    REQUIRE(::pipe(in_pipe) == 0);
    REQUIRE(::pipe(out_pipe) == 0);
    REQUIRE(::pipe(err_pipe) == 0);
    pid_t pid = ::fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        ::dup2(in_pipe[0], 0);
        ::dup2(out_pipe[1], 1);
        ::dup2(err_pipe[1], 2);
        for (int fd : {in_pipe[0], in_pipe[1], out_pipe[0], out_pipe[1], err_pipe[0], err_pipe[1]})
            ::close(fd);
        ::chdir(m_dir.c_str());
        ::execve(argv[0], argv.data(), envp.data());
        ::_exit(127);
    }
    ::close(in_pipe[0]);
    ::close(out_pipe[1]);
    ::close(err_pipe[1]);
    if (!input.empty())
        (void)!::write(in_pipe[1], input.data(), input.size());
    ::close(in_pipe[1]);
    Result result;
    drain(out_pipe[0], err_pipe[0], result.out, result.err);
    int status = 0;
    ::waitpid(pid, &status, 0);
    result.code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    return result;
}

Result Sandbox::ok(const std::vector<std::string>& args,
                   const std::map<std::string, std::string>& env) const {
    auto result = run(args, env);
    std::string command;
    for (const auto& a : args)
        command += a + " ";
    INFO("kades " << command << "\nstdout: " << result.out << "\nstderr: " << result.err);
    REQUIRE(result.code == 0);
    return result;
}

void Sandbox::load_regions() const {
    ok({"region", "import", test_wilayah_dir()});
}

std::string Sandbox::snapshot() const {
    if (!fs::exists(db()))
        return "<no log>";
    return shell_output("sqlite3 -readonly '" + db().string() + "' .dump");
}

void record_case_study(const Sandbox& s) {
    shell_output("KADES_DB='" + s.db().string() +
                 "' KADES_TODAY=2026-11-27 '" KADES_EXAMPLES_DIR "/case-study.sh' '" KADES_BIN
                 "' >/dev/null");
}

std::string shell_output(const std::string& command) {
    std::string out;
    FILE* pipe = ::popen(command.c_str(), "r");
    REQUIRE(pipe != nullptr);
    char buffer[4096];
    std::size_t n;
    while ((n = fread(buffer, 1, sizeof buffer, pipe)) > 0)
        out.append(buffer, n);
    REQUIRE(::pclose(pipe) == 0);
    return out;
}

std::string sql(const Sandbox& s, const std::string& statements) {
    auto file = s.dir() / "statements.sql";
    std::ofstream(file, std::ios::binary) << statements;
    return shell_output("sqlite3 '" + s.db().string() + "' < '" + file.string() + "'");
}

std::string joined(const std::vector<std::string>& args) {
    std::string line = "kades";
    for (const auto& a : args)
        line += " " + a;
    return line;
}

bool has(const std::string& text, const std::string& needle) {
    return text.find(needle) != std::string::npos;
}

void check_refusal(const Result& r, int code, const std::string& names) {
    INFO("stdout: " << r.out << "\nstderr: " << r.err);
    CHECK(r.code == code);
    CHECK(r.out.empty());
    REQUIRE(r.err.rfind("kades: error: ", 0) == 0);
    std::istringstream lines(r.err);
    std::string line;
    std::getline(lines, line);
    CHECK(line.find(names) != std::string::npos);
    while (std::getline(lines, line))
        CHECK(line.rfind("  ", 0) == 0);
    CHECK(r.err.find('\x1b') == std::string::npos);
}

Result refused(const Sandbox& s, const std::vector<std::string>& args, int code,
               const std::string& names, const std::map<std::string, std::string>& env) {
    INFO(joined(args));
    auto before = s.snapshot();
    auto r = s.run(args, env);
    check_refusal(r, code, names);
    CHECK(s.snapshot() == before);
    return r;
}

std::string commonmark_html(const Sandbox& s, const std::string& markdown) {
    auto file = s.dir() / "document.md";
    std::ofstream(file, std::ios::binary) << markdown;
    return shell_output("cmark-gfm --extension table '" + file.string() + "'");
}

std::string wilayah_dir() {
    return KADES_WILAYAH_DIR;
}
std::string test_wilayah_dir() {
    return KADES_TEST_WILAYAH_DIR;
}

} // namespace kades::test
