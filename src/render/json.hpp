#pragma once
#include "core/date.hpp"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>

#include <ostream>

namespace kades::render {

using Json = nlohmann::ordered_json;

// Absent text or dates are null in JSON, never "".
Json text_or_null(const std::string& text);
Json date_or_null(const std::optional<core::Date>& date);

// One JSON document, indented by 2, UTF-8 (invalid bytes replaced), ending in a newline.
void write_json(std::ostream& out, const Json& document);

// A JSON array written an element at a time, the same bytes as write_json of the whole
// array: a list of 83,762 villages need not be held as one document in memory.
class JsonArrayWriter {
  public:
    explicit JsonArrayWriter(std::ostream& out) : m_out(out) {}
    void add(const Json& element);
    void finish(); // "]" and the newline ("[]" when nothing was added)

  private:
    std::ostream& m_out;
    bool m_empty = true;
};

} // namespace kades::render
