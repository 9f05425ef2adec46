#pragma once
// Amounts of Rupiah as each language writes them.

#include "core/i18n.hpp"
#include "core/rupiah.hpp"

#include <string>

namespace kades::render {

// Indonesian "Rp 1.500.000", English "IDR 1,500,000"; a negative amount (none is recorded)
// keeps its sign: "-Rp 5.000".
std::string rupiah(core::Rupiah amount, core::Lang lang);

} // namespace kades::render
