#pragma once
// Amounts of Rupiah as people write them: whole Rupiah, grouped by dots (Indonesian) or
// commas (English), with or without "Rp"/"IDR", or short with a unit ("1,5jt", "500rb").

#include <cstdint>
#include <string_view>

namespace kades::core {

using Rupiah = std::int64_t;

// An amount of Rupiah, 0 or more:
//   1500000, 1.500.000, 1,500,000, Rp 1.500.000, Rp1.500.000, IDR 1,500,000, 1.500.000,-
//   and zero cents (1.500.000,00, 1,500,000.00);
//   a number with a unit: rb/ribu/k/thousand, jt/juta/million, miliar/milyar/billion,
//   triliun/trillion ("25jt", "1,5 juta", "1.5jt", "2 miliar"), with "rupiah" after it or not.
// A single separator followed by exactly three digits groups thousands (1.500, 1,500); before
// a unit it could be read either way (1.500jt), and is refused. Refused, each with Invalid
// naming the value: a negative amount, a fraction of a Rupiah (1.500,50; 1,0000005jt), a
// decimal comma without a unit (1,5: 1,5 Rupiah or 1,5 juta?), mixed separators that read two
// ways (1.500,000), the unit M (million in English, miliar in Indonesian), an amount past
// 9.2 x 10^18, and anything else that is not an amount.
Rupiah parse_rupiah(std::string_view text);

} // namespace kades::core
