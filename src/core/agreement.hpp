#pragma once
// A written cooperation (Kerja Sama Desa, UU 6/2014 Pasal 91-92, Permendagri 96/2017):
// between villages, agreed in a Musyawarah Antar Desa and signed as a Peraturan Bersama
// Kepala Desa, or of villages with third parties (partners), signed as a contract.

#include "core/date.hpp"
#include "core/record.hpp"
#include "core/rupiah.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kades::core {

// The fields of cooperation of Permendagri 96/2017.
enum class AgreementScope { business, community, services, development, empowerment };
enum class AgreementStatus { active, ended, expired };

// business|community|services|development|empowerment and the Indonesian usaha,
// kemasyarakatan, pelayanan, pembangunan, pemberdayaan (case-insensitive). Throws Invalid.
AgreementScope parse_agreement_scope(std::string_view text);
std::string agreement_scope_key(AgreementScope scope);   // "business", ... (the JSON value)
std::string agreement_scope_label(AgreementScope scope); // translated: "Joint business" / ...

std::string agreement_status_key(AgreementStatus status);
std::string agreement_status_label(AgreementStatus status); // translated

// The status on `today`: ended once its end date (agreement end) has come; else expired after
// its last day (until); else active.
AgreementStatus agreement_status(std::optional<Date> ended, std::optional<Date> until, Date today);

// A partner as an agreement points at it.
struct AgreementPartner {
    std::string uuid;
    std::string name;
    std::string type; // the partner type's key: "ngo", ...
    bool operator==(const AgreementPartner&) const = default;
};

struct Agreement {
    std::string uuid;
    std::string title;
    AgreementScope scope = AgreementScope::development;
    Date signed_on{};
    std::optional<Date> until; // the last day it is in force; nullopt: no end date
    std::optional<Date> ended; // ended early (agreement end)
    std::optional<Date> mad;   // the Musyawarah Antar Desa that agreed it
    std::string number;        // of the Peraturan Bersama Kepala Desa or the contract
    std::optional<Rupiah> funding;
    std::string note;
    std::vector<VillageRef> villages;                 // by slug
    std::vector<AgreementPartner> partners;           // by name
    AgreementStatus status = AgreementStatus::active; // on the day it was read
};

// The rules an agreement keeps, whole: two villages, or a village and a partner, each once;
// no end (until, ended) before the signing, no MAD after it; signed and ended not after today;
// not ended after its last day; funding 0 or more. Throws Invalid naming the value.
void check_agreement(const Agreement& agreement, Date today);

// What `agreement add` and `agreement edit` may set; unset members are left as they are. On
// edit an empty number or note clears it, and until, mad, ended or funding holding nullopt
// clears them; villages and partners are added and dropped.
struct AgreementFields {
    std::optional<std::string> title, number, note;
    std::optional<AgreementScope> scope;
    std::optional<Date> signed_on;
    std::optional<std::optional<Date>> until, mad, ended;
    std::optional<std::optional<Rupiah>> funding;
    std::vector<std::string> villages, drop_villages; // village REFs
    std::vector<std::string> partners, drop_partners; // partner ids
};

// Trims and checks the text fields (valid UTF-8); an empty title, village or partner is
// Invalid.
void normalize_agreement_fields(AgreementFields& fields);

} // namespace kades::core
