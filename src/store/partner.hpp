#pragma once
// Partners of the network, with the agreements they are a party of and the villages those
// agreements join them to.

#include "core/date.hpp"
#include "core/partner.hpp"
#include "store/log.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kades::store {

struct PartnerFilter {
    std::optional<core::PartnerType> type;
    std::optional<std::string> village; // a village REF: partners of its agreements
    std::optional<long> limit;
};
// By name (case-insensitive). Agreement statuses are those of `today`.
std::vector<core::Partner> list_partners(Log& log, const PartnerFilter& filter, core::Date today);

// The partner whose id starts with `id`: Invalid, NotFound or Ambiguous as resolve_uuid.
core::Partner resolve_partner(Log& log, std::string_view id, core::Date today);
std::optional<core::Partner> find_partner(Log& log, const std::string& uuid, core::Date today);

// Fields normalized (core::normalize_partner_fields), with a name and a type. A name another
// partner has already (any case) is refused (Conflict naming it).
core::Partner add_partner(Log& log, core::PartnerFields fields, core::Date today);
core::Partner edit_partner(Log& log, const core::Partner& partner, core::PartnerFields fields,
                           core::Date today);
// Refused (naming them) while agreements point at the partner.
void remove_partner(Log& log, const core::Partner& partner);

} // namespace kades::store
