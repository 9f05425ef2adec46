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

} // namespace kades::render
