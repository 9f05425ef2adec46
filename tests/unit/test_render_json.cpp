// render::JsonArrayWriter and render::JsonWriter write, a piece at a time, what write_json
// writes of the whole document.

#include "render/json.hpp"

#include <doctest/doctest.h>

#include <optional>
#include <sstream>
#include <string>
#include <vector>

using namespace kades::render;

namespace {

std::string whole(const Json& array) {
    std::ostringstream out;
    write_json(out, array);
    return out.str();
}

std::string streamed(const Json& array) {
    std::ostringstream out;
    JsonArrayWriter writer(out);
    for (const auto& element : array)
        writer.add(element);
    writer.finish();
    return out.str();
}

} // namespace

TEST_CASE("render::JsonArrayWriter: the same bytes as the whole array") {
    Json nested = Json::array();
    nested.push_back({{"slug", "sidasari-cipari"},
                      {"tags", Json::array({"bumdes", "wisata"})},
                      {"empty", Json::array()},
                      {"note", "baris satu\nbaris dua"},
                      {"head", {{"name", "Sutarno"}, {"since", nullptr}}}});
    nested.push_back({{"slug", "caruy-cipari"}, {"tags", Json::array()}});
    nested.push_back(42);
    nested.push_back("teks");
    CHECK(streamed(nested) == whole(nested));
    CHECK(streamed(Json::array()) == whole(Json::array()));
    CHECK(streamed(Json::array()) == "[]\n");
    Json one = Json::array({Json::object()});
    CHECK(streamed(one) == whole(one));
    // Invalid UTF-8 is replaced, as write_json does.
    Json bad = Json::array({std::string("a\xff"
                                        "b")});
    CHECK(streamed(bad) == whole(bad));
}

namespace {

// The document below, written by JsonWriter.
std::string written() {
    std::ostringstream out;
    JsonWriter w(out);
    w.begin_object();
    w.key("period").begin_object().field("from", "2026-11-01").field("to", nullptr).end_object();
    w.field("rate", 0.6872345354853656).field("count", 42L).field("big", 41150000000LL);
    w.field("none", std::optional<double>{}).field("yes", true);
    w.text_or_null("empty", "").text_or_null("name", "Sidasari");
    w.field("tags", std::vector<std::string>{"bumdes", "air bersih"});
    w.key("nothing").begin_array().end_array();
    w.key("no_fields").begin_object().end_object();
    w.key("texts").begin_array();
    w.value("tab\there").value("quote \" and \\ slash").value("ctrl \x01\x1f\x7f");
    w.value("Rp 1.000 — ·…")
        .value(std::string("a\xff"
                           "b\xc3"));
    w.begin_array().value(1).begin_object().field("x", -3).end_object().end_array();
    w.end_array();
    w.end_object();
    w.finish();
    return out.str();
}

Json expected() {
    Json j;
    j["period"] = {{"from", "2026-11-01"}, {"to", nullptr}};
    j["rate"] = 0.6872345354853656;
    j["count"] = 42;
    j["big"] = 41150000000LL;
    j["none"] = nullptr;
    j["yes"] = true;
    j["empty"] = nullptr;
    j["name"] = "Sidasari";
    j["tags"] = Json::array({"bumdes", "air bersih"});
    j["nothing"] = Json::array();
    j["no_fields"] = Json::object();
    j["texts"] =
        Json::array({"tab\there", "quote \" and \\ slash", "ctrl \x01\x1f\x7f", "Rp 1.000 — ·…",
                     std::string("a\xff"
                                 "b\xc3"),
                     Json::array({1, {{"x", -3}}})});
    return j;
}

} // namespace

TEST_CASE("render::JsonWriter: the same bytes as write_json of the whole document") {
    CHECK(written() == whole(expected()));
    // Escapes and replacement as nlohmann writes them.
    CHECK(written().find(R"("ctrl \u0001\u001f)") != std::string::npos);
    CHECK(written().find("\"a\xef\xbf\xbd"
                         "b\xef\xbf\xbd\"") != std::string::npos);
    std::ostringstream out;
    {
        JsonWriter w(out);
        w.begin_array().end_array();
        w.finish();
    }
    CHECK(out.str() == "[]\n");
}
