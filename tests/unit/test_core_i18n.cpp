// Tests of src/core/i18n.cpp: which language a --lang or KADES_LANG value names.

#include "core/i18n.hpp"

#include <doctest/doctest.h>

using kades::core::Lang;
using kades::core::lang_from_locale;
using kades::core::parse_lang;

TEST_CASE("core::parse_lang: id, en, and locale-shaped names of them") {
    CHECK(parse_lang("id") == Lang::id);
    CHECK(parse_lang("en") == Lang::en);
    CHECK(parse_lang("id_ID.UTF-8") == Lang::id);
    CHECK(parse_lang("id_ID") == Lang::id);
    CHECK(parse_lang("ID_id.utf8") == Lang::id);
    CHECK(parse_lang("id_ID@latin") == Lang::id);
    CHECK(parse_lang("en_US.UTF-8") == Lang::en);
    CHECK(parse_lang("en_GB") == Lang::en);
    CHECK(parse_lang("EN") == Lang::en);
}

TEST_CASE("core::parse_lang: anything else is not a language kades speaks") {
    for (const char* value : {"", "fr", "fr_FR.UTF-8", "indonesia", "ind", "idn", "i", "id-ID",
                              "id_", "id ID", "en_US.UTF-8;rm", "C", "POSIX"}) {
        INFO(value);
        CHECK_FALSE(parse_lang(value).has_value());
    }
}

TEST_CASE("core::lang_from_locale: a locale variable never fails, Indonesian only if it says so") {
    CHECK(lang_from_locale("id_ID.UTF-8") == Lang::id);
    CHECK(lang_from_locale("en_US.UTF-8") == Lang::en);
    CHECK(lang_from_locale("C.UTF-8") == Lang::en);
    CHECK(lang_from_locale("fr_FR") == Lang::en);
    CHECK(lang_from_locale("") == Lang::en);
}
