#include "render/json.hpp"

#include <fmt/format.h>

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

namespace {

constexpr std::size_t k_flush_at = 1 << 16;

// Whether nlohmann's dump would write the text as it is between quotes: printable ASCII
// without '"' or '\\'. Anything else (escapes, UTF-8 to check or replace) is left to it.
bool plain(std::string_view text) {
    for (unsigned char c : text)
        if (c < 0x20 || c >= 0x80 || c == '"' || c == '\\')
            return false;
    return true;
}

void append_string(std::string& buffer, std::string_view text) {
    if (plain(text)) {
        buffer += '"';
        buffer += text;
        buffer += '"';
    } else {
        buffer +=
            Json(std::string(text)).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    }
}

} // namespace

void JsonWriter::before_value() {
    if (m_after_key) {
        m_after_key = false;
        return;
    }
    if (m_filled.empty())
        return;
    m_buffer += m_filled.back() ? ",\n" : "\n";
    m_buffer.append(2 * m_filled.size(), ' ');
    m_filled.back() = true;
}

JsonWriter& JsonWriter::key(std::string_view name) {
    before_value();
    append_string(m_buffer, name);
    m_buffer += ": ";
    m_after_key = true;
    return *this;
}

void JsonWriter::open(char bracket) {
    before_value();
    m_buffer += bracket;
    m_filled.push_back(false);
}

void JsonWriter::close(char bracket) {
    bool filled = m_filled.back();
    m_filled.pop_back();
    if (filled) {
        m_buffer += '\n';
        m_buffer.append(2 * m_filled.size(), ' ');
    }
    m_buffer += bracket;
    if (m_buffer.size() >= k_flush_at)
        flush();
}

JsonWriter& JsonWriter::begin_object() {
    open('{');
    return *this;
}

JsonWriter& JsonWriter::end_object() {
    close('}');
    return *this;
}

JsonWriter& JsonWriter::begin_array() {
    open('[');
    return *this;
}

JsonWriter& JsonWriter::end_array() {
    close(']');
    return *this;
}

JsonWriter& JsonWriter::value(std::string_view text) {
    before_value();
    append_string(m_buffer, text);
    return *this;
}

JsonWriter& JsonWriter::value(std::nullptr_t) {
    before_value();
    m_buffer += "null";
    return *this;
}

JsonWriter& JsonWriter::value(bool b) {
    before_value();
    m_buffer += b ? "true" : "false";
    return *this;
}

JsonWriter& JsonWriter::value(double number) {
    before_value();
    m_buffer += Json(number).dump(); // nlohmann's shortest round-trip form
    return *this;
}

JsonWriter& JsonWriter::integer(long long number) {
    before_value();
    m_buffer += fmt::format_int(number).str();
    return *this;
}

JsonWriter& JsonWriter::value(const std::vector<std::string>& texts) {
    begin_array();
    for (const auto& text : texts)
        value(text);
    return end_array();
}

JsonWriter& JsonWriter::text_or_null(std::string_view name, std::string_view text) {
    key(name);
    return text.empty() ? value(nullptr) : value(text);
}

JsonWriter& JsonWriter::date_or_null(std::string_view name, const std::optional<core::Date>& date) {
    key(name);
    return date ? value(core::iso(*date)) : value(nullptr);
}

void JsonWriter::finish() {
    m_buffer += '\n';
    flush();
}

void JsonWriter::flush() {
    m_out.write(m_buffer.data(), static_cast<std::streamsize>(m_buffer.size()));
    m_buffer.clear();
}

} // namespace kades::render
