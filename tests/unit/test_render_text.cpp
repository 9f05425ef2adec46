#include "render/report_doc.hpp"
#include "render/text.hpp"

#include <doctest/doctest.h>

#include <clocale>

using namespace kades::render;

namespace {
// main() of kades sets LC_CTYPE the same way; wcwidth() needs a UTF-8 locale.
void use_utf8() {
    std::setlocale(LC_CTYPE, "C.UTF-8");
}
} // namespace

TEST_CASE("render::sanitize") {
    SUBCASE("printable text is unchanged") {
        CHECK(sanitize("") == "");
        CHECK(sanitize("Sidasari") == "Sidasari");
        CHECK(sanitize("Soka’an") == "Soka’an");
        CHECK(sanitize("中文 e\u0301 😀") == "中文 e\u0301 😀");
    }
    SUBCASE("an escape sequence is shown, not run") {
        const std::string out = sanitize("\x1b[31mred");
        CHECK(out == "\\x1b[31mred");
        CHECK(out.find('\x1b') == std::string::npos);
    }
    SUBCASE("C0, DEL and C1 controls") {
        CHECK(sanitize("a\nb\tc\rd") == "a\\nb\\tc\\rd");
        CHECK(sanitize(std::string("nul\0x", 5)) == "nul\\x00x");
        CHECK(sanitize("\x01\x1f") == "\\x01\\x1f");
        CHECK(sanitize("del\x7f") == "del\\x7f");
        CHECK(sanitize("\xc2\x9b"
                       "31m") == "\\u009b31m");
        CHECK(sanitize("\xc2\x80") == "\\u0080");
        CHECK(sanitize("\xc2\xa0") == "\xc2\xa0"); // NBSP is printable
    }
    SUBCASE("invalid UTF-8 becomes U+FFFD, one per byte") {
        CHECK(sanitize("a\xff"
                       "b") == "a\xEF\xBF\xBD"
                               "b");
        CHECK(sanitize("\xe4\xb8") == "\xEF\xBF\xBD\xEF\xBF\xBD");                 // cut short
        CHECK(sanitize("\xc0\xaf") == "\xEF\xBF\xBD\xEF\xBF\xBD");                 // overlong '/'
        CHECK(sanitize("\xed\xa0\x80") == "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"); // surrogate
        CHECK(sanitize("\xf4\x90\x80\x80").find("\xEF\xBF\xBD") == 0);             // past U+10FFFF
    }
}

TEST_CASE("render::display_width") {
    use_utf8();
    CHECK(display_width("") == 0);
    CHECK(display_width("Sidasari") == 8);
    CHECK(display_width("Soka’an") == 7);
    CHECK(display_width("中文") == 4);
    CHECK(display_width("e\u0301") == 1);
    CHECK(display_width("😀") == 2);
    CHECK(display_width("a\xff"
                        "b") == 3); // the invalid byte will show as U+FFFD
}

TEST_CASE("render::truncate_to_width") {
    use_utf8();
    CHECK(truncate_to_width("Sidasari", 8) == "Sidasari");
    CHECK(truncate_to_width("Sidasari", 5) == "Sida…");
    CHECK(truncate_to_width("Sidasari", 1) == "…");
    CHECK(truncate_to_width("Sidasari", 0) == "");
    CHECK(truncate_to_width("中文中文", 5) == "中文…");
    CHECK(truncate_to_width("中文中文", 4) == "中…"); // a wide character never half-fits
    CHECK(truncate_to_width("e\u0301e\u0301e\u0301", 2) == "e\u0301…");
}

TEST_CASE("render::pad") {
    use_utf8();
    CHECK(pad_right("中", 4) == "中  ");
    CHECK(pad_right("e\u0301", 3) == "e\u0301  ");
    CHECK(pad_left("7", 3) == "  7");
    CHECK(pad_right("abcdef", 3) == "abcdef");
    CHECK(pad_left("abcdef", 3) == "abcdef");
}

TEST_CASE("render::md_escape") {
    SUBCASE("inline syntax") {
        CHECK(md_escape("a|b") == "a\\|b");
        CHECK(md_escape("*bold*") == "\\*bold\\*");
        CHECK(md_escape("<script>") == "\\<script\\>");
        CHECK(md_escape("[x](y)") == "\\[x\\](y)");
        CHECK(md_escape("`c` a_b ~~s~~") == "\\`c\\` a\\_b \\~\\~s\\~\\~");
        CHECK(md_escape("a & b \\") == "a \\& b \\\\");
    }
    SUBCASE("block starts") {
        CHECK(md_escape("# x") == "\\# x");
        CHECK(md_escape("1. x") == "1\\. x");
        CHECK(md_escape("10) x") == "10\\) x");
        CHECK(md_escape("- x") == "\\- x");
        CHECK(md_escape("+ x") == "\\+ x");
        CHECK(md_escape("---") == "\\---");
        CHECK(md_escape("= x") == "\\= x");
        CHECK(md_escape("  # x") == "  \\# x");
        CHECK(md_escape("Title #") == "Title \\#"); // would close an ATX heading
    }
    SUBCASE("plain text and numbers stay readable") {
        CHECK(md_escape("Sidasari") == "Sidasari");
        CHECK(md_escape("Soka’an") == "Soka’an");
        CHECK(md_escape("Rapat #3") == "Rapat #3");
        CHECK(md_escape("0.5989") == "0.5989");
        CHECK(md_escape("-5") == "-5");
        CHECK(md_escape("+6281234") == "+6281234");
        CHECK(md_escape("2026-03-01") == "2026-03-01");
    }
    SUBCASE("line breaks become spaces, controls are sanitized") {
        CHECK(md_escape("a\nb") == "a b");
        CHECK(md_escape("a\r\nb\rc") == "a b c");
        CHECK(md_escape("\x1b[1m") == "\\\\x1b\\[1m");
    }
}

TEST_CASE("render::csv_field") {
    SUBCASE("RFC 4180 quoting") {
        CHECK(csv_field("") == "");
        CHECK(csv_field("plain") == "plain");
        CHECK(csv_field("a,b") == "\"a,b\"");
        CHECK(csv_field("say \"hi\"") == "\"say \"\"hi\"\"\"");
        CHECK(csv_field("two\nlines") == "\"two\nlines\"");
        CHECK(csv_field("cr\r\nlf") == "\"cr\r\nlf\"");
        CHECK(csv_field("tab\there") == "tab\there");
    }
    SUBCASE("formulas are defused in text cells only") {
        CHECK(csv_field("=1+1") == "'=1+1");
        CHECK(csv_field("+6281234") == "'+6281234");
        CHECK(csv_field("-5") == "'-5");
        CHECK(csv_field("@SUM(A1)") == "'@SUM(A1)");
        CHECK(csv_field("-5", true) == "-5");
        CHECK(csv_field("=HYPERLINK(\"x\",\"y\")") == "\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\"");
        CHECK(csv_field("a=b") == "a=b");
    }
    SUBCASE("other controls are sanitized") {
        CHECK(csv_field("\x1b[31mred") == "\\x1b[31mred");
        CHECK(csv_field("a\xff") == "a\xEF\xBF\xBD");
    }
}

TEST_CASE("render::bold") {
    CHECK(bold("Name", true) == "\x1b[1mName\x1b[0m");
    CHECK(bold("Name", false) == "Name");
}

TEST_CASE("render::wa_escape: only what WhatsApp would format is neutralised") {
    SUBCASE("links, e-mail addresses and words keep their markers") {
        CHECK(wa_escape("https://desa.example.id/bank_sampah_2026") ==
              "https://desa.example.id/bank_sampah_2026");
        CHECK(wa_escape("tulis ke admin_desa@example.id.") == "tulis ke admin_desa@example.id.");
        CHECK(wa_escape("www.example.id/_arsip_") == "www.example.id/_arsip_");
        CHECK(wa_escape("bank_sampah_2026") == "bank_sampah_2026");
        CHECK(wa_escape("5 * 3 = 15, 5*3 juga") == "5 * 3 = 15, 5*3 juga");
        CHECK(wa_escape("Soka~an") == "Soka~an");
    }
    SUBCASE("a marker that opens or closes a run is a look-alike") {
        CHECK(wa_escape("*tebal*") == "∗tebal∗");
        CHECK(wa_escape("ini _penting_ sekali") == "ini ＿penting＿ sekali");
        CHECK(wa_escape("~coret~ dan ```kode```") == "∼coret∼ dan ʼʼʼkodeʼʼʼ");
        CHECK(wa_escape("(*catatan*)") == "(∗catatan∗)");
        CHECK(wa_escape("akhir_") == "akhir＿");
    }
    SUBCASE("control characters are shown, as everywhere") {
        CHECK(wa_escape("\x1b[31m _b_") == "\\x1b[31m ＿b＿");
    }
}
