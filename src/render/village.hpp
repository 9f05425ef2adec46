#pragma once
#include "core/village.hpp"
#include "render/json.hpp"
#include "render/options.hpp"

#include <ostream>
#include <string>
#include <vector>

namespace kades::render {

// JSON of a village (spec: id, uuid, name, code, district, regency, province, head,
// head_since, phone, email, tags, note, archived).
Json village_json(const core::Village& village);

// A village list in table, markdown, json or csv (csv is what `village import FILE` reads).
void villages(std::ostream& out, const std::vector<core::Village>& villages,
              const Options& options);

// `village show`: the profile with heads, index history and counts.
void village_profile(std::ostream& out, const core::VillageProfile& profile,
                     const Options& options);

// "Sidasari (Kec. Cipari, Kabupaten Cilacap)" for confirmations.
std::string village_label(const core::Village& village);

} // namespace kades::render
