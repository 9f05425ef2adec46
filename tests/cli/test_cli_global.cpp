// Global behaviour of spec section 1: the log file, exit codes, formats, languages.

#include "cli/harness.hpp"

#include <doctest/doctest.h>

#include <sys/stat.h>

using kades::test::Sandbox;

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
