#pragma once
#include "core/agreement.hpp"
#include "render/json.hpp"
#include "render/options.hpp"

#include <ostream>
#include <string>
#include <vector>

namespace kades::render {

// JSON of an agreement (spec: id, uuid, title, villages (slugs), partners (ids), scope,
// signed, until, number, mad, funding (integer Rupiah), status, note; and ended). Absent
// values are null.
Json agreement_json(const core::Agreement& agreement);

// An agreement list in table, markdown, json or csv; Rupiah as the language writes it.
void agreements(std::ostream& out, const std::vector<core::Agreement>& agreements,
                const Options& options);

// `agreement show`: the agreement whole, with its villages and partners; csv is the one-row
// list.
void agreement_record(std::ostream& out, const core::Agreement& agreement, const Options& options);

// "3f9a0c12 Bank sampah bersama (Caruy, Sidasari, Yayasan Bumi Lestari)" for confirmations.
std::string agreement_label(const core::Agreement& agreement);

} // namespace kades::render
