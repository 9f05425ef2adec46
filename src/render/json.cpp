#include "render/json.hpp"

namespace kades::render {

void write_json(std::ostream& out, const Json& document) {
    out << document.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
}

} // namespace kades::render
