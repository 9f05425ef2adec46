#pragma once
#include <nlohmann/json.hpp>

#include <ostream>

namespace kades::render {

using Json = nlohmann::ordered_json;

// One JSON document, indented by 2, UTF-8 (invalid bytes replaced), ending in a newline.
void write_json(std::ostream& out, const Json& document);

} // namespace kades::render
