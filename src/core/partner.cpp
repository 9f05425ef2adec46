#include "core/partner.hpp"

#include "core/error.hpp"
#include "core/i18n.hpp"
#include "core/text.hpp"

#include <array>

namespace kades::core {
namespace {

struct TypeNames {
    PartnerType type;
    const char* key;
    std::array<const char*, 2> aliases; // Indonesian; "" when none
    const char* label;                  // msgid, translated when shown
};

constexpr std::array<TypeNames, 5> k_types{{
    {PartnerType::ngo, "ngo", {"lsm", "ornop"}, N_("NGO")},
    {PartnerType::company, "company", {"perusahaan", ""}, N_("Company")},
    {PartnerType::government, "government", {"pemerintah", ""}, N_("Government")},
    {PartnerType::university, "university", {"universitas", "kampus"}, N_("University")},
    {PartnerType::other, "other", {"lainnya", ""}, N_("Other")},
}};

} // namespace

PartnerType parse_partner_type(std::string_view text) {
    auto word = ascii_lower(trim(text));
    for (const auto& names : k_types) {
        if (word == names.key)
            return names.type;
        for (std::string_view alias : names.aliases) {
            if (!alias.empty() && word == alias)
                return names.type;
        }
    }
    throw Invalid(trf("partner type '{}' is not known: use ngo, company, government, university "
                      "or other (lsm, perusahaan, pemerintah, universitas, lainnya)",
                      text));
}

std::string partner_type_key(PartnerType type) {
    return k_types[static_cast<std::size_t>(type)].key;
}

std::string partner_type_label(PartnerType type) {
    return tr(k_types[static_cast<std::size_t>(type)].label);
}

void normalize_partner_fields(PartnerFields& fields) {
    clean_optional(fields.name, "name");
    clean_optional(fields.contact, "--contact");
    clean_optional(fields.note, "--note");
    if (fields.name && fields.name->empty())
        throw Invalid(tr("the partner's name is empty: give its name"));
}

} // namespace kades::core
