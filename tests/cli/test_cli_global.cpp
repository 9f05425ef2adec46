// Global behaviour of spec section 1: the log file, exit codes, formats, languages.

#include "cli/harness.hpp"

#include <doctest/doctest.h>

#include <sys/stat.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>

using kades::test::check_refusal;
using kades::test::has;
using kades::test::joined;
using kades::test::refused;
using kades::test::Result;
using kades::test::Sandbox;
namespace fs = std::filesystem;

namespace {

std::string slurp(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// What the sqlite3 shell prints for a command on a database file.
std::string sqlite_output(const fs::path& file, const std::string& command) {
    std::string cmd = "sqlite3 -readonly '" + file.string() + "' '" + command + "'";
    std::string text;
    FILE* pipe = ::popen(cmd.c_str(), "r");
    REQUIRE(pipe != nullptr);
    char buffer[4096];
    std::size_t n;
    while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0)
        text.append(buffer, n);
    REQUIRE(::pclose(pipe) == 0);
    return text;
}

// A log with one village whose head took office on 10 January 2020 and an IDM of 0.65.
void one_village(const Sandbox& s) {
    s.ok({"village", "add", "Alpha", "--district", "Cipari", "--head", "Sutarno", "--head-since",
          "2020-01-10"});
    s.ok({"village", "index", "alpha-cipari", "--year", "2024", "--score", "0.65"});
}

} // namespace

// ---- the log -------------------------------------------------------------------------------

TEST_CASE("cli: a read-only command never creates the log") {
    Sandbox s;
    auto r = s.run({"village", "list"});
    CHECK(r.code == 3);
    CHECK(r.out.empty());
    CHECK(r.err.rfind("kades: error: there is no log at ", 0) == 0);
    CHECK(r.err.find("kades db init") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(s.db()));
}

TEST_CASE("cli: the first write creates the log and its folder, mode 0600") {
    Sandbox s;
    s.ok({"db", "init"});
    REQUIRE(std::filesystem::exists(s.db()));
    struct stat info {};
    REQUIRE(::stat(s.db().c_str(), &info) == 0);
    CHECK((info.st_mode & 0777) == 0600);
}

TEST_CASE("cli: no read-only command of region or village creates a missing log") {
    Sandbox s;
    for (const std::vector<std::string>& args :
         {std::vector<std::string>{"village", "show", "sidasari"},
          {"village", "list", "-f", "json"},
          {"region", "list", "--level", "village"}}) {
        INFO(joined(args));
        auto r = refused(s, args, 3, s.db().string());
        CHECK(r.err.find("\n  ") != std::string::npos); // how to start a log
        CHECK_FALSE(fs::exists(s.db()));
        CHECK_FALSE(fs::exists(s.db().parent_path()));
    }
}

TEST_CASE("cli: a refused write leaves no log behind") {
    Sandbox s;
    for (const std::vector<std::string>& args :
         {std::vector<std::string>{"village", "add", "Alpha", "--phone", "1"},
          {"region", "import", (s.dir() / "nowhere").string()},
          {"village", "import", "--under", "33"}}) {
        INFO(joined(args));
        check_refusal(s.run(args), 1, args.back());
        CHECK_FALSE(fs::exists(s.db()));
    }
}

TEST_CASE("cli: --db wins over KADES_DB over the XDG default, created on the first write") {
    Sandbox s;
    auto flag = (s.dir() / "flag.db").string();
    CHECK(s.ok({"--db", flag, "db", "path"}).out == flag + "\n");
    CHECK(s.ok({"db", "path", "--db", flag}).out == flag + "\n");
    CHECK(s.ok({"db", "path"}).out == s.db().string() + "\n");
    auto xdg = s.dir() / "xdg";
    CHECK(s.ok({"db", "path"}, {{"KADES_DB", ""}, {"XDG_DATA_HOME", xdg.string()}}).out ==
          (xdg / "kades" / "kades.db").string() + "\n");
    CHECK(s.ok({"db", "path"}, {{"KADES_DB", ""}}).out ==
          (s.dir() / "home" / ".local" / "share" / "kades" / "kades.db").string() + "\n");

    std::map<std::string, std::string> env{{"KADES_DB", ""}, {"XDG_DATA_HOME", xdg.string()}};
    s.ok({"-q", "village", "add", "Alpha"}, env);
    struct stat info {};
    REQUIRE(::stat((xdg / "kades" / "kades.db").c_str(), &info) == 0);
    CHECK((info.st_mode & 0777) == 0600);
    CHECK(s.ok({"village", "list", "-f", "csv"}, env).out.find("alpha") != std::string::npos);
    CHECK_FALSE(fs::exists(s.db()));
}

TEST_CASE("cli: a log written by a newer kades is refused with exit 3 and left alone") {
    Sandbox s;
    s.ok({"db", "init"});
    s.ok({"village", "add", "Alpha"});
    REQUIRE(std::system(("sqlite3 '" + s.db().string() + "' 'PRAGMA user_version=99'").c_str()) ==
            0);
    refused(s, {"village", "list"}, 3, "newer");
    refused(s, {"village", "add", "Beta"}, 3, "newer");
    refused(s, {"region", "import", kades::test::test_wilayah_dir()}, 3, "newer");
    refused(s, {"db", "init"}, 3, "newer");
}

TEST_CASE("cli: a text file or a foreign SQLite file given as --db is refused with exit 3") {
    Sandbox s;
    auto text = s.dir() / "notes.txt";
    std::ofstream(text) << "hello\n";
    for (const auto& args : {std::vector<std::string>{"--db", text.string(), "village", "list"},
                             {"--db", text.string(), "village", "add", "Alpha"}}) {
        INFO(joined(args));
        check_refusal(s.run(args), 3, text.string());
    }
    CHECK(slurp(text) == "hello\n");

    auto other = s.dir() / "other.db";
    REQUIRE(std::system(("sqlite3 '" + other.string() + "' 'CREATE TABLE x(a)'").c_str()) == 0);
    auto before = slurp(other);
    for (const auto& args : {std::vector<std::string>{"--db", other.string(), "village", "list"},
                             {"--db", other.string(), "village", "add", "Alpha"}}) {
        INFO(joined(args));
        auto r = s.run(args);
        check_refusal(r, 3, "other.db");
        CHECK(r.err.find("not a kades log") != std::string::npos);
    }
    CHECK(slurp(other) == before); // not even switched to journal_mode WAL
    CHECK(sqlite_output(other, "PRAGMA journal_mode") == "delete\n");

    check_refusal(s.run({"--db", s.dir().string(), "village", "add", "Alpha"}), 3,
                  s.dir().string());
}

// ---- usage errors ----------------------------------------------------------------------------

TEST_CASE("cli: an unknown command is a usage error with a did-you-mean hint") {
    Sandbox s;
    s.ok({"db", "init"});
    refused(s, {"bogus"}, 2, "'bogus'");
    auto r = refused(s, {"village", "lst"}, 2, "'lst'");
    CHECK(r.err.find("  did you mean `list`?") != std::string::npos);
}

TEST_CASE("cli: an unknown option is a usage error naming it, wherever it stands") {
    Sandbox s;
    s.ok({"db", "init"});
    refused(s, {"village", "list", "--bogus"}, 2, "--bogus");
    refused(s, {"--bogus", "village", "list"}, 2, "--bogus");
    refused(s, {"region", "list", "--bogus=3"}, 2, "--bogus");
    refused(s, {"village", "add", "Alpha", "--colour", "red"}, 2, "--colour");
}

TEST_CASE("cli: an unknown option before a missing subcommand is named") {
    Sandbox s;
    s.ok({"db", "init"});
    refused(s, {"village", "--bogus"}, 2, "--bogus");
    refused(s, {"--bogus"}, 2, "--bogus");
}

TEST_CASE("cli: a missing argument or option value is a usage error naming it") {
    Sandbox s;
    s.ok({"db", "init"});
    refused(s, {"village", "show"}, 2, "REF");
    refused(s, {"village", "head", "alpha", "Siti"}, 2, "--since");
    refused(s, {"village", "list", "--format"}, 2, "--format");
    refused(s, {"village", "list", "--db"}, 2, "--db");
    refused(s, {"village", "show", "alpha", "extra"}, 2, "extra");
    refused(s, {}, 2, "command");
}

TEST_CASE("cli: unknown --format, --lang and --color values are refused naming the value") {
    Sandbox s;
    one_village(s);
    refused(s, {"-f", "xml", "village", "list"}, 2, "'xml'");
    refused(s, {"village", "add", "Beta", "--format", "yaml"}, 2, "'yaml'");
    refused(s, {"village", "list"}, 2, "'xml'", {{"KADES_FORMAT", "xml"}});
    refused(s, {"--lang", "fr", "village", "list"}, 2, "'fr'");
    refused(s, {"village", "add", "Beta", "--lang", "jv"}, 2, "'jv'");
    refused(s, {"village", "list"}, 2, "'xx'", {{"KADES_LANG", "xx"}});
    refused(s, {"--color", "sometimes", "village", "list"}, 2, "'sometimes'");
}

TEST_CASE("cli: an argument with control characters is shown escaped in the error") {
    Sandbox s;
    one_village(s);
    auto r = refused(s, {"village", "show", "evil\x1b[31mred"}, 1, "evil\\x1b[31mred");
    CHECK(r.err.find("no village") != std::string::npos);
    refused(s, {"village", "list", "--limit", "9\x1b[2J"}, 1, "9\\x1b[2J");
}

// ---- help and version --------------------------------------------------------------------------

TEST_CASE("cli: --help on every region and village subcommand exits 0 with an example") {
    Sandbox s;
    for (std::string sub : {"region import", "region list", "village add", "village import",
                            "village list", "village show", "village edit", "village archive",
                            "village remove", "village head", "village index"}) {
        INFO(sub);
        auto space = sub.find(' ');
        auto r = s.run({sub.substr(0, space), sub.substr(space + 1), "--help"});
        CHECK(r.code == 0);
        CHECK(r.err.empty());
        CHECK(r.out.find("\nExample: kades " + sub) != std::string::npos);
    }
    CHECK_FALSE(fs::exists(s.db()));
}

TEST_CASE("cli: --help on every command and db subcommand shows an example") {
    Sandbox s;
    for (const std::vector<std::string>& args : {std::vector<std::string>{"--help"},
                                                 {"region", "--help"},
                                                 {"village", "--help"},
                                                 {"db", "--help"},
                                                 {"db", "path", "--help"},
                                                 {"db", "init", "--help"},
                                                 {"db", "check", "--help"},
                                                 {"db", "stats", "--help"},
                                                 {"db", "migrate", "--help"}}) {
        INFO(joined(args));
        auto r = s.run(args);
        CHECK(r.code == 0);
        CHECK(r.out.find("Example: kades") != std::string::npos);
    }
}

TEST_CASE("cli: --version prints the name and version and needs no log") {
    Sandbox s;
    auto r = s.ok({"--version"});
    CHECK(r.out.rfind("kades ", 0) == 0);
    CHECK(r.out.find('.') != std::string::npos);
    CHECK(r.err.empty());
    CHECK_FALSE(fs::exists(s.db()));
}

// ---- formats, colour, quiet ----------------------------------------------------------------

TEST_CASE("cli: global options are taken before or after the command") {
    Sandbox s;
    one_village(s);
    auto before = s.ok({"-f", "json", "village", "list"}).json();
    auto after = s.ok({"village", "list", "-f", "json"}).json();
    REQUIRE(before.is_array());
    CHECK(before == after);
    CHECK(before.at(0).at("id") == "alpha-cipari");
    CHECK(s.ok({"village", "list", "--format=csv"}).out.rfind("id,uuid,name,", 0) == 0);
    CHECK(s.ok({"village", "add", "Beta", "-q"}).out == "beta\n");
    CHECK(s.ok({"village", "list", "--db", s.db().string(), "-f", "csv"}).out.find("beta,") !=
          std::string::npos);
}

TEST_CASE("cli: --format table, markdown, md, json and csv, and KADES_FORMAT") {
    Sandbox s;
    one_village(s);
    auto table = s.ok({"village", "list"}).out;
    CHECK(table.rfind("Slug ", 0) == 0);
    CHECK(table.find("alpha-cipari") != std::string::npos);
    auto md = s.ok({"-f", "markdown", "village", "list"}).out;
    CHECK(md.rfind("| Slug | Village |", 0) == 0);
    CHECK(md.find("\n|---|") != std::string::npos);
    CHECK(s.ok({"-f", "md", "village", "list"}).out == md);
    auto csv = s.ok({"-f", "csv", "village", "list"}).out;
    CHECK(csv.rfind("id,uuid,name,code,district,regency,province,head,head_since,phone,email,"
                    "tags,note,archived\r\n",
                    0) == 0);
    CHECK(s.ok({"village", "list"}, {{"KADES_FORMAT", "json"}}).json().size() == 1);
    CHECK(s.ok({"-f", "csv", "village", "list"}, {{"KADES_FORMAT", "json"}}).out == csv);
}

TEST_CASE("cli: --color always bolds table headings, never, NO_COLOR and a pipe do not") {
    Sandbox s;
    one_village(s);
    auto always = s.ok({"--color", "always", "village", "list"}).out;
    CHECK(always.rfind("\x1b[1mSlug\x1b[0m", 0) == 0);
    CHECK(s.ok({"village", "show", "alpha-cipari", "--color", "always"}).out.find("\x1b[1m") !=
          std::string::npos);
    CHECK(s.ok({"--color", "never", "village", "list"}).out.find('\x1b') == std::string::npos);
    CHECK(s.ok({"village", "list"}, {{"NO_COLOR", "1"}}).out.find('\x1b') == std::string::npos);
    CHECK(s.ok({"village", "list"}).out.find('\x1b') == std::string::npos);
    CHECK(s.ok({"--color", "auto", "village", "list"}).out.find('\x1b') == std::string::npos);
    CHECK(s.ok({"--color", "always", "-f", "json", "village", "list"}).out.find('\x1b') ==
          std::string::npos);
}

TEST_CASE("cli: -q makes village add print only the slug") {
    Sandbox s;
    s.ok({"db", "init"});
    CHECK(s.ok({"-q", "village", "add", "Sidasari", "--district", "Cipari"}).out ==
          "sidasari-cipari\n");
    CHECK(s.ok({"--quiet", "village", "add", "Sidasari", "--district", "Sampang"}).out ==
          "sidasari-sampang\n");
    CHECK(s.ok({"village", "add", "Caruy"}).out != "caruy\n");
}

TEST_CASE("cli: KADES_TODAY is the today of relative dates") {
    Sandbox s;
    s.ok({"village", "add", "Alpha", "--head", "Siti", "--head-since", "+1d"},
         {{"KADES_TODAY", "2024-02-28"}});
    s.ok({"village", "add", "Beta", "--head", "Budi", "--head-since", "today"});
    auto list = s.ok({"-f", "json", "village", "list"}).json();
    REQUIRE(list.size() == 2);
    CHECK(list.at(0).at("head_since") == "2024-02-29");
    CHECK(list.at(1).at("head_since") == "2026-11-27");
    refused(s, {"village", "add", "Gamma", "--head", "X", "--head-since", "today"}, 1,
            "'2024-02-30'", {{"KADES_TODAY", "2024-02-30"}});
}

// ---- languages -----------------------------------------------------------------------------

TEST_CASE("cli: --lang, KADES_LANG and a locale starting with id choose Indonesian") {
    Sandbox s;
    one_village(s);
    auto indonesian = [&](const std::vector<std::string>& args,
                          const std::map<std::string, std::string>& env) {
        INFO(joined(args));
        auto out = s.ok(args, env).out;
        return out.find("10 Januari 2020") != std::string::npos;
    };
    const std::vector<std::string> show{"village", "show", "alpha-cipari"};
    auto with = [&](std::vector<std::string> args, const std::vector<std::string>& extra) {
        args.insert(args.end(), extra.begin(), extra.end());
        return args;
    };
    CHECK_FALSE(indonesian(show, {}));
    CHECK(s.ok(show).out.find("10 January 2020") != std::string::npos);
    CHECK(indonesian(with(show, {"--lang", "id"}), {}));
    CHECK(indonesian(with({"--lang", "id"}, show), {}));
    CHECK(indonesian(show, {{"KADES_LANG", "id"}}));
    CHECK(indonesian(show, {{"LC_ALL", "id_ID.UTF-8"}}));
    CHECK(indonesian(show, {{"LC_MESSAGES", "id_ID.UTF-8"}}));
    CHECK(indonesian(show, {{"LANG", "id_ID.UTF-8"}}));
    CHECK_FALSE(indonesian(show, {{"LANG", "en_US.UTF-8"}}));
    CHECK_FALSE(indonesian(show, {{"LC_ALL", "en_US.UTF-8"}, {"LANG", "id_ID.UTF-8"}}));
    CHECK_FALSE(indonesian(show, {{"KADES_LANG", "en"}, {"LANG", "id_ID.UTF-8"}}));
    CHECK_FALSE(indonesian(with(show, {"--lang", "en"}), {{"KADES_LANG", "id"}}));
    CHECK(s.ok(with(show, {"--lang", "id"})).out.find("Berkembang") != std::string::npos);
    // A locale-shaped value, as the locale variables take it (issue 13).
    CHECK(indonesian(show, {{"KADES_LANG", "id_ID.UTF-8"}}));
    CHECK(indonesian(with(show, {"--lang", "id_ID"}), {}));
    CHECK_FALSE(indonesian(show, {{"KADES_LANG", "en_US.UTF-8"}, {"LANG", "id_ID.UTF-8"}}));
    refused(s, show, 2, "'fr_FR.UTF-8'", {{"KADES_LANG", "fr_FR.UTF-8"}});
}

TEST_CASE("cli: --lang id translates error messages") {
    Sandbox s;
    one_village(s);
    auto en = refused(s, {"--lang", "en", "village", "show", "nosuch"}, 1, "'nosuch'");
    auto id = refused(s, {"--lang", "id", "village", "show", "nosuch"}, 1, "'nosuch'");
    CHECK(en.err != id.err);
}
