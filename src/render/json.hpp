#pragma once
#include "core/date.hpp"

#include <nlohmann/json.hpp>

#include <concepts>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

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

// A JSON document written as it goes, the same bytes as write_json of the document built
// whole: a national report (7 MB) need not be built as a tree first. Objects and arrays are
// opened and closed in order; in an object, every value follows its key.
//
//   JsonWriter w(out);
//   w.begin_object();
//   w.field("id", "3f2a9c1e").key("tags").begin_array().value("bumdes").end_array();
//   w.end_object();
//   w.finish();
class JsonWriter {
  public:
    explicit JsonWriter(std::ostream& out) : m_out(out) {}
    JsonWriter(const JsonWriter&) = delete;
    JsonWriter& operator=(const JsonWriter&) = delete;
    ~JsonWriter() { flush(); }

    JsonWriter& begin_object();
    JsonWriter& end_object();
    JsonWriter& begin_array();
    JsonWriter& end_array();
    JsonWriter& key(std::string_view name);

    JsonWriter& value(std::string_view text);
    JsonWriter& value(const char* text) { return value(std::string_view(text)); }
    JsonWriter& value(const std::string& text) { return value(std::string_view(text)); }
    JsonWriter& value(std::nullptr_t);
    JsonWriter& value(bool b);
    JsonWriter& value(double number);
    template <std::integral T>
    requires(!std::same_as<T, bool>) JsonWriter& value(T number) {
        return integer(static_cast<long long>(number));
    }
    JsonWriter& value(const std::vector<std::string>& texts); // an array of strings
    template <class T> JsonWriter& value(const std::optional<T>& v) {
        return v ? value(*v) : value(nullptr);
    }

    // key and value together.
    template <class T> JsonWriter& field(std::string_view name, const T& v) {
        key(name);
        return value(v);
    }
    JsonWriter& text_or_null(std::string_view name, std::string_view text); // "" is null
    JsonWriter& date_or_null(std::string_view name, const std::optional<core::Date>& date);

    void finish(); // the closing newline, and everything written out

  private:
    JsonWriter& integer(long long number);
    void before_value(); // the separator and indent an element needs
    void open(char bracket);
    void close(char bracket);
    void flush();

    std::ostream& m_out;
    std::string m_buffer;
    std::vector<bool> m_filled; // per open level: whether it has an element yet
    bool m_after_key = false;
};

} // namespace kades::render
