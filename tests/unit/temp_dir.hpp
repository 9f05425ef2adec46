#pragma once
// A fresh folder under the system temp dir for one test, removed with everything in it.

#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <string>

namespace kades::test {

struct TempDir {
    std::filesystem::path path;
    TempDir() {
        std::string pattern =
            (std::filesystem::temp_directory_path() / "kades-test-XXXXXX").string();
        REQUIRE(::mkdtemp(pattern.data()) != nullptr);
        path = pattern;
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(path, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
};

} // namespace kades::test
