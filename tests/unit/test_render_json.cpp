// render::JsonArrayWriter writes, an element at a time, what write_json writes of the array.

#include "render/json.hpp"

#include <doctest/doctest.h>

#include <sstream>

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
