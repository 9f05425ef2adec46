#include "render/json.hpp"

namespace kades::render {

Json text_or_null(const std::string& text) {
    return text.empty() ? Json(nullptr) : Json(text);
}

Json date_or_null(const std::optional<core::Date>& date) {
    return date ? Json(core::iso(*date)) : Json(nullptr);
}

void write_json(std::ostream& out, const Json& document) {
    out << document.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
}

} // namespace kades::render
