#include "render/error.hpp"

#include "render/text.hpp"

namespace kades::render {

void write_error(std::ostream& err, const std::string& message,
                 const std::vector<std::string>& hints) {
    err << "kades: error: " << sanitize(message) << '\n';
    for (const auto& hint : hints)
        err << "  " << sanitize(hint) << '\n';
}

} // namespace kades::render
