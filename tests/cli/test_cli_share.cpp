// Sharing end to end (issue 12): two copies through a folder and through a git repository,
// a slow clock under faketime, the refused files, and what a crafted folder cannot do.

#include "cli/harness.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

using kades::test::check_refusal;
using kades::test::has;
using kades::test::record_case_study;
using kades::test::refused;
using kades::test::Sandbox;
using kades::test::shell_output;
using json = nlohmann::json;
namespace fs = std::filesystem;

namespace {

// A second laptop: the Cipari villages, imported by itself.
void start_copy(const Sandbox& s) {
    s.load_regions();
    s.ok({"-q", "village", "import", "--under", "33.01.18"});
}

std::string lesson_id(const Sandbox& s, const std::string& title) {
    for (const auto& l : s.ok({"lesson", "list", "-f", "json"}).json())
        if (l.at("title") == title)
            return l.at("id");
    FAIL("no lesson " << title);
    return "";
}

std::string exported(const Sandbox& s) {
    return s.ok({"export"}).out;
}

void write_file(const fs::path& path, const std::string& text) {
    fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << text;
}

} // namespace

TEST_CASE("cli: two laptops converge through a folder, and nothing anyone wrote is lost") {
    Sandbox a, b;
    record_case_study(a); // the secretary's laptop: the November of the case study
    start_copy(b);        // the facilitator's: its own half of the month
    auto share = a.dir() / "usb" / "kades"; // not there yet: sync creates it
    b.ok({"-q", "meeting", "add", "Sosialisasi bank sampah", "--date", "2026-11-18", "--host",
          "caruy", "--attendee", "caruy", "--attendee", "serang-cipari", "--held"});
    b.ok({"-q", "lesson", "add", "Posyandu keliling", "--village", "serang-cipari", "--kind",
          "sukses", "--topic", "kesehatan", "--date", "2026-11-19", "--lesson",
          "Kader datang ke dusun"});

    auto first = a.ok({"sync", share.string(), "--name", "Sekretariat Cipari"});
    CHECK(has(first.out, "Sent "));
    CHECK(fs::is_directory(share));
    auto in_b =
        b.ok({"sync", share.string(), "--name", "Pendamping Sidasari", "-f", "json"}).json();
    REQUIRE(in_b.at("received").size() == 1);
    CHECK(in_b.at("received")[0].at("name") == "Sekretariat Cipari");
    CHECK(in_b.at("received")[0].at("records").at("lesson") == 4);
    a.ok({"sync", share.string()});

    // The month's report is the same on both, with both halves in it.
    auto report_a = a.ok({"report", "monthly", "--month", "2026-11", "-f", "json"}).json();
    auto report_b = b.ok({"report", "monthly", "--month", "2026-11", "-f", "json"}).json();
    CHECK(report_a.at("totals") == report_b.at("totals"));
    CHECK(report_a.at("totals").at("meetings_held") == 4);
    CHECK(report_a.at("totals").at("lessons") == 4);
    // One Sidasari: both imported it, each under its own UUID.
    CHECK(a.ok({"village", "list", "--district", "Cipari", "-f", "json"}).json().size() == 11);
    CHECK(b.ok({"village", "list", "--district", "Cipari", "-f", "json"}).json().size() == 11);

    // One lesson edited on both: different fields both stay; one field on both: the later wins,
    // the older is listed as overwritten. A removal travels.
    auto waste = lesson_id(a, "Bank sampah dikelola BUMDes");
    a.ok({"lesson", "edit", waste, "--outcome", "Iuran menutup biaya sejak bulan ketiga"});
    b.ok({"lesson", "edit", waste, "--recommendation", "Mulai dari satu dusun"});
    a.ok({"lesson", "edit", waste, "--title", "Bank sampah BUMDes (A)"});
    b.ok({"lesson", "edit", waste, "--title", "Bank sampah BUMDes (B)"});
    auto posyandu = lesson_id(a, "Posyandu keliling");
    a.ok({"lesson", "remove", posyandu});
    for (int round = 0; round < 2; ++round) {
        a.ok({"-q", "sync", share.string()});
        b.ok({"-q", "sync", share.string()});
    }
    for (const Sandbox* s : {&a, &b}) {
        auto l = s->ok({"lesson", "show", waste, "-f", "json"}).json();
        CHECK(l.at("outcome") == "Iuran menutup biaya sejak bulan ketiga");
        CHECK(l.at("recommendation") == "Mulai dari satu dusun");
        CHECK(l.at("title") == "Bank sampah BUMDes (B)");
        CHECK(s->run({"lesson", "show", posyandu}).code == 1);
        auto lost = s->ok({"sync", "--conflicts", "-f", "json"}).json();
        REQUIRE(lost.size() == 1);
        CHECK(lost[0].at("field") == "title");
        CHECK(lost[0].at("value") == "Bank sampah BUMDes (A)");
        CHECK(lost[0].at("by_name") == "Sekretariat Cipari");
        CHECK(lost[0].at("overwritten_by_name") == "Pendamping Sidasari");
        // The search index was rebuilt from what came in.
        CHECK(s->ok({"lesson", "search", "iuran", "-f", "json"}).json().size() == 1);
    }
    CHECK(exported(a) == exported(b));
    auto status = a.ok({"sync", "--status", "-f", "json"}).json();
    CHECK(status.at("name") == "Sekretariat Cipari");
    REQUIRE(status.at("peers").size() == 1);
    CHECK(status.at("peers")[0].at("name") == "Pendamping Sidasari");
    CHECK(has(a.ok({"sync", "--status"}).out, "Pendamping Sidasari"));
    // Quiet and idempotent: nothing new, nothing printed.
    auto quiet = a.ok({"-q", "sync", share.string()});
    CHECK(quiet.out.empty());
}

TEST_CASE("cli: a laptop whose clock is a month slow: its later edit still wins") {
    if (!fs::exists("/usr/bin/faketime")) {
        MESSAGE("faketime is not installed: .ci/deps.sh installs it");
        return;
    }
    Sandbox a, b;
    start_copy(a);
    auto share = a.dir() / "share";
    auto id = a.ok({"-q", "lesson", "add", "Irigasi tetes", "--village", "kutasari-cipari",
                    "--kind", "gagal", "--date", "2026-11-25"})
                  .out;
    id.pop_back();
    a.ok({"lesson", "edit", id, "--outcome", "dari laptop yang jamnya benar"});
    a.ok({"-q", "sync", share.string()});
    // b's clock is thirty days behind: faketime moves its wall clock, nothing else.
    const auto* lib = "/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1";
    std::map<std::string, std::string> slow{
        {"LD_PRELOAD", lib}, {"FAKETIME", "-30d"}, {"ASAN_OPTIONS", "verify_asan_link_order=0"}};
    b.ok({"-q", "sync", share.string()}, slow);
    b.ok({"lesson", "edit", id, "--outcome", "dari laptop yang jamnya lambat, sesudahnya"}, slow);
    b.ok({"-q", "sync", share.string()}, slow);
    a.ok({"-q", "sync", share.string()});
    for (const Sandbox* s : {&a, &b})
        CHECK(s->ok({"lesson", "show", id, "-f", "json"}).json().at("outcome") ==
              "dari laptop yang jamnya lambat, sesudahnya");
    CHECK(a.ok({"sync", "--conflicts", "-f", "json"}).json().empty()); // made over the other
}

TEST_CASE("cli: a git repository as the carrier: no merge conflict, ever") {
    Sandbox a, b;
    start_copy(a);
    start_copy(b);
    auto root = a.dir();
    std::string git = "GIT_AUTHOR_NAME=kades GIT_AUTHOR_EMAIL=k@example.org "
                      "GIT_COMMITTER_NAME=kades GIT_COMMITTER_EMAIL=k@example.org git";
    shell_output(git + " init -q --bare '" + (root / "hub.git").string() + "' && " + git +
                 " clone -q '" + (root / "hub.git").string() + "' '" + (root / "a").string() +
                 "' 2>/dev/null && " + git + " clone -q '" + (root / "hub.git").string() + "' '" +
                 (root / "b").string() + "' 2>/dev/null");
    auto publish = [&](const Sandbox& s, const std::string& clone) {
        auto dir = (root / clone).string();
        s.ok({"-q", "sync", dir});
        shell_output(
            "cd '" + dir + "' && " + git + " add -A && (" + git + " commit -qm sync || true) && (" +
            git + " pull -q --rebase 2>/dev/null || true) && " + git +
            " push -q origin HEAD 2>/dev/null; " + git + " pull -q --rebase 2>/dev/null; true");
        s.ok({"-q", "sync", dir});
    };
    a.ok({"-q", "forum", "add", "Forum Kades Cipari", "--member", "caruy"});
    publish(a, "a");
    publish(b, "b");
    auto forum = b.ok({"forum", "list", "-f", "json"}).json();
    REQUIRE(forum.size() == 1);
    std::string id = forum[0].at("id");
    // Both add a member at once: both stay.
    a.ok({"forum", "join", id, "sidasari-cipari"});
    b.ok({"forum", "join", id, "serang-cipari"});
    publish(a, "a");
    publish(b, "b");
    publish(a, "a");
    for (const Sandbox* s : {&a, &b})
        CHECK(s->ok({"forum", "show", id, "-f", "json"}).json().at("members").size() == 3);
    CHECK(exported(a) == exported(b));
    CHECK(shell_output("cd '" + (root / "a").string() + "' && git status --porcelain").empty());
}

TEST_CASE("cli: import refuses what is not a whole export, and changes nothing") {
    Sandbox a, b;
    start_copy(a);
    start_copy(b);
    a.ok({"-q", "lesson", "add", "Bank sampah", "--village", "sidasari-cipari", "--kind", "sukses",
          "--date", "2026-11-13"});
    auto whole = exported(a);
    auto file = b.dir() / "in.json";
    write_file(file, whole.substr(0, whole.size() * 2 / 3));
    refused(b, {"import", file.string()}, 1, "truncated");
    write_file(file, "[1, 2, 3]");
    refused(b, {"import", file.string()}, 1, "not a kades export");
    write_file(file, "{\"kades_export\":2,\"schema\":99,\"records\":[],\"count\":0}");
    refused(b, {"import", file.string()}, 1, "newer kades");
    refused(b, {"import", "nothere.json"}, 1, "nothere.json");
    // The whole export twice: the second changes nothing.
    write_file(file, whole);
    auto first = b.ok({"import", file.string(), "-f", "json"}).json();
    CHECK(first.at("changed").at("lesson") == 1);
    auto again = b.ok({"import", file.string()});
    CHECK(has(again.out, "Nothing new"));
    // Contacts redacted: no phone number leaves.
    a.ok({"village", "edit", "sidasari-cipari", "--phone", "0812-2600-1234"});
    CHECK(has(exported(a), "+6281226001234"));
    CHECK_FALSE(has(a.ok({"export", "--redact", "contacts"}).out, "+6281226001234"));
    refused(a, {"export", "--redact", "everything"}, 2, "everything");
    // Since a date: only what changed from then on.
    auto since = json::parse(a.ok({"export", "--since", "today"}).out);
    CHECK(since.at("since") == "2026-11-27");
}

TEST_CASE("cli: a crafted sync folder cannot make kades read outside it or stop") {
    Sandbox a, b;
    start_copy(a);
    start_copy(b);
    auto share = a.dir() / "share";
    a.ok(
        {"-q", "lesson", "add", "Bank sampah", "--village", "sidasari-cipari", "--kind", "sukses"});
    a.ok({"-q", "sync", share.string()});
    // A link that looks like a sync file, a folder link, a damaged file, a carrier's conflict
    // copy, a file from a newer kades: only what is real and readable applies.
    auto evil = share / "0123456789abcdef";
    fs::create_directories(evil);
    write_file(a.dir() / "outside.json",
               "{\"kades_export\":1,\"schema\":8,\"records\":[],\"count\":0}");
    fs::create_symlink(a.dir() / "outside.json", evil / "00000001-aaaaaaaa.json");
    fs::create_directory_symlink(a.dir(), share / "fedcba9876543210");
    write_file(evil / "00000002-bbbbbbbb.json", "{\"kades_export\":1,\"sch");
    write_file(evil / "00000003-cccccccc.sync-conflict-20261204-1.json", "garbage");
    write_file(evil / "00000004-dddddddd.json", "{\"kades_export\":7,\"schema\":30,\"replica\":"
                                                "\"0123456789abcdef\",\"records\":[],\"count\":0}");
    write_file(
        evil / "00000005-eeeeeeee.json",
        R"({"kades_export":1,"schema":8,"replica":"0123456789abcdef","records":[)"
        R"({"kind":"village","id":"00000000-0000-4000-8000-0000000000ff","fields":{)"
        R"("archived":{"value":5,"stamp":"0001796400000000.000000.0123456789abcdef"},)"
        R"("created_at":{"value":"x","stamp":"0001796400000000.000000.0123456789abcdef"},)"
        R"("name":{"value":"X","stamp":"0001796400000000.000000.0123456789abcdef"},)"
        R"("slug":{"value":"x","stamp":"0001796400000000.000000.0123456789abcdef"}}}],"count":1})");
    auto r = b.run({"sync", share.string()});
    CHECK(has(r.err, "00000005-eeeeeeee.json"));
    CHECK(r.code == 0);
    CHECK(has(r.err, "00000002-bbbbbbbb.json"));
    CHECK(has(r.err, "newer kades"));
    CHECK_FALSE(has(r.err, "00000001-aaaaaaaa"));
    CHECK(b.ok({"lesson", "list", "-f", "json"}).json().size() == 1);
    // The newer file is kept, and reported again until this kades can read it.
    CHECK(fs::exists(evil / "00000004-dddddddd.json"));
    CHECK(has(b.run({"sync", share.string()}).err, "newer kades"));
    refused(b, {"sync"}, 2, "sync folder");
    write_file(b.dir() / "plainfile", "x");
    refused(b, {"sync", (b.dir() / "plainfile").string()}, 1, "not a folder");
}
