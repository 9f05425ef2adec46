#pragma once
#include <ostream>
#include <string>
#include <vector>

namespace kades::render {

// The contract's error: `kades: error: MESSAGE` on one line, then each hint indented by two
// spaces; control characters from the log or the command line shown escaped.
void write_error(std::ostream& err, const std::string& message,
                 const std::vector<std::string>& hints);

} // namespace kades::render
