// `kades region import|list`: the Kemendagri regions as reference data (spec section 2, region).

#include "cli/harness.hpp"

#include <doctest/doctest.h>

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

std::size_t count(const std::string& text, const std::string& needle) {
    std::size_t n = 0;
    for (auto at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1))
        ++n;
    return n;
}

// A copy of the test extract in the sandbox, to break or rename things in.
fs::path copy_of_test_regions(const Sandbox& s) {
    auto dir = s.dir() / "wilayah";
    fs::create_directories(dir);
    for (const auto& entry : fs::directory_iterator(kades::test::test_wilayah_dir()))
        if (entry.path().extension() == ".csv")
            fs::copy_file(entry.path(), dir / entry.path().filename());
    return dir;
}

std::string slurp(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

void spit(const fs::path& path, const std::string& text) {
    std::ofstream(path, std::ios::binary | std::ios::trunc) << text;
}

void replace_once(const fs::path& path, const std::string& from, const std::string& to) {
    auto text = slurp(path);
    auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    spit(path, text.replace(at, from.size(), to));
}

} // namespace

TEST_CASE("cli: region import without DIR loads the national copy that ships with kades") {
    Sandbox s;
    auto r = s.ok({"region", "import"});
    CHECK(r.out.find("83762 villages") != std::string::npos);
    auto villages = s.ok({"region", "list", "--level", "village", "-f", "csv"}).out;
    CHECK(count(villages, "\n") == 83762 + 1);
    auto stats = s.ok({"db", "stats", "-f", "csv"}).out;
    CHECK(stats.find("region,91599") != std::string::npos); // 38 + 514 + 7285 + 83762
    auto provinces = s.ok({"region", "list", "--level", "province", "-f", "json"}).json();
    CHECK(provinces.size() == 38);
    auto sidasari =
        s.ok({"region", "list", "--level", "village", "--name", "sidasari", "-f", "json"}).json();
    CHECK(sidasari.size() == 2);
}

TEST_CASE("cli: region import is idempotent: a second import adds nothing") {
    Sandbox s;
    auto first = s.ok({"region", "import", kades::test::test_wilayah_dir()}).out;
    CHECK(first.find("287 villages") != std::string::npos);
    CHECK(first.find("356 new") != std::string::npos);
    auto before = s.snapshot();
    auto second = s.ok({"region", "import", kades::test::test_wilayah_dir()}).out;
    CHECK(second.find("0 new") != std::string::npos);
    CHECK(second.find("0 renamed") != std::string::npos);
    CHECK(s.snapshot() == before);
}

TEST_CASE("cli: region import takes renamed names, for the region and the network village") {
    Sandbox s;
    s.load_regions();
    s.ok({"village", "import", "--under", "33.01.18"});
    auto dir = copy_of_test_regions(s);
    replace_once(dir / "villages.csv", "33.01.18.2011,33.01.18,Sidasari\n",
                 "33.01.18.2011,33.01.18,Sidasari Baru\n");
    auto r = s.ok({"region", "import", dir.string()});
    CHECK(r.out.find("0 new, 1 renamed") != std::string::npos);

    auto regions =
        s.ok({"region", "list", "--under", "33.01.18", "--name", "sidasari", "-f", "json"}).json();
    REQUIRE(regions.size() == 1);
    CHECK(regions.at(0).at("name") == "Sidasari Baru");
    auto village = s.ok({"village", "show", "33.01.18.2011", "-f", "json"}).json();
    CHECK(village.at("name") == "Sidasari Baru");
    CHECK(village.at("id") == "sidasari-cipari");
    // the other Sidasari keeps its name
    auto sampang =
        s.ok({"region", "list", "--under", "33.01.17", "--name", "sidasari", "-f", "json"}).json();
    REQUIRE(sampang.size() == 1);
    CHECK(sampang.at(0).at("name") == "Sidasari");
}

TEST_CASE("cli: region import of a folder lacking a file is refused naming the file") {
    Sandbox s;
    s.load_regions();
    auto dir = copy_of_test_regions(s);
    replace_once(dir / "villages.csv", "Sidasari\n", "Sidasari Baru\n");
    fs::remove(dir / "districts.csv");
    refused(s, {"region", "import", dir.string()}, 1, "districts.csv");
    refused(s, {"region", "import", (s.dir() / "nowhere").string()}, 1, "nowhere");
}

TEST_CASE("cli: region import of a file with a wrong header is refused naming the file") {
    Sandbox s;
    s.load_regions();
    auto dir = copy_of_test_regions(s);
    replace_once(dir / "provinces.csv", "11,Aceh\n", "11,Aceh Darussalam\n");
    replace_once(dir / "villages.csv", "code,district_code,name\n", "kode,district_code,nama\n");
    auto r = refused(s, {"region", "import", dir.string()}, 1, "villages.csv");
    CHECK(r.err.find("code,district_code,name") != std::string::npos);
    auto aceh = s.ok({"region", "list", "--level", "province", "-f", "csv"}).out;
    CHECK(aceh.find("11,province,Aceh,") != std::string::npos);
}

TEST_CASE("cli: region import of a wrong header names line 1") {
    Sandbox s;
    s.load_regions();
    auto dir = copy_of_test_regions(s);
    replace_once(dir / "villages.csv", "code,district_code,name\n", "kode,district_code,nama\n");
    refused(s, {"region", "import", dir.string()}, 1, "line 1");
}

TEST_CASE("cli: region import of an unclosed quote is refused naming the file and line") {
    Sandbox s;
    s.load_regions();
    auto dir = copy_of_test_regions(s);
    replace_once(dir / "villages.csv", "Sidasari\n", "Sidasari Baru\n");
    auto text = slurp(dir / "villages.csv");
    spit(dir / "villages.csv", text + "33.01.18.2099,33.01.18,\"Open\n");
    auto r = refused(s, {"region", "import", dir.string()}, 1, "villages.csv");
    CHECK(r.err.find("line 289") != std::string::npos);
    CHECK(r.err.find("quote") != std::string::npos);
    CHECK(s.ok({"region", "list", "--name", "sidasari baru"}).out.empty());
}

TEST_CASE("cli: region import of a row with too many fields names the file and the line") {
    Sandbox s;
    s.load_regions();
    auto dir = copy_of_test_regions(s);
    replace_once(dir / "villages.csv", "33.01.01.2003,33.01.01,Ciklapa\n",
                 "33.01.01.2003,33.01.01,Ciklapa,extra\n");
    auto r = refused(s, {"region", "import", dir.string()}, 1, "villages.csv");
    auto first = r.err.substr(0, r.err.find('\n'));
    CHECK((first.find(" 5:") != std::string::npos || first.find("line 5") != std::string::npos));
}

TEST_CASE("cli: region list --name finds both Sidasari with their kecamatan") {
    Sandbox s;
    s.load_regions();
    auto table = s.ok({"region", "list", "--level", "village", "--name", "sidasari"}).out;
    CHECK(table.rfind("Code ", 0) == 0);
    CHECK(count(table, "\n") == 3);
    auto sampang = table.find("33.01.17.2004");
    auto cipari = table.find("33.01.18.2011");
    REQUIRE(sampang != std::string::npos);
    REQUIRE(cipari != std::string::npos);
    CHECK(table.find("Sampang", sampang) < table.find('\n', sampang));
    CHECK(table.find("Cipari", cipari) < table.find('\n', cipari));
    CHECK(s.ok({"region", "list", "--level", "village", "--name", "SIDASARI"}).out == table);
}

TEST_CASE("cli: region list -f json gives code, level, name, parent, kind and the names above") {
    Sandbox s;
    s.load_regions();
    auto list =
        s.ok({"region", "list", "--level", "village", "--name", "sidasari", "-f", "json"}).json();
    REQUIRE(list.size() == 2);
    auto cipari = list.at(1);
    CHECK(cipari.at("code") == "33.01.18.2011");
    CHECK(cipari.at("level") == "village");
    CHECK(cipari.at("name") == "Sidasari");
    CHECK(cipari.at("parent") == "33.01.18");
    CHECK(cipari.at("kind") == "desa");
    CHECK(cipari.at("district") == "Cipari");
    CHECK(cipari.at("regency") == "Kabupaten Cilacap");
    CHECK(cipari.at("province") == "Jawa Tengah");
    CHECK(list.at(0).at("district") == "Sampang");

    auto regency = s.ok({"region", "list", "--level", "regency", "-f", "json"}).json();
    REQUIRE(regency.size() == 4);
    CHECK(regency.at(1).at("code") == "33.01");
    CHECK(regency.at(1).at("parent") == "33");
    CHECK(regency.at(1).at("level") == "regency");
    auto kelurahan = s.ok({"region", "list", "--name", "lubuk pakam i", "-f", "json"}).json();
    REQUIRE(kelurahan.size() == 1);
    CHECK(kelurahan.at(0).at("kind") == "kelurahan");
}

TEST_CASE("cli: region list quotes odd names in CSV and keeps them in JSON") {
    Sandbox s;
    s.load_regions();
    auto csv = s.ok({"region", "list", "--level", "village", "--name", "lubuk", "-f", "csv"}).out;
    CHECK(csv.rfind("code,level,name,kind,district,regency,province\r\n", 0) == 0);
    CHECK(csv.find("12.07.28.1007,village,\"Lubuk Pakam I,II\",kelurahan,Lubuk Pakam,") !=
          std::string::npos);
    auto soka = s.ok({"region", "list", "--name", "soka\"an", "-f", "json"}).json();
    REQUIRE(soka.size() == 1);
    CHECK(soka.at(0).at("name") == "Soka\"an");
    CHECK(soka.at(0).at("code") == "35.13.15.2017");
    CHECK(s.ok({"region", "list", "--name", "soka", "-f", "csv"}).out.find("\"Soka\"\"an\"") !=
          std::string::npos);
    auto regapu = s.ok({"region", "list", "--name", "regapu", "-f", "json"}).json();
    REQUIRE(regapu.size() == 1);
    CHECK(regapu.at(0).at("name") == "Regapu\u2019u");
    CHECK(s.ok({"region", "list", "--name", "regapu"}).out.find("Regapu\u2019u") !=
          std::string::npos);
}

TEST_CASE("cli: region list -f markdown is a GFM table") {
    Sandbox s;
    s.load_regions();
    auto md = s.ok({"region", "list", "--level", "village", "--name", "sidasari", "-f", "md"}).out;
    CHECK(md.rfind("| Code | Level | Name |", 0) == 0);
    CHECK(md.find("\n|---|---|") != std::string::npos);
    CHECK(md.find("| 33.01.18.2011 | village | Sidasari | desa | Cipari |") != std::string::npos);
    CHECK(s.ok({"region", "list", "--level", "village", "--name", "sidasari", "-f", "markdown"})
              .out == md);
}

TEST_CASE("cli: region list --under and --level narrow the list") {
    Sandbox s;
    s.load_regions();
    auto cipari = s.ok({"region", "list", "--under", "33.01.18", "-f", "json"}).json();
    CHECK(cipari.size() == 11);
    for (const auto& region : cipari)
        CHECK(region.at("parent") == "33.01.18");
    auto districts =
        s.ok({"region", "list", "--under", "33.01", "--level", "district", "-f", "json"}).json();
    CHECK(districts.size() == 24);
    for (const auto& region : districts)
        CHECK(region.at("level") == "district");
    CHECK(s.ok({"region", "list", "--under", "99.99", "-f", "json"}).json().empty());
}

TEST_CASE("cli: region list refuses an unknown level, an empty log and a missing log") {
    Sandbox s;
    refused(s, {"region", "list"}, 3, s.db().string());
    CHECK_FALSE(fs::exists(s.db()));
    s.ok({"db", "init"});
    auto r = refused(s, {"region", "list"}, 1, "regions");
    CHECK(r.err.find("kades region import") != std::string::npos);
    s.load_regions();
    refused(s, {"region", "list", "--level", "hamlet"}, 1, "'hamlet'");
}
