#pragma once
#include "core/region.hpp"
#include "render/options.hpp"

#include <ostream>
#include <vector>

namespace kades::render {

// A region list in options.format (table, markdown, json, csv). JSON: code, level, name,
// parent, and for a village kind, district, regency, province.
void regions(std::ostream& out, const std::vector<core::Region>& regions, const Options& options);

} // namespace kades::render
