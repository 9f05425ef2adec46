#pragma once
// An RFC 4180 reader: quoted fields, doubled quotes, commas and line breaks inside quotes,
// CRLF or LF. Used for the Kemendagri region files and for village CSV imports.

#include <functional>
#include <istream>
#include <string>
#include <vector>

namespace kades::core {

using CsvRow = std::vector<std::string>;

// Calls on_row for each record (header included) with its 1-based line number.
// A quote left open at the end throws Invalid naming source and line.
void read_csv(std::istream& in, const std::string& source,
              const std::function<void(const CsvRow&, std::size_t line)>& on_row);

} // namespace kades::core
