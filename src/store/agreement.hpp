#pragma once
// Agreements (Kerja Sama Desa): their rows, the villages and partners they join.

#include "core/agreement.hpp"
#include "core/date.hpp"
#include "core/record.hpp"
#include "store/log.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kades::store {

struct AgreementFilter {
    bool active = false;                // only those in force today
    std::optional<long> expiring;       // only active ones whose last day is this many days
                                        // from today or sooner
    std::optional<std::string> village; // a village REF: agreements it is a party of
    std::optional<std::string> partner; // a partner id: agreements it is a party of
    std::optional<core::AgreementScope> scope;
    core::ListWindow window; // on the signing date
};
// By signing date, then title; with `expiring`, by last day first. Statuses are those of
// `today`.
std::vector<core::Agreement> list_agreements(Log& log, const AgreementFilter& filter,
                                             core::Date today);

// The agreement whose id starts with `id`: Invalid, NotFound, Ambiguous as resolve_uuid.
core::Agreement resolve_agreement(Log& log, std::string_view id, core::Date today);
std::optional<core::Agreement> find_agreement(Log& log, const std::string& uuid, core::Date today);

// Adds an agreement. Every village REF and partner id is resolved and the whole agreement
// checked (core::check_agreement) before anything is written.
core::Agreement add_agreement(Log& log, core::AgreementFields fields, core::Date today);
// Changes what fields set: drops, then adds villages and partners (one dropped must be a party,
// one added must not be); the agreement is checked whole after the change.
core::Agreement edit_agreement(Log& log, const core::Agreement& agreement,
                               core::AgreementFields fields, core::Date today);
// Ends an agreement early on `date`: refused when already ended, before the signing, after
// today or after its last day.
core::Agreement end_agreement(Log& log, const core::Agreement& agreement, core::Date date,
                              core::Date today);
// Removes an agreement with its villages and partners (nothing else points at one).
void remove_agreement(Log& log, const core::Agreement& agreement);

} // namespace kades::store
