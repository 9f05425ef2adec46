#pragma once
#include "core/partner.hpp"
#include "render/json.hpp"
#include "render/options.hpp"

#include <ostream>
#include <string>
#include <vector>

namespace kades::render {

// JSON of a partner (spec: id, uuid, name, type, contact, note; and agreements as ids,
// villages as slugs). Absent values are null.
Json partner_json(const core::Partner& partner);

// A partner list in table, markdown, json or csv.
void partners(std::ostream& out, const std::vector<core::Partner>& partners,
              const Options& options);

// `partner show`: the partner with its agreements and the villages it works with; csv is the
// one-row list.
void partner_record(std::ostream& out, const core::Partner& partner, const Options& options);

// "Yayasan Bumi Lestari (3f9a0c12)" for confirmations.
std::string partner_label(const core::Partner& partner);

} // namespace kades::render
