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

void JsonArrayWriter::add(const Json& element) {
    auto text = element.dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
    m_out << (m_empty ? "[\n  " : ",\n  ");
    m_empty = false;
    // Indent the element one level: every line after its first.
    std::size_t start = 0;
    for (auto nl = text.find('\n'); nl != std::string::npos; nl = text.find('\n', start)) {
        m_out.write(text.data() + start, static_cast<std::streamsize>(nl + 1 - start));
        m_out << "  ";
        start = nl + 1;
    }
    m_out.write(text.data() + start, static_cast<std::streamsize>(text.size() - start));
}

void JsonArrayWriter::finish() {
    m_out << (m_empty ? "[]\n" : "\n]\n");
}

} // namespace kades::render
