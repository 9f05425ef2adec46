#pragma once
// Translation through GNU gettext catalogs (po/id.po). The msgids are English; with
// Lang::en they are returned untouched, with Lang::id looked up in the "kades" domain.
// xgettext keywords: tr, trf, trn:1,2, trnf:1,2.

#include <fmt/format.h>

#include <optional>
#include <string>
#include <string_view>
#include <utility>

// Marks a string for extraction where it is translated later (static tables).
#define N_(text) text

namespace kades::core {

enum class Lang { en, id };

// The language a --lang or KADES_LANG value asks for: "id" or "en", or a locale-shaped name
// of either ("id_ID.UTF-8", "en_US", "id_ID@latin"), in any case; none for anything else
// ("fr", "indonesia", "id-ID").
std::optional<Lang> parse_lang(std::string_view value);
// The language of a locale variable (LC_ALL, LC_MESSAGES, LANG): Indonesian when it names
// it as parse_lang reads it, else English ("C", "fr_FR.UTF-8").
Lang lang_from_locale(std::string_view locale);

// Sets the language for every later tr(); locale_dir holds id/LC_MESSAGES/kades.mo.
void set_language(Lang lang, const std::string& locale_dir);
Lang language();

const char* tr(const char* msgid);
const char* trn(const char* singular, const char* plural, unsigned long n);

template <typename... Args> std::string trf(const char* msgid, Args&&... args) {
    return fmt::format(fmt::runtime(tr(msgid)), std::forward<Args>(args)...);
}
template <typename... Args>
std::string trnf(const char* singular, const char* plural, unsigned long n, Args&&... args) {
    return fmt::format(fmt::runtime(trn(singular, plural, n)), std::forward<Args>(args)...);
}

} // namespace kades::core
