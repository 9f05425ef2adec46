#include "core/i18n.hpp"

#include "core/text.hpp"

#include <libintl.h>

#include <algorithm>
#include <cctype>
#include <clocale>
#include <cstdlib>

namespace kades::core {
namespace {
constexpr const char* k_domain = "kades";
Lang g_lang = Lang::en;
} // namespace

std::optional<Lang> parse_lang(std::string_view value) {
    // language[_TERRITORY][.codeset][@modifier], as the locale variables name one.
    auto end = value.find_first_of("_.@");
    auto language = value.substr(0, end);
    auto rest = end == std::string_view::npos ? std::string_view() : value.substr(end);
    bool shaped = std::all_of(rest.begin(), rest.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.' || c == '@' ||
               c == '-';
    });
    if (!shaped || (!rest.empty() && rest.size() < 2))
        return std::nullopt;
    if (iequals(language, "id"))
        return Lang::id;
    if (iequals(language, "en"))
        return Lang::en;
    return std::nullopt;
}

Lang lang_from_locale(std::string_view locale) {
    return parse_lang(locale).value_or(Lang::en);
}

void set_language(Lang lang, const std::string& locale_dir) {
    g_lang = lang;
    if (lang == Lang::en)
        return;
    // glibc's gettext ignores LANGUAGE under the "C" locale, and id_ID is often not
    // installed: C.UTF-8 with LANGUAGE=id makes the catalog apply on every machine.
    std::setlocale(LC_MESSAGES, "C.UTF-8");
    setenv("LANGUAGE", "id", 1);
    bindtextdomain(k_domain, locale_dir.c_str());
    bind_textdomain_codeset(k_domain, "UTF-8");
}

Lang language() {
    return g_lang;
}

const char* tr(const char* msgid) {
    return g_lang == Lang::en ? msgid : dgettext(k_domain, msgid);
}

const char* trn(const char* singular, const char* plural, unsigned long n) {
    if (g_lang == Lang::en)
        return n == 1 ? singular : plural;
    return dngettext(k_domain, singular, plural, n);
}

} // namespace kades::core
