#pragma once
// A partner of the network: an outside party the villages work with under agreements (an
// NGO, a company's CSR program, a government office, a university).

#include "core/agreement.hpp"
#include "core/date.hpp"
#include "core/record.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kades::core {

enum class PartnerType { ngo, company, government, university, other };

// ngo|company|government|university|other and the Indonesian lsm, ornop, perusahaan,
// pemerintah, universitas, kampus, lainnya (case-insensitive). Throws Invalid naming the value.
PartnerType parse_partner_type(std::string_view text);
std::string partner_type_key(PartnerType type);   // "ngo", ... (the JSON value)
std::string partner_type_label(PartnerType type); // translated: "NGO" / "LSM"

// An agreement the partner is a party of, as its `show` lists it.
struct PartnerAgreement {
    std::string uuid;
    std::string title;
    Date signed_on{};
    std::optional<Date> until;
    AgreementStatus status = AgreementStatus::active; // on the day it was read
};

struct Partner {
    std::string uuid;
    std::string name;
    PartnerType type = PartnerType::other;
    std::string contact, note;                // empty when none recorded
    std::vector<PartnerAgreement> agreements; // by signing date
    std::vector<VillageRef> villages;         // through its agreements, by slug
};

// What `partner add` and `partner edit` may set; unset members are left as they are. An
// empty contact or note clears it.
struct PartnerFields {
    std::optional<std::string> name, contact, note;
    std::optional<PartnerType> type;
};

// Trims and checks the text fields (valid UTF-8); an empty name is Invalid.
void normalize_partner_fields(PartnerFields& fields);

} // namespace kades::core
