#include "core/agreement.hpp"

#include "core/error.hpp"
#include "core/i18n.hpp"
#include "core/id.hpp"
#include "core/text.hpp"

#include <algorithm>
#include <array>

namespace kades::core {
namespace {

struct ScopeNames {
    AgreementScope scope;
    const char* key;
    const char* alias; // Indonesian, as Permendagri 96/2017 names the field
    const char* label; // msgid, translated when shown
};

constexpr std::array<ScopeNames, 5> k_scopes{{
    {AgreementScope::business, "business", "usaha", N_("Joint business")},
    {AgreementScope::community, "community", "kemasyarakatan", N_("Community affairs")},
    {AgreementScope::services, "services", "pelayanan", N_("Public services")},
    {AgreementScope::development, "development", "pembangunan", N_("Development")},
    {AgreementScope::empowerment, "empowerment", "pemberdayaan", N_("Empowerment")},
}};

struct StatusNames {
    AgreementStatus status;
    const char* key;
    const char* label;
};

constexpr std::array<StatusNames, 3> k_statuses{{
    {AgreementStatus::active, "active", N_("Active")},
    {AgreementStatus::ended, "ended", N_("Ended")},
    {AgreementStatus::expired, "expired", N_("Expired")},
}};

// Two villages, or a village and a partner (UU 6/2014 Pasal 91), each given once.
void check_parties(const Agreement& a) {
    if (a.villages.empty())
        throw Invalid(tr("an agreement needs a village of the network: give --village"));
    if (a.villages.size() == 1 && a.partners.empty())
        throw Invalid(trf("an agreement of {} alone has no other party: give a second --village "
                          "or a --partner",
                          a.villages.front().slug),
                      {tr("cooperation is between villages, or of villages with partners")});
    for (auto at = a.villages.begin(); at != a.villages.end(); ++at) {
        if (std::find(a.villages.begin(), at, *at) != at)
            throw Invalid(trf("{} is given twice: give each village once", at->slug));
    }
    for (auto at = a.partners.begin(); at != a.partners.end(); ++at) {
        if (std::find(a.partners.begin(), at, *at) != at)
            throw Invalid(trf("the partner {} ({}) is given twice: give each partner once",
                              at->name, short_id(at->uuid)));
    }
}

void check_signing(const Agreement& a, Date today) {
    auto signed_on = iso(a.signed_on);
    if (is_after(a.signed_on, today))
        throw Invalid(trf("the signing date {} is after today ({}): record an agreement once it "
                          "is signed",
                          signed_on, iso(today)));
    if (a.until && is_after(a.signed_on, *a.until))
        throw Invalid(trf("the agreement ends on {} before it is signed on {}: give --until on or "
                          "after --signed",
                          iso(*a.until), signed_on));
    if (a.mad && is_after(*a.mad, a.signed_on))
        throw Invalid(trf("the Musyawarah Antar Desa on {} is after the signing on {}: the MAD "
                          "agrees on the cooperation before it is signed",
                          iso(*a.mad), signed_on));
}

void check_end(const Agreement& a, Date today) {
    if (!a.ended)
        return;
    auto ended = iso(*a.ended);
    if (is_after(*a.ended, today))
        throw Invalid(trf("the end date {} is after today ({}): end an agreement once it has "
                          "ended",
                          ended, iso(today)));
    if (is_after(a.signed_on, *a.ended))
        throw Invalid(trf("the agreement cannot end on {} before it is signed on {}", ended,
                          iso(a.signed_on)));
    if (a.until && is_after(*a.ended, *a.until))
        throw Invalid(
            trf("the agreement cannot end early on {}: it expired on {}", ended, iso(*a.until)));
}

} // namespace

AgreementScope parse_agreement_scope(std::string_view text) {
    auto word = ascii_lower(trim(text));
    for (const auto& names : k_scopes) {
        if (word == names.key || word == names.alias)
            return names.scope;
    }
    throw Invalid(trf("scope '{}' is not known: use business, community, services, development "
                      "or empowerment (usaha, kemasyarakatan, pelayanan, pembangunan, "
                      "pemberdayaan)",
                      text));
}

std::string agreement_scope_key(AgreementScope scope) {
    return k_scopes[static_cast<std::size_t>(scope)].key;
}

std::string agreement_scope_label(AgreementScope scope) {
    return tr(k_scopes[static_cast<std::size_t>(scope)].label);
}

std::string agreement_status_key(AgreementStatus status) {
    return k_statuses[static_cast<std::size_t>(status)].key;
}

std::string agreement_status_label(AgreementStatus status) {
    return tr(k_statuses[static_cast<std::size_t>(status)].label);
}

AgreementStatus agreement_status(std::optional<Date> ended, std::optional<Date> until, Date today) {
    if (ended && !is_after(*ended, today))
        return AgreementStatus::ended;
    if (until && is_after(today, *until))
        return AgreementStatus::expired;
    return AgreementStatus::active;
}

void check_agreement(const Agreement& a, Date today) {
    check_parties(a);
    check_signing(a, today);
    check_end(a, today);
    if (a.funding && *a.funding < 0)
        throw Invalid(trf("the funding {} is negative: give 0 or more Rupiah", *a.funding));
}

void normalize_agreement_fields(AgreementFields& fields) {
    clean_optional(fields.title, "--title");
    clean_optional(fields.number, "--number");
    clean_optional(fields.note, "--note");
    if (fields.title && fields.title->empty())
        throw Invalid(tr("the agreement's title is empty: give a title"));
    clean_list(fields.villages, "--village");
    clean_list(fields.drop_villages, "--drop-village");
    clean_list(fields.partners, "--partner");
    clean_list(fields.drop_partners, "--drop-partner");
}

} // namespace kades::core
