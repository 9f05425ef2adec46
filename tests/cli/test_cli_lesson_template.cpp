// `kades lesson add|edit --from-file F / --edit` (tracker issue 5): lessons piped in by a
// script and written in the editor, with the template of the spec.

#include "cli/harness.hpp"

#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

using kades::test::check_refusal;
using kades::test::has;
using kades::test::refused;
using kades::test::Result;
using kades::test::Sandbox;
namespace fs = std::filesystem;
using Args = std::vector<std::string>;
using Env = std::map<std::string, std::string>;

namespace {

void cipari(const Sandbox& s) {
    s.load_regions();
    s.ok({"village", "import", "--under", "33.01.18"});
}

void write(const fs::path& file, const std::string& text) {
    std::ofstream(file, std::ios::binary) << text;
}

std::string read(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// An editor that keeps a copy of the template it was given (seen.md) and saves
// prepared.md in its place: run as $EDITOR with the template as "$1".
Env editor(const Sandbox& s, const std::string& prepared, const char* variable = "EDITOR") {
    write(s.dir() / "prepared.md", prepared);
    write(s.dir() / "editor.sh", "cp \"$1\" '" + (s.dir() / "seen.md").string() + "'\ncat '" +
                                     (s.dir() / "prepared.md").string() + "' > \"$1\"\n");
    return {{variable, "sh '" + (s.dir() / "editor.sh").string() + "'"},
            {"TMPDIR", s.dir().string()}};
}

// The temporary files an editor run left in the sandbox.
int temp_files(const Sandbox& s) {
    int n = 0;
    for (const auto& entry : fs::directory_iterator(s.dir()))
        n += entry.path().filename().string().rfind("kades-lesson-", 0) == 0 ? 1 : 0;
    return n;
}

// As refused(), for a command reading stdin.
Result refused_with(const Sandbox& s, const Args& args, const std::string& input,
                    const std::string& names) {
    auto before = s.snapshot();
    auto r = s.run(args, {}, input);
    check_refusal(r, 1, names);
    CHECK(s.snapshot() == before);
    return r;
}

nlohmann::json json_of(const Sandbox& s, Args args, const std::string& input) {
    auto r = s.run(args, {}, input);
    INFO(r.err);
    REQUIRE(r.code == 0);
    return r.json();
}

const char* const k_drip = R"(Judul: Irigasi tetes tanpa pelatihan perawatan
Desa: kutasari-cipari
Jenis: gagal
Topik: pertanian, Pendanaan
Tanggal: 2026-09-15

<!-- diisi oleh sekretaris forum -->

## Konteks
Para petani mendapat irigasi tetes dari dana desa.

## Hasil
Setengah selang tersumbat dalam enam bulan.

## Pelajaran
Alat tanpa pelatihan perawatan cepat rusak.

## Rekomendasi
Anggarkan pelatihan perawatan bersama alatnya.
)";

} // namespace

TEST_CASE("cli: lesson add --from-file - reads the template from a script's pipe") {
    Sandbox s;
    cipari(s);
    auto l = json_of(s, {"lesson", "add", "--from-file", "-", "-f", "json"}, k_drip);
    CHECK(l.at("title") == "Irigasi tetes tanpa pelatihan perawatan");
    CHECK(l.at("village") == "kutasari-cipari");
    CHECK(l.at("kind") == "failure");
    CHECK(l.at("topics") == nlohmann::json({"pendanaan", "pertanian"}));
    CHECK(l.at("date") == "2026-09-15");
    CHECK(l.at("context") == "Para petani mendapat irigasi tetes dari dana desa.");
    CHECK(l.at("recommendation") == "Anggarkan pelatihan perawatan bersama alatnya.");
    auto found = s.ok({"lesson", "search", "tani", "-f", "json"}).json();
    REQUIRE(found.size() == 1);
    CHECK(found[0].at("id") == l.at("id"));
}

TEST_CASE("cli: lesson add --from-file FILE, options override the template, --topic adds") {
    Sandbox s;
    cipari(s);
    write(s.dir() / "drip.md", k_drip);
    auto l = s.ok({"lesson", "add", "Judul dari opsi", "--from-file", "drip.md", "--kind",
                   "insight", "--topic", "air", "--village", "caruy-cipari", "-f", "json"})
                 .json();
    CHECK(l.at("title") == "Judul dari opsi");
    CHECK(l.at("kind") == "insight");
    CHECK(l.at("village") == "caruy-cipari");
    CHECK(l.at("topics") == nlohmann::json({"air", "pendanaan", "pertanian"}));
    CHECK(l.at("outcome") == "Setengah selang tersumbat dalam enam bulan.");
    auto bare = json_of(s, {"lesson", "add", "Dari opsi", "--from-file", "-", "-f", "json"},
                        "Village: serang-cipari\n");
    CHECK(bare.at("title") == "Dari opsi");
    CHECK(bare.at("kind") == "insight");
    CHECK(bare.at("date") == "2026-11-27");
}

TEST_CASE("cli: a malformed template records nothing and names the line") {
    Sandbox s;
    cipari(s);
    Args add{"lesson", "add", "--from-file", "-"};
    refused_with(s, add, "Title: X\nVillage: caruy-cipari\nAuthor: saya\n",
                 "line 3: unknown header 'Author'");
    refused_with(s, add, "Title: X\nVillage: caruy-cipari\n\n## Catatan\nx\n",
                 "line 4: unknown section '## Catatan'");
    refused_with(s, add, "Title: X\nVillage: caruy-cipari\nDate: 2026-02-30\n",
                 "line 3: '2026-02-30'");
    refused_with(s, add, "Title: X\nVillage: caruy-cipari\nKind: bagus\n",
                 "line 3: lesson kind 'bagus'");
    refused_with(s, add, "", "title is empty");
    refused_with(s, add, "Village: caruy-cipari\n\n## Lesson\nTanpa judul.\n", "title is empty");
    refused_with(s, add, "Title: X\n", "needs a village");
    refused_with(s, add, "Title: X\nVillage: nosuch\n", "'nosuch'");
    refused_with(s, add, "Title: X\nVillage: caruy-cipari\n<!-- open\n", "line 3: a comment");
    refused(s, {"lesson", "add", "--from-file", "missing.md"}, 1, "missing.md");
    CHECK(s.ok({"lesson", "list", "-f", "json"}).json() == nlohmann::json::array());
}

TEST_CASE("cli: lesson add --edit: the editor gets the template pre-filled, its text is kept") {
    Sandbox s;
    cipari(s);
    auto env = editor(s, k_drip);
    auto r = s.ok({"lesson", "add", "--edit", "--kind", "sukses", "--topic", "air"}, env);
    CHECK(has(r.out, "Added lesson "));
    CHECK(has(r.out, "\u201cIrigasi tetes tanpa pelatihan perawatan\u201d (Kutasari)."));
    auto seen = read(s.dir() / "seen.md");
    CHECK(seen.rfind("Title:\nVillage:\nKind: sukses\nTopics: air\nDate: 2026-11-27\n", 0) == 0);
    for (const char* section :
         {"\n## Context\n", "\n## Outcome\n", "\n## Lesson\n", "\n## Recommendation\n", "<!-- "})
        CHECK_MESSAGE(has(seen, section), section);
    CHECK(temp_files(s) == 0);
    auto l = s.ok({"lesson", "list", "-f", "json"}).json();
    REQUIRE(l.size() == 1);
    CHECK(l[0].at("kind") == "failure"); // what was saved in the editor
    CHECK(l[0].at("topics") == nlohmann::json({"pendanaan", "pertanian"}));

    // In Indonesian the template speaks Indonesian; VISUAL comes before EDITOR.
    auto id_env = editor(s, "Title: Kedua\nVillage: caruy-cipari\n", "VISUAL");
    id_env["EDITOR"] = "false";
    s.ok({"--lang", "id", "lesson", "add", "Awal", "--edit"}, id_env);
    CHECK(read(s.dir() / "seen.md").rfind("Judul: Awal\nDesa:\nJenis:\nTopik:\n", 0) == 0);
    CHECK(has(read(s.dir() / "seen.md"), "\n## Konteks\n"));
}

TEST_CASE("cli: lesson add --edit: an empty title aborts, no editor or a failing one refused") {
    Sandbox s;
    cipari(s);
    auto before = s.snapshot();
    auto env = editor(s, "Title:\nVillage: caruy-cipari\n\n## Lesson\nSesuatu\n");
    auto r = s.run({"lesson", "add", "--edit"}, env);
    check_refusal(r, 1, "Aborting: the lesson's title is empty, so nothing was recorded");
    CHECK(temp_files(s) == 0);
    CHECK(s.snapshot() == before);

    refused(s, {"lesson", "add", "T", "--village", "caruy-cipari", "--edit"}, 1,
            "--edit needs an editor: set VISUAL or EDITOR", {{"TMPDIR", s.dir().string()}});
    auto failing = s.run({"lesson", "add", "T", "--village", "caruy-cipari", "--edit"},
                         {{"EDITOR", "exit 3 ;"}, {"TMPDIR", s.dir().string()}});
    check_refusal(failing, 1, "failed (exit 3): nothing was recorded");
    CHECK(s.snapshot() == before);
}

TEST_CASE("cli: lesson add --edit: unusable text is kept, and --from-file takes it back") {
    Sandbox s;
    cipari(s);
    auto env = editor(s, "Title: Wisata desa\nVillage: nosuch\nTopics: wisata\n");
    auto r = s.run({"lesson", "add", "--edit"}, env);
    check_refusal(r, 1, "no village 'nosuch'");
    REQUIRE(temp_files(s) == 1);
    auto hint = r.err.substr(r.err.find("your text is kept in "));
    auto file = hint.substr(21, hint.find(':') - 21);
    CHECK(has(hint, "`kades lesson add --from-file " + file + "`"));
    auto text = read(file);
    CHECK(has(text, "Village: nosuch"));
    write(file, "Title: Wisata desa\nVillage: caruy-cipari\nTopics: wisata\n");
    s.ok({"lesson", "add", "--from-file", file});
    CHECK(s.ok({"lesson", "search", "wisata", "-f", "json"}).json().size() == 1);
}

TEST_CASE("cli: lesson edit --edit shows the whole lesson, and what is saved replaces it") {
    Sandbox s;
    cipari(s);
    auto id = s.run({"-q", "lesson", "add", "--from-file", "-"}, {}, k_drip).out.substr(0, 8);
    s.ok({"lesson", "adopt", id, "--village", "caruy-cipari"});
    auto env = editor(
        s, std::string(k_drip).replace(std::string(k_drip).find("pertanian, "), 11, "") + "\n");
    auto r = s.ok({"lesson", "edit", id, "--edit", "--kind", "insight"}, env);
    CHECK(has(r.out, "Updated lesson " + id));
    auto seen = read(s.dir() / "seen.md");
    CHECK(seen.rfind("Title: Irigasi tetes tanpa pelatihan perawatan\nVillage: kutasari-cipari\n"
                     "Kind: insight\nTopics: pendanaan, pertanian\nDate: 2026-09-15\nMeeting:\n"
                     "Visit:\n",
                     0) == 0);
    CHECK(has(seen, "## Outcome\n<!-- what happened, with figures -->\nSetengah selang"));
    auto l = s.ok({"lesson", "show", id, "-f", "json"}).json();
    CHECK(l.at("kind") == "failure"); // the saved text wins over the pre-filled option
    CHECK(l.at("topics") == nlohmann::json({"pendanaan"}));
    CHECK(l.at("adoptions").size() == 1);
    CHECK(s.ok({"lesson", "search", "topics:tani", "-f", "json"}).json().empty());

    auto blank = editor(s, "Title:\n");
    auto before = s.snapshot();
    check_refusal(s.run({"lesson", "edit", id, "--edit"}, blank), 1, "title is empty");
    CHECK(s.snapshot() == before);
    auto from_file = json_of(s, {"lesson", "edit", id, "--from-file", "-", "-f", "json"},
                             "## Lesson\nPelatihan dulu, alat kemudian.\n");
    CHECK(from_file.at("lesson") == "Pelatihan dulu, alat kemudian.");
    CHECK(from_file.at("outcome") == "Setengah selang tersumbat dalam enam bulan.");
}
